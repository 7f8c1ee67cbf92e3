import {
  authorityLevel,
  changeBudgetShortfall,
  changeReference,
  costTolerance,
  describeShortfall,
  explainAuthority,
  toMinor,
  withinTolerance,
} from './authority';

const B = (value: string | number) => BigInt(value);
const facts = (cost: string | null, overrides: Partial<{ bac: string; costPercent: number; limit: string }> = {}) => ({
  cost: cost === null ? null : B(cost),
  bac: B(overrides.bac ?? '1000000'), // 10000.00
  costPercent: overrides.costPercent ?? 10,
  limit: B(overrides.limit ?? '10000000'), // 100000.00
});

describe('authorityLevel', () => {
  it.each([
    ['0', 'project-manager'],
    ['100000', 'project-manager'], // exactly at the tolerance (1000.00)
    ['100001', 'change-board'], // one cent above
    ['10000000', 'change-board'], // exactly at the limit
    ['10000001', 'pmo-director'], // one cent above
  ])('gives a cost impact of %s cents to %s', (cost, level) => {
    expect(authorityLevel(facts(cost))).toBe(level);
  });

  it('is null while the cost impact is not assessed', () => {
    expect(authorityLevel(facts(null))).toBeNull();
  });

  it('compares fractional tolerances exactly, without rounding the tolerance', () => {
    // 2.5 % of 333.33 is 8.33325: 8.33 is within, 8.34 is not
    expect(authorityLevel(facts('833', { bac: '33333', costPercent: 2.5 }))).toBe('project-manager');
    expect(authorityLevel(facts('834', { bac: '33333', costPercent: 2.5 }))).toBe('change-board');
    expect(withinTolerance(B(1), B(0), 10)).toBe(false);
    expect(withinTolerance(B(0), B(0), 10)).toBe(true);
  });

  it('puts anything above the limit with a PMO director, even within a large tolerance', () => {
    expect(authorityLevel(facts('20000000', { bac: '1000000000' }))).toBe('pmo-director');
  });

  it('stays exact far beyond what a double holds', () => {
    const huge = '1000000000000000'; // 10,000,000,000,000.00
    expect(authorityLevel(facts(huge, { bac: '10000000000000000', limit: huge }))).toBe('project-manager');
    expect(authorityLevel(facts('1000000000000001', { bac: '10000000000000000', limit: huge }))).toBe('pmo-director');
  });
});

describe('explanations and money', () => {
  it('explains the level with the amounts', () => {
    expect(explainAuthority(facts('100001'), 'EUR')).toBe(
      "its cost impact of 1,000.01 EUR is above the project's cost tolerance of 1,000.00 EUR (10% of a budget of 10,000.00 EUR) and within the change authority limit of 100,000.00 EUR"
    );
    expect(explainAuthority(facts('100000'), 'EUR')).toBe(
      "its cost impact of 1,000.00 EUR is within the project's cost tolerance of 1,000.00 EUR (10% of a budget of 10,000.00 EUR)"
    );
    expect(explainAuthority(facts('10000001'), 'GBP')).toBe('its cost impact of 100,000.01 GBP is above the change authority limit of 100,000.00 GBP');
    expect(costTolerance(B(33333), 2.5)).toBe(B(833));
  });

  it('names the shortfall of the change budget', () => {
    expect(changeBudgetShortfall(B(100000), B(223450))).toBe(B(123450));
    expect(changeBudgetShortfall(B(100000), B(100000))).toBeNull();
    expect(changeBudgetShortfall(B(0), B(0))).toBeNull();
    expect(describeShortfall(B(4500000), B(32004000), 'EUR')).toBe(
      "The project's change budget has 45,000.00 EUR left and this change needs 320,040.00 EUR: 275,040.00 EUR short"
    );
  });

  it('writes references with three digits at least', () => {
    expect(changeReference('ERP', 1)).toBe('CR-ERP-001');
    expect(changeReference('ERP', 1000)).toBe('CR-ERP-1000');
  });

  it('reads money as the API carries it', () => {
    expect(toMinor('123450')).toBe(B(123450));
    expect(toMinor(42)).toBe(B(42));
    expect(toMinor(null)).toBeNull();
    expect(toMinor('')).toBeNull();
    expect(() => toMinor('12.5')).toThrow(/minor units/);
  });
});
