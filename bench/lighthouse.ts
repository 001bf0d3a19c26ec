/**
 * Lighthouse 12.2.3 (pinned: 13 needs Node 22) on the family's /book, /sessions and /credits and
 * the coach's /coach, at its default mobile settings (a Moto G Power screen, simulated slow 4G,
 * 4× CPU slowdown), in Debian's Chromium. Signed in with a bearer token (the hooks accept it for
 * pages as for the API). Also the JavaScript each page loads from this origin, gzipped, and
 * whether any of it is FullCalendar (the booking page must not load it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { freePort } from '../src/lib/server/db/embedded';

const FAMILY = 'parent.martin@nexus.test';
const COACH = 'coach.maths@nexus.test';
const PASSWORD = 'nexus-demo';
export const LIGHTHOUSE_PAGES = [
	{ path: '/book', as: FAMILY },
	{ path: '/sessions', as: FAMILY },
	{ path: '/credits', as: FAMILY },
	{ path: '/coach', as: COACH }
] as const;
/** The targets. */
export const SCORE_TARGET = 95;
export const BOOK_JS_TARGET_KB = 80;

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

export interface PageFigures {
	path: string;
	performance: number;
	accessibility: number;
	best_practices: number;
	first_contentful_paint_ms: number;
	largest_contentful_paint_ms: number;
	total_blocking_time_ms: number;
	cumulative_layout_shift: number;
	scripts: number;
	js_gzip_kb: number;
	/** What was sent over the wire (adapter-node serves precompressed brotli). */
	js_transfer_kb: number;
	loads_fullcalendar: boolean;
	/** Audits of the three categories that failed, for a human to read. */
	failed_audits: string[];
}

async function tokenFor(appUrl: string, email: string) {
	const res = await fetch(`${appUrl}/api/auth/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password: PASSWORD })
	});
	if (!res.ok) throw new Error(`sign-in as ${email} failed: ${res.status}`);
	return ((await res.json()) as { access_token: string }).access_token;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

interface NetworkItem {
	url: string;
	resourceType?: string;
	transferSize?: number;
}

async function scriptFigures(appUrl: string, items: NetworkItem[]) {
	const origin = new URL(appUrl).origin;
	const scripts = items.filter((i) => i.resourceType === 'Script' && i.url.startsWith(origin));
	let gzip = 0;
	let transfer = 0;
	let fullcalendar = false;
	for (const script of scripts) {
		const text = await (await fetch(script.url)).text();
		gzip += gzipSync(text).length;
		transfer += script.transferSize ?? 0;
		if (/fc-timegrid|fc-daygrid|FullCalendar/.test(text)) fullcalendar = true;
	}
	return {
		scripts: scripts.length,
		js_gzip_kb: kb(gzip),
		js_transfer_kb: kb(transfer),
		loads_fullcalendar: fullcalendar
	};
}

/**
 * One Lighthouse run; a run whose trace recording failed (NO_NAVSTART and the like, seen now and
 * then on a loaded machine) is run again, up to three times.
 */
async function audit(url: string, port: number, token: string) {
	let failure = '';
	for (let attempt = 1; attempt <= 3; attempt++) {
		const result = await lighthouse(url, {
			port,
			logLevel: 'error',
			output: 'json',
			onlyCategories: [...CATEGORIES],
			extraHeaders: { authorization: `Bearer ${token}` }
		});
		if (result && !result.lhr.runtimeError) return result.lhr;
		failure = result?.lhr.runtimeError?.message ?? 'no result';
		console.log(`[bench] Lighthouse on ${url}, attempt ${attempt}: ${failure}`);
	}
	throw new Error(`${url}: ${failure}`);
}

export async function benchLighthouse(appUrl: string): Promise<PageFigures[]> {
	const port = await freePort();
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			`--remote-debugging-port=${port}`,
			'--no-sandbox',
			'--disable-gpu',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
	const tokens = new Map<string, string>();
	const figures: PageFigures[] = [];
	try {
		for (const { path, as } of LIGHTHOUSE_PAGES) {
			if (!tokens.has(as)) tokens.set(as, await tokenFor(appUrl, as));
			const lhr = await audit(`${appUrl}${path}`, port, tokens.get(as)!);
			// The whole report, to read why a score moved (bootup-time, long tasks, treemap).
			if (process.env.LIGHTHOUSE_REPORTS) {
				mkdirSync(process.env.LIGHTHOUSE_REPORTS, { recursive: true });
				const name = path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home';
				writeFileSync(join(process.env.LIGHTHOUSE_REPORTS, `${name}.json`), JSON.stringify(lhr));
			}
			const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
			const metric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
			const failed = CATEGORIES.flatMap((c) =>
				(lhr.categories[c]?.auditRefs ?? [])
					.filter((ref) => ref.weight > 0)
					.map((ref) => lhr.audits[ref.id]!)
					.filter((a) => a.score !== null && a.score < 0.9)
					.map((a) => `${c}: ${a.id} (${a.displayValue ?? a.score})`)
			);
			const network = (lhr.audits['network-requests']?.details as { items?: NetworkItem[] })?.items;
			figures.push({
				path,
				performance: score('performance'),
				accessibility: score('accessibility'),
				best_practices: score('best-practices'),
				first_contentful_paint_ms: metric('first-contentful-paint'),
				largest_contentful_paint_ms: metric('largest-contentful-paint'),
				total_blocking_time_ms: metric('total-blocking-time'),
				cumulative_layout_shift:
					Math.round((lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN) * 1000) / 1000,
				...(await scriptFigures(appUrl, network ?? [])),
				failed_audits: failed
			});
		}
	} finally {
		await browser.close();
	}
	return figures;
}

/** The bar: every score ≥ 95, /book's JavaScript < 80 kB gzipped and no FullCalendar. */
export function lighthouseVerdict(figures: PageFigures[]): string[] {
	const misses: string[] = [];
	for (const f of figures) {
		for (const [name, value] of [
			['performance', f.performance],
			['accessibility', f.accessibility],
			['best practices', f.best_practices]
		] as const)
			if (value < SCORE_TARGET) misses.push(`${f.path} ${name} ${value} < ${SCORE_TARGET}`);
		if (f.path === '/book') {
			if (f.js_gzip_kb >= BOOK_JS_TARGET_KB)
				misses.push(`/book JavaScript ${f.js_gzip_kb} kB gzipped ≥ ${BOOK_JS_TARGET_KB} kB`);
			if (f.loads_fullcalendar) misses.push('/book loads FullCalendar');
		}
	}
	return misses;
}
