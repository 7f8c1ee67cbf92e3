/**
 * The worker thread that finishes SQLite's half-built CSV lines (csv-lines.ts) while the main
 * thread reads the next rows from SQLite and writes the finished bytes to the response. Built as
 * its own bundle (package.json `./csv-line-worker`): it loads nothing but the CSV rules (and,
 * for a part of its own, the SQLite driver the main thread names).
 *
 * Two ways to work (csv-line-workers.ts):
 * - batches: in `{ id, joined, lengths }`, a batch of lines as one string and each line's
 *   length; out `{ id, bytes }`, the batch's CSV written as UTF-8 into its slot of a ring shared
 *   with the main thread (`workerData.ring`), or `{ id, csv }`, its text, when it does not fit
 *   a slot. Neither text nor a new buffer per batch waits in the main thread's heap: both were
 *   promoted there when V8 had shrunk its young generation (text: 370-450 MB more memory at
 *   10,000,000 rows; a transferred buffer per batch: external memory piling to 80 MB).
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
  const { columns, delimiter, ring } = workerData as LineWorkerData;
  const writeLine = createLineWriter(columns, delimiter);
  const encoder = new TextEncoder();
  parentPort?.on('message', ({ id, joined, lengths }: LineBatch) => {
    let text = '';
    let at = 0;
    for (const length of lengths) {
      text += writeLine(joined.slice(at, at + length));
      at += length;
    }
    if (ring) {
      // The batch's bytes into its slot of the shared ring; only the count is sent.
      const from = (id % ring.slots) * ring.slotBytes;
      const { read, written } = encoder.encodeInto(text, new Uint8Array(ring.buffer, from, ring.slotBytes));
      if (read === text.length) {
        parentPort?.postMessage({ id, bytes: written });
        return;
      }
    }
    parentPort?.postMessage({ id, csv: text }); // too long for a slot: as text
  });
}
