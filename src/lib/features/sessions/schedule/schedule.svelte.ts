/**
 * The coach's sessions on the schedule page, with optimistic lifecycle actions: the new status
 * shows at once and is rolled back, with a message, if the server refuses it.
 */
import { getContext, setContext } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';
import { systemClock } from '$lib/ui/calendar/wall-clock';
import { callApi } from '$lib/ui/api-client';
import {
	needsClosing,
	toScheduleSession,
	type ActionTarget,
	type AskTarget,
	type ScheduleSession,
	type SessionLike
} from './model';

export type TransitionResult = { ok: true; session: ScheduleSession } | { ok: false; code: string };
export type SendTransition = (
	id: string,
	change: { status: ActionTarget; notes?: string }
) => Promise<TransitionResult>;

export interface ScheduleNotice {
	kind: 'success' | 'error';
	sessionId: string;
	to: ActionTarget;
	code?: string;
}

export interface ScheduleInit {
	sessions: readonly ScheduleSession[];
	/** The coach's zone: times show as the coach lives them. */
	timeZone: string;
	send: SendTransition;
	now?: () => Date;
	/** After the server accepted a change (the page reloads what depends on it: the analytics). */
	changed?: () => unknown;
}

export class CoachSchedule {
	readonly now: () => Date;
	readonly timeZone: string;
	notice = $state<ScheduleNotice | null>(null);
	/** An action waiting for notes or a reason in the dialog. */
	asking = $state<{ sessionId: string; to: AskTarget } | null>(null);
	/** The session open in the calendar's detail dialog. */
	openId = $state<string | null>(null);
	#sessions = $state.raw<ScheduleSession[]>([]);
	readonly #pending = new SvelteSet<string>();
	/** Sessions acted on here stay listed even once they are history. */
	readonly #touched = new SvelteSet<string>();
	readonly #send: SendTransition;
	readonly #changed: () => unknown;

	constructor(init: ScheduleInit) {
		this.#sessions = [...init.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
		this.#send = init.send;
		this.#changed = init.changed ?? (() => {});
		this.timeZone = init.timeZone;
		this.now = init.now ?? systemClock;
	}

	get sessions(): readonly ScheduleSession[] {
		return this.#sessions;
	}

	/** Live sessions still to close, everything not over yet, and what was just acted on. */
	get visible(): readonly ScheduleSession[] {
		const now = this.now();
		return this.#sessions.filter(
			(s) => needsClosing(s, now) || Date.parse(s.endsAt) > now.getTime() || this.#touched.has(s.id)
		);
	}

	isPending(id: string) {
		return this.#pending.has(id);
	}

	find(id: string) {
		return this.#sessions.find((s) => s.id === id) ?? null;
	}

	async transition(id: string, to: ActionTarget, notes?: string): Promise<boolean> {
		const before = this.find(id);
		if (!before || this.#pending.has(id)) return false;
		const text = notes?.trim() || undefined;
		const optimistic: ScheduleSession = {
			...before,
			status: to,
			cancellationReason: to === 'CANCELLED' ? (text ?? null) : before.cancellationReason,
			coachNotes: to === 'COMPLETED' && text ? text : before.coachNotes
		};
		this.#replace(optimistic);
		this.#pending.add(id);
		this.#touched.add(id);
		this.notice = null;
		let result: TransitionResult;
		try {
			result = await this.#send(id, { status: to, ...(text ? { notes: text } : {}) });
		} catch {
			result = { ok: false, code: 'NETWORK' };
		}
		this.#pending.delete(id);
		if (result.ok) {
			this.#replace(result.session);
			this.notice = { kind: 'success', sessionId: id, to };
			void this.#changed();
		} else {
			this.#replace(before);
			this.notice = { kind: 'error', sessionId: id, to, code: result.code };
		}
		return result.ok;
	}

	/**
	 * The server's fresh list (the page's data was loaded again: back online, a reload of data):
	 * it replaces ours, except a session whose action is still on its way, which keeps its
	 * optimistic state until the answer.
	 */
	refresh(sessions: readonly ScheduleSession[]) {
		const inFlight = this.#sessions.filter((s) => this.#pending.has(s.id));
		this.#sessions = sessions
			.map((s) => inFlight.find((ours) => ours.id === s.id) ?? s)
			.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
	}

	#replace(session: ScheduleSession) {
		this.#sessions = this.#sessions.map((s) => (s.id === session.id ? session : s));
	}
}

/** PATCH /api/sessions/{id}/status with the session cookie. */
export function transitionSender(fetcher: typeof fetch = fetch): SendTransition {
	return async (id, change) => {
		const path = `/api/sessions/${encodeURIComponent(id)}/status`;
		const result = await callApi<{ session: SessionLike }>('PATCH', path, change, fetcher);
		return result.ok ? { ok: true, session: toScheduleSession(result.data.session) } : result;
	};
}

const KEY = Symbol('coach-schedule');
export const provideCoachSchedule = (schedule: CoachSchedule) => setContext(KEY, schedule);
export const useCoachSchedule = () => getContext<CoachSchedule>(KEY);
