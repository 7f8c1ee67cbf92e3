/**
 * The register exports (DESIGN.md): `risk-register`, `issue-log`, `decision-log` and `lessons`,
 * as CSV (platform/csv.ts: RFC 4180, formula injection neutralised, `,` or `;`, optional BOM)
 * and as XLSX (platform/xlsx.ts: numbers as numbers, days as real dates shown `2 Dec 2026`).
 * Streamed: the rows are read a page at a time in a stable order and written as they come, so
 * memory stays flat whatever the register's size; the first page is read before the answer
 * starts, so a failing query is an error response, not a truncated file.
 *
 * The CSV holds the stored keys ("threat", "reduce", "gate-review"), as the finance exports do,
 * for systems that load it; the XLSX, which a person opens, holds them in words ("Threat").
 */
import { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { DECISION_UID, ISSUE_PRIORITIES, ISSUE_UID, LESSON_UID, RAID_REPORT_COLUMNS, RISK_UID, type RaidReport, type RaidScope } from '../../../shared/contracts/raid';
import { keyWords } from '../../../shared/words';
import { BOM, createRowWriter, headerLine, type Cell, type Delimiter } from '../platform/csv';
import { withKnex } from '../platform/db';
import { toIsoDay, todayIso } from '../platform/dates';
import { xlsxStream, type XlsxColumn } from '../platform/xlsx';
import { createRegisterSql, type UserAbility } from './sql';

type Row = Record<string, any>;

const PAGE = 1000;

/** The columns that hold stored keys: written in words in the XLSX. */
const KEYED = new Set(['type', 'response', 'status', 'priority', 'severity', 'source', 'category']);

const SHEETS: Record<RaidReport, string> = {
  'risk-register': 'Risk register',
  'issue-log': 'Issue log',
  'decision-log': 'Decision log',
  lessons: 'Lessons',
};

const residual = (row: Row) => (row.residual_probability != null && row.residual_impact != null ? Number(row.residual_probability) * Number(row.residual_impact) : null);

/** Each report's row, in its columns' order (RAID_REPORT_COLUMNS). */
const CELLS: Record<RaidReport, (row: Row) => Cell[]> = {
  'risk-register': (row) => [
    row.project_code, row.programme_code, row.title, row.type, row.probability, row.impact, row.score, residual(row), row.response, row.owner, row.status, toIsoDay(row.proximity),
  ],
  'issue-log': (row) => [row.project_code, row.programme_code, row.title, row.priority, row.severity, row.owner, toIsoDay(row.raised_on), toIsoDay(row.target_date), row.status],
  'decision-log': (row) => [toIsoDay(row.decided_on), row.project_code, row.programme_code, row.title, row.decision, row.owner, row.source],
  lessons: (row) => [toIsoDay(row.recorded_on), row.project_code, row.title, row.category, row.recommendation, row.tags],
};

export function createRaidExports(strapi: Core.Strapi) {
  const sql = createRegisterSql(strapi);

  /** The report's rows in order, one page from `offset`. */
  function page(knex: Knex, report: RaidReport, scope: RaidScope, ability: UserAbility | undefined, offset: number) {
    const uid = { 'risk-register': RISK_UID, 'issue-log': ISSUE_UID, 'decision-log': DECISION_UID, lessons: LESSON_UID }[report];
    const person = report === 'decision-log' ? 'decidedBy' : report === 'lessons' ? null : 'owner';
    const { query, column } = sql.registerRows(knex, uid, person);
    sql.narrow(knex, query, uid, 'r', scope, ability);
    const pick = (attributes: string[]) =>
      query.select(Object.fromEntries(attributes.map((attribute) => [attribute.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), column(attribute)])));
    query.select({ row_id: 'r.id' });
    const codes = "COALESCE(x.programme_code, ''), COALESCE(x.project_code, '')";
    const outer = () => knex.from(query.as('x')).select('x.*');
    let ordered: Knex.QueryBuilder;
    switch (report) {
      case 'risk-register':
        pick(['title', 'type', 'probability', 'impact', 'score', 'residualProbability', 'residualImpact', 'response', 'status', 'proximity']);
        ordered = outer().orderByRaw(`${codes}, COALESCE(x.score, 0) DESC, x.row_id`);
        break;
      case 'issue-log': {
        pick(['title', 'priority', 'severity', 'raisedOn', 'targetDate', 'status']);
        const rank = ISSUE_PRIORITIES.map((priority, index) => `WHEN '${priority}' THEN ${index}`).join(' ');
        ordered = outer().orderByRaw(`${codes}, CASE x.priority ${rank} ELSE 9 END DESC, x.raised_on, x.row_id`);
        break;
      }
      case 'decision-log':
        pick(['title', 'decision', 'decidedOn', 'source']);
        ordered = outer().orderByRaw('x.decided_on, x.row_id');
        break;
      case 'lessons':
        pick(['title', 'category', 'recommendation', 'recordedOn', 'tags']);
        ordered = outer().orderByRaw('x.recorded_on, x.row_id');
        break;
    }
    return ordered.offset(offset).limit(PAGE);
  }

  /** The report's rows as cells, a page at a time; the first page is read at once. */
  async function pages(report: RaidReport, scope: RaidScope, ability: UserAbility | undefined) {
    const read = (offset: number) => withKnex(strapi, (knex) => page(knex, report, scope, ability, offset)) as Promise<Row[]>;
    const first = await read(0);
    async function* rows() {
      let batch = first;
      for (let offset = 0; ; ) {
        yield batch.map(CELLS[report]);
        if (batch.length < PAGE) return;
        offset += PAGE;
        batch = await read(offset);
      }
    }
    return rows();
  }

  const fileName = (report: RaidReport, label: string[], extension: string) =>
    `${[report, ...label, todayIso()].join('_').replace(/[^A-Za-z0-9._-]+/g, '_')}.${extension}`;

  return {
    async csv(report: RaidReport, scope: RaidScope, label: string[], options: { delimiter: Delimiter; bom: boolean; ability?: UserAbility }) {
      const columns = RAID_REPORT_COLUMNS[report].map((column) => ({ name: column.name, kind: column.kind === 'integer' ? ('number' as const) : ('text' as const) }));
      const write = createRowWriter(columns, options.delimiter);
      const batches = await pages(report, scope, options.ability);
      async function* csv() {
        yield (options.bom ? BOM : '') + headerLine(columns, options.delimiter);
        for await (const batch of batches) if (batch.length) yield batch.map(write).join('');
      }
      return { filename: fileName(report, label, 'csv'), stream: Readable.from(csv(), { objectMode: false }) };
    },

    async xlsx(report: RaidReport, scope: RaidScope, label: string[], options: { ability?: UserAbility } = {}) {
      const columns: XlsxColumn[] = RAID_REPORT_COLUMNS[report].map((column) => ({
        name: column.name,
        kind: column.kind,
        width: ['title', 'decision', 'recommendation'].includes(column.name) ? 48 : undefined,
      }));
      const keyed = RAID_REPORT_COLUMNS[report].map((column) => KEYED.has(column.name));
      const batches = await pages(report, scope, options.ability);
      async function* rows() {
        for await (const batch of batches) {
          for (const cells of batch) yield cells.map((cell, index) => (keyed[index] && typeof cell === 'string' ? keyWords(cell) : cell));
        }
      }
      return { filename: fileName(report, label, 'xlsx'), stream: xlsxStream([{ name: SHEETS[report], columns, rows: rows() }]) };
    },
  };
}

export type RaidExports = ReturnType<typeof createRaidExports>;
