import type { Cookies } from '@sveltejs/kit';

interface Stored {
	value: string;
	expiresAt: number | null;
	httpOnly: boolean;
	sameSite: unknown;
	secure: boolean;
	path: string;
}

/**
 * A browser's cookie store seen through SvelteKit's `Cookies`: what an adapter sets is there
 * on the next request, until its Max-Age runs out (read from `Date.now()`, so a test that moves
 * the clock sees an access cookie expire as a browser would) or it is deleted.
 */
export class CookieJar implements Cookies {
	#cookies = new Map<string, Stored>();

	#live() {
		const now = Date.now();
		for (const [name, c] of this.#cookies)
			if (c.expiresAt !== null && c.expiresAt <= now) this.#cookies.delete(name);
		return this.#cookies;
	}

	get(name: string) {
		return this.#live().get(name)?.value;
	}

	getAll() {
		return [...this.#live()].map(([name, c]) => ({ name, value: c.value }));
	}

	set(name: string, value: string, options: Parameters<Cookies['set']>[2]) {
		if (options.maxAge === 0) {
			this.#cookies.delete(name);
			return;
		}
		this.#cookies.set(name, {
			value,
			expiresAt: options.maxAge === undefined ? null : Date.now() + options.maxAge * 1000,
			httpOnly: options.httpOnly ?? true,
			sameSite: options.sameSite,
			secure: options.secure ?? true,
			path: options.path
		});
	}

	delete(name: string) {
		this.#cookies.delete(name);
	}

	serialize(name: string, value: string): string {
		return `${name}=${value}`;
	}

	/** Every cookie with its attributes, to check how they were set. */
	attributes() {
		return [...this.#live()].map(([name, c]) => ({ name, ...c }));
	}

	/** A copy of this browser's cookies, as someone who took them would hold. */
	copy(): CookieJar {
		const copy = new CookieJar();
		for (const [name, c] of this.#live()) copy.#cookies.set(name, { ...c });
		return copy;
	}
}
