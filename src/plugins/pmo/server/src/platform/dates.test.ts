import { addMonths, daysInMonth, formatIsoDate, monthCount, monthEnd, monthKey, monthRange, monthStart, nextDay, nextMonthStart, parseIsoDate, today } from './dates';

describe('calendar dates', () => {
  it('parses YYYY-MM-DD and refuses malformed or impossible dates', () => {
    expect(parseIsoDate('2026-03-10')).toEqual({ year: 2026, month: 3, day: 10 });
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    for (const bad of ['2026-02-30', '2026-02-29', '2026-13-01', '2026-00-10', '2026-3-10', '10/03/2026', '2026-03-10T00:00:00Z', '', '0000-01-01', 20260310, null, ['2026-03-10']]) {
      expect([bad, parseIsoDate(bad)]).toEqual([bad, null]);
    }
  });

  it('knows month lengths, month starts and the next day', () => {
    expect([daysInMonth(2026, 2), daysInMonth(2028, 2), daysInMonth(2026, 3), daysInMonth(2026, 4)]).toEqual([28, 29, 31, 30]);
    const d = parseIsoDate('2026-12-31')!;
    expect([monthStart(d), nextMonthStart(d), nextDay(d), formatIsoDate(d)]).toEqual(['2026-12-01', '2027-01-01', '2027-01-01', '2026-12-31']);
    expect(nextDay(parseIsoDate('2026-02-10')!)).toBe('2026-02-11');
  });

  it("takes today from the server's clock", () => {
    expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('months', () => {
  it('steps, counts and lists YYYY-MM months across year ends', () => {
    expect(monthKey(parseIsoDate('2026-03-10')!)).toBe('2026-03');
    expect([addMonths('2026-11', 2), addMonths('2026-01', -1), addMonths('2026-06', 0)]).toEqual(['2027-01', '2025-12', '2026-06']);
    expect([monthCount('2026-11', '2027-02'), monthCount('2026-03', '2026-03'), monthCount('2026-04', '2026-03')]).toEqual([4, 1, 0]);
    expect(monthRange('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthEnd('2028-02')).toEqual({ year: 2028, month: 2, day: 29 });
  });
});
