import { formatMinor } from '../../../shared/money';
import { changeLogCells, decimalFromMinorText, utcDay } from './reports';

describe('money cells', () => {
  it.each(['0', '1', '9', '10', '99', '100', '123450', '-1', '-50', '-500000', '999999999999999999', '-999999999999999999'])(
    'writes %s minor units as formatMinor does',
    (minor) => {
      expect(decimalFromMinorText(minor)).toBe(formatMinor(minor));
    }
  );
});

describe('change-log cells', () => {
  it('writes the decision day in UTC from a Date or epoch milliseconds', () => {
    expect(utcDay(new Date('2026-02-10T23:30:00Z'))).toBe('2026-02-10');
    expect(utcDay(Date.parse('2026-02-10T00:00:00Z'))).toBe('2026-02-10');
    expect(utcDay(String(Date.parse('2026-02-10T00:00:00Z')))).toBe('2026-02-10');
    expect(utcDay(null)).toBeNull();
  });

  it('formats cost impact and schedule days as plain numbers', () => {
    expect(changeLogCells(['CR-1', 'P', 'T', 'normal', 'new', '-250000', -3, null, null])).toEqual(['CR-1', 'P', 'T', 'normal', 'new', '-2500.00', '-3', null, null]);
  });
});
