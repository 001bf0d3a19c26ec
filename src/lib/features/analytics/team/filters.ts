/**
 * The page's filters from its query string: a period (both days included, at most 366 days,
 * the last 30 days by default), optionally one coach or one subject. A bad value falls back to
 * its default rather than failing the page: the form can always be submitted again.
 */
import { z } from 'zod';
import { IsoDateSchema, SubjectCodeSchema, UuidSchema } from '$lib/core/schemas';
import { addDays, parseIsoDate } from '$lib/core/time/wall-clock';
import type { IsoDate } from '$lib/features/availability/types';
import type { TeamFilters } from './types';

export const DEFAULT_PERIOD_DAYS = 30;
export const MAX_PERIOD_DAYS = 366;

const QuerySchema = z.object({
	from: IsoDateSchema.optional().catch(undefined),
	to: IsoDateSchema.optional().catch(undefined),
	coach: UuidSchema.optional().catch(undefined),
	subject: SubjectCodeSchema.optional().catch(undefined)
});

const daysBetween = (a: IsoDate, b: IsoDate) =>
	Math.round(((parseIsoDate(b) ?? 0) - (parseIsoDate(a) ?? 0)) / 86_400_000);

export function parseTeamFilters(params: URLSearchParams, today: IsoDate): TeamFilters {
	const query = QuerySchema.parse(Object.fromEntries(params));
	let to = query.to ?? today;
	let from = query.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
	if (daysBetween(from, to) < 0) [from, to] = [to, from];
	if (daysBetween(from, to) >= MAX_PERIOD_DAYS) from = addDays(to, -(MAX_PERIOD_DAYS - 1));
	return { from, to, coachId: query.coach ?? null, subject: query.subject ?? null };
}

/** The query string of these filters (the CSV links keep the page's choice). */
export function filtersQuery(filters: TeamFilters): string {
	const entries: [string, string][] = [
		['from', filters.from],
		['to', filters.to]
	];
	if (filters.coachId) entries.push(['coach', filters.coachId]);
	if (filters.subject) entries.push(['subject', filters.subject]);
	return entries.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}
