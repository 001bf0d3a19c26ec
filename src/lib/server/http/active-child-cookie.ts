import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';

/**
 * The parent's active child, remembered between pages as a bare id in an httpOnly cookie. Only
 * the route layer reads or writes it; services get the id as a plain value and re-check it
 * against the parent's own children (`features/people/active-child.server.ts`).
 */
export const ACTIVE_CHILD_COOKIE = 'nexus_child';
const ONE_YEAR = 60 * 60 * 24 * 365;

/** The remembered child id, if any (unchecked: the services validate it). */
export function rememberedChild(cookies: Pick<Cookies, 'get'>): string | null {
	return cookies.get(ACTIVE_CHILD_COOKIE) ?? null;
}

/** Remember the parent's choice (the id is re-validated on every read). */
export function rememberActiveChild(event: Pick<RequestEvent, 'cookies' | 'url'>, id: string) {
	event.cookies.set(ACTIVE_CHILD_COOKIE, id, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		maxAge: ONE_YEAR
	});
}

const ChildParam = z.uuid().optional().catch(undefined);

/**
 * The family pages' active child: the one a notification's link names (`?child=`, which the
 * services check is one of the parent's own children), else the remembered one. A parent who
 * followed such a link keeps that child active.
 */
export async function withActiveChild<S extends { active: { id: string } | null }>(
	event: Pick<RequestEvent, 'cookies' | 'url'>,
	role: string,
	load: (choice: { requested?: string; remembered: string | null }) => Promise<S>
): Promise<S> {
	const requested = ChildParam.parse(event.url.searchParams.get('child') ?? undefined);
	const scope = await load({ requested, remembered: rememberedChild(event.cookies) });
	if (role === 'parent' && requested && scope.active?.id === requested)
		rememberActiveChild(event, requested);
	return scope;
}
