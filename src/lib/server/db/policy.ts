import { parseBookingPolicy, type BookingPolicy } from '$lib/core/policy';
import type { Tx } from './as-user';

/** The booking policy from `app_settings`, read in the caller's transaction. */
export async function readBookingPolicy(tx: Tx): Promise<BookingPolicy> {
	const [row] = await tx<{ policy: unknown }[]>`select public.booking_policy() as policy`;
	return parseBookingPolicy(row?.policy);
}
