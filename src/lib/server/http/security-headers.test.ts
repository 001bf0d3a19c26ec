import { describe, expect, it } from 'vitest';
import { withConnectSources, withSecurityHeaders } from './security-headers';

const CSP = "default-src 'self'; connect-src 'self'; script-src 'self' 'nonce-abc'";

describe('the pages’ Content-Security-Policy and the live transport', () => {
	it('lets pages connect to Supabase Realtime’s host, and to nothing more', () => {
		expect(withConnectSources(CSP, ['wss://abcd.supabase.co'])).toBe(
			"default-src 'self'; connect-src 'self' wss://abcd.supabase.co; script-src 'self' 'nonce-abc'"
		);
		expect(withConnectSources(CSP, [])).toBe(CSP);
	});

	it('adds the source to the policy a page was answered with', () => {
		const page = new Response('<html></html>', { headers: { 'content-security-policy': CSP } });
		const answer = withSecurityHeaders(page, {
			url: new URL('https://sessions.example/book'),
			api: false,
			signedIn: true,
			connectSources: ['wss://abcd.supabase.co']
		});
		expect(answer.headers.get('content-security-policy')).toContain(
			"connect-src 'self' wss://abcd.supabase.co;"
		);
	});
});
