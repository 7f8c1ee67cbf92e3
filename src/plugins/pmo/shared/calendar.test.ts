import { formatDay, formatMoment, formatMonth } from './calendar';

describe('one date format for people', () => {
  it('writes days as "2 Dec 2026", whatever was stored', () => {
    expect(formatDay('2026-12-02')).toBe('2 Dec 2026');
    expect(formatDay('2025-08-01T10:00:00.000Z')).toBe('1 Aug 2025');
    expect(formatDay(null)).toBe('—');
  });

  it('writes months as "Sep 2026", never a two-digit year that reads as a day', () => {
    expect(formatMonth('2026-09')).toBe('Sep 2026');
    expect(formatMonth('2025-01-01')).toBe('Jan 2025');
  });

  it('writes moments with the day first and a 24-hour time', () => {
    expect(formatMoment(new Date(2026, 11, 2, 14, 5))).toBe('2 Dec 2026, 14:05');
    expect(formatMoment(undefined)).toBe('—');
  });
});
