import { describe, expect, it } from 'vitest';
import { filtersQuery, parseTeamFilters } from './filters';

const parse = (query: string) => parseTeamFilters(new URLSearchParams(query), '2026-12-07');

describe('team analytics filters', () => {
	it('defaults to the last 30 days, both ends included', () => {
		expect(parse('')).toEqual({
			from: '2026-11-08',
			to: '2026-12-07',
			coachId: null,
			subject: null
		});
	});

	it('keeps a valid choice, swaps a reversed period and caps it at 366 days', () => {
		const coach = '00000000-0000-4000-8000-000000000011';
		expect(parse(`from=2026-01-01&to=2026-01-31&coach=${coach}&subject=SVT`)).toEqual({
			from: '2026-01-01',
			to: '2026-01-31',
			coachId: coach,
			subject: 'SVT'
		});
		expect(parse('from=2026-02-01&to=2026-01-01')).toMatchObject({
			from: '2026-01-01',
			to: '2026-02-01'
		});
		expect(parse('from=2020-01-01&to=2026-12-07')).toMatchObject({ from: '2025-12-07' });
	});

	it('drops what is not a date, a uuid or a subject code', () => {
		expect(parse('from=yesterday&coach=1&subject=<b>')).toEqual(parse(''));
	});

	it('writes the same filters back', () => {
		const filters = parse('from=2026-01-01&to=2026-01-31&subject=SVT');
		expect(parseTeamFilters(new URLSearchParams(filtersQuery(filters)), '2026-12-07')).toEqual(
			filters
		);
	});
});
