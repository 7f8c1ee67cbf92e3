/**
 * CSV written by PostgreSQL itself: `COPY (<select>) TO STDOUT WITH (FORMAT csv)` through
 * pg-copy-streams, on one connection of Strapi's knex pool, for the large exports. The SELECT
 * does what csv.ts does per cell (the formula-injection rule on text columns, money as
 * "1234.50"), PostgreSQL quotes as RFC 4180 does, and the bytes go to the response as they
 * arrive: no row is parsed in JavaScript. One thing is rewritten on the way: COPY ends each row
 * with LF, the exports with CRLF (csv.ts), so each LF outside quotes gains a CR (a byte loop, see
 * crlfRows). The output is byte for byte what createRowWriter writes for the same rows
 * (tests/api/finance-exports-copy.test.ts).
 *
 * Backpressure: the copy stream is read only when the response wants more, so PostgreSQL waits
 * on a full socket. Stopping early (the client went away) cancels the COPY (knex's cancelQuery),
 * reads what is left until the server answers, and releases the connection; if the server does
 * not answer in time the connection is destroyed instead of being pooled.
 */
import type { Knex } from 'knex';
import { to as copyTo, type CopyToStreamQuery } from 'pg-copy-streams';
import type { Delimiter } from './csv';

/**
 * A column of the CSV and how its cell is written: `text` (the formula-injection rule, RFC 4180
 * quoting), `number` (as the database prints it), `money` (minor units, any integer type or
 * text, to a decimal with two places: "-1234.50").
 */
export type CopyColumn = { column: string; kind: 'text' | 'number' | 'money' };

/** How long a cancelled COPY may take to answer before its connection is thrown away. */
const CANCEL_WAIT_MS = 5000;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

let openCopies = 0;

/** How many COPY exports hold a connection now. */
export const openCopyCount = () => openCopies;

/** Whether `knex` talks to PostgreSQL through node-postgres (the only client COPY works on). */
export const canCopy = (knex: Knex) => (knex.client as { driverName?: string }).driverName === 'pg';

/**
 * The SQL of one cell, reading `source.column`:
 * - text: empty for NULL and ''; a leading = + - @ tab CR or LF gets a ' (csv.ts neutraliseFormula),
 *   found by the first character's code (`ascii`): integer comparisons, not text ones, per cell.
 *   '' becomes NULL because COPY writes an empty string as `""` and NULL as nothing.
 * - money: exact (numeric), two places: `123450` → `1234.50`, `-5` → `-0.05`.
 */
export function copyCellSql(knex: Knex, source: string, { column, kind }: CopyColumn): Knex.Raw {
  const ref = `${source}.${column}`;
  if (kind === 'money') return knex.raw('CAST(?? AS numeric) * 0.01', [ref]);
  if (kind === 'number') return knex.raw('??', [ref]);
  return knex.raw(
    "CASE WHEN ascii(CAST(?? AS text)) IN (61, 43, 45, 64, 9, 13, 10) THEN '''' || CAST(?? AS text) ELSE NULLIF(CAST(?? AS text), '') END",
    [ref, ref, ref]
  );
}

/** `query` as a SELECT of the CSV's cells, in order, keeping its row order. */
export function copySelect(knex: Knex, query: Knex.QueryBuilder, columns: readonly CopyColumn[]): Knex.QueryBuilder {
  return knex.from(query.as('csv_source')).select(columns.map((column) => copyCellSql(knex, 'csv_source', column)));
}

/** A SQL literal for a bound value: COPY takes no parameters, so they are written in. */
function literal(value: unknown, escape: (text: string) => string): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return escape(value.toISOString());
  if (typeof value === 'string' || typeof value === 'bigint') return escape(String(value));
  throw new TypeError(`cannot write a ${typeof value} into a COPY statement`);
}

/** The COPY statement for `select`, its bindings written in with node-postgres's escaping. */
export function copyStatement(select: Knex.QueryBuilder, delimiter: Delimiter, escape: (text: string) => string): string {
  const { sql, bindings } = select.toSQL().toNative();
  const inlined = sql.replace(/\$(\d+)/g, (_, n: string) => literal(bindings[Number(n) - 1], escape));
  return `COPY (${inlined}) TO STDOUT WITH (FORMAT csv, DELIMITER ${escape(delimiter)})`;
}

/**
 * The COPY statement `copyCsvChunks` would run for `query`, as text (bindings written in with a
 * pooled connection's escaping): for an operator to run with psql, and for bench/export's
 * baseline, which runs this very statement with psql.
 */
export async function copyStatementOf(knex: Knex, query: Knex.QueryBuilder, columns: readonly CopyColumn[], delimiter: Delimiter): Promise<string> {
  const client = knex.client as any;
  const connection = await client.acquireConnection();
  try {
    return copyStatement(copySelect(knex, query, columns), delimiter, (text) => connection.escapeLiteral(text));
  } finally {
    await client.releaseConnection(connection);
  }
}

/**
 * Rewrites COPY's LF row ends as CRLF, leaving line breaks inside quoted cells as they are.
 * Stateful across chunks (a quoted cell may span two). Quotes inside a quoted cell come doubled,
 * so toggling on every " tracks whether a byte is inside quotes. UTF-8 continuation bytes are
 * never 0x0A or 0x22.
 */
export function crlfRows() {
  let quoted = false;
  return (chunk: Buffer): Buffer => {
    // The row ends, found with Buffer.indexOf (memchr) rather than a loop over every byte: most
    // chunks have no quote at all, and then each LF is a row end.
    const ends: number[] = [];
    let nextQuote = chunk.indexOf(QUOTE);
    let nextLf = chunk.indexOf(LF);
    while (nextLf !== -1 || nextQuote !== -1) {
      if (nextQuote !== -1 && (nextLf === -1 || nextQuote < nextLf)) {
        quoted = !quoted;
        nextQuote = chunk.indexOf(QUOTE, nextQuote + 1);
      } else {
        if (!quoted) ends.push(nextLf);
        nextLf = chunk.indexOf(LF, nextLf + 1);
      }
    }
    if (ends.length === 0) return chunk;
    const out = Buffer.allocUnsafe(chunk.length + ends.length);
    let written = 0;
    let from = 0;
    for (const end of ends) {
      written += chunk.copy(out, written, from, end);
      out[written++] = CR;
      from = end;
    }
    chunk.copy(out, written, from, chunk.length);
    return out;
  };
}

/** Resolves when node-postgres is done with `copy` (ReadyForQuery: the connection is free again). */
function readyAfter(copy: CopyToStreamQuery): Promise<void> {
  return new Promise((resolve) => {
    (copy as unknown as { handleReadyForQuery: () => void }).handleReadyForQuery = () => resolve();
  });
}

/** `promise`'s outcome as true, or false if it takes longer than `ms`. */
function within(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([promise.then(() => true), late]).finally(() => clearTimeout(timer));
}

/**
 * The CSV rows (no header) of `query`'s columns, as PostgreSQL writes them, chunk by chunk.
 * PostgreSQL only (see canCopy). Returning early cancels the COPY and frees the connection.
 */
export async function* copyCsvChunks(
  knex: Knex,
  query: Knex.QueryBuilder,
  columns: readonly CopyColumn[],
  delimiter: Delimiter
): AsyncGenerator<Buffer, void, undefined> {
  const client = knex.client as any;
  const connection = await client.acquireConnection();
  openCopies += 1;
  const toCrlf = crlfRows();
  let copy: CopyToStreamQuery | null = null;
  let ready: Promise<void> = Promise.resolve();
  let finished = false;
  let reusable = true;
  try {
    const statement = copyStatement(copySelect(knex, query, columns), delimiter, (text) => connection.escapeLiteral(text));
    copy = copyTo(statement, { highWaterMark: 256 * 1024 });
    ready = readyAfter(copy);
    connection.query(copy);
    // Pulls chunks only as fast as the consumer asks: the copy stream stays paused in between.
    // A failing statement is an error from the iterator.
    for await (const chunk of copy.iterator({ destroyOnReturn: false })) yield toCrlf(chunk as Buffer);
    finished = true;
  } finally {
    if (copy && !finished && !copy.readableEnded && !copy.errored) {
      // Stopped early: cancel the COPY and read off what is in flight until the server answers.
      copy.on('error', () => undefined);
      copy.resume();
      // knex's own cancel: pg_cancel_backend on a connection of its own, outside the pool.
      await client.cancelQuery(connection).catch(() => undefined);
    }
    reusable = await within(ready, CANCEL_WAIT_MS);
    openCopies -= 1;
    if (!reusable) {
      connection.__knex__disposed = 'a cancelled export did not answer'; // the pool destroys it
      connection.connection?.stream?.destroy?.();
    }
    await client.releaseConnection(connection);
  }
}
