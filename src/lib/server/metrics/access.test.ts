import { describe, expect, it } from 'vitest';
import { metricsAccess } from './access';

const TOKEN = 'a-metrics-token-of-32-characters';

describe('metricsAccess', () => {
	it('is disabled when no token is configured, whatever is sent', () => {
		expect(metricsAccess(undefined, null)).toBe('disabled');
		expect(metricsAccess(undefined, `Bearer ${TOKEN}`)).toBe('disabled');
		expect(metricsAccess('', 'Bearer ')).toBe('disabled');
	});

	it('grants exactly the configured bearer token', () => {
		expect(metricsAccess(TOKEN, `Bearer ${TOKEN}`)).toBe('granted');
		expect(metricsAccess(TOKEN, `bearer ${TOKEN}`)).toBe('granted');
	});

	it('refuses a missing, wrong, longer, shorter or differently sent token', () => {
		for (const header of [
			null,
			'',
			'Bearer',
			'Bearer ',
			`Bearer ${TOKEN}x`,
			`Bearer ${TOKEN.slice(0, -1)}`,
			`Bearer ${TOKEN.toUpperCase()}`,
			`Basic ${TOKEN}`,
			TOKEN,
			`Bearer ${TOKEN} extra`
		]) {
			expect(metricsAccess(TOKEN, header), String(header)).toBe('refused');
		}
	});
});
