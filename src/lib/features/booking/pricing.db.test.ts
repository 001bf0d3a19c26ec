/** Parity: the price the wizard shows (pricing.ts) is the price book_session charges. */
import { describe, expect, it } from 'vitest';
import { SESSION_TYPES } from '$lib/core/enums';
import {
	DURATION_MULTIPLE_MINUTES,
	MAX_DURATION_MINUTES,
	MIN_DURATION_MINUTES
} from '$lib/core/policy';
import { fileSql } from '../../../../tests/support/db';
import { sessionPrice } from './pricing';

const sql = fileSql();

describe('TypeScript price ≡ public.session_price', () => {
	it('for every session type × bookable duration', async () => {
		const rows = await sql<{ type: (typeof SESSION_TYPES)[number]; d: number; price: number }[]>`
			select t::text as type, d, public.session_price(t, d) as price
			from unnest(enum_range(null::public.session_type)) t,
				generate_series(${MIN_DURATION_MINUTES}::int, ${MAX_DURATION_MINUTES}::int,
					${DURATION_MULTIPLE_MINUTES}::int) d`;
		expect(rows).toHaveLength(SESSION_TYPES.length * 8);
		for (const { type, d, price } of rows)
			expect([type, d, sessionPrice(type, d)]).toEqual([type, d, price]);
	});

	it('and the durations SQL accepts are the ones the schema allows', async () => {
		const [row] = await sql<{ def: string }[]>`
			select pg_get_constraintdef(c.oid) as def from pg_constraint c
			where c.conrelid = 'public.session_bookings'::regclass and pg_get_constraintdef(c.oid) like '%duration_minutes%'
			limit 1`;
		expect(row?.def).toContain(String(MIN_DURATION_MINUTES));
		expect(row?.def).toContain(String(MAX_DURATION_MINUTES));
	});
});
