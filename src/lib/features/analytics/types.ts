/** What the coach analytics panel shows; `coach-analytics.server.ts` computes it. */
export interface MonthPoint {
	/** 'YYYY-MM'. */
	month: string;
	delivered: number;
	credits: number;
}

export interface LatestFeedback {
	rating: number;
	feedback: string | null;
	title: string;
	studentFirstName: string;
	ratedAt: string;
}

export interface CoachAnalytics {
	month: string;
	delivered: number;
	creditsEarned: number;
	bookedHours: number;
	availableHours: number;
	/** Percentage, null when no hour was open this month. */
	utilisation: number | null;
	averageRating: number | null;
	ratingCount: number;
	latestFeedback: LatestFeedback | null;
	history: MonthPoint[];
}
