import { json, type RequestEvent, type RequestHandler } from '@sveltejs/kit';
import { serve } from 'inngest/sveltekit';
import { inngestSetup } from '$lib/features/notifications/index.server';

/**
 * Inngest calls the notification functions here when it is the workflow engine (the SDK
 * checks each call's signature with INNGEST_SIGNING_KEY); elsewhere a JSON 404.
 * Set up on the first call, not at import: the build imports every route, and the
 * configuration it would read is the deployment's, not the build machine's.
 */
const notFound: RequestHandler = () =>
	json(
		{ error: { code: 'NOT_FOUND', message: 'Inngest is not this server’s workflow engine' } },
		{ status: 404 }
	);
let handler: ReturnType<typeof serve> | null | undefined;
const resolved = () => {
	if (handler === undefined) {
		const setup = inngestSetup();
		handler = setup
			? serve({
					client: setup.client,
					functions: setup.functions,
					serveOrigin: setup.serveOrigin
				})
			: null;
	}
	return handler;
};
const method =
	(name: 'GET' | 'POST' | 'PUT'): RequestHandler =>
	(event: RequestEvent) =>
		(resolved()?.[name] ?? notFound)(event);

export const GET = method('GET');
export const POST = method('POST');
export const PUT = method('PUT');
