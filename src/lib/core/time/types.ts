/** Calendar date 'YYYY-MM-DD', always meant in a stated time zone (usually the coach's). */
export type IsoDate = string;
/** Wall-clock time 'HH:MM' ('24:00' allowed only as an end time). */
export type WallTime = string;
