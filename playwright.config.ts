import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://localhost:${PORT}`;

/**
 * End-to-end journeys in Debian's Chromium against the real production build,
 * which boots its own embedded PostgreSQL with the demo data in a fresh
 * `.data/e2e` directory — exactly what `npm start` does.
 */
export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 30_000,
	reporter: process.env.CI ? 'list' : [['list']],
	outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
	use: {
		baseURL,
		locale: 'fr-FR',
		timezoneId: 'Europe/Paris',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
	webServer: {
		command: `rm -rf .data/e2e-${PORT} && NEXUS_DATA_DIR=.data/e2e-${PORT} PORT=${PORT} node scripts/start.js`,
		url: `${baseURL}/api/health`,
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'pipe',
		stderr: 'pipe'
	}
});
