/**
 * Parity: the lifecycle hints (lifecycle.ts) against the rulebook (public.transition_session).
 * Every (from, to, actor) at three moments — well ahead, just inside the start window, after the
 * start — is tried for real in a rolled-back transaction and must agree with `isAllowedNow`.
 */
import { describe, expect, it } from 'vitest';
import { SESSION_STATUSES, type SessionStatus } from '$lib/core/enums';
import { readBookingPolicy } from '$lib/server/db/policy';
import { fileSql, tryAs } from '../../../../tests/support/db';
import { DEMO } from '../../../../tests/support/demo';
import {
	bookedFixture,
	forceStatus,
	moveStartTo,
	storedSession
} from '../../../../supabase/tests/support/booking';
import { isAllowedNow, type Actor } from './lifecycle';

const sql = fileSql();

/** Minutes from now to the start: days ahead, 10 min ahead (start window), 20 min ago. */
const MOMENTS = [3 * 24 * 60, 10, -20];
const ACTORS: Actor[] = ['family', 'coach', 'staff'];

describe('TypeScript lifecycle ≡ transition_session', () => {
	it('agrees on every (from, to, actor, moment)', async () => {
		const policy = await tryAs(sql, DEMO.admin, readBookingPolicy);
		const disagreements: string[] = [];
		let tried = 0;
		for (const from of SESSION_STATUSES) {
			for (const minutes of MOMENTS) {
				const f = await bookedFixture(sql);
				await moveStartTo(sql, f.session.id, minutes);
				if (from !== 'SCHEDULED') await forceStatus(sql, f.session.id, from);
				const startsAt = new Date((await storedSession(sql, f.session.id)).starts_at);
				const userOf: Record<Actor, string> = {
					family: f.parentId,
					coach: f.coachId,
					staff: DEMO.assistant
				};
				for (const to of SESSION_STATUSES) {
					for (const actor of ACTORS) {
						const sqlAllows = await tryAs(sql, userOf[actor], (tx) =>
							tx`select public.transition_session(${f.session.id}::uuid,
								${to}::public.session_status)`.then(
								() => true,
								() => false
							)
						);
						const tsAllows = isAllowedNow(from as SessionStatus, to, actor, {
							startsAt,
							now: new Date(),
							startEarlyMinutes: policy.startEarlyMinutes
						});
						tried++;
						if (sqlAllows !== tsAllows) {
							disagreements.push(
								`${from}→${to} by ${actor} at ${minutes} min: SQL ${sqlAllows}, TS ${tsAllows}`
							);
						}
					}
				}
			}
		}
		expect(tried).toBe(SESSION_STATUSES.length ** 2 * ACTORS.length * MOMENTS.length);
		expect(disagreements).toEqual([]);
	}, 120_000);
});
