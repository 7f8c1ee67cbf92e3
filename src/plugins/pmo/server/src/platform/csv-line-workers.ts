/**
 * The main thread's side of csv-line-worker.ts: a worker thread that turns batches of SQLite's
 * half-built lines into CSV bytes, in order. On SQLite the export's one thread was the limit:
 * reading a million rows from SQLite, writing their CSV and sending it took 2.1 s against the
 * sqlite3 tool's 1.2 s; with the CSV written beside the reading, 1.6 s (bench/README.md).
 *
 * A worker costs a thread and a few megabytes (its heap is capped below) for the length of one
 * export. Every SQLite export starts one, before its first row: it comes up (30–50 ms) while
 * SQLite sorts, so a small export loses nothing by it, and at 100,000 rows a worker started only
 * after 20,000 came too late to pay. Where the worker's bundle is not built (a test running the
 * TypeScript sources unbuilt), there is no worker and the lines are written on the main thread.
 */
import { Worker } from 'worker_threads';
import type { Delimiter } from './csv';
import type { CopyColumn } from './csv-copy';

export type LineWorkerData = { columns: readonly CopyColumn[]; delimiter: Delimiter };
export type LineBatch = { id: number; joined: string; lengths: Int32Array };

/** The worker's bundle, or null where it is not built. */
function workerFile(): string | null {
  try {
    return require.resolve('pmo/csv-line-worker');
  } catch {
    return null;
  }
}

let running = 0;

/** How many line workers are running now (a finished or abandoned export must bring this back down). */
export const runningLineWorkers = () => running;

export type LineWorker = {
  /** The CSV of these lines, once the worker has written it (batches finish in order). */
  write(lines: string[]): Promise<string>;
  close(): Promise<void>;
};

/** A worker for one export's lines, or null if there is none to start. */
export function startLineWorker(data: LineWorkerData): LineWorker | null {
  const file = workerFile();
  if (!file) return null;
  // The worker's garbage is short-lived lines and it keeps nothing: a small heap keeps the
  // export's memory within its budget (V8's default young generation alone doubled the rise).
  const worker = new Worker(file, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 } });
  worker.unref(); // never what keeps the process alive: a running export's response does that
  running += 1;
  const waiting = new Map<number, { resolve: (csv: string) => void; reject: (error: unknown) => void }>();
  let failure: unknown = null;
  let sequence = 0;
  const fail = (error: unknown) => {
    failure ??= error;
    for (const { reject } of waiting.values()) reject(failure);
    waiting.clear();
  };
  worker.on('message', ({ id, csv }: { id: number; csv: string }) => {
    const batch = waiting.get(id);
    waiting.delete(id);
    batch?.resolve(csv);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the CSV worker stopped (exit code ${code})`)));
  return {
    write(lines) {
      if (failure) return Promise.reject(failure);
      const id = (sequence += 1);
      const lengths = new Int32Array(lines.length);
      for (let i = 0; i < lines.length; i += 1) lengths[i] = lines[i].length;
      const batch: LineBatch = { id, joined: lines.join(''), lengths };
      const written = new Promise<string>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage(batch, [lengths.buffer]);
      });
      written.catch(() => undefined); // a batch no one waits for any more (the export stopped) is no error
      return written;
    },
    async close() {
      worker.removeAllListeners('exit');
      fail(new Error('the export ended'));
      try {
        await worker.terminate();
      } finally {
        running -= 1;
      }
    },
  };
}
