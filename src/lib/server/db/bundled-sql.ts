import type { ProjectSqlFiles } from './sql-files';

// Vite inlines these at build time: the server bundle carries its own schema.
const migrationModules = import.meta.glob('/supabase/migrations/*.sql', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;
const platformModule = import.meta.glob('/supabase/platform/platform.sql', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;
const seedModule = import.meta.glob('/supabase/seed.sql', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

const demoWeekModule = import.meta.glob('/supabase/seed-week.sql', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

const only = (modules: Record<string, string>) => {
	const [entry] = Object.entries(modules);
	if (!entry) throw new Error('SQL file missing from the bundle');
	return { name: entry[0].split('/').pop()!, sql: entry[1] };
};

export const bundledSqlFiles: ProjectSqlFiles = {
	platform: only(platformModule),
	migrations: Object.entries(migrationModules)
		.map(([file, sql]) => ({ name: file.split('/').pop()!, sql }))
		.sort((a, b) => a.name.localeCompare(b.name)),
	seed: only(seedModule),
	demoWeek: only(demoWeekModule)
};
