import { z } from 'zod';
import { CURSOR_PATTERN, MAX_TOPICS, TOPIC_PATTERN } from '$lib/core/live';
import { ApiError } from '$lib/server/http/errors';
import { api, requireUser } from '$lib/server/http/handler';
import { liveHub, liveStream, refusedTopics } from '$lib/server/live';

const Query = z.object({
	topics: z
		.string()
		.transform((s) => [...new Set(s.split(','))])
		.pipe(z.array(z.string().regex(TOPIC_PATTERN, 'Unknown topic')).min(1).max(MAX_TOPICS)),
	cursor: z.string().regex(CURSOR_PATTERN).optional()
});

/**
 * Server-sent events for the caller's topics (`?topics=a,b`), from `?cursor=` or the
 * `Last-Event-ID` a reconnecting EventSource sends. 403 if any topic is not the caller's.
 */
export const GET = api(async (event) => {
	const user = requireUser(event);
	const query = Query.parse(Object.fromEntries(event.url.searchParams));
	const lastId = event.request.headers.get('last-event-id');
	const cursor = lastId && CURSOR_PATTERN.test(lastId) ? lastId : (query.cursor ?? null);
	const refused = await refusedTopics(user.claims, query.topics);
	if (refused.length)
		throw new ApiError(403, 'FORBIDDEN', `You may not listen to ${refused.join(', ')}`);
	return liveStream({
		hub: await liveHub(),
		topics: query.topics,
		cursor,
		stillAllowed: () =>
			refusedTopics(user.claims, query.topics).then(
				(r) => r.length === 0,
				() => false
			)
	});
});
