/**
 * Calendar dates as `YYYY-MM-DD` strings, the way DESIGN.md's `asOf`, `from` and `to` are written,
 * shared by every capability (finance periods, mentoring quarters, review cycles).
 * Pure: no Strapi import. Dates are calendar days with no time zone; `today` is the server's,
 * `todayIso` is UTC's.
 */

import { daysInMonth, formatIsoDate, parseIsoDate, today, type CalendarDate } from '../../../shared/calendar';

export { daysInMonth, formatIsoDate, parseIsoDate, today, type CalendarDate };

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The first day of the date's month. */
export function monthStart({ year, month }: CalendarDate): string {
  return formatIsoDate({ year, month, day: 1 });
}

/** The first day of the month after the date's. */
export function nextMonthStart({ year, month }: CalendarDate): string {
  return month === 12 ? formatIsoDate({ year: year + 1, month: 1, day: 1 }) : formatIsoDate({ year, month: month + 1, day: 1 });
}

/** The day after a date, `YYYY-MM-DD`. */
export function nextDay(date: CalendarDate): string {
  return date.day < daysInMonth(date.year, date.month)
    ? formatIsoDate({ ...date, day: date.day + 1 })
    : nextMonthStart(date);
}

/*
 * Months as `YYYY-MM` keys, the way the budget outline and the S-curve name them (a budget
 * line's period is the first day of its month).
 */

/** The `YYYY-MM` key of a date's month. */
export function monthKey({ year, month }: CalendarDate): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

/** The month `count` months after (or before, when negative) a `YYYY-MM` key. */
export function addMonths(key: string, count: number): string {
  const index = Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1 + count;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** How many months from `from` to `to`, both included (0 when `to` is before `from`). */
export function monthCount(from: string, to: string): number {
  const index = (key: string) => Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7));
  return Math.max(0, index(to) - index(from) + 1);
}

/** Every `YYYY-MM` key from `from` to `to`, both included. */
export function monthRange(from: string, to: string): string[] {
  return Array.from({ length: monthCount(from, to) }, (_, i) => addMonths(from, i));
}

/** The last day of a `YYYY-MM` month. */
export function monthEnd(key: string): CalendarDate {
  const year = Number(key.slice(0, 4));
  const month = Number(key.slice(5, 7));
  return { year, month, day: daysInMonth(year, month) };
}

/*
 * Stored dates and datetimes read as `YYYY-MM-DD` (UTC), the way the mentoring log and the
 * document review cycle compare them.
 */

export type DateLike = string | Date | null | undefined;

/** `YYYY-MM-DD` of a date or datetime string, in UTC; null when absent or not a date. */
export function toIsoDay(value: DateLike): string | null {
  if (!value) return null;
  const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : value.toISOString()) : String(value);
  const day = /^\d{4}-\d{2}-\d{2}/.exec(text)?.[0];
  if (!day) return null;
  const parsed = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day ? null : day;
}

/** True for a real calendar date written exactly `YYYY-MM-DD` (2025-02-30 is not one). */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && value.length === 10 && toIsoDay(value) === value;
}

/** A stored date as `YYYY-MM-DD`; null when absent. */
export const toIsoDate = (value: unknown) => toIsoDay(value as DateLike);

/** Today in UTC, as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()) {
  return now.toISOString().slice(0, 10);
}

/** The calendar quarter of a date: `2025-Q3`. */
export function quarterOf(date: string) {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}
