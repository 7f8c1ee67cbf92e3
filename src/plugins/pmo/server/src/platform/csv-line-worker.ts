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
 * - parts of their own (`workerData.parts`): per message `{ columns, delimiter, part, ring,
 *   spill }` it opens the database file read-only, reads the part's lines itself, and writes each batch into
 *   the next slot of the part's ring, sending `{ id, bytes }` (or `{ id, csv }`), then `{ done }`
 *   (or `{ error }`, or `{ stopped }` when the export ended early); then waits for the next
 *   export's part. While the ring is full, a batch goes to the spill file the main thread opened
 *   (`{ id, bytes, spilled }`, its offset there); with no spill file the worker waits
 *   (`Atomics.wait`) until the main thread has taken a batch.
 */
import { writeSync } from 'fs';
import { parentPort, workerData } from 'worker_threads';
import { createLineWriter } from './csv-lines';
import { awaitSlot, checkStopped, encodeBatch, RingStopped, slotFree, type LineRing } from './csv-line-ring';
import type { LineBatch, LinePart, LineWorkerData } from './csv-line-workers';

/** Appends `bytes` to the spill file at `at`. */
function spillTo(file: number, bytes: Buffer, at: number): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(file, bytes, done, bytes.length - done, at + done);
}

/**
 * Reads one part on its own read-only connection and writes its CSV into the ring, batch by
 * batch, then `done`. With the ring full, a batch goes to the end of the spill file (`spill`, an
 * open descriptor of the main thread's) instead, so the part is read at full speed while the
 * response is still sending the first part; with no spill file, the worker waits for a slot.
 */
function readPart({ columns, delimiter, part, ring, spill }: LineWorkerData & { part: LinePart; ring: LineRing; spill?: number }) {
  const writeLine = createLineWriter(columns, delimiter);
  const encoder = new TextEncoder();
  let id = 0;
  let spilled = 0;
  const send = (csv: string) => {
    id += 1;
    if (spill !== undefined && !slotFree(ring, id)) {
      checkStopped(ring);
      const bytes = Buffer.from(csv, 'utf8');
      spillTo(spill, bytes, spilled);
      parentPort?.postMessage({ id, bytes: bytes.length, spilled });
      spilled += bytes.length;
      return;
    }
    awaitSlot(ring, id); // a full ring holds the part here until the response takes a batch
    parentPort?.postMessage(encodeBatch(ring, encoder, id, csv));
  };
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
          send(csv);
          csv = '';
          count = 0;
        }
      }
      if (count > 0) send(csv);
      parentPort?.postMessage({ done: true });
    } finally {
      database.close();
    }
  } catch (error) {
    if (error instanceof RingStopped) parentPort?.postMessage({ stopped: true });
    else parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
}

if ((workerData as { parts?: boolean }).parts) {
  // A part worker: one part per message, kept between exports (csv-line-workers.ts).
  parentPort?.on('message', (message: Parameters<typeof readPart>[0]) => readPart(message));
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
    // The batch's bytes into its slot of the shared ring; only the count is sent.
    parentPort?.postMessage(ring ? encodeBatch(ring, encoder, id, text) : { id, csv: text });
  });
}
