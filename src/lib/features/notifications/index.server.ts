/**
 * Notifications in this server process: the channels and the workflow engine, chosen once
 * from the environment. Embedded default: pg-boss in-process; NEXUS_WORKFLOWS=inngest (or
 * Inngest keys set): Inngest calls /api/inngest and nothing runs here; `off`: nothing at all.
 */
import { readServerEnv, type ServerEnv } from '$lib/server/config/env';
import { openChannels, type Channels } from '$lib/server/channels';
import { database, withUser, type JwtClaims } from '$lib/server/db';
import type { Database } from '$lib/server/db/open';
import { createInngestFunctions } from './inngest.server';
import { startEngine, type Engine } from './engine.server';
import type { Links } from './dispatch.server';
import { resendDelivery, resendWork, type ResentDelivery } from './resend.server';

export type WorkflowsMode = 'embedded' | 'inngest' | 'off';

export const workflowsMode = (env: ServerEnv): WorkflowsMode =>
	env.NEXUS_WORKFLOWS ??
	(env.INNGEST_EVENT_KEY || env.INNGEST_SIGNING_KEY ? 'inngest' : 'embedded');

export const linksOf = (env: ServerEnv): Links => ({
	origin: (env.APP_URL ?? env.ORIGIN ?? `http://localhost:${env.PORT}`).replace(/\/$/, '')
});

let started:
	Promise<{ channels: Channels | null; engine: Engine | null; mode: WorkflowsMode }> | undefined;

export function startNotifications(db: Database, env: ServerEnv = readServerEnv()) {
	started ??= (async () => {
		const mode = workflowsMode(env);
		if (mode === 'off') return { channels: null, engine: null, mode };
		const { channels, report } = await openChannels(env, db.sql);
		const engine =
			mode === 'embedded'
				? await startEngine({ url: db.url, sql: db.sql, channels, links: linksOf(env) })
				: null;
		console.log(
			`[notifications] ${mode === 'embedded' ? 'pg-boss engine in this process' : 'Inngest (/api/inngest)'}; ` +
				`email: ${report.email}; sms: ${report.sms}; push keys: ${report.push}`
		);
		process.once('sveltekit:shutdown', () => {
			void (async () => {
				await engine?.stop();
				await channels.close();
			})().catch((error: Error) =>
				console.error('[notifications] shutdown failed:', error.message)
			);
		});
		return { channels, engine, mode };
	})();
	return started;
}

/** The running channels (the Inngest functions and the push key route need them). */
export const runningNotifications = () => started ?? null;

/**
 * The Inngest functions when Inngest is this deployment's engine (null otherwise), bound to
 * the database and channels of this server process.
 */
export function inngestSetup(env: ServerEnv = readServerEnv()) {
	if (workflowsMode(env) !== 'inngest') return null;
	const functions = createInngestFunctions(async () => {
		const db = await database();
		const running = await startNotifications(db, env);
		const channels = running.channels ?? (await openChannels(env, db.sql)).channels;
		return { sql: db.sql, channels, links: linksOf(env) };
	});
	// Where Inngest reaches this app: the configured origin, not the request's Host header
	// (a request without one made the SDK fail on a URL it could not build).
	return { ...functions, serveOrigin: linksOf(env).origin };
}

/**
 * Staff resend a failed delivery (as themselves, under the RPC's staff check), then the
 * running engine sends it at once. Without an engine here (Inngest, `off`), or if scheduling
 * fails after the commit, the sweep picks the PENDING delivery up within two minutes.
 */
export async function resendFailedDelivery(claims: JwtClaims, id: string): Promise<ResentDelivery> {
	const delivery = await withUser(claims, (tx) => resendDelivery(tx, id));
	const running = runningNotifications();
	const engine = running ? (await running).engine : null;
	await engine?.schedule(resendWork(delivery)).catch((error: Error) => {
		console.error('[notifications] resend not scheduled (the sweep will):', error.message);
	});
	return delivery;
}
