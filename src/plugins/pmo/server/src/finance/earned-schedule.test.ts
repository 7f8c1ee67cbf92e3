/**
 * Earned schedule against worked examples written from Lipke's published method ("Schedule is
 * Different", The Measurable News, 2003; PMI Practice Standard for EVM, 2nd ed., appendix on
 * earned schedule): ES = C + I, C the whole periods whose cumulative PV is at most EV, I the
 * straight-line part of the next period; SPI(t) = ES / AT; SV(t) = ES − AT; IEAC(t) = PD / SPI(t).
 * The arithmetic is written beside each figure.
 */
import { parseIsoDate } from '../platform/dates';
import { exact, plannedValue } from './earned-value';
import { actualTimeMonths, dateAtMonths, earnedSchedule, earnedScheduleMonths, pvCurve, type PlannedMonth } from './earned-schedule';

const date = (text: string) => parseIsoDate(text)!;
/** Whole euros as minor units. */
const eur = (value: number) => BigInt(value * 100);

// A five-month plan from January 2026: 1,000 2,000 3,000 2,000 2,000 EUR (BAC 10,000).
// Cumulative PV at each month end: PV1 1,000  PV2 3,000  PV3 6,000  PV4 8,000  PV5 10,000.
const plan: PlannedMonth[] = [
  { month: '2026-01', amount: eur(1000) },
  { month: '2026-02', amount: eur(2000) },
  { month: '2026-03', amount: eur(3000) },
  { month: '2026-04', amount: eur(2000) },
  { month: '2026-05', amount: eur(2000) },
];

/** PV as of a date the way earned value takes it: months before in full, its month pro rata. */
function pvAt(asOf: string) {
  const d = date(asOf);
  const key = asOf.slice(0, 7);
  const before = plan.filter((p) => p.month < key).reduce((sum, p) => sum + p.amount, BigInt(0));
  const within = plan.filter((p) => p.month === key).reduce((sum, p) => sum + p.amount, BigInt(0));
  return plannedValue(before, within, d);
}

describe('earned schedule (Lipke), worked examples', () => {
  it('reads ES at a month end: 50 % complete on 30 Apr 2026', () => {
    // EV = 50 % × 10,000 = 5,000; PV = 8,000, so SPI($) = 0.625.
    // C = 2 (PV2 = 3,000 ≤ 5,000 < PV3 = 6,000); I = (5,000 − 3,000) / (6,000 − 3,000) = 2/3.
    // ES = 2 + 2/3 = 2.6667 months. AT = 3 whole months + 30/30 of April = 4.
    // SPI(t) = (8/3) / 4 = 2/3 = 0.6667. SV(t) = 8/3 − 4 = −4/3 = −1.3333 months.
    // IEAC(t) = PD / SPI(t) = 5 / (2/3) = 7.5 months from 1 Jan 2026: 7 whole months (to 31 Jul),
    // then 0.5 × 31 days of August = 15.5, rounded half away from zero: 16 Aug 2026.
    expect(earnedSchedule(plan, pvAt('2026-04-30'), exact(eur(5000)), date('2026-04-30'))).toEqual({
      es: 2.6667,
      at: 4,
      spiT: 0.6667,
      svT: -1.3333,
      ieacT: '2026-08-16',
    });
  });

  it('reads AT pro rata within asOf month: 20 % complete on 10 Mar 2026', () => {
    // EV = 20 % × 10,000 = 2,000. C = 1 (PV1 = 1,000 ≤ 2,000 < PV2 = 3,000);
    // I = (2,000 − 1,000) / (3,000 − 1,000) = 0.5, so ES = 1.5 months.
    // AT = 2 whole months + 10/31 of March = 72/31 = 2.32258… → 2.3226.
    // SPI(t) = 1.5 / (72/31) = 46.5/72 = 0.645833… → 0.6458 (the exact ES over the exact AT).
    // SV(t) = 1.5 − 72/31 = −25.5/31 = −0.822580… → −0.8226.
    // IEAC(t) = 5 × (72/31) / 1.5 = 240/31 = 7 + 23/31 months: 23/31 × 31 = day 23 of August.
    expect(earnedSchedule(plan, pvAt('2026-03-10'), exact(eur(2000)), date('2026-03-10'))).toEqual({
      es: 1.5,
      at: 2.3226,
      spiT: 0.6458,
      svT: -0.8226,
      ieacT: '2026-08-23',
    });
  });

  it('is ahead of schedule when EV runs ahead of the plan: 70 % on 31 Mar 2026', () => {
    // EV = 7,000. C = 3 (PV3 = 6,000 ≤ 7,000 < PV4 = 8,000); I = 1,000 / 2,000 = 0.5; ES = 3.5.
    // AT = 3. SPI(t) = 3.5 / 3 = 1.16666… → 1.1667; SV(t) = +0.5.
    // IEAC(t) = 5 × 3 / 3.5 = 30/7 = 4 + 2/7 months: 2/7 × 31 = 8.857… → day 9 of May.
    expect(earnedSchedule(plan, pvAt('2026-03-31'), exact(eur(7000)), date('2026-03-31'))).toEqual({
      es: 3.5,
      at: 3,
      spiT: 1.1667,
      svT: 0.5,
      ieacT: '2026-05-09',
    });
  });

  it('counts a month with no budget as Lipke does: C takes every month whose cumulative PV is at most EV', () => {
    // Jan 1,000, Feb nothing, Mar 1,000: PV1 = 1,000, PV2 = 1,000, PV3 = 2,000.
    const curve = pvCurve([
      { month: '2026-01', amount: eur(1000) },
      { month: '2026-03', amount: eur(1000) },
    ])!;
    expect(curve.first).toBe('2026-01');
    // EV 1,000: C = 2 (PV1 and PV2 ≤ 1,000), I = 0 → ES = 2.
    expect(earnedScheduleMonths(curve.cumulative, exact(eur(1000)))).toEqual(exact(2));
    // EV 1,500: C = 2, I = 500 / 1,000 → ES = 2.5.
    expect(earnedScheduleMonths(curve.cumulative, exact(eur(1500)))).toEqual({ n: BigInt(5), d: BigInt(2) });
    // EV = BAC 2,000: ES = the planned duration, 3.
    expect(earnedScheduleMonths(curve.cumulative, exact(eur(2000)))).toEqual(exact(3));
  });

  it('is null with no PV or no EV, as SPI is', () => {
    const none = { es: null, at: null, spiT: null, svT: null, ieacT: null };
    // Before the first budgeted month nothing is planned.
    expect(earnedSchedule(plan, pvAt('2025-12-31'), exact(eur(100)), date('2025-12-31'))).toEqual(none);
    // Nothing earned (no status report, or 0 % complete).
    expect(earnedSchedule(plan, pvAt('2026-03-10'), exact(0), date('2026-03-10'))).toEqual(none);
    // No budget at all.
    expect(earnedSchedule([], exact(0), exact(0), date('2026-03-10'))).toEqual(none);
  });

  it('counts AT across years and reads a time in months back as a day', () => {
    // From Nov 2025 to 15 Feb 2026: Nov, Dec, Jan whole = 3, plus 15/28 of February.
    expect(actualTimeMonths('2025-11', date('2026-02-15'))).toEqual({ n: BigInt(3 * 28 + 15), d: BigInt(28) });
    // A whole number of months lands on the last day of the month it completes.
    expect(dateAtMonths('2025-11', exact(3))).toBe('2026-01-31');
    expect(dateAtMonths('2025-11', { n: BigInt(3 * 28 + 15), d: BigInt(28) })).toBe('2026-02-15');
    expect(dateAtMonths('2025-11', exact(0))).toBeNull();
  });
});
