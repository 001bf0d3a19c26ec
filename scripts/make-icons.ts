/**
 * Writes the app's PNG icons (static/icons) from the favicon's shape: the white "N" on the
 * brand blue. `npx tsx scripts/make-icons.ts`; the PNGs are committed (no image library is
 * installed: a tiny PNG encoder over node:zlib, 4×4 supersampling for smooth edges).
 *
 * - icon-<size>.png: purpose "any", a rounded square (transparent corners) like the favicon;
 * - maskable-<size>.png: purpose "maskable", full-bleed blue with the glyph inside the safe
 *   zone (the central 80 % circle), so any launcher mask keeps it whole.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [48, 72, 96, 128, 144, 152, 192, 256, 384, 512] as const;
const BLUE = [0x1d, 0x3a, 0x8a] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
// The favicon's "N" in its 64-unit box.
const N: [number, number][] = [
	[18, 46],
	[18, 18],
	[24, 18],
	[40, 37],
	[40, 18],
	[46, 18],
	[46, 46],
	[40, 46],
	[24, 27],
	[24, 46]
];

function inPolygon(x: number, y: number, poly: [number, number][]) {
	let inside = false;
	for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
		const [xi, yi] = poly[i]!;
		const [xj, yj] = poly[j]!;
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

function inRoundedSquare(x: number, y: number, radius: number) {
	const cx = Math.min(Math.max(x, radius), 64 - radius);
	const cy = Math.min(Math.max(y, radius), 64 - radius);
	return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** RGBA pixels of one icon; `glyphScale` shrinks the N around the centre. */
function draw(size: number, maskable: boolean): Buffer {
	const pixels = Buffer.alloc(size * size * 4);
	const glyphScale = maskable ? 0.7 : 1;
	const samples = 4;
	for (let py = 0; py < size; py++)
		for (let px = 0; px < size; px++) {
			let bg = 0;
			let fg = 0;
			for (let sy = 0; sy < samples; sy++)
				for (let sx = 0; sx < samples; sx++) {
					const x = ((px + (sx + 0.5) / samples) / size) * 64;
					const y = ((py + (sy + 0.5) / samples) / size) * 64;
					if (!maskable && !inRoundedSquare(x, y, 14)) continue;
					bg++;
					const gx = 32 + (x - 32) / glyphScale;
					const gy = 32 + (y - 32) / glyphScale;
					if (inPolygon(gx, gy, N)) fg++;
				}
			const total = samples * samples;
			const o = (py * size + px) * 4;
			const f = bg ? fg / bg : 0;
			for (let c = 0; c < 3; c++) pixels[o + c] = Math.round(BLUE[c]! * (1 - f) + WHITE[c]! * f);
			pixels[o + 3] = Math.round((bg / total) * 255);
		}
	return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
function crc32(bytes: Buffer) {
	let c = 0xffffffff;
	for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer) {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

/** A PNG of 8-bit RGBA pixels (filter 0 on every row). */
export function encodePng(size: number, rgba: Buffer): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 6, 0, 0, 0], 8);
	const rows = Buffer.alloc(size * (size * 4 + 1));
	for (let y = 0; y < size; y++)
		rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(rows, { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

const out = path.resolve('static/icons');
for (const size of ICON_SIZES) {
	writeFileSync(path.join(out, `icon-${size}.png`), encodePng(size, draw(size, false)));
	writeFileSync(path.join(out, `maskable-${size}.png`), encodePng(size, draw(size, true)));
}
// iOS ignores the manifest's icons and masks its own corners: a full-bleed 180 px one.
writeFileSync(path.join(out, 'apple-touch-icon.png'), encodePng(180, draw(180, true)));
console.log(`wrote ${ICON_SIZES.length * 2 + 1} icons to ${out}`);
