import { availablePercent, monthBounds, monthFigures, monthOf, monthPercent, monthsBetween, monthsOfSpan, overlapDays, percentOf } from './months';

describe('capacity arithmetic', () => {
  it('knows each month’s days, leap years included', () => {
    expect(monthBounds('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29', days: 29 });
    expect(monthBounds('2027-02').days).toBe(28);
    expect(monthBounds('2027-12').last).toBe('2027-12-31');
  });

  it('lists months across a year end and moves by months', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2027-03', '2027-02')).toEqual([]);
    expect(monthOf('2027-01-15', -1)).toBe('2026-12');
    expect(monthOf('2027-01-15', 11)).toBe('2027-12');
  });

  it('counts the days of a month an allocation covers, open ends counting for ever', () => {
    expect(overlapDays({ startDate: '2027-03-10', endDate: '2027-04-05' }, '2027-03')).toBe(22); // 10–31
    expect(overlapDays({ startDate: '2027-03-10', endDate: '2027-04-05' }, '2027-04')).toBe(5);
    expect(overlapDays({ startDate: '2027-03-10', endDate: '2027-04-05' }, '2027-05')).toBe(0);
    expect(overlapDays({ startDate: null, endDate: null }, '2027-02')).toBe(28);
    expect(overlapDays({ startDate: '2027-02-28', endDate: '2027-02-28' }, '2027-02')).toBe(1);
  });

  it('sums percent × days and divides once, rounding half away from zero', () => {
    // 50 % for 16 of 31 days: 800 / 31 = 25.806… → 25.81; 1 / 8 = 0.125 → 0.13.
    expect(monthPercent([{ percent: 50, startDate: '2031-01-16', endDate: null }], '2031-01')).toBe(25.81);
    expect(percentOf(1, 8)).toBe(0.13);
    expect(percentOf(-1, 8)).toBe(-0.13);
    // Three thirds of a 30-day month: 10 days at 100 % each by three allocations = 100 exactly.
    const thirds = [
      { percent: 100, startDate: '2027-04-01', endDate: '2027-04-10' },
      { percent: 100, startDate: '2027-04-11', endDate: '2027-04-20' },
      { percent: 100, startDate: '2027-04-21', endDate: '2027-04-30' },
    ];
    expect(monthPercent(thirds, '2027-04')).toBe(100);
  });

  it('reads free and over against the available capacity', () => {
    expect(availablePercent(100, 20)).toBe(80);
    expect(availablePercent(null, null)).toBe(100);
    expect(availablePercent(50, 80)).toBe(0);
    expect(monthFigures('2027-01', 90, 5, 80)).toEqual({ month: '2027-01', booked: 90, tentative: 5, free: 0, over: true });
    expect(monthFigures('2027-01', 33.33, 0, 100)).toEqual({ month: '2027-01', booked: 33.33, tentative: 0, free: 66.67, over: false });
  });

  it('checks the months an allocation touches, two years at most when it has no end', () => {
    expect(monthsOfSpan({ startDate: '2027-01-20', endDate: '2027-03-01' }, '2026-12')).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(monthsOfSpan({ startDate: null, endDate: null }, '2026-12')).toHaveLength(24);
  });
});
