import { webManifest } from '$lib/features/pwa/manifest';
import { translate } from '$lib/i18n';
import type { RequestHandler } from './$types';

/** The manifest in the reader's language, opening on their role's home (public: no redirect). */
export const GET: RequestHandler = ({ locals }) => {
	const manifest = webManifest(locals.locale, locals.user?.role ?? null, (key) =>
		translate(locals.locale, key)
	);
	return new Response(JSON.stringify(manifest), {
		headers: {
			'content-type': 'application/manifest+json; charset=utf-8',
			// It differs by person (role, language): never shared between them.
			vary: 'cookie, accept-language'
		}
	});
};
