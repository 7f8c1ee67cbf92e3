/**
 * Milestones in words: a milestone's status on the roadmap and in the slip trend, and the
 * timeline's scale (days to positions). Pure: no React, no Strapi.
 */
import { formatDay } from '../../../../shared/calendar';
import type { LateReason } from '../../../../shared/contracts/milestones';

/** "14 days late", "1 day early", "on its baseline"; "no baseline" without one. */
export function varianceWords(days: number | null): string {
  if (days === null) return 'no baseline';
  if (days === 0) return 'on its baseline';
  const n = Math.abs(days);
  return `${n} ${n === 1 ? 'day' : 'days'} ${days > 0 ? 'late' : 'early'}`;
}

/** What the roadmap says of a milestone: achieved, late (and why) or on track. */
export function milestoneStatus(m: { actualDate: string | null; forecastDate: string | null; varianceDays: number | null; lateReasons: LateReason[] }): string {
  const reasons: string[] = [];
  if (m.lateReasons.includes('slipped')) reasons.push(`slipped ${varianceWords(m.varianceDays).replace(' late', '')} past its baseline`);
  if (m.lateReasons.includes('overdue')) reasons.push(`not achieved by its forecast of ${formatDay(m.forecastDate)}`);
  if (reasons.length) return `Late: ${reasons.join('; ')}`;
  if (m.actualDate) return `Achieved on ${formatDay(m.actualDate)}`;
  return 'On track';
}

const DAY_MS = 86_400_000;
export const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** A linear scale from the days `from`..`to` (padded by a fortnight each side) to `left`..`right`. */
export function timeScale(from: string, to: string, left: number, right: number) {
  const start = dayNumber(from) - 14;
  const end = Math.max(dayNumber(to) + 14, start + 1);
  return (day: string) => left + ((dayNumber(day) - start) / (end - start)) * (right - left);
}

/** The first day of each month from `from`'s to `to`'s, `YYYY-MM-01`. */
export function monthStarts(from: string, to: string): string[] {
  const out: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (let guard = 0; guard < 240; guard++) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    out.push(`${key}-01`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return out;
}
