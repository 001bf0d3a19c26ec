import { json } from '@sveltejs/kit';
import { SessionIdSchema, StaffCancelSchema } from '$lib/features/sessions/schemas';
import { staffCancel } from '$lib/features/sessions/staff-tools.server';
import { withUser } from '$lib/server/db';
import { api, readJson, requireUser } from '$lib/server/http/handler';

export const POST = api(async (event) => {
	const user = requireUser(event, 'assistant', 'admin');
	const { id } = SessionIdSchema.parse(event.params);
	const body = await readJson(event, StaffCancelSchema);
	return json(await withUser(user.claims, (tx) => staffCancel(tx, id, body)));
});
