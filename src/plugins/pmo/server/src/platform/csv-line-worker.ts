/**
 * The worker thread that finishes SQLite's half-built CSV lines (csv-lines.ts) while the main
 * thread reads the next rows from SQLite and writes the finished bytes to the response. Built as
 * its own bundle (package.json `./csv-line-worker`): it loads nothing but the CSV rules.
 *
 * In: `{ id, joined, lengths }`, a batch of lines as one string and each line's length. Out:
 * `{ id, csv }`, the batch's CSV text. Text rather than bytes: a batch's text is small enough
 * to die young in the main thread's heap, where a new buffer per batch piled up as external
 * memory until a full collection (72 MB at 10,000,000 rows).
 */
import { parentPort, workerData } from 'worker_threads';
import { createLineWriter } from './csv-lines';
import type { LineBatch, LineWorkerData } from './csv-line-workers';

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
