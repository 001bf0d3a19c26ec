import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../src/lib/server/db/embedded';
import { DEMO_PASSWORD } from '../support/demo';
import { hasBuild, postSignIn, spawnStart, type StartProcess } from '../support/start-process';

const student = { email: 'eleve.lucas@nexus.test', password: DEMO_PASSWORD };

/**
 * `npm start` against the test database (DATABASE_URL), signing in with a real
 * form POST under several host names: SvelteKit's CSRF check compares the
 * browser's Origin with the origin the server derives for the request.
 */
describe.skipIf(!hasBuild())(
	'the sign-in form works under any host name the server is reached by',
	() => {
		let server: StartProcess;
		let port: number;

		beforeAll(async () => {
			port = await freePort();
			server = spawnStart({
				DATABASE_URL: inject('databaseUrl'),
				PORT: String(port),
				HOST: '127.0.0.1'
			});
			await server.serving();
		});
		afterAll(() => server?.stop());

		const target = () => ({ address: '127.0.0.1', port });

		it.each(['localhost', '127.0.0.1', 'nexus-laptop.lan'])(
			'signs in as http://%s',
			async (name) => {
				const host = `${name}:${port}`;
				const res = await postSignIn(target(), host, `http://${host}`, student);
				expect(res.status, res.body).toBe(303);
				expect(res.headers.location).toBe('/student');
				expect(String(res.headers['set-cookie'])).toMatch(/nexus_access=/);
			}
		);

		it('still refuses a cross-site form post', async () => {
			const res = await postSignIn(target(), `localhost:${port}`, 'http://evil.example', student);
			expect(res.status).toBe(403);
			expect(res.body).toMatch(/Cross-site POST form submissions are forbidden/);
		});

		it('ignores a client claiming the request came over https', async () => {
			const host = `localhost:${port}`;
			const res = await postSignIn(target(), host, `https://${host}`, student);
			expect(res.status).toBe(403);
		});
	}
);

describe.skipIf(!hasBuild())('with ORIGIN set (production), only that origin signs in', () => {
	let server: StartProcess;
	let port: number;

	beforeAll(async () => {
		port = await freePort();
		server = spawnStart({
			DATABASE_URL: inject('databaseUrl'),
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://localhost:${port}`
		});
		await server.serving();
	});
	afterAll(() => server?.stop());

	it('accepts the configured origin and refuses another host name', async () => {
		const target = { address: '127.0.0.1', port };
		const ok = await postSignIn(target, `localhost:${port}`, `http://localhost:${port}`, student);
		expect(ok.status, ok.body).toBe(303);
		const other = `127.0.0.1:${port}`;
		const refused = await postSignIn(target, other, `http://${other}`, student);
		expect(refused.status).toBe(403);
	});
});
