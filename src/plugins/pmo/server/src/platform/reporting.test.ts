import fc from 'fast-check';
import { addDays } from './dates';
import { periodsAfter, reportLateness } from './reporting';

/** The rule as written: period by period, at most a thousand. */
function periodByPeriod(cadence: 'weekly' | 'fortnightly' | 'monthly', since: string, today: string, grace: number) {
  const dueDate = periodsAfter(since, cadence, 1);
  let [periodsLate, latestDueDate] = [0, dueDate];
  for (let period = 1; period <= 1000; period += 1) {
    const due = periodsAfter(since, cadence, period);
    if (addDays(due, grace) >= today) break;
    [periodsLate, latestDueDate] = [period, due];
  }
  return { dueDate, latestDueDate, periodsLate };
}

describe('status report lateness', () => {
  it('steps a week, a fortnight or a calendar month at a time', () => {
    expect([periodsAfter('2033-01-03', 'weekly', 2), periodsAfter('2033-01-03', 'fortnightly', 1), periodsAfter('2033-01-31', 'monthly', 1)]).toEqual([
      '2033-01-17',
      '2033-01-17',
      '2033-02-28',
    ]);
  });

  it('is due one period after the last report and late after the 3 days of grace', () => {
    // Weekly, last report Monday 3 Jan: due 10 Jan, late from 14 Jan.
    expect(reportLateness('weekly', '2033-01-03', '2033-01-09')).toEqual({ dueDate: '2033-01-10', latestDueDate: '2033-01-10', periodsLate: 0 });
    expect(reportLateness('weekly', '2033-01-03', '2033-01-13').periodsLate).toBe(0);
    expect(reportLateness('weekly', '2033-01-03', '2033-01-14')).toEqual({ dueDate: '2033-01-10', latestDueDate: '2033-01-10', periodsLate: 1 });
    // A second week missing: two periods late from 21 Jan.
    expect(reportLateness('weekly', '2033-01-03', '2033-01-20').periodsLate).toBe(1);
    expect(reportLateness('weekly', '2033-01-03', '2033-01-21')).toEqual({ dueDate: '2033-01-10', latestDueDate: '2033-01-17', periodsLate: 2 });
  });

  it('gives a monthly project a month', () => {
    expect(reportLateness('monthly', '2033-01-03', '2033-01-21').periodsLate).toBe(0);
    expect(reportLateness('monthly', '2033-01-03', '2033-02-06').periodsLate).toBe(0);
    expect(reportLateness('monthly', '2033-01-03', '2033-02-07')).toEqual({ dueDate: '2033-02-03', latestDueDate: '2033-02-03', periodsLate: 1 });
    expect(reportLateness('monthly', '2033-01-31', '2033-04-04')).toEqual({ dueDate: '2033-02-28', latestDueDate: '2033-03-31', periodsLate: 2 });
  });

  it('counts the periods as the rule does period by period, whatever the dates (a thousand at most)', () => {
    const day = fc.integer({ min: 0, max: 365 * 30 }).map((offset) => addDays('2000-01-01', offset));
    fc.assert(
      fc.property(fc.constantFrom('weekly' as const, 'fortnightly' as const, 'monthly' as const), day, day, fc.integer({ min: 0, max: 10 }), (cadence, since, today, grace) => {
        expect(reportLateness(cadence, since, today, grace)).toEqual(periodByPeriod(cadence, since, today, grace));
      }),
      { numRuns: 2000 }
    );
  });
});
