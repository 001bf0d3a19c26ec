/**
 * Parity, slot engine ≡ SQL, on random schedules (fast-check):
 * - around DST changes, every start the engine offers is accepted by
 *   `private.is_slot_available`, and every grid start it omits is refused;
 * - near now, the engine's notice, horizon and start grid are exactly those of
 *   `private.check_start` (the checks book_session and reschedule_session run).
 * Both sides read the same rules from the database and, for the second, the same `now()`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBookingPolicy } from '$lib/core/policy';
import { fileSql, makeUser } from '../../../../tests/support/db';
import { computeSlots, policyLimits } from './slots';
import type { AvailabilityRule, IsoDate } from './types';

const MINUTE = 60_000;
const DAY = 86_400_000;
const HALF_HOUR = 30 * MINUTE;

const sql = fileSql();

// Zones whose offsets are whole or half hours, each with a date its offset changes.
const ZONE_DATES: [string, IsoDate][] = [
	['Europe/Paris', '2027-03-28'],
	['Europe/Paris', '2026-10-25'],
	['America/New_York', '2027-03-14'],
	['America/New_York', '2026-11-01'],
	['Pacific/Auckland', '2027-04-04'],
	['Australia/Lord_Howe', '2027-04-04'],
	['America/Santiago', '2027-04-04'],
	['America/Havana', '2027-03-14'],
	['UTC', '2027-06-10']
];

const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10) as IsoDate;
const hhmm = (m: number) =>
	`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const ruleArb = fc.record({
	isRecurring: fc.boolean(),
	dayOfWeek: fc.integer({ min: 0, max: 6 }),
	dayOffset: fc.integer({ min: -1, max: 2 }),
	startHalfHours: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 47 })),
	lengthHalfHours: fc.integer({ min: 1, max: 30 }),
	isAvailable: fc.constantFrom(true, true, false)
});

/** Random rules, minus those the database's no-overlap constraints would refuse. */
type RawRule = typeof ruleArb extends fc.Arbitrary<infer T> ? T : never;

function toRules(raw: RawRule[], base: number): AvailabilityRule[] {
	const kept: (AvailabilityRule & { from: number; to: number; key: string })[] = [];
	for (const r of raw) {
		const from = r.startHalfHours * 30;
		const to = Math.min(1440, from + r.lengthHalfHours * 30);
		if (to - from < 30) continue;
		const rule: AvailabilityRule = {
			isRecurring: r.isRecurring,
			dayOfWeek: r.isRecurring ? r.dayOfWeek : null,
			specificDate: r.isRecurring ? null : isoOf(base + r.dayOffset * DAY),
			startTime: hhmm(from),
			endTime: hhmm(to),
			isAvailable: r.isAvailable
		};
		const key = `${rule.dayOfWeek}|${rule.specificDate}|${rule.isAvailable}`;
		if (kept.some((k) => k.key === key && k.from < to && from < k.to)) continue;
		kept.push({ ...rule, from, to, key });
	}
	return kept.map(({ from: _f, to: _t, key: _k, ...rule }) => rule);
}

async function coachWith(timeZone: string, rules: AvailabilityRule[]): Promise<string> {
	const id = await makeUser(sql, 'coach', { timeZone });
	for (const r of rules) {
		await sql`insert into public.coach_availability
			(coach_id, is_recurring, day_of_week, specific_date, start_time, end_time, is_available)
			values (${id}, ${r.isRecurring}, ${r.dayOfWeek}, ${r.specificDate}, ${r.startTime},
				${r.endTime}, ${r.isAvailable})`;
	}
	return id;
}

describe('slot engine ≡ private.is_slot_available', () => {
	it('offers exactly the grid starts SQL accepts, around DST changes', async () => {
		let compared = 0;
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...ZONE_DATES),
				fc.constantFrom(30, 60, 90, 120, 240),
				fc.array(ruleArb, { minLength: 1, maxLength: 8 }),
				async ([timeZone, changeDate], duration, raw) => {
					const base = Date.parse(`${changeDate}T00:00:00Z`) - DAY;
					const rules = toRules(raw, base);
					const coachId = await coachWith(timeZone, rules);
					const offered = computeSlots(rules, [], {
						timeZone,
						startDate: isoOf(base),
						endDate: isoOf(base + 2 * DAY),
						durationMinutes: duration,
						now: new Date(0),
						minNoticeMinutes: 0,
						horizonDays: 1_000_000,
						stepMinutes: 30
					}).map((s) => s.startsAt.getTime());
					// Every half-hour instant from a day before to a day after the engine's dates.
					const candidates = Array.from({ length: 5 * 48 }, (_, i) => base - DAY + i * HALF_HOUR);
					const rows = await sql<{ at: Date; ok: boolean }[]>`
						select c.at, private.is_slot_available(${coachId}::uuid, c.at,
							c.at + make_interval(mins => ${duration}::int)) as ok
						from unnest(${candidates.map((ms) => new Date(ms).toISOString())}::timestamptz[]) c(at)`;
					// Starts outside the engine's dates are not its question: compare on its days only.
					const inRange = (ms: number) => {
						const local = new Date(ms).toLocaleDateString('sv-SE', { timeZone });
						return local >= isoOf(base) && local <= isoOf(base + 2 * DAY);
					};
					const accepted = rows
						.filter((r) => r.ok && inRange(r.at.getTime()))
						.map((r) => r.at.getTime());
					compared += candidates.length;
					expect(offered).toEqual(accepted);
				}
			),
			{ numRuns: 40 }
		);
		expect(compared).toBe(40 * 5 * 48);
	}, 120_000);
});

describe('slot engine ≡ private.check_start (notice, horizon, grid)', () => {
	it('agrees on every quarter-hour start near now + notice and near the horizon', async () => {
		// Open every day, all day: only the policy decides.
		const weekly = [0, 1, 2, 3, 4, 5, 6].map((d) => ({
			isRecurring: true,
			dayOfWeek: d,
			specificDate: null,
			startTime: '00:00',
			endTime: '24:00',
			isAvailable: true
		}));
		const coachId = await coachWith('Europe/Paris', weekly);
		await sql.begin(async (tx) => {
			// One transaction: now() is the same instant for every check below.
			await tx`create function pg_temp.accepts(p_coach uuid, p_at timestamptz) returns boolean
				language plpgsql as $$
				begin
					perform private.check_start(p_coach, p_at, p_at + interval '60 minutes');
					return true;
				exception when raise_exception then
					return false;
				end $$`;
			const [clock] = await tx<{ now: Date; policy: unknown }[]>`
				select now() as now, public.booking_policy() as policy`;
			const { now, policy } = clock!;
			const limits = policyLimits(parseBookingPolicy(policy));
			const nowMs = now.getTime();
			const quarter = 15 * MINUTE;
			const first = Math.floor(nowMs / quarter) * quarter;
			const aroundNotice = Array.from({ length: 24 }, (_, i) => first + i * quarter);
			const horizonMs = nowMs + limits.horizonDays * DAY;
			const aroundHorizon = Array.from(
				{ length: 24 },
				(_, i) => Math.floor(horizonMs / quarter) * quarter + (i - 12) * quarter
			);
			const candidates = [...aroundNotice, ...aroundHorizon, horizonMs];
			const rows = await tx<{ at: Date; ok: boolean }[]>`
				select c.at, pg_temp.accepts(${coachId}::uuid, c.at) as ok
				from unnest(${candidates.map((ms) => new Date(ms).toISOString())}::timestamptz[]) c(at)`;
			const offered = new Set(
				computeSlots(weekly, [], {
					timeZone: 'Europe/Paris',
					startDate: isoOf(nowMs - DAY),
					endDate: isoOf(nowMs + (limits.horizonDays + 2) * DAY),
					durationMinutes: 60,
					now,
					...limits
				}).map((s) => s.startsAt.getTime())
			);
			const disagreements = rows.filter((r) => r.ok !== offered.has(r.at.getTime()));
			expect(rows.filter((r) => r.ok).length).toBeGreaterThan(10);
			expect(rows.filter((r) => !r.ok).length).toBeGreaterThan(10);
			expect(disagreements).toEqual([]);
		});
	}, 60_000);
});
