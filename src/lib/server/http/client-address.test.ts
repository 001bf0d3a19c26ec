import { describe, expect, it } from 'vitest';
import { addressBucket, isLoopbackAddress } from './client-address';

describe('isLoopbackAddress', () => {
	it.each(['127.0.0.1', '127.1.2.3', '::1', '[::1]', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1'])(
		'%s is this machine',
		(address) => expect(isLoopbackAddress(address)).toBe(true)
	);

	it.each([
		'192.168.1.20',
		'10.0.0.1',
		'::ffff:192.168.1.20',
		'fe80::1',
		'fd00::2',
		'::',
		'0.0.0.0',
		'128.0.0.1',
		'127.0.0.256',
		'127.0.0.1.evil',
		''
	])('%s is not', (address) => expect(isLoopbackAddress(address)).toBe(false));
});

describe('addressBucket', () => {
	it.each([
		['192.168.1.20', '192.168.1.20'],
		['::ffff:192.168.1.20', '192.168.1.20'],
		['0:0:0:0:0:ffff:10.0.0.1', '10.0.0.1'],
		['2001:db8:1:2:3:4:5:6', '2001:0db8:0001:0002::/64'],
		['2001:db8:1:2::9', '2001:0db8:0001:0002::/64'],
		['[2001:DB8:1:2:ffff::1]', '2001:0db8:0001:0002::/64'],
		['2001:db8::1', '2001:0db8:0000:0000::/64'],
		['fe80::1%eth0', 'fe80:0000:0000:0000::/64'],
		['64:ff9b:1:2::192.0.2.1', '0064:ff9b:0001:0002::/64'],
		['::1', '0000:0000:0000:0000::/64']
	])('%s counts as %s', (address, bucket) => expect(addressBucket(address)).toBe(bucket));

	it('gives every address of one /64 the same budget, and the next /64 another', () => {
		const a = addressBucket('2a01:e0a:12:3450::1');
		expect(addressBucket('2a01:e0a:12:3450:abcd:ef01:2345:6789')).toBe(a);
		expect(addressBucket('2a01:e0a:12:3451::1')).not.toBe(a);
	});
});
