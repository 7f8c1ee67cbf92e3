/**
 * Reads a query's rows in batches without ever holding the whole result, turning each row into
 * text as it arrives: the exports' source. Each chunk yielded is the text of up to `batchSize`
 * rows; the row objects themselves are dropped at once, which keeps them out of V8's old
 * generation (holding a batch of row objects got them promoted and grew the heap by ~250 MB per
 * million rows before a major GC; one string per row does not).
 *
 * - PostgreSQL: a server-side cursor (DECLARE … CURSOR, FETCH n) in a read-only transaction on
 *   one pooled connection; one consistent snapshot, rows streamed through pg's row events (no
 *   row array accumulated), the next FETCH sent while the previous chunk is written.
 *   (knex's own `.stream()` needs pg-query-stream, which is not installed.)
 * - SQLite: better-sqlite3's `statement.iterate()` on the pooled connection. (knex's `.stream()`
 *   on SQLite reads every row into an array first.) SQLite has one connection: while an export
 *   runs, other queries wait for it; use PostgreSQL where exports and other work overlap.
 * - Anything else: knex's `.stream()`.
 *
 * Stopping early (the client disconnected) is `return()` on the generator: the cursor is closed,
 * the transaction ended and the connection released, so the query stops.
 */
import type { Knex } from 'knex';

export type RowMode = 'array' | 'object';
export type Row = unknown[] | Record<string, unknown>;
export type ChunkOptions = { batchSize: number; rowMode: RowMode; formatRow: (row: Row) => string };

let cursorSequence = 0;
let openCursors = 0;

/** How many export cursors are open now (tests check that a disconnect closes them). */
export const openCursorCount = () => openCursors;

/** One FETCH, each row formatted as it is parsed; resolves with the chunk and its row count. */
type Fetched = { chunk: string; rows: number };

function fetchChunk(connection: any, Query: any, text: string, { rowMode, formatRow }: ChunkOptions): Promise<Fetched> {
  return new Promise<Fetched>((resolve, reject) => {
    // A Query with a 'row' listener and no callback does not accumulate its rows (pg's API).
    const query = new Query({ text, rowMode: rowMode === 'array' ? 'array' : undefined });
    let chunk = '';
    let rows = 0;
    let failure: unknown = null;
    query.on('row', (row: Row) => {
      rows += 1;
      if (failure) return;
      try {
        chunk += formatRow(row);
      } catch (error) {
        failure = error; // never throw inside pg's parser; fail once the FETCH ends
      }
    });
    query.on('end', () => (failure ? reject(failure) : resolve({ chunk, rows })));
    query.on('error', reject);
    connection.query(query);
  });
}

async function* postgresChunks(knex: Knex, query: Knex.QueryBuilder, options: ChunkOptions) {
  const client = knex.client as any;
  const connection = await client.acquireConnection();
  const cursor = `pmo_export_${(cursorSequence += 1)}`;
  const fetch = (): Promise<Fetched> => fetchChunk(connection, client.driver.Query, `FETCH FORWARD ${options.batchSize} FROM ${cursor}`, options);
  let inTransaction = false;
  let pending: Promise<Fetched> | null = null;
  try {
    await connection.query('BEGIN TRANSACTION READ ONLY');
    inTransaction = true;
    const { sql, bindings } = query.toSQL().toNative();
    await connection.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${sql}`, bindings);
    pending = fetch();
    while (pending) {
      const { chunk, rows }: Fetched = await pending;
      // One batch ahead: the database sends the next rows while this chunk is written out.
      pending = rows === options.batchSize ? fetch() : null;
      if (rows > 0) yield chunk;
    }
    await connection.query('COMMIT');
    inTransaction = false;
  } finally {
    // Ending the transaction closes the cursor; the server stops producing rows.
    if (pending) await pending.catch(() => undefined);
    if (inTransaction) await connection.query('ROLLBACK').catch(() => undefined);
    await client.releaseConnection(connection);
  }
}

async function* sqliteChunks(knex: Knex, query: Knex.QueryBuilder, { batchSize, rowMode, formatRow }: ChunkOptions) {
  const client = knex.client as any;
  const connection = await client.acquireConnection();
  let rows: IterableIterator<Row> | undefined;
  try {
    const { sql, bindings } = query.toSQL().toNative();
    const statement = connection.prepare(sql);
    if (rowMode === 'array') statement.raw(true);
    rows = statement.iterate(...(bindings as unknown[])) as IterableIterator<Row>;
    let chunk = '';
    let count = 0;
    for (const row of rows) {
      chunk += formatRow(row);
      count += 1;
      if (count === batchSize) {
        yield chunk;
        chunk = '';
        count = 0;
      }
    }
    if (count > 0) yield chunk;
  } finally {
    rows?.return?.(); // finalises the statement: the connection is free for others
    await client.releaseConnection(connection);
  }
}

async function* knexStreamChunks(query: Knex.QueryBuilder, { batchSize, rowMode, formatRow }: ChunkOptions) {
  const stream = query.stream();
  let chunk = '';
  let count = 0;
  try {
    for await (const row of stream) {
      chunk += formatRow(rowMode === 'array' ? Object.values(row as object) : (row as Record<string, unknown>));
      count += 1;
      if (count === batchSize) {
        yield chunk;
        chunk = '';
        count = 0;
      }
    }
    if (count > 0) yield chunk;
  } finally {
    stream.destroy();
  }
}

/** The rows of `query` as text, `formatRow` per row, `batchSize` rows per chunk. */
export async function* queryChunks(knex: Knex, query: Knex.QueryBuilder, options: ChunkOptions): AsyncGenerator<string, void, undefined> {
  openCursors += 1;
  try {
    const driver = (knex.client as any).driverName;
    if (driver === 'pg') yield* postgresChunks(knex, query, options);
    else if (driver === 'better-sqlite3') yield* sqliteChunks(knex, query, options);
    else yield* knexStreamChunks(query, options);
  } finally {
    openCursors -= 1;
  }
}
