import { addCalendarMonths, addDays, addWorkingDays, daysBetween, isWorkingDay, workingDaysBetween } from './dates';

describe('day arithmetic', () => {
  it('adds days and counts them across months and leap days', () => {
    expect([addDays('2028-02-28', 1), addDays('2028-03-01', -1), addDays('2026-12-31', 1)]).toEqual(['2028-02-29', '2028-02-29', '2027-01-01']);
    expect([daysBetween('2026-01-01', '2026-03-01'), daysBetween('2026-03-01', '2026-01-01')]).toEqual([59, -59]);
  });

  it('adds calendar months, keeping to the last day of a shorter month', () => {
    expect([addCalendarMonths('2026-01-31', 1), addCalendarMonths('2028-01-31', 1), addCalendarMonths('2026-11-15', 2), addCalendarMonths('2026-01-31', 3)]).toEqual([
      '2026-02-28',
      '2028-02-29',
      '2027-01-15',
      '2026-04-30',
    ]);
  });

  it('counts working days Monday to Friday, after the first day up to the last', () => {
    // 2033-03-04 is a Friday.
    expect([isWorkingDay('2033-03-04'), isWorkingDay('2033-03-05'), isWorkingDay('2033-03-06')]).toEqual([true, false, false]);
    expect(workingDaysBetween('2033-03-04', '2033-03-04')).toBe(0);
    expect(workingDaysBetween('2033-03-04', '2033-03-06')).toBe(0); // the weekend
    expect(workingDaysBetween('2033-03-04', '2033-03-07')).toBe(1); // Monday
    expect(workingDaysBetween('2033-03-04', '2033-03-09')).toBe(3); // Wednesday
    expect(workingDaysBetween('2033-03-04', '2033-03-25')).toBe(15);
    expect(workingDaysBetween('2033-03-09', '2033-03-04')).toBe(0);
    expect([addWorkingDays('2033-03-04', 2), addWorkingDays('2033-03-07', 2), addWorkingDays('2033-03-04', 0)]).toEqual(['2033-03-08', '2033-03-09', '2033-03-04']);
  });

  it('agrees with counting day by day', () => {
    for (let start = 0; start < 14; start++) {
      const from = addDays('2033-03-01', start);
      for (let length = 0; length < 40; length++) {
        const to = addDays(from, length);
        let count = 0;
        for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count++;
        expect([from, to, workingDaysBetween(from, to)]).toEqual([from, to, count]);
      }
    }
  });
});
