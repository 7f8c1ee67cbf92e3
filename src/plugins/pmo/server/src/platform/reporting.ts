/**
 * When a project's status report is late for its reporting cadence (docs/notifications.md,
 * "Status reports: when a report is late"). Pure: no Strapi here.
 *
 * A project reports every week, fortnight or calendar month from its last report (its `asOf`),
 * or from its start (startDate, else the day it was created) when it has none. The next report is
 * due one period after that; it is late once `REPORT_GRACE_DAYS` days have passed after the due
 * date with no newer report. Each further period without a report is one more period late.
 */
import { REPORT_GRACE_DAYS, REPORTING_CADENCES, type ReportingCadence } from '../../../shared/contracts/governance';
import { addCalendarMonths, addDays, daysBetween } from './dates';

/** The most periods late counted. */
const MAX_PERIODS = 1000;

export const isCadence = (value: unknown): value is ReportingCadence => REPORTING_CADENCES.includes(value as ReportingCadence);

/** The days of a period that is a whole number of days (weekly, fortnightly); a month is a calendar month. */
export const PERIOD_DAYS: Partial<Record<ReportingCadence, number>> = { weekly: 7, fortnightly: 14 };
/** The fewest days a calendar month has. */
export const SHORTEST_MONTH_DAYS = 28;

/** The day `periods` reporting periods after `from`. */
export function periodsAfter(from: string, cadence: ReportingCadence, periods: number): string {
  const days = PERIOD_DAYS[cadence];
  return days ? addDays(from, days * periods) : addCalendarMonths(from, periods);
}

export type Lateness = {
  /** When the first missing report was due. */
  dueDate: string;
  /** When the most recent missing report was due (the first one's when one period is missing). */
  latestDueDate: string;
  /** How many reports are missing past their grace days: 0 when none is late yet. */
  periodsLate: number;
};

/**
 * How late the reports of a project are on `today`, counted from `since` (the last report's
 * `asOf`, or the project's start when it has none).
 */
export function reportLateness(cadence: ReportingCadence, since: string, today: string, graceDays = REPORT_GRACE_DAYS): Lateness {
  const dueDate = periodsAfter(since, cadence, 1);
  /** Whether the report of period k is late: its due date and grace days have passed. */
  const late = (k: number) => addDays(periodsAfter(since, cadence, k), graceDays) < today;
  // The periods late are the k from 1 on that are late (later periods fall due later), bounded:
  // a project a thousand periods late is late enough to say so. Found from an estimate and a
  // step or two, not period by period (the dashboard reckons 10,000 projects, some years late).
  const step = PERIOD_DAYS[cadence];
  if (step) {
    // Period k is late when k × step + grace days < the days since: exactly the k below this.
    const k = Math.min(Math.max(Math.ceil((daysBetween(since, today) - graceDays) / step) - 1, 0), MAX_PERIODS);
    return { dueDate, latestDueDate: k > 0 ? addDays(since, k * step) : dueDate, periodsLate: k };
  }
  let k = (Number(today.slice(0, 4)) - Number(since.slice(0, 4))) * 12 + Number(today.slice(5, 7)) - Number(since.slice(5, 7));
  k = Math.min(Math.max(k, 0), MAX_PERIODS);
  while (k > 0 && !late(k)) k -= 1;
  while (k < MAX_PERIODS && late(k + 1)) k += 1;
  return { dueDate, latestDueDate: k > 0 ? periodsAfter(since, cadence, k) : dueDate, periodsLate: k };
}
