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
