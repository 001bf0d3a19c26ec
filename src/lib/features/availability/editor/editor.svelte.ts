/**
 * Client state of the availability screen: the edited slots, an undo/redo history, the dirty
 * days and live validation. One instance per page, shared with its components via context.
 */
import { getContext, setContext } from 'svelte';
import type { AvailabilityRule, IsoDate } from '../types';
import { mondayOf, systemClock, todayIn } from '$lib/ui/calendar/wall-clock';
import {
	findClashes,
	findProblems,
	toWallSessions,
	type BookedSession,
	type WallSession
} from './checks';
import * as model from './model';
import type { DayKey, EditorSlot, Placement, SlotKind } from './model';
import { changedKeys, saveRequests, type AvailabilityBody } from './payload';

const HISTORY_LIMIT = 100;

/** Sends one request; resolves with an error code on refusal, null on success. */
export type SendAvailability = (body: AvailabilityBody) => Promise<string | null>;

export type SaveOutcome =
	| { kind: 'saved'; days: number }
	| { kind: 'nothing' }
	| { kind: 'invalid' }
	| { kind: 'failed'; code: string; saved: number };

/** Cancels one session as its coach, with a reason; failures come back as the API's code. */
export type CancelSession = (
	sessionId: string,
	reason: string
) => Promise<{ ok: true } | { ok: false; code: string }>;

export interface EditorInit {
	timeZone: string;
	rules: readonly AvailabilityRule[];
	sessions: readonly BookedSession[];
	now?: () => Date;
}

export class AvailabilityEditor {
	readonly timeZone: string;
	readonly now: () => Date;
	/** Which rules the calendar and the list edit. */
	mode = $state<SlotKind>('weekly');
	/** In specific-date mode: a new slot adds hours (true) or removes them (false). */
	addAvailable = $state(true);
	/** The slot open in the edit dialog. */
	editingId = $state<string | null>(null);
	/** Monday of the week on screen (calendar and list follow it). */
	week = $state<IsoDate>('');
	saving = $state(false);
	outcome = $state<SaveOutcome | null>(null);
	/** A booked session the edited hours leave out, open in the cancel dialog. */
	cancellingId = $state<string | null>(null);
	/** What became of the last session cancelled from here (for the live announcement). */
	cancelOutcome = $state<{ ok: true; title: string } | { ok: false; code: string } | null>(null);

	#slots = $state.raw<EditorSlot[]>([]);
	#baseline = $state.raw<EditorSlot[]>([]);
	#past = $state.raw<EditorSlot[][]>([]);
	#future = $state.raw<EditorSlot[][]>([]);
	#sessions = $state.raw<WallSession[]>([]);
	/** Sessions the coach chose to keep although the edited hours leave them out. */
	#kept = $state.raw<readonly string[]>([]);
	#lastId = 0;
	/** A bulk tool was used since the last save (sent with it, for the usage analytics). */
	#bulk = false;

	readonly problems = $derived(findProblems(this.#slots));
	readonly changed = $derived(changedKeys(this.#baseline, this.#slots));
	readonly clashes = $derived.by(() => findClashes(this.#slots, this.#sessions, this.now()));
	/** The clashes still waiting for the coach's choice (cancel or keep). */
	readonly openClashes = $derived(this.clashes.filter((id) => !this.#kept.includes(id)));

	constructor(init: EditorInit) {
		this.timeZone = init.timeZone;
		this.now = init.now ?? systemClock;
		this.week = mondayOf(this.today);
		this.load(init.rules, init.sessions);
	}

	get slots(): readonly EditorSlot[] {
		return this.#slots;
	}
	get sessions(): readonly WallSession[] {
		return this.#sessions;
	}
	get dirty() {
		return this.changed.length > 0;
	}
	get canUndo() {
		return this.#past.length > 0;
	}
	get canRedo() {
		return this.#future.length > 0;
	}
	/** Today in the coach's zone: specific dates before it are history. */
	get today(): IsoDate {
		return todayIn(this.timeZone, this.now());
	}
	get editing(): EditorSlot | null {
		return this.#slots.find((slot) => slot.id === this.editingId) ?? null;
	}

	readonly newId = () => `slot-${++this.#lastId}`;

	isKept(sessionId: string) {
		return this.#kept.includes(sessionId);
	}

	/** Keep a booked session the new hours leave out: it stays booked, the warning is answered. */
	keep(sessionId: string) {
		if (!this.#kept.includes(sessionId)) this.#kept = [...this.#kept, sessionId];
	}

	/**
	 * Cancel a session the new hours leave out (the coach's cancellation: the family is refunded
	 * in full and told, by the database's rule). On success it leaves the editor's sessions.
	 */
	async cancelSession(sessionId: string, reason: string, send: CancelSession): Promise<boolean> {
		const session = this.#sessions.find((s) => s.id === sessionId);
		if (!session) return false;
		const result = await send(sessionId, reason);
		if (result.ok) {
			this.#sessions = this.#sessions.filter((s) => s.id !== sessionId);
			this.cancelOutcome = { ok: true, title: session.title };
		} else this.cancelOutcome = { ok: false, code: result.code };
		return result.ok;
	}

	/** Replace everything by server data: the new baseline, no history. */
	load(rules: readonly AvailabilityRule[], sessions: readonly BookedSession[]) {
		this.#slots = this.#baseline = model.fromRules(rules, this.newId);
		this.#sessions = toWallSessions(sessions, this.timeZone);
		this.#past = this.#future = [];
		this.outcome = null;
	}

	problemsOf(slotId: string) {
		return this.problems.filter((p) => p.slotIds.includes(slotId)).map((p) => p.code);
	}

	slotsOn(key: DayKey) {
		return model.slotsOn(this.#slots, key);
	}

	add(slot: Omit<EditorSlot, 'id'>): string {
		const id = this.newId();
		this.#commit([...this.#slots, { ...slot, id }]);
		return id;
	}

	/** A new slot of the current mode on a date (weekly: on that date's weekday). */
	addOn(date: IsoDate, dayOfWeek: number, startTime: string, endTime: string): string {
		const weekly = this.mode === 'weekly';
		return this.add({
			kind: this.mode,
			dayOfWeek: weekly ? dayOfWeek : null,
			date: weekly ? null : date,
			startTime,
			endTime,
			isAvailable: weekly || this.addAvailable
		});
	}

	place(id: string, to: Placement) {
		this.#map(id, (slot) => model.placeSlot(slot, to));
	}

	setAvailable(id: string, isAvailable: boolean) {
		this.#map(id, (slot) => ({ ...slot, isAvailable }));
	}

	remove(id: string) {
		if (this.editingId === id) this.editingId = null;
		this.#commit(this.#slots.filter((slot) => slot.id !== id));
	}

	copyWeekday(from: number, to: readonly number[]) {
		this.#bulk = true;
		this.#commit(model.copyWeekday(this.#slots, from, to, this.newId));
	}

	applyDefaultPattern() {
		this.#bulk = true;
		this.#commit(model.applyDefaultPattern(this.#slots, this.newId));
	}

	clearDays(keys: readonly DayKey[]) {
		this.#bulk = true;
		this.#commit(model.clearDays(this.#slots, keys));
	}

	setDayOff(date: IsoDate) {
		this.#commit(model.setDayOff(this.#slots, date, this.newId));
	}

	/** Back to the last saved state, itself undoable. */
	discard() {
		if (this.dirty) this.#commit(this.#baseline);
	}

	undo() {
		const previous = this.#past.at(-1);
		if (!previous) return;
		this.#past = this.#past.slice(0, -1);
		this.#future = [...this.#future, this.#slots];
		this.#slots = previous;
	}

	redo() {
		const next = this.#future.at(-1);
		if (!next) return;
		this.#future = this.#future.slice(0, -1);
		this.#past = [...this.#past, this.#slots];
		this.#slots = next;
	}

	/** Save the changed days, one request at a time; what succeeded stays saved. */
	async save(send: SendAvailability): Promise<SaveOutcome> {
		if (this.problems.length) return (this.outcome = { kind: 'invalid' });
		if (!this.dirty) return (this.outcome = { kind: 'nothing' });
		const snapshot = this.#slots;
		const requests = saveRequests(snapshot, this.changed, this.#bulk);
		this.saving = true;
		this.outcome = null;
		let saved = 0;
		try {
			for (const request of requests) {
				const code = await send(request.body);
				if (code) return (this.outcome = { kind: 'failed', code, saved });
				this.#markSaved(snapshot, request.keys);
				saved += request.keys.length;
			}
			this.#bulk = false;
			return (this.outcome = { kind: 'saved', days: saved });
		} catch {
			return (this.outcome = { kind: 'failed', code: 'NETWORK', saved });
		} finally {
			this.saving = false;
		}
	}

	/** The server now holds `snapshot`'s version of these days. */
	#markSaved(snapshot: readonly EditorSlot[], keys: readonly DayKey[]) {
		const inKeys = (slot: EditorSlot) => keys.includes(model.keyOf(slot));
		this.#baseline = [
			...this.#baseline.filter((slot) => !inKeys(slot)),
			...snapshot.filter(inKeys)
		];
	}

	/** Change one slot; a change to the same values is not worth an undo step. */
	#map(id: string, change: (slot: EditorSlot) => EditorSlot) {
		const before = this.#slots.find((slot) => slot.id === id);
		if (!before) return;
		const after = change(before);
		if (JSON.stringify(after) === JSON.stringify(before)) return;
		this.#commit(this.#slots.map((slot) => (slot === before ? after : slot)));
	}

	#commit(next: EditorSlot[]) {
		this.#past = [...this.#past, this.#slots].slice(-HISTORY_LIMIT);
		this.#future = [];
		this.#slots = next;
		this.outcome = null;
	}
}

const KEY = Symbol('availability-editor');

export const provideAvailabilityEditor = (editor: AvailabilityEditor) => setContext(KEY, editor);
export const useAvailabilityEditor = () => getContext<AvailabilityEditor>(KEY);
