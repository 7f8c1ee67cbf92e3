/**
 * The dashboard's figures from the rows its queries read. Pure: no Strapi import, so every
 * definition (docs/dashboard.md) is unit-tested in milliseconds.
 */
import {
  INDEX_BUCKETS,
  WORST_COUNT,
  indexBucket,
  type IndexBucketCount,
  type LateReport,
  type RagCounts,
  type StateCount,
  type WorstProject,
} from '../../../shared/contracts/dashboard';
import { DEFAULT_REPORTING_CADENCE } from '../../../shared/contracts/governance';
import { PROJECT_UID } from '../../../shared/contracts/uids';
import { daysBetween, toIsoDay } from '../platform/dates';
import { isCadence, reportLateness } from '../platform/reporting';

export type ProjectRow = {
  id: number;
  document_id: string;
  code: string;
  name: string;
  state: string | null;
  cadence: string | null;
  start_date: unknown;
  created_at: unknown;
  manager: string | null;
};

/** A stored date or datetime as `YYYY-MM-DD` (SQLite keeps datetimes as epoch milliseconds). */
export function dayOf(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{10,}$/.test(value))) return toIsoDay(new Date(Number(value)));
  return toIsoDay(value as string | Date);
}

type State = { key: string; name: string; color?: string; terminal?: boolean };

/**
 * Projects counted by lifecycle state, in the lifecycle's order (every state, zero included);
 * a project in a state the lifecycle no longer has follows under that state's key. A project
 * with no state yet is in the lifecycle's initial state (as the governance board shows it).
 */
export function projectsByState(projects: ProjectRow[], states: State[], initial: string | null): StateCount[] {
  const counts = new Map<string, number>();
  for (const project of projects) {
    const key = project.state ?? initial ?? '';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const known = states.map((state) => ({ state: state.key, name: state.name, color: state.color ?? null, count: counts.get(state.key) ?? 0 }));
  const strays = [...counts.entries()]
    .filter(([key]) => !states.some((state) => state.key === key))
    .map(([key, count]) => ({ state: key || null, name: key || 'No state', color: null, count }));
  return [...known, ...strays];
}

/** RAG counts: each project in scope by the overall RAG of its latest report (`none`: no report by then). */
export function ragCounts(projects: ProjectRow[], latest: Map<number, { overall: string | null }>): RagCounts {
  const counts: RagCounts = { green: 0, amber: 0, red: 0, none: 0 };
  for (const project of projects) {
    const rag = latest.get(project.id)?.overall;
    if (rag === 'green' || rag === 'amber' || rag === 'red') counts[rag] += 1;
    else counts.none += 1;
  }
  return counts;
}

export type EvmRow = { documentId: string; code: string; name: string; cpi: number | null; spi: number | null; cv: string; sv: string };

/** How many projects fall in each CPI (or SPI) bucket, and which. */
export function distribution(rows: EvmRow[], index: 'cpi' | 'spi'): IndexBucketCount[] {
  return INDEX_BUCKETS.map((bucket) => {
    const projects = rows
      .filter((row) => indexBucket(row[index]) === bucket.key)
      .map((row) => ({ documentId: row.documentId, code: row.code, name: row.name }));
    return { key: bucket.key, from: bucket.from, to: bucket.to, count: projects.length, projects };
  });
}

/**
 * The five worst: projects with a CPI or an SPI, by the lower of the two (lowest first), then the
 * other, then code. A project with neither has nothing to rank it by and is left out.
 */
export function worst(rows: EvmRow[]): WorstProject[] {
  const low = (row: EvmRow) => Math.min(row.cpi ?? Infinity, row.spi ?? Infinity);
  const high = (row: EvmRow) => Math.max(row.cpi ?? -Infinity, row.spi ?? -Infinity);
  return rows
    .filter((row) => row.cpi !== null || row.spi !== null)
    .sort((a, b) => low(a) - low(b) || high(a) - high(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .slice(0, WORST_COUNT)
    .map((row) => ({ uid: PROJECT_UID, documentId: row.documentId, title: row.name, code: row.code, cpi: row.cpi, spi: row.spi, cv: row.cv, sv: row.sv }));
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

/**
 * Late status reports as of `day`, by the rule governance chases them with (platform/reporting.ts):
 * a project in a running state reports every week, fortnight or month from its last report on or
 * before `day` (else from its start, else the day it was created); a report is late once 3 grace
 * days have passed after its due date. Most periods late first, then by code.
 */
export function lateReports(projects: ProjectRow[], lastReport: Map<number, string | null>, running: readonly string[], day: string): LateReport[] {
  const late: LateReport[] = [];
  for (const project of projects) {
    if (!project.state || !running.includes(project.state)) continue;
    const cadence = isCadence(project.cadence) ? project.cadence : DEFAULT_REPORTING_CADENCE;
    const last = lastReport.get(project.id) ?? null;
    const since = last ?? dayOf(project.start_date) ?? dayOf(project.created_at);
    if (!since || since > day) continue;
    const lateness = reportLateness(cadence, since, day);
    if (lateness.periodsLate < 1) continue;
    late.push({
      uid: PROJECT_UID,
      documentId: project.document_id,
      title: project.name,
      code: project.code,
      manager: project.manager ?? null,
      cadence,
      lastReport: last,
      dueDate: lateness.dueDate,
      periodsLate: lateness.periodsLate,
    });
  }
  return late.sort((a, b) => b.periodsLate - a.periodsLate || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Whole days from `due` to `day` (how late). */
export const daysLate = (due: string, day: string) => daysBetween(due, day);

/** An item's title from free text: its first line, at most 200 characters. */
export function firstLine(text: unknown, fallback: string): string {
  const line = String(text ?? '').split(/\r?\n/)[0].trim();
  if (!line) return fallback;
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
