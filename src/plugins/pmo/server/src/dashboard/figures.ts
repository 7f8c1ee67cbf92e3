/**
 * The dashboard's figures from the rows its queries read. Pure: no Strapi import, so every
 * definition (docs/dashboard.md) is unit-tested in milliseconds.
 */
import {
  INDEX_BUCKETS,
  WORST_COUNT,
  indexBucket,
  type IndexBucketCount,
  type RagCounts,
  type StateCount,
  type WorstProject,
} from '../../../shared/contracts/dashboard';
import type { ProjectIndices } from '../../../shared/contracts/finance';
import { DEFAULT_REPORTING_CADENCE } from '../../../shared/contracts/governance';
import { PROJECT_UID } from '../../../shared/contracts/uids';
import { daysBetween, toIsoDay } from '../platform/dates';
import { isCadence, reportLateness } from '../platform/reporting';

/** A project that reports status and may be late (queries.lateCandidates). */
export type ReportingRow = {
  id: number;
  code: string;
  cadence: string | null;
  /** The last report on or before the day that the caller may read (none: null). */
  last_report: unknown;
  start_date: unknown;
  created_at: unknown;
};

/** A stored date or datetime as `YYYY-MM-DD` (SQLite keeps datetimes as epoch milliseconds). */
export function dayOf(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{10,}$/.test(value))) return toIsoDay(new Date(Number(value)));
  return toIsoDay(value as string | Date);
}

type State = { key: string; name: string; color?: string; terminal?: boolean };

/**
 * Projects counted by lifecycle state, in the lifecycle's order (every state, zero included),
 * from the database's count per state; a state the lifecycle no longer has follows under its
 * key. Projects with no state yet are in the lifecycle's initial state (as the board shows them).
 */
export function projectsByState(rows: Array<{ state: string | null; count: unknown }>, states: State[], initial: string | null): StateCount[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = row.state ?? initial ?? '';
    counts.set(key, (counts.get(key) ?? 0) + Number(row.count));
  }
  const known = states.map((state) => ({ state: state.key, name: state.name, color: state.color ?? null, count: counts.get(state.key) ?? 0 }));
  const strays = [...counts.entries()]
    .filter(([key]) => !states.some((state) => state.key === key))
    .map(([key, count]) => ({ state: key || null, name: key || 'No state', color: null, count }));
  return [...known, ...strays];
}

/**
 * RAG counts from the latest reports counted by overall RAG (`rows`: one per RAG, as the database
 * groups them): `none` is every other project in scope, with no report by then (or no RAG on it).
 */
export function ragCounts(rows: Array<Record<string, unknown>>, projects: number): RagCounts {
  const counts: RagCounts = { green: 0, amber: 0, red: 0, none: 0 };
  for (const row of rows) if (row.overall === 'green' || row.overall === 'amber' || row.overall === 'red') counts[row.overall] += Number(row.count);
  counts.none = projects - counts.green - counts.amber - counts.red;
  return counts;
}

/** A project's indices and variances, as finance answers them (`indicesForProjects`). */
export type EvmRow = ProjectIndices;

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * The first `limit` of `rows` in `order` (every one, sorted, when null), as a stable sort would
 * give them: one pass keeping the first ones in order, not a sort of 10,000 projects per list.
 */
export function firstInOrder<T>(rows: Iterable<T>, order: (a: T, b: T) => number, limit: number | null): T[] {
  const first: T[] = [];
  for (const row of rows) {
    if (limit === null) {
      first.push(row);
      continue;
    }
    if (limit === 0 || (first.length === limit && order(row, first[limit - 1]) >= 0)) continue;
    // After every row it does not come before: equal rows keep their order, as a stable sort does.
    let at = first.length;
    while (at > 0 && order(row, first[at - 1]) < 0) at -= 1;
    first.splice(at, 0, row);
    if (first.length > limit) first.pop();
  }
  return limit === null ? first.sort(order) : first;
}

/**
 * How many projects fall in each CPI (or SPI) bucket, and the first `limit` of them (lowest index
 * first, then code): the count is over every project, the list behind the bar is bounded.
 */
export function distribution(rows: EvmRow[], index: 'cpi' | 'spi', limit: number | null): IndexBucketCount[] {
  const inBucket = new Map<string, EvmRow[]>(INDEX_BUCKETS.map((bucket) => [bucket.key, []]));
  for (const row of rows) inBucket.get(indexBucket(row[index]))!.push(row);
  const order = (a: EvmRow, b: EvmRow) => (a[index] ?? 0) - (b[index] ?? 0) || byCode(a, b);
  return INDEX_BUCKETS.map((bucket) => {
    const members = inBucket.get(bucket.key)!;
    const projects = firstInOrder(members, order, limit).map((row) => ({ documentId: row.documentId, code: row.code, name: row.name }));
    return { key: bucket.key, from: bucket.from, to: bucket.to, count: members.length, projects };
  });
}

/**
 * The five worst: projects with a CPI or an SPI, by the lower of the two (lowest first), then the
 * other, then code. A project with neither has nothing to rank it by and is left out.
 */
export function worst(rows: EvmRow[]): WorstProject[] {
  const low = (row: EvmRow) => Math.min(row.cpi ?? Infinity, row.spi ?? Infinity);
  const high = (row: EvmRow) => Math.max(row.cpi ?? -Infinity, row.spi ?? -Infinity);
  const ranked = rows.filter((row) => row.cpi !== null || row.spi !== null);
  return firstInOrder(ranked, (a, b) => low(a) - low(b) || high(a) - high(b) || byCode(a, b), WORST_COUNT).map((row) => ({
    uid: PROJECT_UID,
    documentId: row.documentId,
    title: row.name,
    code: row.code,
    cpi: row.cpi,
    spi: row.spi,
    cv: row.cv,
    sv: row.sv,
  }));
}

/** The 5 × 5 grid `[probability − 1][impact − 1]` of counts; values outside 1–5 are not counted. */
export function heatmapCells(rows: Array<{ probability: unknown; impact: unknown; count: unknown }>) {
  const cells = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  let total = 0;
  for (const row of rows) {
    const p = Number(row.probability);
    const i = Number(row.impact);
    if (!Number.isInteger(p) || !Number.isInteger(i) || p < 1 || p > 5 || i < 1 || i > 5) continue;
    cells[p - 1][i - 1] += Number(row.count);
    total += Number(row.count);
  }
  return { cells, total };
}

/** A project's late report, before the list names it (LateReport less the project's names). */
export type Lateness = { id: number; code: string; cadence: string; lastReport: string | null; dueDate: string; periodsLate: number };

/**
 * Late status reports as of `day`, by the rule governance chases them with (platform/reporting.ts):
 * a project in a running lifecycle state (`projects` holds only those) reports every week,
 * fortnight or month from its last report on or before `day` (else from its start, else the day
 * it was created); a report is late once 3 grace days have passed after its due date. Every late
 * project, most periods late first, then by code.
 */
export function lateReports(projects: ReportingRow[], day: string): Lateness[] {
  const late: Lateness[] = [];
  for (const project of projects) {
    const cadence = isCadence(project.cadence) ? project.cadence : DEFAULT_REPORTING_CADENCE;
    const last = dayOf(project.last_report);
    const since = last ?? dayOf(project.start_date) ?? dayOf(project.created_at);
    if (!since || since > day) continue;
    const lateness = reportLateness(cadence, since, day);
    if (lateness.periodsLate < 1) continue;
    late.push({ id: Number(project.id), code: project.code, cadence, lastReport: last, dueDate: lateness.dueDate, periodsLate: lateness.periodsLate });
  }
  return late.sort((a, b) => b.periodsLate - a.periodsLate || byCode(a, b));
}

/** Whole days from `due` to `day` (how late). */
export const daysLate = (due: string, day: string) => daysBetween(due, day);

/** An item's title from free text: its first line, at most 200 characters. */
export function firstLine(text: unknown, fallback: string): string {
  const line = String(text ?? '').split(/\r?\n/)[0].trim();
  if (!line) return fallback;
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
