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
		// Separate output dirs let parallel builds (e.g. two test runs) not collide.
		outDir: process.env.NEXUS_KIT_DIR ?? '.svelte-kit',
		// SvelteKit's origin check answers in plain text before any hook runs; the same check is
		// done in hooks.server.ts instead (src/lib/server/http/csrf.ts), so /api answers in JSON.
		csrf: { trustedOrigins: ['*'] }
	}
};

export default config;
