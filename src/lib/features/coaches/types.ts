/** A coach as the directory shows them to a family choosing one (the server fills it in). */
export interface NextSlot {
	startsAt: Date;
	endsAt: Date;
	date: string;
	startTime: string;
}

export interface CoachCard {
	id: string;
	firstName: string;
	lastName: string;
	bio: string | null;
	subjects: string[];
	averageRating: number | null;
	ratingCount: number;
	nextSlot: NextSlot | null;
}
