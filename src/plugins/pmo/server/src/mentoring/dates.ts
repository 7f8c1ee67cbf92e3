/** Calendar dates as the mentoring log uses them: `YYYY-MM-DD` strings, calendar quarters. Pure. */
import { toIsoDay } from '../compliance/review-cycle';

/** True for a real calendar date written exactly `YYYY-MM-DD` (2025-02-30 is not one). */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && value.length === 10 && toIsoDay(value) === value;
}

/** A stored date as `YYYY-MM-DD`; null when absent. */
export const toIsoDate = (value: unknown) => toIsoDay(value as string | Date | null | undefined);

/** Today in UTC, as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()) {
  return now.toISOString().slice(0, 10);
}

/** The calendar quarter of a date: `2025-Q3`. */
export function quarterOf(date: string) {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}
