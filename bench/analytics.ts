/**
 * Team analytics on a year of data: `scripts/seed-year.ts` once (≥ 50 coaches, 2,000 students,
 * ≈ 100,000 sessions), then the whole page's figures as the page loads them
 * (`loadTeamAnalyticsConcurrently`: three transactions at once, as the demo admin, over the last
 * 365 days) RUNS times, and each figure alone; p50/p95 in ms. The target:
 * the page under 300 ms p95.
 */
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import * as team from '../src/lib/features/analytics/team/team.server';
import type { TeamFilters } from '../src/lib/features/analytics/team/types';
import { runAsUser, type JwtClaims, type Tx } from '../src/lib/server/db/as-user';
import { seedYear, type SeedYearReport } from '../scripts/seed-year';
import { DEMO } from '../tests/support/demo';
import { p50p95, round } from './stats';

export const ANALYTICS_TARGET_P95_MS = 300;
const RUNS = 20;
const ZONE = 'Europe/Paris';

export interface AnalyticsFigures {
	seed: SeedYearReport;
	runs: number;
	page_p50_ms: number;
	page_p95_ms: number;
	target_p95_ms: number;
	/** Each figure alone (one transaction each), p95 in ms. */
	figures_p95_ms: Record<string, number>;
}

const FIGURES = {
	bookingsPerDay: team.bookingsPerDay,
	funnel: team.funnel,
	utilisation: team.utilisation,
	engagement: team.engagement,
	rebooking: team.rebooking,
	cohorts: team.cohorts,
	revenue: team.revenue,
	losses: team.losses,
	ratings: team.ratings,
	latestFeedback: team.latestFeedback,
	adoption: team.adoption
} as Record<string, (tx: Tx, f: TeamFilters, zone: string) => Promise<unknown>>;

async function timed(fn: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await fn();
	return performance.now() - started;
}

export async function benchAnalytics(url: string): Promise<AnalyticsFigures> {
	const sql = postgres(url, { max: 4, onnotice: () => {} });
	try {
		const seed = await seedYear(sql);
		// A year of real use has been vacuumed by autovacuum many times over; a bulk load just
		// written has not, and its index-only scans would still read every heap page.
		await sql`vacuum analyze`;
		const [session] = await sql<{ id: string }[]>`
			insert into auth.sessions (id, user_id) values (${randomUUID()}, ${DEMO.admin}) returning id`;
		const claims: JwtClaims = { sub: DEMO.admin, role: 'authenticated', session_id: session!.id };
		const [today] = await sql<{ d: string }[]>`
			select to_char((now() at time zone ${ZONE})::date, 'YYYY-MM-DD') as d`;
		const [from] = await sql<{ d: string }[]>`
			select to_char((now() at time zone ${ZONE})::date - 364, 'YYYY-MM-DD') as d`;
		const filters: TeamFilters = { from: from!.d, to: today!.d, coachId: null, subject: null };
		const as = <T>(fn: (tx: Tx) => Promise<T>) => runAsUser(sql, claims, fn);

		await as((tx) => team.loadTeamAnalytics(tx, filters, ZONE)); // warm-up
		const page: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			// As the page loads it: three transactions at once.
			page.push(await timed(() => team.loadTeamAnalyticsConcurrently(as, filters, ZONE)));
		}
		const figures: Record<string, number> = {};
		for (const [name, figure] of Object.entries(FIGURES)) {
			const times: number[] = [];
			for (let i = 0; i < RUNS; i++) {
				times.push(await timed(() => as((tx) => figure(tx, filters, ZONE))));
			}
			figures[name] = round(p50p95(times).p95, 1);
		}
		const { p50, p95 } = p50p95(page);
		return {
			seed,
			runs: RUNS,
			page_p50_ms: round(p50, 1),
			page_p95_ms: round(p95, 1),
			target_p95_ms: ANALYTICS_TARGET_P95_MS,
			figures_p95_ms: figures
		};
	} finally {
		await sql.end({ timeout: 5 });
	}
}
