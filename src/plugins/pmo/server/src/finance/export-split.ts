/**
 * Where a SQLite export of the cost ledger is cut in two parts read at once, one per core
 * (cursor.ts `splitLineChunks`): the main thread reads and writes the entries before the cut,
 * a worker on its own connection those from it on. The ledger is ordered by date, so the
 * parts follow one another at a date; the cut is the first day of the month that brings the first
 * part as near to `FIRST_PART_SHARE` of the rows as whole months allow, found from the month
 * totals (cost-totals.ts), not the entries.
 *
 * An export under `min` rows is over before a second reader would pay, and keeps one (written on
 * the main thread: exports.ts). Above it, any size is cut: the second part's CSV waits for the
 * first in the worker's 4 MB ring and, past it, in a spill file (platform/csv-line-workers.ts),
 * so memory does not grow with the part. Pure.
 */

/** Rows (per the month totals) an export must have to be read in two parts. */
export const SPLIT_ROWS = { min: 20_000 };

/**
 * The first part's share of the rows. The main thread reads it and also sends the whole file, so
 * it takes a little less than half: measured interleaved in one process, 15 exports a share, at
 * 100,000 rows 0.45 and 0.4 took 5-10 % less time than 0.5, a third or less took more; at
 * 1,000,000 rows 0.45 was as fast as 0.5 or faster, 0.4 slower (bench/README.md, session 18).
 */
export const FIRST_PART_SHARE = 0.45;

export type SplitLimits = { min: number };

/** The entries of these months together. */
export const entriesIn = (months: ReadonlyArray<{ entries: number }>) => months.reduce((sum, { entries }) => sum + entries, 0);

/**
 * The day (`YYYY-MM-01`) at which to cut an export whose entries fall in these months (oldest
 * first), or null to read it in one part: too few rows, or one month only.
 */
export function splitDay(months: ReadonlyArray<{ month: string; entries: number }>, limits: SplitLimits = SPLIT_ROWS): string | null {
  const total = entriesIn(months);
  if (total < limits.min) return null;
  let before = 0;
  let best: { month: string; gap: number } | null = null;
  for (let i = 1; i < months.length; i += 1) {
    before += months[i - 1].entries;
    const gap = Math.abs(total * FIRST_PART_SHARE - before);
    if (!best || gap < best.gap) best = { month: months[i].month, gap };
  }
  return best ? `${best.month}-01` : null;
}
