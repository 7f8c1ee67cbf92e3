/**
 * Earned schedule (Lipke, "Schedule is Different", 2003; PMI Practice Standard for Earned Value
 * Management, 2nd ed.), exactly as DESIGN.md ("People and planning") fixes it. Pure: no Strapi
 * import; every figure is an exact fraction until output, as in earned-value.ts.
 *
 * - The PV curve: cumulative PV at each month's end, counted from the first budgeted month
 *   (PV₀ = 0 on its first day, PVₖ = the budget of its first k months), straight between.
 * - ES: the time, in months, at which that curve reaches EV. With C the number of whole months
 *   whose cumulative PV is at most EV (Lipke's count), ES = C + (EV − PV_C) / (PV_C+1 − PV_C);
 *   EV equal to the whole budget is ES = the planned duration.
 * - AT: months from the first budgeted month's first day to asOf, asOf's own month pro rata by
 *   days (asOf included): 10 Mar in a plan starting in January is 2 + 10/31.
 * - SPI(t) = ES / AT, SV(t) = ES − AT (months), IEAC(t) = first budgeted month + planned duration
 *   ÷ SPI(t), read back to a day with AT's convention (month m + f is day ⌈f × days⌉ of month m+1,
 *   rounded half away from zero, so a whole number of months lands on a month's last day).
 * - Every figure is null with no PV or no EV as of asOf (as SPI is with no PV): nothing is
 *   planned yet, or nothing is earned, so no time can be read off the curve.
 *
 * Figures are rounded once, on output, to 4 decimals half away from zero: SPI(t) is the exact
 * ES over the exact AT, not the rounded ones over each other.
 */
import type { EarnedSchedule } from '../../../shared/contracts/finance';
import { add, atMost, div, exact, formatIndex, mul, roundHalfAwayFromZero, sub, type Exact } from './earned-value';
import { addMonths, daysInMonth, formatIsoDate, monthCount, monthKey, type CalendarDate } from '../platform/dates';

/** The budget of one month (`YYYY-MM`), management reserve left out, summed over the projects. */
export type PlannedMonth = { month: string; amount: bigint };

export const NO_SCHEDULE: EarnedSchedule = { es: null, at: null, spiT: null, svT: null, ieacT: null };

/** IEAC(t) further out than this many months is no date anyone plans by: null. */
const MAX_IEAC_MONTHS = 12 * 1000;

const positive = (value: Exact) => value.n > BigInt(0);
const index = (value: Exact) => Number(formatIndex(value));

/** The exact figures, before rounding (for the tests and for roll-ups that need them). */
export type ExactSchedule = { es: Exact; at: Exact; spiT: Exact; svT: Exact; ieacMonths: Exact; first: string; plannedMonths: number };

/** The cumulative PV at each month end from the first budgeted month: [PV₀ = 0, PV₁, …, PV_N]. */
export function pvCurve(planned: PlannedMonth[]): { first: string; cumulative: Exact[] } | null {
  if (planned.length === 0) return null;
  const months = planned.map((p) => p.month).sort();
  const first = months[0];
  const count = monthCount(first, months[months.length - 1]);
  const perMonth = new Array<bigint>(count).fill(BigInt(0));
  for (const p of planned) perMonth[monthCount(first, p.month) - 1] += p.amount;
  const cumulative: Exact[] = [exact(0)];
  for (const amount of perMonth) cumulative.push(add(cumulative[cumulative.length - 1], exact(amount)));
  return { first, cumulative };
}

/** ES in months: where the PV curve reaches EV (Lipke: C whole months, plus the interpolated part). */
export function earnedScheduleMonths(cumulative: Exact[], ev: Exact): Exact {
  const planned = cumulative.length - 1;
  let c = 0;
  while (c < planned && atMost(cumulative[c + 1], ev)) c += 1;
  if (c === planned) return exact(planned);
  const part = div(sub(ev, cumulative[c]), sub(cumulative[c + 1], cumulative[c]))!;
  return add(exact(c), part);
}

/** AT in months: whole months from the first budgeted month to asOf's, plus asOf's day / its month's days. */
export function actualTimeMonths(first: string, asOf: CalendarDate): Exact {
  const whole = monthCount(first, monthKey(asOf)) - 1;
  return add(exact(whole), { n: BigInt(asOf.day), d: BigInt(daysInMonth(asOf.year, asOf.month)) });
}

/** A time in months from the first budgeted month's first day, as a day (AT's convention read backwards). */
export function dateAtMonths(first: string, months: Exact): string | null {
  if (!positive(months)) return null;
  // m whole months, then the fraction f in (0, 1] of month m + 1.
  const ceiling = (months.n + months.d - BigInt(1)) / months.d;
  const whole = ceiling - BigInt(1);
  if (whole > BigInt(MAX_IEAC_MONTHS)) return null;
  const month = addMonths(first, Number(whole));
  const year = Number(month.slice(0, 4));
  const monthNumber = Number(month.slice(5, 7));
  const days = daysInMonth(year, monthNumber);
  const fraction = sub(months, exact(whole));
  const day = Number(roundHalfAwayFromZero(mul(fraction, exact(days))));
  return formatIsoDate({ year, month: monthNumber, day: Math.min(days, Math.max(1, day)) });
}

/** The exact earned-schedule figures, or null where DESIGN.md's null rule applies. */
export function exactSchedule(planned: PlannedMonth[], pv: Exact, ev: Exact, asOf: CalendarDate): ExactSchedule | null {
  if (!positive(pv) || !positive(ev)) return null;
  const curve = pvCurve(planned);
  if (!curve) return null;
  const plannedMonths = curve.cumulative.length - 1;
  const es = earnedScheduleMonths(curve.cumulative, ev);
  const at = actualTimeMonths(curve.first, asOf);
  if (!positive(at) || !positive(es)) return null;
  const spiT = div(es, at)!;
  // IEAC(t) = planned duration ÷ SPI(t) = PD × AT / ES.
  const ieacMonths = div(mul(exact(plannedMonths), at), es)!;
  return { es, at, spiT, svT: sub(es, at), ieacMonths, first: curve.first, plannedMonths };
}

/** ES, AT, SPI(t), SV(t) and IEAC(t) as the earned-value answers carry them. */
export function earnedSchedule(planned: PlannedMonth[], pv: Exact, ev: Exact, asOf: CalendarDate): EarnedSchedule {
  const figures = exactSchedule(planned, pv, ev, asOf);
  if (!figures) return NO_SCHEDULE;
  return {
    es: index(figures.es),
    at: index(figures.at),
    spiT: index(figures.spiT),
    svT: index(figures.svT),
    ieacT: dateAtMonths(figures.first, figures.ieacMonths),
  };
}
