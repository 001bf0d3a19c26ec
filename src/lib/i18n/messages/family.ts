import { defineMessages } from '../define';

/** Messages of the family screens (keys prefixed `family.`). */
export const familyMessages = defineMessages({}, {});
