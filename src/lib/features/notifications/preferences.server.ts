import type { Tx } from '$lib/server/db';
import {
	DEFAULT_ROUTING,
	TUNABLE_METHODS,
	TUNABLE_TYPES,
	type PreferenceKey,
	type Relation
} from './routing';
import type { PreferencesInput } from './schemas';

export interface PreferencesView {
	relation: Relation | null;
	hasPhone: boolean;
	/** Every tunable TYPE:METHOD → on/off as it applies to this person now. */
	choices: Record<string, boolean>;
	quietHours: { start: string | null; end: string | null };
}

const relationOf = (role: string): Relation | null =>
	role === 'coach' || role === 'student' || role === 'parent'
		? role
		: role === 'assistant'
			? 'assistant'
			: null;

/** What the default routing gives a relation for a type and method (the 2 h SMS included). */
const byDefault = (
	relation: Relation | null,
	type: (typeof TUNABLE_TYPES)[number],
	method: string
) =>
	!!relation &&
	((DEFAULT_ROUTING[type][relation] ?? []).includes(method as never) ||
		(type === 'SESSION_REMINDER' && method === 'SMS' && relation !== 'assistant'));

export async function readPreferences(tx: Tx): Promise<PreferencesView> {
	const [me] = await tx<
		{ role: string; phone: string | null; start: string | null; end: string | null }[]
	>`
		select role::text as role, phone, quiet_hours_start::text as start, quiet_hours_end::text as end
		from public.profiles where id = (select auth.uid())`;
	const stored = await tx<{ key: PreferenceKey; enabled: boolean }[]>`
		select type || ':' || method as key, enabled from public.notification_preferences
		where user_id = (select auth.uid())`;
	const relation = relationOf(me!.role);
	const choices: Record<string, boolean> = {};
	for (const type of TUNABLE_TYPES)
		for (const method of TUNABLE_METHODS)
			choices[`${type}:${method}`] = byDefault(relation, type, method);
	for (const s of stored) if (s.key in choices) choices[s.key] = s.enabled;
	return {
		relation,
		hasPhone: !!me!.phone,
		choices,
		quietHours: { start: me!.start?.slice(0, 5) ?? null, end: me!.end?.slice(0, 5) ?? null }
	};
}

/** Store the choices that differ from the defaults (and drop those that now match them). */
export async function savePreferences(tx: Tx, input: PreferencesInput): Promise<void> {
	const [me] = await tx<
		{ role: string }[]
	>`select role::text as role from public.profiles where id = (select auth.uid())`;
	const relation = relationOf(me!.role);
	for (const [key, enabled] of Object.entries(input.choices)) {
		const [type, method] = key.split(':') as [(typeof TUNABLE_TYPES)[number], string];
		if (enabled === byDefault(relation, type, method)) {
			await tx`delete from public.notification_preferences
				where user_id = (select auth.uid()) and type = ${type} and method = ${method}`;
		} else {
			await tx`insert into public.notification_preferences (user_id, type, method, enabled)
				values ((select auth.uid()), ${type}, ${method}, ${enabled})
				on conflict (user_id, type, method) do update set enabled = excluded.enabled, updated_at = now()`;
		}
	}
	await tx`update public.profiles
		set quiet_hours_start = ${input.quietHours.start}::time, quiet_hours_end = ${input.quietHours.end}::time
		where id = (select auth.uid())`;
}
