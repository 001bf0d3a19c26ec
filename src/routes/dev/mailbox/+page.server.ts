import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { pageUser } from '$lib/server/http/handler';
import type { PageServerLoad } from './$types';

/**
 * The embedded default's mailbox: what its SMTP server received and the SMS it recorded.
 * Embedded mode only (elsewhere mail really leaves), and staff only: it holds everyone's mail.
 */
export const load: PageServerLoad = async (event) => {
	pageUser(event, 'assistant', 'admin');
	const db = await database();
	if (db.mode !== 'embedded') error(404, 'Not found');
	const messages = await db.sql<
		{
			id: string;
			kind: 'EMAIL' | 'SMS';
			received_at: Date;
			recipient: string;
			subject: string | null;
			body: string;
		}[]
	>`select id::text, kind, received_at, recipient, subject, body from public.dev_mailbox
	  order by id desc limit 100`;
	return { messages: messages.map((m) => ({ ...m, received_at: m.received_at.toISOString() })) };
};
