import { describe, expect, it } from 'vitest';
import { bookedFixture } from '../../../../supabase/tests/support/booking';
import { actAs, fileSql } from '../../../../tests/support/db';
import { DEMO } from '../../../../tests/support/demo';
import { listFailedDeliveries } from './failed.server';

const sql = fileSql();

describe('failed deliveries', () => {
	it('staff list every FAILED delivery with its session and recipient; a family none of others', async () => {
		const f = await bookedFixture(sql);
		const other = await bookedFixture(sql);
		const [row] = await sql<{ id: string }[]>`
			insert into public.session_notifications
				(session_id, recipient_id, type, method, status, title, message, attempts, last_error)
			values (${f.session.id}, ${f.parentId}, 'SESSION_BOOKED', 'EMAIL', 'FAILED', 'Séance',
				'Séance réservée', 6, '550 mailbox unavailable')
			returning id`;
		const staff = await actAs(sql, DEMO.assistant)((tx) => listFailedDeliveries(tx, 500));
		expect(staff.find((d) => d.id === row!.id)).toMatchObject({
			sessionId: f.session.id,
			sessionTitle: 'Fonctions affines',
			method: 'EMAIL',
			lastError: '550 mailbox unavailable',
			attempts: 6,
			resends: 0
		});
		const stranger = await actAs(sql, other.parentId)((tx) => listFailedDeliveries(tx));
		expect(stranger.map((d) => d.id)).not.toContain(row!.id);
	});
});
