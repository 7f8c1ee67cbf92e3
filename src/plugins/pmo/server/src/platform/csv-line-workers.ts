/**
 * The main thread's side of csv-line-worker.ts: a worker thread that turns batches of SQLite's
 * half-built lines into CSV bytes, in order. On SQLite the export's one thread was the limit:
 * reading a million rows from SQLite, writing their CSV and sending it took 2.1 s against the
 * sqlite3 tool's 1.2 s; with the CSV written beside the reading, 1.6 s (bench/README.md).
 *
 * A worker costs a thread and a few megabytes (its heap is capped below) for the length of one
 * export. Every SQLite line export read in one part starts one, before its first row: it comes
 * up (30–50 ms) while SQLite sorts, so a small export loses nothing by it, and at 100,000 rows a
 * worker started only after 20,000 came too late to pay. A cost ledger of 20,000 entries or
 * more is read in two parts (finance/export-split.ts), the second by a part worker
 * (`startPartWorker`), kept between exports. Where the worker's bundle is not built (a test
 * running the TypeScript sources unbuilt), there is no worker and the lines are written on the
 * main thread.
 */
import { randomUUID } from 'crypto';
import { closeSync, openSync, read, unlinkSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Worker } from 'worker_threads';
import type { Delimiter } from './csv';
import type { CopyColumn } from './csv-copy';
import { createRing, ringReader, type LineRing, type WrittenBatch } from './csv-line-ring';

export type { LineRing, WrittenBatch };

/**
 * A part of an export the worker reads itself, on its own read-only connection to the database
 * file: the driver's module path, the file, the part's SELECT of lines, and its batch size and
 * page cache (KiB).
 */
export type LinePart = { driver: string; file: string; sql: string; bindings: unknown[]; batchSize: number; cacheKib: number };
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
  const ring = createRing(RING_SLOTS, SLOT_BYTES);
  const reader = ringReader(ring);
  const worker = spawn(file, { ...data, ring });
  running += 1;
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
      if (sequence - reader.taken() >= RING_SLOTS) return Promise.reject(new Error('the CSV worker was given more batches than its ring holds'));
      const id = (sequence += 1);
      // Posted first, by a function of its own: the promise below keeps no reference to the
      // batch's text, which dies as soon as it is copied to the worker (the answer comes later,
      // from the event loop, so it cannot arrive before `waiting` knows the batch).
      postBatch(worker, id, lines);
      const written = new Promise<WrittenBatch>((resolve, reject) => waiting.set(id, { resolve, reject }));
      written.catch(() => undefined); // a batch no one waits for any more (the export stopped) is no error
      return written;
    },
    take: reader.take,
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
 * A part worker's ring: 4 MB, which holds the whole second part of an export of up to about
 * 110,000 rows, written while the main thread reads the first; the rest of a longer part goes to
 * a spill file, so the worker reads on at full speed. A slot holds a batch of 500 typical lines
 * (about 35 KB) and longer ones. A ring of 16 MB or 64 MB was no faster at 1,000,000 rows
 * (bench/README.md).
 */
const PART_RING_SLOTS = 64;
const PART_SLOT_BYTES = 64 * 1024;

/**
 * A file for a part's CSV that does not fit its ring, open for reading and writing and already
 * unlinked: only this process can reach it, and it is gone when closed, even after a crash.
 * Undefined where none can be made (the worker then waits for the ring).
 */
function openSpillFile(): number | undefined {
  const file = join(tmpdir(), `pmo-export-${process.pid}-${randomUUID()}.csv`);
  try {
    const descriptor = openSync(file, 'wx+', 0o600);
    unlinkSync(file);
    return descriptor;
  } catch {
    return undefined;
  }
}

let spilledBatches = 0;

/** How many batches part workers have spilled to a file since the start (tests check the spill file is used). */
export const spilledLineBatches = () => spilledBatches;

/** Reads `length` bytes of the spill file from `at` into `bytes` (from its start). */
function readSpilled(descriptor: number, bytes: Buffer, at: number, length: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const next = (done: number) =>
      read(descriptor, bytes, done, length - done, at + done, (error, count) => {
        if (error) reject(error);
        else if (count === 0) reject(new Error('the export spill file ended early'));
        else if (done + count < length) next(done + count);
        else resolve();
      });
    next(0);
  });
}

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
 * once and writes its batches into the part's ring; while the ring is full, on into the spill
 * file (with none, it waits for a slot). `chunks()` hands them on in order, so however long the
 * part, its CSV waits in the ring's 4 MB and on disk, never in this thread's heap. A worker whose
 * part was read to its end is kept for the next export; one stopped early is ended.
 */
export function startPartWorker(data: LineWorkerData & { part: LinePart }, { ringSlots = PART_RING_SLOTS, spill: spilling = true } = {}): PartWorker | null {
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
  // A ring and a spill file per part: its counters start at nought, and the file goes with it.
  const ring = createRing(ringSlots, PART_SLOT_BYTES, { held: true });
  const reader = ringReader(ring);
  const spill = spilling ? openSpillFile() : undefined;
  // One buffer the spilled batches are read into, in turn. Every batch is handed on as text, not
  // as a Buffer: while the second part is sent the main thread allocates little else, so a
  // Buffer per batch waited as external memory for a collection (+31 to +35 MB at 10,000,000
  // rows); text dies in the young generation as it goes (+8 to +14 MB; bench/README.md).
  let scratch = Buffer.allocUnsafeSlow(PART_SLOT_BYTES);
  type Message = WrittenBatch | { done: true } | { stopped: true } | { error: string };
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
  worker.postMessage({ ...data, ring, spill });
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
        if ('error' in message) throw new Error(`the CSV worker could not read its part: ${message.error}`);
        if ('stopped' in message) throw new Error('the CSV worker stopped its part');
        if ('done' in message) {
          finished = true;
          return;
        }
        if ('spilled' in message && message.spilled !== undefined) {
          if (scratch.length < message.bytes) scratch = Buffer.allocUnsafeSlow(message.bytes);
          await readSpilled(spill!, scratch, message.spilled, message.bytes);
          spilledBatches += 1;
        }
        yield reader.takeText(message, scratch);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      running -= 1;
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      reader.stop(); // a worker waiting for a slot wakes and stops
      try {
        if (finished && !failure && !idle) {
          const timer = setTimeout(() => void stopIdleLineWorkers(), PART_WORKER_KEPT_MS);
          timer.unref();
          idle = { worker, timer };
          return;
        }
        await worker.terminate();
      } finally {
        // Only now: the worker has finished its part or is ended, so it writes no more to the
        // descriptor (which, once closed, the process may reuse for another file).
        if (spill !== undefined) closeSync(spill);
      }
    },
  };
}
