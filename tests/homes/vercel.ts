/**
 * The Vercel build (`VERCEL=1 vite build`, made by scripts/test-homes.sh) invoked as Vercel
 * invokes it: its catch-all server function's Web `fetch(request)` handler, imported with a
 * complete production configuration (detected as production through VERCEL=1) on a real
 * PostgreSQL. Vercel's own runtime cannot run here; this is the function contract it calls.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import webpush from 'web-push';
import { DEMO_EMAILS, DEMO_PASSWORD } from '../support/demo';
import { startTestDatabase } from '../support/test-database';

const FUNCTION_DIR = '.vercel/output/functions/![-]/catchall.func';
const ORIGIN = 'https://sessions.nexus-reussite.example';

const failures: string[] = [];
function check(what: string, ok: boolean, detail = '') {
	console.log(`[vercel] ${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : `: ${detail}`}`);
	if (!ok) failures.push(what);
}

const config = JSON.parse(readFileSync(path.join(FUNCTION_DIR, '.vc-config.json'), 'utf8')) as {
	runtime: string;
	handler: string;
	launcherType: string;
};
check(
	'the function runs on a Node LTS runtime',
	/^nodejs(22|24)\.x$/.test(config.runtime),
	config.runtime
);

const db = await startTestDatabase();
const vapid = webpush.generateVAPIDKeys();
Object.assign(process.env, {
	VERCEL: '1',
	DATABASE_URL: db.url,
	ORIGIN,
	JWT_SECRET: 'vercel-check-secret-0123456789abcdef0123456789',
	SMTP_URL: 'smtp://mailer:pw@127.0.0.1:9',
	TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
	TWILIO_AUTH_TOKEN: 't'.repeat(32),
	TWILIO_FROM: '+33600000000',
	VAPID_PUBLIC_KEY: vapid.publicKey,
	VAPID_PRIVATE_KEY: vapid.privateKey,
	INNGEST_EVENT_KEY: 'vercel-check-event-key',
	INNGEST_SIGNING_KEY: `signkey-test-${'ab'.repeat(16)}`
});

try {
	const started = performance.now();
	const fn = (await import(pathToFileURL(path.resolve(FUNCTION_DIR, config.handler)).href)) as {
		default: { fetch(request: Request): Promise<Response> };
	};
	console.log(`[vercel] cold start (import + init) ${Math.round(performance.now() - started)} ms`);
	const call = (p: string, init: RequestInit = {}) =>
		fn.default.fetch(
			new Request(`${ORIGIN}${p}`, {
				...init,
				headers: { 'x-forwarded-for': '203.0.113.7', ...init.headers }
			})
		);

	const health = await call('/api/health');
	const body = (await health.json()) as { status?: string; database?: string };
	check(
		'GET /api/health answers 200 from the external database',
		health.status === 200 && body.status === 'ok' && body.database === 'external',
		`${health.status} ${JSON.stringify(body)}`
	);

	const token = await call('/api/auth/token', {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: ORIGIN },
		body: JSON.stringify({ email: DEMO_EMAILS.lucas, password: DEMO_PASSWORD })
	});
	const issued = (await token.json()) as { access_token?: string };
	check(
		'a student signs in through the API',
		token.status === 200 && Boolean(issued.access_token),
		`${token.status}`
	);

	const sessions = await call('/api/sessions', {
		headers: { authorization: `Bearer ${issued.access_token}` }
	});
	check('and reads their sessions under RLS', sessions.status === 200, `${sessions.status}`);

	const login = await call('/login', { headers: { accept: 'text/html' } });
	const html = await login.text();
	check(
		'the sign-in page renders, without the demo accounts (not a loopback visitor)',
		login.status === 200 && html.includes('<form') && !html.includes(DEMO_PASSWORD),
		`${login.status}`
	);

	// Inngest's contract: a call carries x-inngest-signature "t=<unix s>&s=<hex HMAC-SHA256 of
	// body + t, keyed with the signing key without its signkey-<env>- prefix>".
	const unsigned = await call('/api/inngest');
	check(
		"Inngest's endpoint refuses an unsigned call",
		unsigned.status === 401,
		`${unsigned.status}`
	);
	const t = Math.floor(Date.now() / 1000).toString();
	const key = process.env.INNGEST_SIGNING_KEY!.replace(/^signkey-\w+-/, '');
	const signature = createHmac('sha256', key).update(t).digest('hex');
	const signed = await call('/api/inngest', {
		headers: { 'x-inngest-signature': `t=${t}&s=${signature}` }
	});
	const introspection = (await signed.json()) as {
		authentication_succeeded?: boolean;
		function_count?: number;
	};
	check(
		'and describes its functions to a signed one (Inngest is the engine here)',
		signed.status === 200 &&
			introspection.authentication_succeeded === true &&
			introspection.function_count === 3,
		`${signed.status} ${JSON.stringify(introspection)}`
	);
} finally {
	await db.stop();
}
if (failures.length) {
	console.error(`[vercel] ${failures.length} check(s) failed`);
	process.exit(1);
}
console.log('[vercel] the server function answers as Vercel would call it');
process.exit(0);
