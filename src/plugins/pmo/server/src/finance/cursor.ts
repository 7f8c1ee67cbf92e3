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
 * - SQLite: better-sqlite3's `statement.iterate()` on the pooled connection, in its fastest modes:
 *   `raw()` for arrays, `pluck()` for one value per row (`line`). (knex's `.stream()` on SQLite
 *   reads every row into an array first.) While the export runs, SQLite may sort with two helper
 *   threads (`PRAGMA threads`; a sort of a million rows takes a fifth less time), and an
 *   export of lines hands their writing to a worker thread (`lineWorker`). SQLite has one
 *   connection: while an export runs, other queries wait for it; use PostgreSQL where exports
 *   and other work overlap.
 * - Anything else: knex's `.stream()`.
 *
 * Stopping early (the client disconnected) is `return()` on the generator: the cursor is closed,
 * the transaction ended and the connection released, so the query stops.
 */
import type { Knex } from 'knex';
import type { LineWorker, PartWorker, LinePart, WrittenBatch } from '../platform/csv-line-workers';

/** A row as an array of its values, an object by column, or the one value of a one-column query (`line`, SQLite only). */
export type RowMode = 'array' | 'object' | 'line';
export type Row = unknown[] | Record<string, unknown> | string;
/**
 * `lineWorker` (`line` rows): starts the worker the rows are handed to in batches instead of
 * `formatRow` (platform/csv-line-workers.ts); where it starts none, `formatRow` writes them.
 */
export type ChunkOptions = {
  batchSize: number;
  rowMode: RowMode;
  formatRow: (row: Row) => string;
  lineWorker?: () => LineWorker | null;
};

/**
 * Lines per batch handed to a line worker, and batches it may be writing at once, ahead of the
 * one the response waits for (fewer than the worker's ring has slots: csv-line-workers.ts). A
 * batch's joined text stays under V8's large-object size (128 KB; 2,000 lines of two-byte text
 * were 260 KB, and cost 75 MB more memory at 10,000,000 rows), and its CSV waits in the ring,
 * not in this thread's heap: with 8 batches ahead, CSV sent back as text was promoted wholesale
 * whenever V8 had shrunk its young generation (session 17: 8 of 10 10,000,000-row exports,
 * 370-450 MB more memory). Through the ring, 6 of 6 such exports rose by 10 MB at most.
 */
const WORKER_BATCH = 500;
const WORKER_AHEAD = 8;

/** Helper threads SQLite may sort an export's rows with (PRAGMA threads; 0 is SQLite's default). */
const SQLITE_SORT_THREADS = 2;
/**
 * The page cache (KiB) while an export runs, which also bounds each sort thread's memory: at
 * better-sqlite3's 16 MB, two sort threads raised the peak memory of a 1,000,000-row export by
 * 47 MB; at 4 MB, by 1–12 MB, no slower. Put back after the export.
 */
const SQLITE_EXPORT_CACHE_KIB = 4000;

/** `rows` as text, `formatRow` per row, `batchSize` rows per chunk. */
function* inChunks<R>(rows: Iterable<R>, formatRow: (row: R) => string, batchSize: number): Generator<string, void, undefined> {
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
}

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

async function* sqliteChunks(knex: Knex, query: Knex.QueryBuilder, { batchSize, rowMode, formatRow, lineWorker }: ChunkOptions) {
  const client = knex.client as any;
  const connection = await client.acquireConnection();
  let rows: IterableIterator<Row> | undefined;
  let worker: LineWorker | null = null;
  const threads = connection.pragma('threads', { simple: true });
  const cacheSize = connection.pragma('cache_size', { simple: true });
  try {
    connection.pragma(`threads = ${SQLITE_SORT_THREADS}`);
    connection.pragma(`cache_size = -${SQLITE_EXPORT_CACHE_KIB}`);
    const { sql, bindings } = query.toSQL().toNative();
    const statement = connection.prepare(sql);
    if (rowMode === 'array') statement.raw(true);
    if (rowMode === 'line') statement.pluck(true);
    rows = statement.iterate(...(bindings as unknown[])) as IterableIterator<Row>;
    // Started before the first row: the worker comes up (30–50 ms) while SQLite sorts.
    worker = lineWorker?.() ?? null;
    if (!worker) {
      yield* inChunks(rows, formatRow, batchSize);
      return;
    }
    let lines: string[] = [];
    const ahead: Promise<WrittenBatch>[] = [];
    for (const row of rows) {
      lines.push(row as string);
      if (lines.length === WORKER_BATCH) {
        ahead.push(worker.write(lines));
        lines = [];
        if (ahead.length === WORKER_AHEAD) yield worker.take(await ahead.shift()!);
      }
    }
    if (lines.length > 0) ahead.push(worker.write(lines));
    while (ahead.length > 0) yield worker.take(await ahead.shift()!);
  } finally {
    rows?.return?.(); // finalises the statement: the connection is free for others
    connection.pragma(`threads = ${Number(threads)}`);
    connection.pragma(`cache_size = ${Number(cacheSize)}`);
    await client.releaseConnection(connection);
    await worker?.close();
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

/**
 * SQLite, an export of lines read in two parts at once (finance/exports.ts decides where to cut,
 * and leaves small exports whole): the main thread reads and writes `first` on Strapi's
 * connection, while a worker reads `second` on a read-only connection of its own and writes its
 * CSV (`startPart`) into a ring and a spill file; the second part's chunks follow the first's.
 * Both parts see the same rows: the main thread holds Strapi's only SQLite connection from
 * before the worker starts until the export ends, so nothing in PMO Hub writes meanwhile. Each
 * connection sorts its half on its own core (no sort helper threads: two cores are busy already). An in-memory database, no worker
 * to start, or a worker that cannot read its part at all, and the main thread reads both parts,
 * one after the other.
 */
export async function* splitLineChunks(
  knex: Knex,
  first: Knex.QueryBuilder,
  second: Knex.QueryBuilder,
  { batchSize, formatRow, startPart }: { batchSize: number; formatRow: (line: string) => string; startPart: (part: LinePart) => PartWorker | null }
): AsyncGenerator<string, void, undefined> {
  const client = knex.client as any;
  const connection = await client.acquireConnection();
  openCursors += 1;
  let part: PartWorker | null = null;
  let rows: IterableIterator<string> | undefined;
  const cacheSize = connection.pragma('cache_size', { simple: true });
  try {
    connection.pragma(`cache_size = -${SQLITE_EXPORT_CACHE_KIB}`);
    const native = (query: Knex.QueryBuilder) => query.toSQL().toNative();
    const later = native(second);
    if (!connection.memory) {
      part = startPart({
        driver: require.resolve(client.driverName),
        file: connection.name,
        sql: later.sql,
        bindings: later.bindings as unknown[],
        batchSize,
        cacheKib: SQLITE_EXPORT_CACHE_KIB,
      });
    }
    const readHere = ({ sql, bindings }: { sql: string; bindings: readonly unknown[] }) => {
      rows = connection.prepare(sql).pluck(true).iterate(...bindings) as IterableIterator<string>;
      return inChunks(rows, formatRow, batchSize);
    };
    yield* readHere(native(first));
    if (!part) {
      yield* readHere(later);
      return;
    }
    let given = 0;
    try {
      for await (const chunk of part.chunks()) {
        given += 1;
        yield chunk;
      }
    } catch (error) {
      // A worker that could not read its part at all (its connection refused, say): read it here,
      // on the connection still held. One that failed part way leaves a file already begun: fail.
      if (given > 0) throw error;
      yield* readHere(later);
    }
  } finally {
    rows?.return?.();
    connection.pragma(`cache_size = ${Number(cacheSize)}`);
    await client.releaseConnection(connection);
    openCursors -= 1;
    await part?.close();
  }
}

/**
 * The rows of `query` as text, `formatRow` per row, `batchSize` rows per chunk; or, through a
 * line worker, a chunk per batch of its lines as UTF-8 bytes (text when a batch is too long for
 * the worker's ring).
 */
export async function* queryChunks(knex: Knex, query: Knex.QueryBuilder, options: ChunkOptions): AsyncGenerator<string | Buffer, void, undefined> {
  openCursors += 1;
  try {
    const driver = (knex.client as any).driverName;
    if (options.rowMode === 'line' && driver !== 'better-sqlite3') throw new TypeError(`one-value rows are read on SQLite only, not ${driver}`);
    if (driver === 'pg') yield* postgresChunks(knex, query, options);
    else if (driver === 'better-sqlite3') yield* sqliteChunks(knex, query, options);
    else yield* knexStreamChunks(query, options);
  } finally {
    openCursors -= 1;
  }
}
