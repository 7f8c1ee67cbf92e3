/**
 * The S-curve of a project or programme: PV, EV and AC at each month end (DESIGN.md, Finance),
 * from monthly sums the database makes (repository.sCurveFacts). Pure: no Strapi import, money
 * exact (BigInt minor units, PV and EV as exact fractions) and rounded once, on output.
 *
 * - PV at a date: the budget of the months before in full, its own month pro rata by days.
 * - EV at a date: Σ over projects of BAC × the latest percentComplete on or before the date.
 * - AC at a date: the cost entries dated on or before it.
 * A month's point is its last day; the month of `asOf` is drawn at `asOf` (nothing later is
 * known), and months after it carry PV only.
 */
import {
  add,
  deriveFigures,
  earnedValue,
  exact,
  formatFigures,
  formatMoney,
  plannedValue,
  type Baseline,
  type Exact,
} from './earned-value';
import type { EvmFigures, SeriesPoint } from '../../../shared/contracts/finance';
import { addMonths, formatIsoDate, monthCount, monthEnd, monthKey, monthRange, type CalendarDate } from '../platform/dates';

/** The most months a series draws (ten years). */
export const MAX_SERIES_MONTHS = 120;
/** With no budget, cost or dates at all: the year up to asOf. */
const DEFAULT_MONTHS = 12;

/** What the database sums for a set of projects; months are `YYYY-MM`, money minor units. */
export type SCurveFacts = {
  /** Budget per project and month, management reserve left out (so Σ per project is its BAC). */
  planned: Array<{ projectId: number; month: string; amount: bigint }>;
  /** Cost entries dated on or before asOf, per month. */
  costs: Array<{ month: string; amount: bigint }>;
  /** Per project and month: percentComplete of the month's latest status report on or before asOf. */
  progress: Array<{ projectId: number; month: string; percentComplete: number }>;
  /** The earliest startDate and the latest endDate of the projects (`YYYY-MM-DD`), if any. */
  span: { start: string | null; end: string | null };
};

/**
 * The months to draw: from the earliest of the projects' start, budget and costs to the latest of
 * their end, budget and costs; a year up to asOf when there is nothing. Longer than
 * MAX_SERIES_MONTHS: the window of that length that reaches asOf's month, or the first one.
 */
export function seriesMonths(facts: SCurveFacts, asOf: CalendarDate): string[] {
  const months = [
    ...facts.planned.map((p) => p.month),
    ...facts.costs.map((c) => c.month),
    ...[facts.span.start, facts.span.end].filter((d): d is string => d !== null).map((d) => d.slice(0, 7)),
  ].sort();
  const asOfMonth = monthKey(asOf);
  if (months.length === 0) return monthRange(addMonths(asOfMonth, 1 - DEFAULT_MONTHS), asOfMonth);
  const first = months[0];
  const last = months[months.length - 1];
  if (monthCount(first, last) <= MAX_SERIES_MONTHS) return monthRange(first, last);
  const reach = asOfMonth < first ? first : asOfMonth > last ? last : asOfMonth;
  const end = monthCount(first, reach) <= MAX_SERIES_MONTHS ? addMonths(first, MAX_SERIES_MONTHS - 1) : reach;
  return monthRange(addMonths(end, 1 - MAX_SERIES_MONTHS), end);
}

const sum = (values: Iterable<bigint>) => {
  let total = BigInt(0);
  for (const value of values) total += value;
  return total;
};

/** BAC, PV, EV and AC as of any date, from the monthly facts. */
export function baselineAt(facts: SCurveFacts, date: CalendarDate): Baseline {
  const month = monthKey(date);
  const bacByProject = new Map<number, bigint>();
  for (const p of facts.planned) bacByProject.set(p.projectId, (bacByProject.get(p.projectId) ?? BigInt(0)) + p.amount);

  const beforeMonth = sum(facts.planned.filter((p) => p.month < month).map((p) => p.amount));
  const inMonth = sum(facts.planned.filter((p) => p.month === month).map((p) => p.amount));

  // Each project's latest progress up to the date's month (rows are already the month's latest).
  const latest = new Map<number, { month: string; percentComplete: number }>();
  for (const row of facts.progress) {
    if (row.month > month) continue;
    const seen = latest.get(row.projectId);
    if (!seen || row.month > seen.month) latest.set(row.projectId, row);
  }
  let ev: Exact = exact(0);
  for (const [projectId, { percentComplete }] of latest) {
    ev = add(ev, earnedValue(bacByProject.get(projectId) ?? BigInt(0), percentComplete));
  }

  return {
    bac: exact(sum(bacByProject.values())),
    pv: plannedValue(beforeMonth, inMonth, date),
    ev,
    ac: exact(sum(facts.costs.filter((c) => c.month <= month).map((c) => c.amount))),
  };
}

/** The points of the S-curve and the figures as of asOf (whose EAC the chart projects). */
export function sCurve(facts: SCurveFacts, asOf: CalendarDate): { points: SeriesPoint[]; figures: EvmFigures } {
  const asOfText = formatIsoDate(asOf);
  const points = seriesMonths(facts, asOf).map((month): SeriesPoint => {
    const end = monthEnd(month);
    const known = formatIsoDate(end) <= asOfText || month === monthKey(asOf);
    const date = known && formatIsoDate(end) > asOfText ? asOf : end;
    const base = baselineAt(facts, date);
    return {
      month,
      date: formatIsoDate(date),
      pv: formatMoney(base.pv),
      ev: known ? formatMoney(base.ev) : null,
      ac: known ? formatMoney(base.ac) : null,
    };
  });
  return { points, figures: formatFigures(deriveFigures(baselineAt(facts, asOf))) };
}
