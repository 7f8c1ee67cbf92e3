/**
 * The main thread's side of csv-line-worker.ts: a worker thread that turns batches of SQLite's
 * half-built lines into CSV bytes, in order. On SQLite the export's one thread was the limit:
 * reading a million rows from SQLite, writing their CSV and sending it took 2.1 s against the
 * sqlite3 tool's 1.2 s; with the CSV written beside the reading, 1.6 s (bench/README.md).
 *
 * A worker costs a thread and a few megabytes (its heap is capped below) for the length of one
 * export. Every SQLite line export read in one part starts one, before its first row: it comes
 * up (30–50 ms) while SQLite sorts, so a small export loses nothing by it, and at 100,000 rows a
 * worker started only after 20,000 came too late to pay. A mid-sized cost ledger read in two
 * parts (finance/export-split.ts) has a part worker instead (`startPartWorker`), kept between
 * exports. Where the worker's bundle is not built (a test running the
 * TypeScript sources unbuilt), there is no worker and the lines are written on the main thread.
 */
import { Worker } from 'worker_threads';
import type { Delimiter } from './csv';
import type { CopyColumn } from './csv-copy';

/**
 * A part of an export the worker reads itself, on its own read-only connection to the database
 * file: the driver's module path, the file, the part's SELECT of lines, and its batch size and
 * page cache (KiB).
 */
export type LinePart = { driver: string; file: string; sql: string; bindings: unknown[]; batchSize: number; cacheKib: number };
/** `ring`: the shared slots a batch worker writes each batch's CSV into (batch `id` in slot `id % slots`). */
export type LineRing = { buffer: SharedArrayBuffer; slots: number; slotBytes: number };
export type LineWorkerData = { columns: readonly CopyColumn[]; delimiter: Delimiter; ring?: LineRing };
export type LineBatch = { id: number; joined: string; lengths: Int32Array };

/** The worker's bundle, or null where it is not built. */
function workerFile(): string | null {
  try {
    return require.resolve('pmo/csv-line-worker');
  } catch {
    return null;
  }
}

/**
 * A worker on the bundle, never what keeps the process alive (a running export's response does
 * that). Its garbage is short-lived lines and it keeps nothing: a small heap keeps the export's
 * memory within its budget (V8's default young generation alone doubled the rise).
 */
const spawn = (file: string, workerData: unknown) => {
  const worker = new Worker(file, { workerData, resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 } });
  worker.unref();
  return worker;
};

let running = 0;

/** Hands the worker a batch of lines as one string and each line's length. */
function postBatch(worker: Worker, id: number, lines: string[]): void {
  const lengths = new Int32Array(lines.length);
  for (let i = 0; i < lines.length; i += 1) lengths[i] = lines[i].length;
  const batch: LineBatch = { id, joined: lines.join(''), lengths };
  worker.postMessage(batch, [lengths.buffer]);
}

/** How many line workers are running now (a finished or abandoned export must bring this back down). */
export const runningLineWorkers = () => running;

/** A batch the worker has written: its bytes in the ring, or its text when too long for a slot. */
export type WrittenBatch = { id: number; bytes: number } | { id: number; csv: string };

export type LineWorker = {
  /** The batch of these lines once the worker has written it (batches finish in order). */
  write(lines: string[]): Promise<WrittenBatch>;
  /**
   * A written batch's CSV, copied out of its slot: call it in order, before writing the batch
   * `RING_SLOTS` on (which reuses the slot).
   */
  take(batch: WrittenBatch): Buffer | string;
  close(): Promise<void>;
};

/**
 * Slots in a batch worker's ring, and each slot's bytes: more slots than the batches the reader
 * keeps in flight (finance/cursor.ts), and room for a batch of typical lines (500 lines of about
 * 70 bytes; a longer batch comes back as text).
 */
const RING_SLOTS = 16;
const SLOT_BYTES = 128 * 1024;

/**
 * A worker for one export's lines, or null if there is none to start. The worker writes each
 * batch's CSV into a slot of a ring of shared memory and sends only its length; the main thread
 * copies it out when the response takes it. So the CSV waits in the worker and the ring, never
 * in the main thread's heap, where batches in flight were promoted when V8 had shrunk its young
 * generation (bench/README.md, session 17).
 */
export function startLineWorker(data: LineWorkerData): LineWorker | null {
  const file = workerFile();
  if (!file) return null;
  const ring: LineRing = { buffer: new SharedArrayBuffer(RING_SLOTS * SLOT_BYTES), slots: RING_SLOTS, slotBytes: SLOT_BYTES };
  const slots = Buffer.from(ring.buffer);
  const worker = spawn(file, { ...data, ring });
  running += 1;
  let taken = 0;
  const waiting = new Map<number, { resolve: (batch: WrittenBatch) => void; reject: (error: unknown) => void }>();
  let failure: unknown = null;
  let sequence = 0;
  const fail = (error: unknown) => {
    failure ??= error;
    for (const { reject } of waiting.values()) reject(failure);
    waiting.clear();
  };
  worker.on('message', (written: WrittenBatch) => {
    const batch = waiting.get(written.id);
    waiting.delete(written.id);
    batch?.resolve(written);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the CSV worker stopped (exit code ${code})`)));
  return {
    write(lines) {
      if (failure) return Promise.reject(failure);
      // The batch RING_SLOTS on reuses this one's slot: it must have been taken.
      if (sequence - taken >= RING_SLOTS) return Promise.reject(new Error('the CSV worker was given more batches than its ring holds'));
      const id = (sequence += 1);
      // Posted first, by a function of its own: the promise below keeps no reference to the
      // batch's text, which dies as soon as it is copied to the worker (the answer comes later,
      // from the event loop, so it cannot arrive before `waiting` knows the batch).
      postBatch(worker, id, lines);
      const written = new Promise<WrittenBatch>((resolve, reject) => waiting.set(id, { resolve, reject }));
      written.catch(() => undefined); // a batch no one waits for any more (the export stopped) is no error
      return written;
    },
    take(batch) {
      taken += 1;
      if ('csv' in batch) return batch.csv;
      const from = (batch.id % RING_SLOTS) * SLOT_BYTES;
      return Buffer.from(slots.subarray(from, from + batch.bytes)); // a copy: the slot is reused
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

/** A worker reading and writing one part of an export (`LinePart`): its CSV, batch by batch, in order. */
export type PartWorker = {
  chunks(): AsyncGenerator<string, void, undefined>;
  close(): Promise<void>;
};

/**
 * How long a part worker that finished its part is kept for the next export. Starting a worker
 * and loading the SQLite driver in it costs 30–50 ms of a core, which two readers sharing two
 * cores feel; a kept worker holds a few megabytes and no connection.
 */
const PART_WORKER_KEPT_MS = 60_000;
let idle: { worker: Worker; timer: NodeJS.Timeout } | null = null;

/** How many part workers are kept for the next export (0 or 1). */
export const keptLineWorkers = () => (idle ? 1 : 0);

/** Ends the kept part worker, if any (the plugin's shutdown). */
export async function stopIdleLineWorkers(): Promise<void> {
  const kept = idle;
  idle = null;
  if (!kept) return;
  clearTimeout(kept.timer);
  await kept.worker.terminate();
}

/**
 * A worker that reads `part` on its own connection and writes its CSV, or null where the
 * worker's bundle is not built: the kept one if there is one, else a new one. It starts at
 * once; its batches wait, in order, in its message queue until `chunks()` reads them, so the
 * part's whole CSV may be held there: the caller keeps parts small (finance/cursor.ts). A worker
 * whose part was read to its end is kept for the next export; one stopped early is ended.
 */
export function startPartWorker(data: LineWorkerData & { part: LinePart }): PartWorker | null {
  let worker: Worker;
  if (idle) {
    clearTimeout(idle.timer);
    worker = idle.worker;
    idle = null;
  } else {
    const file = workerFile();
    if (!file) return null;
    worker = spawn(file, { parts: true });
  }
  running += 1;
  type Message = { csv?: string; done?: true; error?: string };
  const arrived: Array<Message> = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  let finished = false;
  const rouse = () => {
    wake?.();
    wake = null;
  };
  const onMessage = (message: Message) => {
    arrived.push(message);
    rouse();
  };
  const onError = (error: Error) => {
    failure ??= error;
    rouse();
  };
  const onExit = (code: number) => {
    failure ??= new Error(`the CSV worker stopped (exit code ${code})`);
    rouse();
  };
  worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  worker.postMessage(data);
  let closed = false;
  return {
    async *chunks() {
      for (;;) {
        const message = arrived.shift();
        if (!message) {
          if (failure) throw failure;
          await new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        if (message.error !== undefined) throw new Error(`the CSV worker could not read its part: ${message.error}`);
        if (message.done) {
          finished = true;
          return;
        }
        yield message.csv!;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      running -= 1;
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (finished && !failure && !idle) {
        const timer = setTimeout(() => void stopIdleLineWorkers(), PART_WORKER_KEPT_MS);
        timer.unref();
        idle = { worker, timer };
        return;
      }
      await worker.terminate();
    },
  };
}
