/** Ids of the seeded demo accounts (supabase/seed.sql). */
export const DEMO = {
	admin: '00000000-0000-4000-8000-000000000001',
	assistant: '00000000-0000-4000-8000-000000000002',
	coachMaths: '00000000-0000-4000-8000-000000000011',
	coachLettres: '00000000-0000-4000-8000-000000000012',
	coachNsi: '00000000-0000-4000-8000-000000000013',
	coachAnglais: '00000000-0000-4000-8000-000000000014',
	parentMartin: '00000000-0000-4000-8000-000000000021',
	parentDurand: '00000000-0000-4000-8000-000000000022',
	lucas: '00000000-0000-4000-8000-000000000031',
	emma: '00000000-0000-4000-8000-000000000032',
	hugo: '00000000-0000-4000-8000-000000000033'
} as const;

export const DEMO_EMAILS: Record<keyof typeof DEMO, string> = {
	admin: 'admin@nexus.test',
	assistant: 'assistant@nexus.test',
	coachMaths: 'coach.maths@nexus.test',
	coachLettres: 'coach.lettres@nexus.test',
	coachNsi: 'coach.nsi@nexus.test',
	coachAnglais: 'coach.anglais@nexus.test',
	parentMartin: 'parent.martin@nexus.test',
	parentDurand: 'parent.durand@nexus.test',
	lucas: 'eleve.lucas@nexus.test',
	emma: 'eleve.emma@nexus.test',
	hugo: 'eleve.hugo@nexus.test'
};

export const DEMO_PASSWORD = 'nexus-demo';

/** Seeded past sessions: Lucas ×2 (coach maths), Emma ×1 (lettres), Hugo ×1 (anglais). */
export const DEMO_SESSIONS = {
	lucasMaths: '10000000-0000-4000-8000-000000000001',
	lucasPhysique: '10000000-0000-4000-8000-000000000002',
	emmaFrancais: '10000000-0000-4000-8000-000000000003',
	hugoAnglais: '10000000-0000-4000-8000-000000000004'
} as const;
