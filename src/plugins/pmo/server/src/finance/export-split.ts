/**
 * Where a SQLite export of the cost ledger is cut in two parts read at once, one per core
 * (cursor.ts `splitLineChunks`): the main thread reads and writes the entries before the cut,
 * a worker on its own connection those from it on. The ledger is ordered by date, so the
 * parts follow one another at a date; the cut is the first day of the month that makes them as
 * even as whole months allow, found from the month totals (cost-totals.ts), not the entries.
 *
 * Only a mid-sized export is cut. The second part's CSV waits in memory until the first is
 * written, so an export past `max` rows (about 16 MB of CSV) keeps the one reader, where a worker
 * writes the CSV beside it (bench/README.md: from 1,000,000 rows that is 0.7–1.0 of sqlite3's
 * speed already); one under `min` is over before a second reader would pay. Pure.
 */

/** Rows (per the month totals) an export must have to be read in two parts. */
export const SPLIT_ROWS = { min: 20_000, max: 250_000 };

export type SplitLimits = { min: number; max: number };

/**
 * The day (`YYYY-MM-01`) at which to cut an export whose entries fall in these months (oldest
 * first), or null to read it in one part: too few or too many rows, or one month only.
 */
export function splitDay(months: ReadonlyArray<{ month: string; entries: number }>, limits: SplitLimits = SPLIT_ROWS): string | null {
  const total = months.reduce((sum, { entries }) => sum + entries, 0);
  if (total < limits.min || total > limits.max) return null;
  let before = 0;
  let best: { month: string; gap: number } | null = null;
  for (let i = 1; i < months.length; i += 1) {
    before += months[i - 1].entries;
    const gap = Math.abs(total - 2 * before);
    if (!best || gap < best.gap) best = { month: months[i].month, gap };
  }
  return best ? `${best.month}-01` : null;
}
