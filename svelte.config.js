import adapterNode from '@sveltejs/adapter-node';
import adapterVercel from '@sveltejs/adapter-vercel';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** Vercel sets VERCEL during its builds; everywhere else we ship a plain Node server. */
const adapter = process.env.VERCEL
	? adapterVercel({ runtime: 'nodejs22.x' })
	: adapterNode({ out: process.env.NEXUS_BUILD_DIR ?? 'build' });

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter,
		// Registered by the app itself once the page is idle (features/pwa/register.client.ts).
		serviceWorker: { register: false },
		// Separate output dirs let parallel builds (e.g. two test runs) not collide.
		outDir: process.env.NEXUS_KIT_DIR ?? '.svelte-kit',
		// SvelteKit's origin check answers in plain text before any hook runs; the same check is
		// done in hooks.server.ts instead (src/lib/server/http/csrf.ts), so /api answers in JSON.
		csrf: { trustedOrigins: ['*'] },
		// Nonces for server-rendered pages, hashes for prerendered ones (mode 'auto'). Styles stay
		// 'unsafe-inline': FullCalendar injects its CSS at run time and Svelte sets style
		// attributes (with 'unsafe-inline' listed, SvelteKit adds no style nonce, which would
		// disable it). Scripts run only from this origin or with the page's nonce.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
