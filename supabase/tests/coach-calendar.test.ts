import { describe, expect, it } from 'vitest';
import { fileSql, failure, tryAs } from '../../tests/support/db';
import { DEMO, DEMO_SESSIONS } from '../../tests/support/demo';

/** What every signed-in user may know of a coach's calendar, without seeing the sessions. */
const sql = fileSql();

const lastMonth = () => [new Date(Date.now() - 30 * 86_400_000), new Date()] as const;

describe('coach_busy_intervals', () => {
	it("shows a family the busy times of another family's sessions, and nothing else", async () => {
		const [from, to] = lastMonth();
		const rows = await tryAs(
			sql,
			DEMO.hugo,
			(tx) =>
				tx`select * from public.coach_busy_intervals(${[DEMO.coachMaths]}::uuid[], ${from}, ${to})`
		);
		const [seeded] = await sql<{ starts_at: Date }[]>`
			select starts_at from public.session_bookings where id = ${DEMO_SESSIONS.lucasMaths}`;
		expect(rows.map((r) => r.starts_at.toISOString())).toContain(seeded!.starts_at.toISOString());
		expect(Object.keys(rows[0]!).sort()).toEqual(['coach_id', 'ends_at', 'starts_at']);
		// The sessions themselves stay hidden from Hugo.
		const visible = await tryAs(
			sql,
			DEMO.hugo,
			(tx) => tx`select id from public.session_bookings where id = ${DEMO_SESSIONS.lucasMaths}`
		);
		expect(visible).toHaveLength(0);
	});

	it('refuses anonymous callers and unbounded ranges', async () => {
		const anon = sql.begin(async (tx) => {
			await tx`select set_config('role', 'anon', true)`;
			return tx`select * from public.coach_busy_intervals(${[DEMO.coachMaths]}::uuid[], now(), now())`;
		});
		expect((await failure(anon)).code).toBe('42501');
		const wide = tryAs(
			sql,
			DEMO.hugo,
			(tx) => tx`select * from public.coach_busy_intervals(${[DEMO.coachMaths]}::uuid[],
				now(), now() + interval '1 year')`
		);
		expect((await failure(wide)).message).toMatch(/^NB_VALIDATION/);
	});
});

describe('coach_rating_summaries', () => {
	it('gives every family the average over all families, and zero for unrated coaches', async () => {
		const rows = await tryAs(
			sql,
			DEMO.hugo,
			(tx) => tx<{ coach_id: string; average_rating: number | null; rating_count: number }[]>`
				select * from public.coach_rating_summaries(${[DEMO.coachMaths, DEMO.coachNsi]}::uuid[])`
		);
		const byCoach = Object.fromEntries(rows.map((r) => [r.coach_id, r]));
		expect(byCoach[DEMO.coachMaths]).toMatchObject({ average_rating: 4.5, rating_count: 2 });
		expect(byCoach[DEMO.coachNsi]).toMatchObject({ average_rating: null, rating_count: 0 });
	});
});
