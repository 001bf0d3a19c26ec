/**
 * How the workspace saves: weekly and specific-date rules through POST /api/coaches/availability
 * (what families and the booking RPC read), restoring a date through the page's form action.
 */
import { deserialize } from '$app/forms';
import { callApi } from '$lib/ui/api-client';
import type { CancelSession, SendAvailability } from './editor.svelte';

export interface SenderOptions {
	coachId: string;
	/** Form action that restores a date to the weekly pattern, e.g. '?/restoreDate'. */
	restoreAction: string;
}

export function availabilitySender({ coachId, restoreAction }: SenderOptions): SendAvailability {
	return async (body) => {
		if (body.type === 'restore') return restore(restoreAction, body.specificDate);
		const result = await callApi('POST', '/api/coaches/availability', { ...body, coachId });
		return result.ok ? null : result.code;
	};
}

async function restore(action: string, date: string): Promise<string | null> {
	const form = new FormData();
	form.set('date', date);
	try {
		const response = await fetch(action, {
			method: 'POST',
			body: form,
			headers: { 'x-sveltekit-action': 'true' }
		});
		const result = deserialize(await response.text());
		if (result.type === 'success') return null;
		if (result.type === 'failure') return String(result.data?.code ?? 'INTERNAL');
		return 'INTERNAL';
	} catch {
		return 'NETWORK';
	}
}

/**
 * A coach cancels one of their sessions (PATCH /api/sessions/:id/status): the transition RPC
 * refunds the family in full and tells them, as for any cancellation by the coach.
 */
export const coachCancelSender = (): CancelSession => async (sessionId, reason) => {
	const path = `/api/sessions/${encodeURIComponent(sessionId)}/status`;
	const result = await callApi('PATCH', path, { status: 'CANCELLED', notes: reason });
	return result.ok ? { ok: true } : { ok: false, code: result.code };
};
