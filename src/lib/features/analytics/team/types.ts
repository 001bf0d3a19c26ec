/**
 * What the team analytics page shows (`team.server.ts` reads it from the SQL functions of
 * `20261207100100_team_analytics.sql`, where each figure is defined). Percentages are 0–100
 * with one decimal, null when their denominator is zero.
 */
import type { IsoDate } from '$lib/features/availability/types';

export interface TeamFilters {
	from: IsoDate;
	to: IsoDate;
	coachId: string | null;
	subject: string | null;
}

export const FUNNEL_STEPS = ['WIZARD_STARTED', 'COACH_CHOSEN', 'SLOT_CHOSEN', 'BOOKED'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export interface DayPoint {
	day: IsoDate;
	booked: number;
	held: number;
}

export interface FunnelRow {
	step: FunnelStep;
	families: number;
}

export interface UtilisationRow {
	/** null: the overall row. */
	coachId: string | null;
	coachName: string | null;
	openHours: number;
	bookedHours: number;
	utilisation: number | null;
}

export interface EngagementMonth {
	month: string;
	activeStudents: number;
	sessions: number;
	perStudent: number;
}

export interface Rebooking {
	students: number;
	rebooked: number;
	share: number | null;
}

export interface CohortRow {
	cohort: string;
	size: number;
	/** Share of the cohort active in each month from its first (offset 0) on. */
	active: number[];
}

export interface RevenueRow {
	dimension: 'all' | 'subject' | 'coach';
	key: string | null;
	label: string | null;
	chargedSessions: number;
	creditsUsed: number;
	creditsRefunded: number;
	netCents: number;
	centsPerSession: number | null;
}

export const LOSS_ACTORS = ['family', 'coach', 'staff'] as const;
export type LossActor = (typeof LOSS_ACTORS)[number];

export interface LossRow {
	outcome: 'CANCELLED' | 'NO_SHOW';
	byWhom: LossActor | null;
	refunded: boolean;
	sessions: number;
}

export interface Losses {
	total: number;
	rows: LossRow[];
}

export interface RatingRow {
	coachId: string | null;
	coachName: string | null;
	completed: number;
	rated: number;
	responseRate: number | null;
	average: number | null;
	/** Count of 1 to 5 stars. */
	stars: number[];
}

export interface FeedbackRow {
	sessionId: string;
	coachName: string;
	studentFirstName: string;
	subjectCode: string;
	rating: number;
	feedback: string;
	ratedAt: string;
}

export const ADOPTION_FEATURES = [
	'DATE_OVERRIDES',
	'BULK_TOOLS',
	'RESCHEDULE',
	'PUSH',
	'ENGLISH'
] as const;
export type AdoptionFeature = (typeof ADOPTION_FEATURES)[number];

export interface AdoptionRow {
	feature: AdoptionFeature;
	users: number;
	population: number;
}

export interface TeamAnalytics {
	filters: TeamFilters;
	timeZone: string;
	creditPriceCents: number;
	perDay: DayPoint[];
	funnel: FunnelRow[];
	utilisation: UtilisationRow[];
	engagement: EngagementMonth[];
	rebooking: Rebooking;
	cohorts: CohortRow[];
	revenue: RevenueRow[];
	losses: Losses;
	ratings: RatingRow[];
	feedback: FeedbackRow[];
	adoption: AdoptionRow[];
}
