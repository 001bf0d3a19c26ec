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
			'tests/contract/**/*.test.ts',
			'tests/lint/**/*.test.ts',
			'tests/start/**/*.test.ts'
		],
		// NEXUS_TEST_DB=0: pure unit tests only (scripts/test-clock.sh), no database for the run.
		globalSetup: process.env.NEXUS_TEST_DB === '0' ? [] : ['tests/setup/global-db.ts'],
		env: { TZ: 'UTC' },
		testTimeout: 30_000,
		hookTimeout: 120_000,
		pool: 'forks'
	}
});
