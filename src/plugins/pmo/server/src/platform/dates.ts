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
  if (value instanceof Date) {
    // A valid Date is a real day: its UTC day as written, for years 0000–9999.
    const iso = Number.isNaN(value.getTime()) ? '' : value.toISOString();
    return /^\d{4}-\d{2}-\d{2}T/.test(iso) ? iso.slice(0, 10) : null;
  }
  const text = String(value);
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

/*
 * Day arithmetic on `YYYY-MM-DD` calendar days (no time zone), for reminders and due dates.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/** The day `days` days after (before, when negative) `day`. */
export function addDays(day: string, days: number): string {
  return new Date((dayNumber(day) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The same day `count` calendar months later, on the month's last day when it has no such day (31 Jan + 1 month = 28/29 Feb). */
export function addCalendarMonths(day: string, count: number): string {
  const index = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + count;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatIsoDate({ year, month, day: Math.min(Number(day.slice(8, 10)), daysInMonth(year, month)) });
}

/** Whether a day is a working day: Monday to Friday (no public holidays). */
export function isWorkingDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string): number {
  const total = daysBetween(from, to);
  if (total <= 0) return 0;
  const weeks = Math.floor(total / 7);
  let count = weeks * 5;
  for (let day = addDays(from, weeks * 7 + 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return count;
}

/** The day on which `count` working days after `from` have passed (the `count`-th working day after it). */
export function addWorkingDays(from: string, count: number): string {
  let day = from;
  for (let left = count; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}
