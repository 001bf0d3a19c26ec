import { defineMessages } from '../define';

/** Messages of the coach screens (keys prefixed `coach.`). */
export const coachMessages = defineMessages({}, {});
