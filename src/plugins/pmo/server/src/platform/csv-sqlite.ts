/**
 * CSV lines written by SQLite for the large exports: the SELECT builds each row's whole line (the
 * formula-injection rule, RFC 4180 quoting, money as "1234.50", CRLF) and better-sqlite3 hands
 * back that one string per row (`raw` + `pluck` + `iterate`, its cheapest mode: no row object,
 * no array). JavaScript only joins lines into chunks. The same bytes as createRowWriter (csv.ts)
 * for the same rows (tests/api/finance-exports-copy.test.ts), like the PostgreSQL COPY path
 * (csv-copy.ts), whose column kinds it shares.
 *
 * SQLite has one connection: while an export runs, other queries wait for it (see finance/cursor.ts).
 */
import type { Knex } from 'knex';
import type { Delimiter } from './csv';
import type { CopyColumn } from './csv-copy';

/** Whether `knex` is Strapi's SQLite client (better-sqlite3). */
export const isBetterSqlite = (knex: Knex) => (knex.client as { driverName?: string }).driverName === 'better-sqlite3';

/** SQL text of `value` for a cell: `?` placeholders are filled with `ref` by the caller. */
function textCell(delimiter: Delimiter): string {
  const value = 'CAST(?? AS TEXT)';
  const guarded = `(CASE WHEN substr(${value}, 1, 1) IN ('=', '+', '-', '@', char(9), char(13), char(10)) THEN '''' || ${value} ELSE ${value} END)`;
  const needsQuotes = `(instr(${value}, '"') OR instr(${value}, '${delimiter}') OR instr(${value}, char(13)) OR instr(${value}, char(10)))`;
  return `(CASE WHEN ?? IS NULL THEN '' WHEN ${needsQuotes} THEN '"' || replace(${guarded}, '"', '""') || '"' ELSE ${guarded} END)`;
}

/**
 * Minor units (integer or exact decimal text, any size) to "1234.50", by string operations so
 * sums past 2^63 (platform/money-sql.ts) stay exact: the digits padded to three, a point before
 * the last two.
 */
const MONEY_CELL = (() => {
  const digits = "ltrim(CAST(?? AS TEXT), '-')";
  const padded = `(CASE WHEN length(${digits}) < 3 THEN substr('00' || ${digits}, -3) ELSE ${digits} END)`;
  const sign = "(CASE WHEN substr(CAST(?? AS TEXT), 1, 1) = '-' THEN '-' ELSE '' END)";
  return `(CASE WHEN ?? IS NULL THEN '' ELSE ${sign} || substr(${padded}, 1, length(${padded}) - 2) || '.' || substr(${padded}, -2) END)`;
})();

const NUMBER_CELL = "COALESCE(CAST(?? AS TEXT), '')";

/** The SELECT of one CSV line per row of `query` (ending CRLF), keeping its order. */
export function csvLineSelect(knex: Knex, query: Knex.QueryBuilder, columns: readonly CopyColumn[], delimiter: Delimiter): Knex.QueryBuilder {
  const parts: string[] = [];
  const bindings: string[] = [];
  for (const { column, kind } of columns) {
    const sql = kind === 'text' ? textCell(delimiter) : kind === 'money' ? MONEY_CELL : NUMBER_CELL;
    parts.push(sql);
    bindings.push(...new Array(sql.split('??').length - 1).fill(`csv_source.${column}`));
  }
  const line = `${parts.join(` || '${delimiter}' || `)} || char(13, 10) AS line`;
  return knex.from(query.as('csv_source')).select(knex.raw(line, bindings));
}

/** The CSV lines (no header) of `query`'s columns, `batchSize` lines per chunk. SQLite only. */
export async function* sqliteCsvChunks(
  knex: Knex,
  query: Knex.QueryBuilder,
  columns: readonly CopyColumn[],
  delimiter: Delimiter,
  batchSize: number
): AsyncGenerator<string, void, undefined> {
  const client = knex.client as any;
  const connection = await client.acquireConnection();
  let lines: IterableIterator<string> | undefined;
  try {
    const { sql, bindings } = csvLineSelect(knex, query, columns, delimiter).toSQL().toNative();
    lines = connection.prepare(sql).pluck(true).iterate(...(bindings as unknown[])) as IterableIterator<string>;
    let chunk = '';
    let count = 0;
    for (const line of lines) {
      chunk += line;
      count += 1;
      if (count === batchSize) {
        yield chunk;
        chunk = '';
        count = 0;
      }
    }
    if (count > 0) yield chunk;
  } finally {
    lines?.return?.(); // finalises the statement: the connection is free for others
    await client.releaseConnection(connection);
  }
}
