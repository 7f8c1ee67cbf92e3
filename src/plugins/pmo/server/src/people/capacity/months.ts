/**
 * The arithmetic of capacity (DESIGN.md, "People and planning"), pure: no Strapi import.
 *
 * A month's booked percent is the day-weighted sum of the allocations overlapping it: each
 * allocation adds percent × (its days in the month) ÷ (the month's days). The numerator is summed
 * as a whole number (percent × days) and divided once, so the figure is exact before it is rounded
 * to 2 decimals (half away from zero) on output. An allocation without a start date counts from
 * the beginning of time, one without an end date for ever (docs/people.md).
 */
import { daysInMonth } from '../../platform/dates';

export type Span = { percent: number; startDate: string | null; endDate: string | null };

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/** `2027-03` → its first and last day and its length in days. */
export function monthBounds(month: string) {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7));
  const days = daysInMonth(year, index);
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}`, days };
}

/** The months from `from` to `to` (`YYYY-MM`), both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > to) return months;
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** `YYYY-MM` of today plus `offset` months. */
export function monthOf(day: string, offset = 0): string {
  const index = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The days of `month` the span covers (0 when it does not overlap). */
export function overlapDays(span: Pick<Span, 'startDate' | 'endDate'>, month: string): number {
  const { first, last } = monthBounds(month);
  const start = span.startDate && span.startDate > first ? span.startDate : first;
  const end = span.endDate && span.endDate < last ? span.endDate : last;
  return end < start ? 0 : dayNumber(end) - dayNumber(start) + 1;
}

/** `numerator ÷ days` to 2 decimals, half away from zero, with whole-number arithmetic only. */
export function percentOf(numerator: number, days: number): number {
  const sign = numerator < 0 ? -1 : 1;
  const hundredths = Math.floor((Math.abs(numerator) * 200 + days) / (2 * days));
  return (sign * hundredths) / 100;
}

/** The day-weighted percent of the spans in `month` (2 decimals). */
export function monthPercent(spans: Span[], month: string): number {
  const numerator = spans.reduce((sum, span) => sum + span.percent * overlapDays(span, month), 0);
  return percentOf(numerator, monthBounds(month).days);
}

/** What allocations may book: capacity less non-project time, never below 0. */
export const availablePercent = (capacityPercent: number | null | undefined, nonProjectPercent: number | null | undefined) =>
  Math.max(0, (capacityPercent ?? 100) - (nonProjectPercent ?? 0));

/** A month's figures from its booked and tentative percents. */
export function monthFigures(month: string, booked: number, tentative: number, available: number) {
  return { month, booked, tentative, free: Math.max(0, Math.round((available - booked) * 100) / 100), over: booked > available };
}

/** The months in which the spans' total exceeds `available`, each with its percent. */
export function monthsOver(spans: Span[], months: string[], available: number) {
  return months.map((month) => ({ month, percent: monthPercent(spans, month) })).filter((entry) => entry.percent > available);
}

/** The months a span touches (from its start to its end month), within `limit` months at most. */
export function monthsOfSpan(span: Pick<Span, 'startDate' | 'endDate'>, fallbackFrom: string, limit = 120): string[] {
  const from = (span.startDate ?? `${fallbackFrom}-01`).slice(0, 7);
  const to = (span.endDate ?? `${monthOf(`${from}-01`, 23)}-01`).slice(0, 7);
  const months = monthsBetween(from, to);
  return months.slice(0, limit);
}
