/**
 * Database helpers every capability may share: the caller's transaction, table and column names
 * from Strapi's metadata, and the two queries more than one capability asks — a project's BAC
 * and each project's latest status report. Sums are done by the database (see money-sql.ts).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { MANAGEMENT_RESERVE } from '../../../shared/contracts/finance';
import { BUDGET_LINE_UID, STATUS_REPORT_UID } from '../../../shared/contracts/uids';
import { sumMinor } from './money-sql';

/**
 * Runs `work` with the knex of the current transaction (or a new one). On SQLite the pool has one
 * connection, so a query outside the caller's transaction would wait for it forever.
 */
export function withKnex<T>(strapi: Core.Strapi, work: (knex: Knex) => Promise<T>): Promise<T> {
  return strapi.db.transaction(({ trx }) => work(trx as unknown as Knex)) as Promise<T>;
}

/** The names of the triggers starting with `prefix` (the derived tables' triggers: cost totals, latest reports). */
export async function installedTriggers(knex: Knex, postgres: boolean, prefix: string): Promise<string[]> {
  const result: any = postgres
    ? await knex.raw(`SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE ?`, [`${prefix}%`])
    : await knex.raw(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?`, [`${prefix}%`]);
  const rows: Array<{ name: string }> = Array.isArray(result) ? result : result.rows;
  return rows.map((row) => row.name);
}

/** A relation's join table: `owner` holds the row's id, `target` the related row's. */
export type Link = { table: string; owner: string; target: string };

/** A content type's table, its columns by attribute name and its relations' join tables. */
export function columnsOf(strapi: Core.Strapi, uid: string) {
  const meta = strapi.db.metadata.get(uid as never) as any;
  const column = (attribute: string): string => meta.attributes[attribute]?.columnName ?? attribute;
  const link = (attribute: string): Link => {
    const join = meta.attributes[attribute].joinTable;
    return { table: join.name, owner: join.joinColumn.name, target: join.inverseJoinColumn.name };
  };
  return { table: meta.tableName as string, column, link, meta };
}

/**
 * Budget lines (`b`, joined to their project link `bp`, the project id in `projectColumn`), with
 * their columns named for the query. Callers narrow and select.
 */
export function budgetLines(strapi: Core.Strapi, knex: Knex) {
  const line = columnsOf(strapi, BUDGET_LINE_UID);
  const project = line.link('project');
  const query = knex(`${line.table} as b`).join(`${project.table} as bp`, `bp.${project.owner}`, 'b.id');
  return {
    query,
    projectColumn: `bp.${project.target}`,
    amountColumn: `b.${line.column('amount')}`,
    periodColumn: `b.${line.column('period')}`,
    categoryColumn: `b.${line.column('category')}`,
  };
}

/**
 * The budget lines BAC counts: every category but management reserve (DESIGN.md). Every sum of
 * BAC or of planned value starts here. Callers narrow and select.
 */
export function bacLines(strapi: Core.Strapi, knex: Knex) {
  const lines = budgetLines(strapi, knex);
  lines.query.whereNot(lines.categoryColumn, MANAGEMENT_RESERVE);
  return lines;
}

/** BAC in minor units: the project's budget lines, management reserve excluded, summed exactly. */
export async function budgetAtCompletion(strapi: Core.Strapi, projectId: number): Promise<bigint> {
  const rows = await withKnex(strapi, (knex) => {
    const lines = bacLines(strapi, knex);
    return lines.query.where(lines.projectColumn, projectId).select(sumMinor(knex, lines.amountColumn, 'bac'));
  });
  return BigInt((rows as Array<{ bac: string }>)[0]?.bac ?? '0');
}

/** BAC in minor units of each project (as `budgetAtCompletion`), in one query: by project id, 0 when none. */
export async function budgetsAtCompletion(strapi: Core.Strapi, projectIds: number[]): Promise<Map<number, bigint>> {
  const bac = new Map<number, bigint>(projectIds.map((id) => [id, BigInt(0)]));
  if (projectIds.length === 0) return bac;
  const rows = (await withKnex(strapi, (knex) => {
    const lines = bacLines(strapi, knex);
    return lines.query
      .whereIn(lines.projectColumn, projectIds)
      .groupBy(lines.projectColumn)
      .select({ project_id: lines.projectColumn }, sumMinor(knex, lines.amountColumn, 'bac'));
  })) as Array<{ project_id: number; bac: string }>;
  for (const row of rows) bac.set(Number(row.project_id), BigInt(row.bac ?? '0'));
  return bac;
}

export type LatestReportOptions = {
  /** `YYYY-MM-DD`: only reports as of that day or earlier (absent: every report). */
  onOrBefore?: string;
  /** Output alias → status report attribute (`id`, `asOf`, `percentComplete`, …). */
  columns: Record<string, string>;
  /** Narrows the projects (or the reports), given the columns holding a report's project id and its id. */
  narrow?: (query: Knex.QueryBuilder, projectColumn: string, reportColumn: string) => void;
  /**
   * Latest per project and month instead: the dialect's `YYYY-MM` expression of a column bound
   * to `??` (the S-curve's); the month comes back as `report_month`.
   */
  perMonth?: string;
};

/** Each project's latest status report, kept by database triggers (latest-reports.ts): `project_id`, `report_id`. */
export const LATEST_REPORTS_TABLE = 'pmo_latest_reports';
/** Every status report's project, date and overall RAG, kept by the same triggers: `project_id`, `report_id`, `as_of`, `rag_overall`. */
export const REPORT_DATES_TABLE = 'pmo_report_dates';
/** The status report attributes both kept tables hold, and their columns there. */
const KEPT_COLUMNS: Record<string, string> = { id: 'report_id', asOf: 'as_of', ragOverall: 'rag_overall' };

/**
 * Each project's latest status report on or before a date, one query whatever the number of
 * reports: rows of `project_id` and the requested columns. Two reports on the same day: the last
 * one entered (highest id).
 *
 * Read from the latest reports the database keeps (latest-reports.ts): an indexed lookup per
 * project. With `onOrBefore`, a project whose latest report is dated after that day (a report
 * dated ahead, or a day in the past asked) has its latest on or before the day found by one probe
 * of the report dates the database keeps, so the answer is the same either way. Per month (the
 * S-curve's), every report is ranked.
 */
export function latestStatusReports(strapi: Core.Strapi, knex: Knex, options: LatestReportOptions): Knex.QueryBuilder {
  const report = columnsOf(strapi, STATUS_REPORT_UID);
  const project = report.link('project');
  const projectColumn = `sp.${project.target}`;
  const asOf = `s.${report.column('asOf')}`;
  const selected = Object.fromEntries(Object.entries(options.columns).map(([alias, attribute]) => [alias, `s.${report.column(attribute)}`]));
  const month = options.perMonth;

  // Both kept tables hold each report's id, date and overall RAG: asked for those only, the
  // reports themselves are not read.
  const keptOnly = Object.values(options.columns).every((attribute) => attribute in KEPT_COLUMNS);
  const from = (alias: string) =>
    Object.fromEntries(Object.entries(options.columns).map(([name, attribute]) => [name, keptOnly ? `${alias}.${KEPT_COLUMNS[attribute]}` : selected[name]]));
  const kept = () => knex(`${LATEST_REPORTS_TABLE} as lr`);
  if (!month) {
    const fast = kept().select({ project_id: 'lr.project_id', ...from('lr') });
    if (!keptOnly) fast.join(`${report.table} as s`, 's.id', 'lr.report_id');
    options.narrow?.(fast, 'lr.project_id', keptOnly ? 'lr.report_id' : 's.id');
    const day = options.onOrBefore;
    if (day === undefined) return fast;
    // Dates compared on the kept rows, so the planner starts from them (one row a project).
    fast.where('lr.as_of', '<=', day);
    // The projects whose latest report is dated after the day: each one's latest on or before it
    // is one probe of the report dates' (project, date, report) index. PostgreSQL is told so by a
    // lateral join (left to itself it hashes every report); SQLite loops over the probes anyway.
    const probe = (column: string) =>
      `SELECT ${column} FROM ?? d WHERE d.project_id = lr.project_id AND d.as_of <= ? ORDER BY d.as_of DESC, d.report_id DESC LIMIT 1`;
    const earlier = kept().where('lr.as_of', '>', day);
    if (strapi.db.dialect.client === 'postgres') {
      earlier.joinRaw(`CROSS JOIN LATERAL (${probe('d.report_id, d.as_of, d.rag_overall')}) AS x`, [REPORT_DATES_TABLE, day]);
      if (!keptOnly) earlier.join(`${report.table} as s`, 's.id', 'x.report_id');
    } else if (keptOnly) {
      earlier.joinRaw(`JOIN ?? AS x ON x.rowid = (${probe('d.rowid')})`, [REPORT_DATES_TABLE, REPORT_DATES_TABLE, day]);
    } else {
      earlier.joinRaw(`JOIN ?? AS s ON s.id = (${probe('d.report_id')})`, [report.table, REPORT_DATES_TABLE, day]);
    }
    earlier.select({ project_id: 'lr.project_id', ...from('x') });
    options.narrow?.(earlier, 'lr.project_id', keptOnly ? 'x.report_id' : 's.id');
    return fast.unionAll(earlier);
  }
  return ranked();

  /** Per month (the S-curve's): every report ranked within its project and month. */
  function ranked(): Knex.QueryBuilder {
    const rows = knex(`${report.table} as s`).join(`${project.table} as sp`, `sp.${project.owner}`, 's.id');
    if (options.onOrBefore !== undefined) rows.where(asOf, '<=', options.onOrBefore);
    options.narrow?.(rows, projectColumn, 's.id');
    rows.select({ project_id: projectColumn, ...selected });
    rows.select(
      knex.raw(`${month} AS report_month`, [asOf]),
      knex.raw(`ROW_NUMBER() OVER (PARTITION BY ??, ${month} ORDER BY ?? DESC, ?? DESC) AS rn`, [projectColumn, asOf, asOf, 's.id'])
    );
    const aliases = ['report_month', ...Object.keys(options.columns)];
    return knex
      .from(rows.as('r'))
      .where('r.rn', 1)
      .select(['r.project_id', ...aliases.map((alias) => `r.${alias}`)]);
  }
}
