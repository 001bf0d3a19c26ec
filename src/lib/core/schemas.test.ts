import { describe, expect, it } from 'vitest';
import { hasControlChars, optionalText, plainText, trimmed } from './schemas';

const CONTROLS = [
	'\u0000',
	'\u0001',
	'\u0008',
	'\u000b',
	'\u001b',
	'\u001f',
	'\u007f',
	'\u0085',
	'\u009f',
	// lone surrogates: not text
	'\ud800',
	'\udfff'
];

describe('free text refuses control characters', () => {
	it.each(CONTROLS.map((c) => [JSON.stringify(c), c]))(
		'%s is refused in one-line and multi-line text alike',
		(_, c) => {
			for (const schema of [
				trimmed(50, 'The title'),
				optionalText(50, 'The notes', { multiline: true }),
				plainText('The key')
			]) {
				const result = schema.safeParse(`before${c}after`);
				expect(result.success).toBe(false);
				expect(result.error?.issues[0]?.message).toMatch(/must not contain control characters/);
			}
		}
	);

	it('line breaks and tabs are kept in multi-line text only', () => {
		const notes = optionalText(50, 'Notes', { multiline: true });
		expect(notes.parse('line one\r\n\tline two')).toBe('line one\r\n\tline two');
		expect(trimmed(50, 'The title').safeParse('line one\nline two').success).toBe(false);
		expect(trimmed(50, 'The title').safeParse('tab\there').success).toBe(false);
	});

	it('a one-line field is trimmed before it is checked, so a trailing newline is harmless', () => {
		expect(trimmed(50, 'The title').parse('  Maths\n')).toBe('Maths');
	});

	it('ordinary text of any script passes untouched', () => {
		for (const value of ['Éloïse', 'Ñandú', '日本語', 'emoji 🎓', 'a\u00a0b', 'x\u2028y']) {
			expect(hasControlChars(value)).toBe(false);
			expect(plainText('Text').parse(value)).toBe(value);
		}
	});
});
