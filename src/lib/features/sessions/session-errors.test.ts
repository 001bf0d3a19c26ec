import { describe, expect, it } from 'vitest';
import { sessionProblemMessage } from './session-errors';

describe('sessionProblemMessage', () => {
	it('explains the lifecycle refusals', () => {
		expect(sessionProblemMessage('TOO_LATE')).toBe('sessions.error.TOO_LATE');
		expect(sessionProblemMessage('ALREADY_RATED')).toBe('sessions.error.ALREADY_RATED');
		expect(sessionProblemMessage('WHATEVER')).toBe('sessions.error.generic');
	});
});
