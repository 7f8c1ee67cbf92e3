import { formatMinor, formatMinorGrouped, isMinorUnits, parseMoneyInput } from './money';

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
    ['99999999999999999999', 'is too large'],
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
  });

  it('sums exactly where binary floats do not', () => {
    const sum = BigInt(parseOk('0.10')) + BigInt(parseOk('0.20'));
    expect(formatMinor(sum)).toBe('0.30');
    expect(0.1 + 0.2).not.toBe(0.3);
  });
});

describe('isMinorUnits', () => {
  it('accepts whole numbers of cents as strings and safe integers', () => {
    expect(isMinorUnits('123450')).toBe(true);
    expect(isMinorUnits('-1')).toBe(true);
    expect(isMinorUnits(42)).toBe(true);
  });
  it('refuses decimals, text and amounts beyond the supported range', () => {
    expect(isMinorUnits('12.50')).toBe(false);
    expect(isMinorUnits('12a')).toBe(false);
    expect(isMinorUnits(12.5)).toBe(false);
    expect(isMinorUnits('10000000000000000000')).toBe(false);
    expect(isMinorUnits(Number.MAX_SAFE_INTEGER + 2)).toBe(false);
  });
});

function parseOk(text: string) {
  const parsed = parseMoneyInput(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.minor;
}
