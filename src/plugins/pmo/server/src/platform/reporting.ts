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
import { addCalendarMonths, addDays } from './dates';

export const isCadence = (value: unknown): value is ReportingCadence => REPORTING_CADENCES.includes(value as ReportingCadence);

/** The day `periods` reporting periods after `from`. */
export function periodsAfter(from: string, cadence: ReportingCadence, periods: number): string {
  if (cadence === 'weekly') return addDays(from, 7 * periods);
  if (cadence === 'fortnightly') return addDays(from, 14 * periods);
  return addCalendarMonths(from, periods);
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
  let periodsLate = 0;
  let latestDueDate = dueDate;
  // Bounded: a project a thousand periods late is late enough to say so.
  for (let period = 1; period <= 1000; period += 1) {
    const due = periodsAfter(since, cadence, period);
    if (addDays(due, graceDays) >= today) break;
    periodsLate = period;
    latestDueDate = due;
  }
  return { dueDate, latestDueDate, periodsLate };
}
