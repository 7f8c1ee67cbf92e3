/**
 * The slip trend of a project's milestones (DESIGN.md, "People and planning"): each milestone's
 * forecast as it stood at each month's end, from the recorded history of its forecasts
 * (`plugin::pmo.milestone-forecast`, one row per change with the day it was set). Pure: no
 * Strapi import.
 *
 * - The months run from the month of the earliest record to the month of `asOf`, at most
 *   MAX_TREND_MONTHS (the latest ones); the month of `asOf` is read at `asOf`.
 * - A milestone's forecast at a day is the last one recorded on or before it (two on one day:
 *   the later record); null before its first.
 */
import { MAX_TREND_MONTHS, type MilestoneRow, type TrendMilestone } from '../../../../shared/contracts/milestones';
import { addMonths, formatIsoDate, monthEnd, monthRange } from '../../platform/dates';

export type ForecastRecord = { id: number; milestoneDocumentId: string; forecastDate: string | null; recordedOn: string };

/** The months of the trend, `YYYY-MM`: from the first record's to asOf's (asOf's alone with no record). */
export function trendMonths(records: ForecastRecord[], asOf: string): string[] {
  const last = asOf.slice(0, 7);
  const first = records.reduce((earliest, record) => (record.recordedOn.slice(0, 7) < earliest ? record.recordedOn.slice(0, 7) : earliest), last);
  const months = monthRange(first, last);
  return months.length > MAX_TREND_MONTHS ? monthRange(addMonths(last, 1 - MAX_TREND_MONTHS), last) : months;
}

/** The day a month is read at: its last day, or asOf in asOf's month. */
export const readingDay = (month: string, asOf: string) => {
  const end = formatIsoDate(monthEnd(month));
  return end > asOf ? asOf : end;
};

/** The forecast recorded last on or before `day`, from one milestone's records in order (recordedOn, id). */
export function forecastOn(records: ForecastRecord[], day: string): string | null {
  let forecast: string | null = null;
  for (const record of records) {
    if (record.recordedOn > day) break;
    forecast = record.forecastDate;
  }
  return forecast;
}

/** Each milestone with its forecast at each month's end. */
export function slipTrendOf(milestones: MilestoneRow[], records: ForecastRecord[], asOf: string): { months: string[]; milestones: TrendMilestone[] } {
  const relevant = records.filter((record) => record.recordedOn <= asOf);
  const months = trendMonths(relevant, asOf);
  const byMilestone = new Map<string, ForecastRecord[]>();
  for (const record of [...relevant].sort((a, b) => (a.recordedOn < b.recordedOn ? -1 : a.recordedOn > b.recordedOn ? 1 : a.id - b.id))) {
    const list = byMilestone.get(record.milestoneDocumentId) ?? [];
    list.push(record);
    byMilestone.set(record.milestoneDocumentId, list);
  }
  return {
    months,
    milestones: milestones.map((milestone) => {
      const own = byMilestone.get(milestone.documentId) ?? [];
      return { ...milestone, forecasts: months.map((month) => ({ month, forecast: forecastOn(own, readingDay(month, asOf)) })) };
    }),
  };
}
