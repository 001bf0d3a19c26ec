import { describe, expect, it } from 'vitest';
import { pickActive } from './active-child.server';

const EMMA = { id: 'emma' };
const LUCAS = { id: 'lucas' };

describe('pickActive', () => {
	it('takes the first preference that names one of the children', () => {
		expect(pickActive([EMMA, LUCAS], 'lucas', 'emma')).toBe(LUCAS);
		expect(pickActive([EMMA, LUCAS], undefined, 'lucas')).toBe(LUCAS);
	});

	it('ignores an id that is not one of the children (forged or stale cookie)', () => {
		expect(pickActive([EMMA, LUCAS], 'someone-else')).toBe(EMMA);
	});

	it('has nobody to pick without children', () => {
		expect(pickActive([], 'lucas')).toBeNull();
	});
});
