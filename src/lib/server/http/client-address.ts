/**
 * Is this client address the machine itself? 127.0.0.0/8 and ::1, also in their
 * IPv4-mapped and expanded IPv6 spellings (what Node reports on a dual-stack socket).
 */
export function isLoopbackAddress(address: string): boolean {
	const a = address
		.trim()
		.toLowerCase()
		.replace(/^\[|\]$/g, '');
	const ipv4 = a.replace(/^(0{0,4}:){5}ffff:/, '').replace(/^::ffff:/, '');
	if (/^127(\.\d{1,3}){3}$/.test(ipv4)) return ipv4.split('.').every((n) => Number(n) <= 255);
	return a === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(a);
}

/**
 * The address a per-client limit counts against: an IPv4 address as itself (also when
 * IPv4-mapped), an IPv6 address by its /64 prefix — one subscriber usually holds a whole
 * /64, so counting single IPv6 addresses would give them billions of fresh budgets.
 */
export function addressBucket(address: string): string {
	const a = address
		.trim()
		.toLowerCase()
		.replace(/^\[|\]$/g, '')
		.replace(/%.*$/, '');
	const mapped = /^(?:(?:0{1,4}:){5}|::)ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
	if (mapped) return mapped[1]!;
	if (!a.includes(':')) return a;
	// An IPv4 tail (64:ff9b::192.0.2.1) is two more groups.
	const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(a);
	const text = v4
		? a.slice(0, v4.index) +
			[0, 2].map((i) => ((Number(v4[i + 1]) << 8) | Number(v4[i + 2])).toString(16)).join(':')
		: a;
	const [head = '', tail] = text.split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const zeros =
		tail === undefined ? [] : Array(Math.max(0, 8 - left.length - right.length)).fill('0');
	const groups = [...left, ...zeros, ...right];
	return `${groups
		.slice(0, 4)
		.map((g) => g.padStart(4, '0'))
		.join(':')}::/64`;
}
