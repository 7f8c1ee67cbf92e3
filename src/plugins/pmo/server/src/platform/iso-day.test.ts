import { isIsoDate, quarterOf, toIsoDate, todayIso } from './dates';

describe('mentoring dates', () => {
  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(['2026-02-29', '2026-13-01', '2026-1-01', '01/02/2026', '2026-01-01T00:00:00Z', 20260101, null, 'next Friday'].map(isIsoDate)).toEqual(
      Array(8).fill(false)
    );
  });

  it('buckets dates into calendar quarters', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-09-30', '2026-10-01', '2026-12-31'].map(quarterOf)).toEqual([
      '2026-Q1',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
      '2026-Q4',
    ]);
  });

  it('reads stored dates and gives today in UTC', () => {
    expect(toIsoDate('2026-03-10')).toBe('2026-03-10');
    expect(toIsoDate(null)).toBeNull();
    expect(todayIso(new Date('2026-03-10T23:59:59Z'))).toBe('2026-03-10');
  });
});
