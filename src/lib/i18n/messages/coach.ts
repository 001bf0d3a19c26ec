import { coachAvailabilityMessages as availability } from './coach-availability';
import { coachProfileMessages as profile } from './coach-profile';
import { coachWorkspaceMessages as workspace } from './coach-workspace';

/**
 * Messages of the coach screens (keys prefixed `coach.`), one catalogue per screen area; each
 * is checked for a complete English translation by defineMessages.
 */
export const coachMessages = {
	fr: { ...availability.fr, ...workspace.fr, ...profile.fr },
	en: { ...availability.en, ...workspace.en, ...profile.en }
};
