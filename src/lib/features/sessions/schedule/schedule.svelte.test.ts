import { describe, expect, it, vi } from 'vitest';
import { coachActions, needsClosing, type ScheduleSession } from './model';
import { CoachSchedule, transitionSender } from './schedule.svelte';

const session: ScheduleSession = {
	id: 's1',
	title: 'Fonctions affines',
	subject: { code: 'MATHEMATIQUES', nameFr: 'Mathématiques', nameEn: 'Mathematics' },
	modality: 'ONLINE',
	status: 'SCHEDULED',
	startsAt: '2026-12-01T17:00:00.000Z',
	endsAt: '2026-12-01T18:00:00.000Z',
	studentName: 'Lucas Martin',
	meetingUrl: 'https://meet.jit.si/nexus-s1',
	location: null,
	coachNotes: null,
	cancellationReason: null
};

describe('coach actions', () => {
	it('offers what the lifecycle allows, flagging what is too early', () => {
		const before = new Date('2026-12-01T16:00:00Z');
		expect(coachActions(session, before, 15)).toEqual([
			{ to: 'CONFIRMED', notYet: null },
			{ to: 'CANCELLED', notYet: null },
			{ to: 'NO_SHOW', notYet: 'notStarted' }
		]);
		const confirmed = { ...session, status: 'CONFIRMED' as const };
		expect(coachActions(confirmed, before, 15)[0]).toEqual({
			to: 'IN_PROGRESS',
			notYet: 'startWindow'
		});
		const soon = new Date('2026-12-01T16:50:00Z');
		expect(coachActions(confirmed, soon, 15)[0]).toEqual({ to: 'IN_PROGRESS', notYet: null });
	});

	it('knows when a live session still has to be closed', () => {
		expect(needsClosing(session, new Date('2026-12-01T18:00:00Z'))).toBe(true);
		expect(needsClosing({ ...session, status: 'COMPLETED' }, new Date('2026-12-02'))).toBe(false);
	});
});

describe('CoachSchedule', () => {
	it('shows the new status at once and keeps the server’s answer', async () => {
		let resolve: (value: { ok: true; session: ScheduleSession }) => void = () => {};
		const send = vi.fn(
			() => new Promise<{ ok: true; session: ScheduleSession }>((r) => (resolve = r))
		);
		const schedule = new CoachSchedule({ sessions: [session], timeZone: 'Europe/Paris', send });
		const done = schedule.transition('s1', 'CANCELLED', '  Malade  ');
		expect(schedule.find('s1')).toMatchObject({
			status: 'CANCELLED',
			cancellationReason: 'Malade'
		});
		expect(schedule.isPending('s1')).toBe(true);
		expect(send).toHaveBeenCalledWith('s1', { status: 'CANCELLED', notes: 'Malade' });
		resolve({
			ok: true,
			session: { ...session, status: 'CANCELLED', cancellationReason: 'Malade' }
		});
		expect(await done).toBe(true);
		expect(schedule.isPending('s1')).toBe(false);
		expect(schedule.notice).toEqual({ kind: 'success', sessionId: 's1', to: 'CANCELLED' });
	});

	it('says when the server accepted a change, not when it refused one', async () => {
		const changed = vi.fn();
		const accepted = new CoachSchedule({
			sessions: [session],
			timeZone: 'Europe/Paris',
			send: async () => ({ ok: true, session: { ...session, status: 'CONFIRMED' } }),
			changed
		});
		await accepted.transition('s1', 'CONFIRMED');
		expect(changed).toHaveBeenCalledTimes(1);
		const refused = new CoachSchedule({
			sessions: [session],
			timeZone: 'Europe/Paris',
			send: async () => ({ ok: false, code: 'INVALID_TRANSITION' }),
			changed
		});
		await refused.transition('s1', 'CONFIRMED');
		expect(changed).toHaveBeenCalledTimes(1);
	});

	it('takes the server’s fresh list, keeping a session whose action is on its way', async () => {
		const other = { ...session, id: 's2', startsAt: '2026-12-01T15:00:00.000Z' };
		const schedule = new CoachSchedule({
			sessions: [session],
			timeZone: 'Europe/Paris',
			send: () => new Promise(() => {})
		});
		void schedule.transition('s1', 'CONFIRMED');
		schedule.refresh([session, other]);
		expect(schedule.sessions.map((s) => [s.id, s.status])).toEqual([
			['s2', 'SCHEDULED'],
			['s1', 'CONFIRMED']
		]);
	});

	it('rolls back with the error code when the server refuses', async () => {
		const schedule = new CoachSchedule({
			sessions: [session],
			timeZone: 'Europe/Paris',
			send: async () => ({ ok: false, code: 'INVALID_TRANSITION' }),
			now: () => new Date('2026-12-01T19:00:00Z')
		});
		expect(await schedule.transition('s1', 'COMPLETED', 'Bien')).toBe(false);
		expect(schedule.find('s1')).toEqual(session);
		expect(schedule.notice).toMatchObject({ kind: 'error', code: 'INVALID_TRANSITION' });
		// Over and still live: it stays listed for the coach to close.
		expect(schedule.visible).toHaveLength(1);
	});

	it('maps the API answer, and a network failure to NETWORK', async () => {
		const apiSession = {
			...session,
			status: 'CONFIRMED',
			student: { id: 'x', firstName: 'Lucas', lastName: 'Martin' }
		};
		const ok = transitionSender(async () => Response.json({ session: apiSession, refunded: 0 }));
		expect(await ok('s1', { status: 'CONFIRMED' })).toEqual({
			ok: true,
			session: { ...session, status: 'CONFIRMED' }
		});
		const down = transitionSender(async () => {
			throw new TypeError('offline');
		});
		expect(await down('s1', { status: 'CONFIRMED' })).toEqual({ ok: false, code: 'NETWORK' });
	});
});
