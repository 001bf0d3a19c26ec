import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSupportedTimeZone, isUsableTimeZone, supportedTimeZones } from './zones';

describe('time zones a person may choose', () => {
	it('are the IANA zones of the runtime, plus UTC', () => {
		expect(isSupportedTimeZone('Europe/Paris')).toBe(true);
		expect(isSupportedTimeZone('Indian/Reunion')).toBe(true);
		expect(isSupportedTimeZone('UTC')).toBe(true);
		expect(supportedTimeZones()).toEqual([...Intl.supportedValuesOf('timeZone'), 'UTC']);
	});

	it('are spelt exactly: what Intl would also accept (other case, offsets, junk) is refused', () => {
		// Each of these builds an Intl.DateTimeFormat, so a check by construction said yes.
		for (const zone of ['europe/paris', 'EUROPE/PARIS', 'Etc/GMT+5', '+01:00', 'utc']) {
			expect(isSupportedTimeZone(zone), zone).toBe(false);
		}
		expect(isSupportedTimeZone('Mars/Olympus_Mons')).toBe(false);
		expect(isSupportedTimeZone('Europe/Paris\u0000')).toBe(false);
	});

	it('an arbitrary string is supported exactly when it is in the list', () => {
		const list = new Set(supportedTimeZones());
		fc.assert(
			fc.property(fc.string({ maxLength: 40 }), (zone) => {
				expect(isSupportedTimeZone(zone)).toBe(list.has(zone));
			})
		);
	});
});

describe('time zones already stored', () => {
	it('stay usable when they are aliases the runtime still understands', () => {
		expect(isUsableTimeZone('Europe/Paris')).toBe(true);
		expect(isUsableTimeZone('Asia/Calcutta')).toBe(true);
		expect(isUsableTimeZone('Mars/Olympus_Mons')).toBe(false);
	});
});
