import { describe, expect, it } from 'vitest';
import { ApiError } from '$lib/server/http/errors';
import { sessionIdParam } from './family-sessions.server';

describe('sessionIdParam', () => {
	it('returns a session id as it is', () => {
		const id = '0b9f5c3e-2f4a-4c1d-9a7e-6d2b8c1f0e3a';
		expect(sessionIdParam({ id })).toBe(id);
	});

	it('refuses anything else with the app’s own 404, not a SvelteKit error', () => {
		const thrown = (() => {
			try {
				sessionIdParam({ id: 'not-a-uuid' });
			} catch (error) {
				return error;
			}
		})();
		expect(thrown).toBeInstanceOf(ApiError);
		expect(thrown).toMatchObject({ status: 404, code: 'NOT_FOUND' });
	});
});
