import { describe, expect, it } from 'vitest';
import { isLoopbackAddress } from './client-address';

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
