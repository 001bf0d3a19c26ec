import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	test: {
		include: [
			'src/**/*.test.ts',
			'supabase/tests/**/*.test.ts',
			'tests/api/**/*.test.ts',
			'tests/lint/**/*.test.ts',
			'tests/start/**/*.test.ts'
		],
		globalSetup: ['tests/setup/global-db.ts'],
		env: { TZ: 'UTC' },
		testTimeout: 30_000,
		hookTimeout: 120_000,
		pool: 'forks'
	}
});
