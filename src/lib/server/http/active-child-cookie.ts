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
 * The child a notification's link names (`?child=`), if well formed. The services check that it
 * is one of the parent's own children.
 */
export const requestedChild = (url: URL): string | undefined =>
	ChildParam.parse(url.searchParams.get('child') ?? undefined);

/** A parent who followed a link to one of their children (checked) keeps that child active. */
export function keepRequestedChild(
	event: Pick<RequestEvent, 'cookies' | 'url'>,
	role: string,
	requested: string | undefined,
	active: { id: string } | null
) {
	if (role === 'parent' && requested && active?.id === requested)
		rememberActiveChild(event, requested);
}
