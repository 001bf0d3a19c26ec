import { describe, expect, it } from 'vitest';
import { actAs, failure, fileSql, makeCoach, makeFamily } from '../../../../tests/support/db';
import { DEMO } from '../../../../tests/support/demo';
import { BoardFiltersSchema } from './schemas';
import {
	addStaffNote,
	boardCounters,
	loadBoard,
	loadSessionRecord
} from './session-manager.server';

const sql = fileSql();
const asStaff = actAs(sql, DEMO.assistant);
// Fixed instants far from today's data: the answers depend on neither the clock nor the zone.
const NOW = new Date('2032-05-12T08:00:00Z');
const filters = (query: Record<string, string>) => BoardFiltersSchema.parse(query);

async function sessionsAt(rows: { at: string; status?: string; title?: string }[]) {
	const coachId = await makeCoach(sql);
	const family = await makeFamily(sql, { children: 1 });
	const ids: string[] = [];
	for (const r of rows) {
		const [row] = await sql<{ id: string }[]>`
			insert into public.session_bookings (student_id, coach_id, parent_id, booked_by, subject_code,
				title, starts_at, ends_at, duration_minutes, status, credits_used, modality, cancelled_at)
			values (${family.studentIds[0]!}, ${coachId}, ${family.parentId}, ${family.parentId}, 'MATHEMATIQUES',
				${r.title ?? 'Séance'}, ${r.at}::timestamptz, ${r.at}::timestamptz + interval '1 hour', 60,
				${r.status ?? 'SCHEDULED'}::public.session_status, 1, 'IN_PERSON',
				case when ${r.status ?? ''} = 'CANCELLED' then ${r.at}::timestamptz end)
			returning id`;
		ids.push(row!.id);
	}
	return { coachId, family, ids };
}

describe('the SessionManager', () => {
	it("lists a coach's sessions of the viewer's days, in order, with the day's counters", async () => {
		const { coachId, ids } = await sessionsAt([
			{ at: '2032-05-12T15:00:00Z', title: 'B' },
			{ at: '2032-05-12T07:00:00Z', title: 'A', status: 'IN_PROGRESS' },
			{ at: '2032-05-12T09:00:00Z', title: 'C', status: 'CANCELLED' },
			{ at: '2032-05-12T10:00:00Z', title: 'D', status: 'NO_SHOW' },
			// 00:30 Paris on the 12th is still the 11th in UTC: in the Paris day, not the UTC one.
			{ at: '2032-05-11T22:30:00Z', title: 'E' },
			{ at: '2032-05-14T09:00:00Z', title: 'later' }
		]);
		const board = await asStaff((tx) =>
			loadBoard(tx, filters({ from: '2032-05-12', days: '1', coach: coachId }), 'Europe/Paris', NOW)
		);
		expect(board.sessions.map((s) => s.title)).toEqual(['E', 'A', 'C', 'D', 'B']);
		expect(board.total).toBe(5);
		expect(board.sessions[1]!.id).toBe(ids[1]);
		const utc = await asStaff((tx) =>
			loadBoard(tx, filters({ from: '2032-05-12', days: '1', coach: coachId }), 'UTC', NOW)
		);
		expect(utc.sessions.map((s) => s.title)).toEqual(['A', 'C', 'D', 'B']);
		const week = await asStaff((tx) =>
			loadBoard(
				tx,
				filters({ from: '2032-05-12', days: '7', coach: coachId, status: 'SCHEDULED' }),
				'Europe/Paris',
				NOW
			)
		);
		expect(week.sessions.map((s) => s.title)).toEqual(['E', 'B', 'later']);
		const counters = await asStaff((tx) => boardCounters(tx, 'Europe/Paris', NOW));
		// Counters cover every coach: at least this coach's share.
		expect(counters.today).toBeGreaterThanOrEqual(4);
		expect(counters.cancelledToday).toBeGreaterThanOrEqual(1);
		expect(counters.noShowsToday).toBeGreaterThanOrEqual(1);
		expect(counters.inProgress).toBeGreaterThanOrEqual(1);
	});

	it('finds a family by name, taking % and _ literally, and pages by 50', async () => {
		const { coachId } = await sessionsAt(
			Array.from({ length: 55 }, (_, i) => ({
				at: new Date(Date.parse('2032-06-01T06:00:00Z') + i * 3_600_000).toISOString()
			}))
		);
		const q = { from: '2032-06-01', days: '7', coach: coachId };
		const first = await asStaff((tx) => loadBoard(tx, filters(q), 'Europe/Paris', NOW));
		const second = await asStaff((tx) =>
			loadBoard(tx, filters({ ...q, page: '2' }), 'Europe/Paris', NOW)
		);
		expect([first.sessions.length, second.sessions.length, first.total]).toEqual([50, 5, 55]);
		const byName = await asStaff((tx) =>
			loadBoard(tx, filters({ ...q, family: 'Child0' }), 'Europe/Paris', NOW)
		);
		expect(byName.total).toBe(55);
		const nobody = await asStaff((tx) =>
			loadBoard(tx, filters({ ...q, family: 'Zorglub' }), 'Europe/Paris', NOW)
		);
		expect(nobody.total).toBe(0);
		// A control character or a wildcard is not a name: the search is dropped, never run.
		expect(filters({ family: 'a\u0000' }).family).toBeUndefined();
		expect(filters({ family: 'Ch_ld%' }).family).toBeUndefined();
	});

	it("keeps staff notes to staff, signed by their author, in the session's history", async () => {
		const { family, ids, coachId } = await sessionsAt([{ at: '2032-05-20T09:00:00Z' }]);
		await asStaff((tx) => addStaffNote(tx, ids[0]!, 'Le parent a appelé : connexion difficile.'));
		const record = await asStaff((tx) => loadSessionRecord(tx, ids[0]!));
		expect(record.history).toEqual([
			expect.objectContaining({ kind: 'note', text: 'Le parent a appelé : connexion difficile.' })
		]);
		for (const outsider of [family.parentId, coachId]) {
			const refused = await failure(actAs(sql, outsider)((tx) => addStaffNote(tx, ids[0]!, 'x')));
			expect(refused).toBeTruthy();
			const seen = await actAs(
				sql,
				outsider
			)(
				(tx) =>
					tx`select count(*)::int as n from public.session_staff_notes where session_id = ${ids[0]!}`
			);
			expect(seen[0]!.n).toBe(0);
		}
	});

	it('answers 404 for a session that does not exist', async () => {
		const error = await failure(
			asStaff((tx) => loadSessionRecord(tx, '00000000-0000-4000-8000-00000000dead'))
		);
		expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND' });
	});
});
