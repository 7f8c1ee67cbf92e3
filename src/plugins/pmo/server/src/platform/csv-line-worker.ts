/**
 * The worker thread that finishes SQLite's half-built CSV lines (csv-lines.ts) while the main
 * thread reads the next rows from SQLite and writes the finished bytes to the response. Built as
 * its own bundle (package.json `./csv-line-worker`): it loads nothing but the CSV rules (and,
 * for a part of its own, the SQLite driver the main thread names).
 *
 * Two ways to work (csv-line-workers.ts):
 * - batches: in `{ id, joined, lengths }`, a batch of lines as one string and each line's
 *   length; out `{ id, csv }`, the batch's CSV text. Text rather than bytes: a batch's text is
 *   small enough to die young in the main thread's heap, where a new buffer per batch piled up
 *   as external memory until a full collection (72 MB at 10,000,000 rows).
 * - parts of their own (`workerData.parts`): per message `{ columns, delimiter, part }` it opens
 *   the database file read-only, reads the part's lines itself, and sends `{ csv }` per batch,
 *   then `{ done }` (or `{ error }`); then waits for the next export's part.
 */
import { parentPort, workerData } from 'worker_threads';
import { createLineWriter } from './csv-lines';
import type { LineBatch, LinePart, LineWorkerData } from './csv-line-workers';

/** Reads one part on its own read-only connection and sends its CSV, batch by batch, then `done`. */
function readPart({ columns, delimiter, part }: LineWorkerData & { part: LinePart }) {
  const writeLine = createLineWriter(columns, delimiter);
  try {
    // The main thread's driver (better-sqlite3), by its path: this bundle names no database.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Database = require(part.driver);
    const database = new Database(part.file, { readonly: true, fileMustExist: true });
    try {
      database.pragma(`cache_size = -${part.cacheKib}`);
      const statement = database.prepare(part.sql).pluck(true);
      let csv = '';
      let count = 0;
      for (const line of statement.iterate(...part.bindings) as Iterable<string>) {
        csv += writeLine(line);
        count += 1;
        if (count === part.batchSize) {
          parentPort?.postMessage({ csv });
          csv = '';
          count = 0;
        }
      }
      if (count > 0) parentPort?.postMessage({ csv });
      parentPort?.postMessage({ done: true });
    } finally {
      database.close();
    }
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
}

if ((workerData as { parts?: boolean }).parts) {
  // A part worker: one part per message, kept between exports (csv-line-workers.ts).
  parentPort?.on('message', (message: LineWorkerData & { part: LinePart }) => readPart(message));
} else {
  const { columns, delimiter } = workerData as LineWorkerData;
  const writeLine = createLineWriter(columns, delimiter);
  parentPort?.on('message', ({ id, joined, lengths }: LineBatch) => {
    let text = '';
    let at = 0;
    for (const length of lengths) {
      text += writeLine(joined.slice(at, at + length));
      at += length;
    }
    parentPort?.postMessage({ id, csv: text });
  });
}
