import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../support/demo';
import { hasBuild, postSignIn, startedServer } from '../support/start-process';

const student = { email: 'eleve.lucas@nexus.test', password: DEMO_PASSWORD };

/**
 * `npm start` against the test database (DATABASE_URL), signing in with a real
 * form POST under several host names: SvelteKit's CSRF check compares the
 * browser's Origin with the origin the server derives for the request.
 */
describe.skipIf(!hasBuild())(
	'the sign-in form works under any host name the server is reached by',
	() => {
		const started = startedServer();

		const target = () => ({ address: '127.0.0.1', port: started.port });

		it.each(['localhost', '127.0.0.1', 'nexus-laptop.lan'])(
			'signs in as http://%s',
			async (name) => {
				const host = `${name}:${started.port}`;
				const res = await postSignIn(target(), host, `http://${host}`, student);
				expect(res.status, res.body).toBe(303);
				expect(res.headers.location).toBe('/student');
				expect(String(res.headers['set-cookie'])).toMatch(/nexus_access=/);
			}
		);

		it('still refuses a cross-site form post', async () => {
			const res = await postSignIn(
				target(),
				`localhost:${started.port}`,
				'http://evil.example',
				student
			);
			expect(res.status).toBe(403);
			expect(res.body).toMatch(/Cross-site POST form submissions are forbidden/);
		});

		it('ignores a client claiming the request came over https', async () => {
			const host = `localhost:${started.port}`;
			const res = await postSignIn(target(), host, `https://${host}`, student);
			expect(res.status).toBe(403);
		});
	}
);

describe.skipIf(!hasBuild())('with ORIGIN set (production), only that origin signs in', () => {
	const started = startedServer((port) => ({ ORIGIN: `http://localhost:${port}` }));

	it('accepts the configured origin and refuses another host name', async () => {
		const target = { address: '127.0.0.1', port: started.port };
		const ok = await postSignIn(
			target,
			`localhost:${started.port}`,
			`http://localhost:${started.port}`,
			student
		);
		expect(ok.status, ok.body).toBe(303);
		const other = `127.0.0.1:${started.port}`;
		const refused = await postSignIn(target, other, `http://${other}`, student);
		expect(refused.status).toBe(403);
	});
});
