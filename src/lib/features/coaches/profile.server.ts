/**
 * The coach's own profile page: qualifications (read-only; assistants manage them) and the
 * columns RLS lets a person change on their own row: time zone, phone, contact preferences.
 */
import { z } from 'zod';
import { OptionalPhoneSchema } from '$lib/core/schemas';
import { isSupportedTimeZone, supportedTimeZones } from '$lib/core/time/zones';
import type { Tx } from '$lib/server/db';

export interface ContactPreferences {
	timeZone: string;
	phone: string | null;
	notifyEmail: boolean;
	notifySms: boolean;
	notifyPush: boolean;
}

export interface CoachProfile extends ContactPreferences {
	email: string;
	subjects: { code: string; nameFr: string; nameEn: string }[];
}

const checkbox = z
	.literal('on')
	.optional()
	.transform((value) => value === 'on');

/** The form as posted: checkboxes are 'on' or absent; an empty phone clears it. */
export const ContactPreferencesSchema = z
	.object({
		timeZone: z.string().refine(isSupportedTimeZone, { error: 'UNKNOWN_TIME_ZONE' }),
		phone: OptionalPhoneSchema,
		notifyEmail: checkbox,
		notifySms: checkbox,
		notifyPush: checkbox
	})
	.refine((form) => !form.notifySms || form.phone !== null, {
		error: 'PHONE_REQUIRED_FOR_SMS',
		path: ['phone']
	});

export async function getCoachProfile(tx: Tx): Promise<CoachProfile | null> {
	const [row] = await tx<Omit<CoachProfile, 'subjects'>[]>`
		select email, time_zone as "timeZone", phone, notify_email as "notifyEmail",
			notify_sms as "notifySms", notify_push as "notifyPush"
		from public.profiles where id = (select auth.uid())`;
	if (!row) return null;
	const subjects = await tx<CoachProfile['subjects']>`
		select s.code, s.name_fr as "nameFr", s.name_en as "nameEn"
		from public.coach_subjects cs join public.subjects s on s.code = cs.subject_code
		where cs.coach_id = (select auth.uid()) order by s.sort_order`;
	return { ...row, subjects };
}

/** Updates the caller's own row only (RLS and the column grants enforce it too). */
export async function updateContactPreferences(
	tx: Tx,
	input: ContactPreferences
): Promise<ContactPreferences | null> {
	const [row] = await tx<ContactPreferences[]>`
		update public.profiles set
			time_zone = ${input.timeZone}, phone = ${input.phone},
			notify_email = ${input.notifyEmail}, notify_sms = ${input.notifySms},
			notify_push = ${input.notifyPush}
		where id = (select auth.uid())
		returning time_zone as "timeZone", phone, notify_email as "notifyEmail",
			notify_sms as "notifySms", notify_push as "notifyPush"`;
	return row ?? null;
}

/** Zones for the picker: the usual ones for Nexus families first, then every IANA zone. */
export const COMMON_TIME_ZONES = [
	'Europe/Paris',
	'Europe/Brussels',
	'Europe/Zurich',
	'Europe/Luxembourg',
	'Europe/London',
	'America/Montreal',
	'America/Guadeloupe',
	'America/Martinique',
	'America/Cayenne',
	'Indian/Reunion',
	'Indian/Mayotte',
	'Pacific/Noumea',
	'Pacific/Tahiti',
	'Africa/Casablanca',
	'Africa/Dakar',
	'Africa/Abidjan'
];

export function allTimeZones(): string[] {
	return supportedTimeZones();
}
