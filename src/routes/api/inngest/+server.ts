import { json, type RequestHandler } from '@sveltejs/kit';
import { serve } from 'inngest/sveltekit';
import { inngestSetup } from '$lib/features/notifications/index.server';

/**
 * Inngest calls the notification functions here when it is the workflow engine (the SDK
 * checks each call's signature with INNGEST_SIGNING_KEY); elsewhere a JSON 404.
 */
const setup = inngestSetup();
const notFound: RequestHandler = () =>
	json(
		{ error: { code: 'NOT_FOUND', message: 'Inngest is not this server’s workflow engine' } },
		{ status: 404 }
	);
const handler = setup ? serve({ client: setup.client, functions: setup.functions }) : null;

export const GET: RequestHandler = handler ? handler.GET : notFound;
export const POST: RequestHandler = handler ? handler.POST : notFound;
export const PUT: RequestHandler = handler ? handler.PUT : notFound;
