/**
 * CSV exports streamed from the database to the response. Two paths, the same bytes:
 *
 * - PostgreSQL, the row-per-record reports (cost ledger, budget outline): PostgreSQL writes the
 *   CSV itself (`COPY (SELECT …) TO STDOUT`, platform/csv-copy.ts), with the injection rule and
 *   the money format in the SELECT; the bytes go to the response as they come.
 * - SQLite, the same two reports: SQLite joins each row's cells into one string, money written
 *   in the SELECT (platform/csv-lines.ts), better-sqlite3 hands over one string per row
 *   (`pluck`), and JavaScript only quotes or prefixes the cells of the lines that need it.
 * - Otherwise, and for the financial summary (earned value is worked out in JavaScript, one row
 *   per project) and the change log (its decision day depends on how the driver reads a
 *   timestamp): a cursor (cursor.ts) yields rows a batch at a time, each batch becomes one chunk
 *   of CSV text (platform/csv.ts).
 *
 * Either way the stream asks for more only when the response has drained, so memory stays flat
 * whatever the row count; a client that disconnects destroys the stream, which stops the query.
 */
import { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { invalidField } from '../platform/errors';
import { BOM, createRowWriter, headerLine, type Cell } from '../platform/csv';
import { canCopy, copyCsvChunks, copyStatementOf, openCopyCount, type CopyColumn } from '../platform/csv-copy';
import { canBuildLines, createLineWriter, lineSelect } from '../platform/csv-lines';
import { keptLineWorkers, runningLineWorkers, spilledLineBatches, startLineWorker, startPartWorker } from '../platform/csv-line-workers';
import { REPORT_COLUMNS, type ExportParams } from '../../../shared/contracts/finance';
import { openCursorCount, queryChunks, splitLineChunks, type Row } from './cursor';
import { entriesIn, splitDay, SPLIT_ROWS, type SplitLimits } from './export-split';
import type { FinanceRepository, ProjectFilter } from './repository';
import {
  budgetOutlineCells,
  changeLogCells,
  costLedgerCells,
  summaryCells,
  type SummaryRow,
} from './reports';

/** Rows per database round trip and per chunk written: about 130 kB of CSV. */
const BATCH_SIZE = 2000;
/**
 * Lines per chunk of an export read in two parts, on either thread: the text of a chunk stays
 * under V8's large-object size (128 KB; 2,000 lines of two-byte text are about 280 KB), so it
 * dies young. At 2,000 a chunk, a 10,000,000-row export raised the server's memory by up to
 * 90 MB; at 500, by up to 47 MB (and by 18 MB once the second part came as text:
 * platform/csv-line-workers.ts; bench/README.md, session 18).
 */
const PART_BATCH_SIZE = 500;

export type CsvExport = { filename: string; stream: Readable };

const text = (column: string): CopyColumn => ({ column, kind: 'text' });
const money = (column: string): CopyColumn => ({ column, kind: 'money' });

/**
 * The reports the database writes (PostgreSQL) or half-writes (SQLite) itself: the repository
 * query's columns (by alias) in the report's order, each with the rule its cells follow
 * (reports.ts does the same in JavaScript).
 */
const COPY_COLUMNS: Partial<Record<ExportParams['report'], CopyColumn[]>> = {
  'budget-outline': [text('project_code'), text('programme_code'), text('budget_month'), text('category'), money('amount')],
  'cost-ledger': [text('date'), text('project_code'), text('category'), money('amount'), text('supplier'), text('reference')],
};

const safeName = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '_');

/** The row path's writer: one CSV line per database row. */
function rowWriter(columns: (typeof REPORT_COLUMNS)[keyof typeof REPORT_COLUMNS], params: ExportParams, cells: (row: Row) => Cell[]) {
  const writeRow = createRowWriter(columns, params.delimiter);
  return (row: Row) => writeRow(cells(row));
}

export function createExportService(strapi: Core.Strapi, repository: FinanceRepository) {
  /** programme and project filters, by code or documentId; unknown ones are a 400 naming them. */
  async function projectFilter(params: ExportParams): Promise<{ filter: ProjectFilter; label: string[] }> {
    const filter: ProjectFilter = {};
    const label: string[] = [];
    if (params.programme !== undefined) {
      const programme = await repository.findProgrammeByKey(params.programme);
      if (!programme) throw invalidField(['programme'], `Choose a programme: there is none with the code "${params.programme}"`);
      filter.programmeId = programme.id;
      label.push(programme.code);
    }
    if (params.project !== undefined) {
      const project = await repository.findProjectByKey(params.project);
      if (!project) throw invalidField(['project'], `Choose a project: there is none with the code "${params.project}"`);
      filter.projectId = project.id;
      label.push(project.code);
    }
    return { filter, label };
  }

  function source(
    params: ExportParams,
    filter: ProjectFilter
  ): { query: Knex.QueryBuilder; rowMode: 'array' | 'object'; cells: (row: Row) => Cell[]; sources?: Record<string, string> } {
    const range = { from: params.from, to: params.to };
    switch (params.report) {
      case 'financial-summary': {
        const unit = repository.currency();
        return {
          query: repository.projectFacts(filter, params.asOf.date),
          rowMode: 'object',
          cells: (row) => summaryCells(row as unknown as SummaryRow, params.asOf.date, params.asOf.text, unit),
        };
      }
      case 'budget-outline':
        return { query: repository.budgetOutline(filter, range), rowMode: 'array', cells: (row) => budgetOutlineCells(row as unknown[]) };
      case 'cost-ledger':
        return {
          query: repository.costLedger(filter, range),
          rowMode: 'array',
          cells: (row) => costLedgerCells(row as unknown[]),
          sources: repository.costLedgerSources(),
        };
      case 'change-log':
        return { query: repository.changeLog(filter, range), rowMode: 'array', cells: (row) => changeLogCells(row as unknown[]) };
    }
  }

  return {
    /** Exports whose database cursor is open now (a disconnect must bring this back down). */
    openCursors: () => openCursorCount() + openCopyCount(),
    /** Line workers running now (SQLite's large exports; a finished or stopped export ends its own). */
    lineWorkers: () => runningLineWorkers(),
    /** Part workers kept for the next SQLite export after theirs ended (0 or 1). */
    keptLineWorkers: () => keptLineWorkers(),
    /** Batches of a second part spilled to a file because its ring was full, since the start. */
    spilledLineBatches: () => spilledLineBatches(),

    /**
     * The statement PostgreSQL runs for a report written by COPY, or null (SQLite, or a report on
     * the row path): bench/export times this very statement with psql as its baseline.
     */
    async copyStatement(params: ExportParams): Promise<string | null> {
      const knex = strapi.db.connection as unknown as Knex;
      const copyColumns = COPY_COLUMNS[params.report];
      if (!copyColumns || !canCopy(knex)) return null;
      const { filter } = await projectFilter(params);
      return copyStatementOf(knex, source(params, filter).query, copyColumns, params.delimiter);
    },

    /**
     * Opens an export: validates the filters against the database, starts the query and reads
     * its first batch (so a failing query is an error response, not a truncated file), then
     * hands back the CSV stream. `path: 'rows'` writes every report through the row writer (the
     * tests compare its bytes with the COPY and line paths'); `mainThread` keeps a SQLite
     * export's lines off the worker thread; `workerFrom` (entries) writes a SQLite cost ledger
     * read in one part on a worker from that size (`split.min` otherwise); `split` cuts a SQLite
     * cost ledger of other sizes in two, with `ringSlots` and `batchSize` its second part's ring
     * and batches and `spill: false` no spill file (the tests compare every way).
     */
    async open(
      params: ExportParams,
      options: { path?: 'rows'; mainThread?: boolean; workerFrom?: number; split?: SplitLimits & { ringSlots?: number; batchSize?: number; spill?: boolean } } = {}
    ): Promise<CsvExport> {
      const { filter, label } = await projectFilter(params);
      const { query, rowMode, cells, sources } = source(params, filter);
      const columns = REPORT_COLUMNS[params.report];
      const knex = strapi.db.connection as unknown as Knex;
      const copyColumns = COPY_COLUMNS[params.report];
      const byDatabase = copyColumns && options.path !== 'rows' ? copyColumns : null;
      const lines = async (delimiter: ExportParams['delimiter'], lineColumns: readonly CopyColumn[]) => {
        const writeLine = createLineWriter(lineColumns, delimiter);
        // A cost ledger of 20,000 entries or more is read in two parts at once, cut at a month (export-split.ts).
        const date = params.report === 'cost-ledger' && !options.mainThread ? sources?.date : undefined;
        const months = date ? await repository.costEntriesPerMonth(filter, { from: params.from, to: params.to }) : null;
        const cut = months ? splitDay(months, options.split) : null;
        // A ledger too small to cut is written here: a worker takes 30-50 ms to start, more than its lines take.
        const workerFrom = options.workerFrom ?? options.split?.min ?? SPLIT_ROWS.min;
        const onMainThread = options.mainThread || (months !== null && entriesIn(months) < workerFrom);
        if (date && cut) {
          return splitLineChunks(
            knex,
            lineSelect(knex, query.clone().where((before) => before.where(date, '<', cut).orWhereNull(date)), lineColumns, sources),
            lineSelect(knex, query.clone().where(date, '>=', cut), lineColumns, sources),
            {
              batchSize: options.split?.batchSize ?? PART_BATCH_SIZE,
              formatRow: writeLine,
              startPart: (part) => startPartWorker({ columns: lineColumns, delimiter, part }, { ringSlots: options.split?.ringSlots, spill: options.split?.spill }),
            }
          );
        }
        return queryChunks(knex, lineSelect(knex, query, lineColumns, sources), {
          batchSize: BATCH_SIZE,
          rowMode: 'line',
          formatRow: (line) => writeLine(line as string),
          lineWorker: onMainThread ? undefined : () => startLineWorker({ columns: lineColumns, delimiter }),
        });
      };
      let chunks: AsyncGenerator<string | Buffer, void, undefined>;
      if (byDatabase && canCopy(knex)) chunks = copyCsvChunks(knex, query, byDatabase, params.delimiter);
      else if (byDatabase && canBuildLines(knex)) chunks = await lines(params.delimiter, byDatabase);
      else chunks = queryChunks(knex, query, { batchSize: BATCH_SIZE, rowMode, formatRow: rowWriter(columns, params, cells) });
      const first = await chunks.next();

      async function* csv() {
        try {
          yield (params.bom ? BOM : '') + headerLine(columns, params.delimiter);
          for (let chunk = first; !chunk.done; chunk = await chunks.next()) yield chunk.value;
        } finally {
          await chunks.return(undefined); // closes the cursor when the response stops early
        }
      }

      const stream = Readable.from(csv(), { objectMode: false, highWaterMark: 256 * 1024 });
      // A response closed before the first read never starts csv(): close the cursor here too.
      stream.once('close', () => void chunks.return(undefined).catch(() => undefined));
      // The day the figures are as of (financial-summary) or the day the file was made.
      return { filename: `${safeName([params.report, ...label, params.asOf.text].join('_'))}.csv`, stream };
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
