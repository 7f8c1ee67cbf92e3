import {
  MAX_MINOR,
  MIN_MINOR,
  checkMinorUnits,
  formatMinor,
  formatMinorGrouped,
  groupThousands,
  isMinorUnits,
  minorUnitsRule,
  parseMoneyInput,
} from './money';

/** 2^53 − 1 and its neighbours, as the strings the API carries. */
const MAX = '9007199254740991';
const PAST_MAX = '9007199254740992';

describe('parseMoneyInput', () => {
  it.each([
    ['1234.50', '123450'],
    ['1,234.50', '123450'],
    ['1,234,567.5', '123456750'],
    ['0.1', '10'],
    ['0.01', '1'],
    ['12', '1200'],
    [' 12.00 ', '1200'],
    ['-5000', '-500000'],
    ['+7.25', '725'],
    ['-0', '0'],
    ['9999999999999.99', '999999999999999'],
    ['10,000,000,000,000.00', '1000000000000000'],
    ['90,071,992,547,409.91', MAX],
    ['-90071992547409.91', `-${MAX}`],
  ])('reads %p as %p minor units', (typed, minor) => {
    expect(parseMoneyInput(typed)).toEqual({ ok: true, minor });
  });

  it.each([
    ['', 'is empty'],
    ['12.345', 'must have at most 2 decimals'],
    ['1,23.00', 'must be written like 1234.50 or 1,234.50'],
    ['12,34', 'must be written like 1234.50 or 1,234.50'],
    ['1.2.3', 'has more than one decimal point'],
    ['abc', 'must be written like 1234.50 or 1,234.50'],
    ['1e5', 'must be written like 1234.50 or 1,234.50'],
    ['12.', 'must have at most 2 decimals'],
    ['90,071,992,547,409.92', 'must be at most 90,071,992,547,409.91'],
    ['-90071992547409.92', 'must be at least -90,071,992,547,409.91'],
    ['1,234,567,890,123,456.78', 'must be at most 90,071,992,547,409.91'],
    ['99999999999999999999', 'must be at most 90,071,992,547,409.91'],
  ])('refuses %p because it %s', (typed, error) => {
    expect(parseMoneyInput(typed)).toEqual({ ok: false, error });
  });
});

describe('formatMinor', () => {
  it.each([
    ['123450', '1234.50'],
    ['10', '0.10'],
    ['-500000', '-5000.00'],
    ['-5', '-0.05'],
    ['0', '0.00'],
    ['999999999999999', '9999999999999.99'],
  ])('writes %p as %p', (minor, text) => {
    expect(formatMinor(minor)).toBe(text);
  });

  it('groups thousands for display', () => {
    expect(formatMinorGrouped('123456750')).toBe('1,234,567.50');
    expect(formatMinorGrouped('-100000000')).toBe('-1,000,000.00');
    expect(formatMinorGrouped(MAX_MINOR)).toBe('90,071,992,547,409.91');
  });

  it('groups a decimal of any size, a sum past the range of one amount included', () => {
    expect(groupThousands('92233720368547758.08')).toBe('92,233,720,368,547,758.08');
    expect(groupThousands('-1234.50')).toBe('-1,234.50');
    expect(groupThousands('999.00')).toBe('999.00');
    expect(groupThousands('1234')).toBe('1,234');
  });

  it('sums exactly where binary floats do not', () => {
    const sum = BigInt(parseOk('0.10')) + BigInt(parseOk('0.20'));
    expect(formatMinor(sum)).toBe('0.30');
    expect(0.1 + 0.2).not.toBe(0.3);
  });
});

describe('the accepted range', () => {
  it('is ±(2^53 − 1) minor units: every amount in it is exact as a double too', () => {
    expect(MAX_MINOR.toString()).toBe(MAX);
    expect(MIN_MINOR.toString()).toBe(`-${MAX}`);
    expect(Number(MAX)).toBe(Number.MAX_SAFE_INTEGER);
    // Why it stops there: past it a double, which better-sqlite3 reads integers as, loses cents.
    expect(String(Number(PAST_MAX) + 1)).toBe(PAST_MAX);
  });
});

describe('checkMinorUnits and isMinorUnits', () => {
  it.each([
    ['123450', BigInt(123450)],
    ['-1', BigInt(-1)],
    ['0', BigInt(0)],
    [MAX, MAX_MINOR],
    [`-${MAX}`, MIN_MINOR],
    [42, BigInt(42)],
    [Number.MAX_SAFE_INTEGER, MAX_MINOR],
    [-Number.MAX_SAFE_INTEGER, MIN_MINOR],
    [MAX_MINOR, MAX_MINOR],
    [MIN_MINOR, MIN_MINOR],
  ])('accepts %p', (value, minor) => {
    expect(checkMinorUnits(value)).toEqual({ ok: true, minor });
    expect(isMinorUnits(value)).toBe(true);
  });

  it.each([
    [PAST_MAX, 'above'],
    ['9007199254740993', 'above'],
    ['123456789012345678', 'above'],
    ['10000000000000000000', 'above'],
    [`-${PAST_MAX}`, 'below'],
    [Number.MAX_SAFE_INTEGER + 1, 'above'],
    [Number.MAX_SAFE_INTEGER + 2, 'above'],
    [-Number.MAX_SAFE_INTEGER - 1, 'below'],
    [1e20, 'above'],
    [MAX_MINOR + BigInt(1), 'above'],
    [MIN_MINOR - BigInt(1), 'below'],
    ['12.50', 'not-whole'],
    ['12a', 'not-whole'],
    [' 12', 'not-whole'],
    ['', 'not-whole'],
    [12.5, 'not-whole'],
    [NaN, 'not-whole'],
    [Infinity, 'not-whole'],
    [null, 'not-whole'],
    [{}, 'not-whole'],
  ])('refuses %p: %s', (value, problem) => {
    expect(checkMinorUnits(value)).toEqual({ ok: false, problem });
    expect(isMinorUnits(value)).toBe(false);
  });

  it('states each rule in money, not cents', () => {
    expect(minorUnitsRule('above')).toBe('must be at most 90,071,992,547,409.91');
    expect(minorUnitsRule('below')).toBe('must be at least -90,071,992,547,409.91');
    expect(minorUnitsRule('not-whole')).toBe('must be a whole number of cents ("123450" for 1,234.50)');
  });
});

function parseOk(text: string) {
  const parsed = parseMoneyInput(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.minor;
}
