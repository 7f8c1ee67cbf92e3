/**
 * The ring of shared memory a CSV line worker writes its batches into (csv-line-worker.ts) and
 * the main thread copies them out of (csv-line-workers.ts): batch `id` goes into slot
 * `id % slots`, and only its length crosses in a message. The CSV of the batches in flight so
 * waits in the ring, never as text in the main thread's heap, where V8 promoted it wholesale
 * after shrinking its young generation (bench/README.md, session 17).
 *
 * A ring with `control` (a part worker's) tells its writer when it is full:
 * `control[RING_TAKEN]` counts the batches the main thread has taken, and while `slots` batches
 * are written and not taken the writer spills to a file (`slotFree`) or, with none, waits
 * (`awaitSlot`, `Atomics.wait`). `control[RING_STOP]` set asks the writer to stop. Loaded by both
 * sides, so it imports nothing.
 */

export type LineRing = { buffer: SharedArrayBuffer; slots: number; slotBytes: number; control?: SharedArrayBuffer };
/**
 * A batch the worker has written: its bytes in the ring, its text when too long for a slot, or
 * (a part worker whose ring was full) its bytes at `spilled` in the export's spill file.
 */
export type WrittenBatch = { id: number; bytes: number; spilled?: number } | { id: number; csv: string };

/** Indexes in a ring's `control` (Int32): batches taken by the main thread, and the stop flag. */
export const RING_TAKEN = 0;
export const RING_STOP = 1;

export function createRing(slots: number, slotBytes: number, { held = false } = {}): LineRing {
  return {
    buffer: new SharedArrayBuffer(slots * slotBytes),
    slots,
    slotBytes,
    ...(held ? { control: new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT) } : {}),
  };
}

/** Writer: batch `id`'s CSV into its slot (`{ id, bytes }`), or as text when it does not fit (`{ id, csv }`). */
export function encodeBatch(ring: LineRing, encoder: InstanceType<typeof TextEncoder>, id: number, text: string): WrittenBatch {
  const from = (id % ring.slots) * ring.slotBytes;
  const { read, written } = encoder.encodeInto(text, new Uint8Array(ring.buffer, from, ring.slotBytes));
  return read === text.length ? { id, bytes: written } : { id, csv: text };
}

/** Thrown in the writer when the main thread stopped the ring's reader (the export ended early). */
export class RingStopped extends Error {}

/** Writer: throws RingStopped if the main thread has stopped the ring's reader. */
export function checkStopped(ring: LineRing): void {
  if (ring.control && Atomics.load(new Int32Array(ring.control), RING_STOP) !== 0) throw new RingStopped('the export stopped');
}

/** Writer: whether batch `id`'s slot is free now (fewer than `slots` batches written and not taken). */
export function slotFree(ring: LineRing, id: number): boolean {
  return !ring.control || id - Atomics.load(new Int32Array(ring.control), RING_TAKEN) <= ring.slots;
}

/**
 * Writer: waits until batch `id` may be written, i.e. fewer than `slots` batches are written and
 * not taken. Woken when the main thread takes one or stops the ring, and at least once a second
 * to look at the stop flag.
 */
export function awaitSlot(ring: LineRing, id: number): void {
  if (!ring.control) return;
  const control = new Int32Array(ring.control);
  for (;;) {
    checkStopped(ring);
    const taken = Atomics.load(control, RING_TAKEN);
    if (id - taken <= ring.slots) return;
    Atomics.wait(control, RING_TAKEN, taken, 1000);
  }
}

/**
 * Main thread: the reader's side of a ring. `take` copies a written batch out of its slot (or
 * hands back its text) and counts it taken, which frees its slot for the writer; `takeText`
 * reads it as text instead, from its slot or from `spilled` (the bytes read back from the spill
 * file). Call them in batch order.
 */
export function ringReader(ring: LineRing) {
  const slots = Buffer.from(ring.buffer);
  const control = ring.control ? new Int32Array(ring.control) : null;
  let taken = 0;
  const taking = <T>(chunk: T): T => {
    taken += 1;
    if (control) {
      Atomics.store(control, RING_TAKEN, taken);
      Atomics.notify(control, RING_TAKEN);
    }
    return chunk;
  };
  const from = (batch: { id: number }) => (batch.id % ring.slots) * ring.slotBytes;
  return {
    /** Batches taken so far. */
    taken: () => taken,
    take(batch: WrittenBatch): Buffer | string {
      if ('csv' in batch) return taking(batch.csv);
      return taking(Buffer.from(slots.subarray(from(batch), from(batch) + batch.bytes))); // a copy: the slot is reused
    },
    takeText(batch: WrittenBatch, spilled?: Buffer): string {
      if ('csv' in batch) return taking(batch.csv);
      if (batch.spilled !== undefined) {
        if (!spilled) throw new TypeError(`batch ${batch.id} was spilled: its bytes are needed`);
        return taking(spilled.toString('utf8', 0, batch.bytes));
      }
      return taking(slots.toString('utf8', from(batch), from(batch) + batch.bytes));
    },
    /** Asks the writer to stop (it throws RingStopped at its next batch or wait). */
    stop() {
      if (!control) return;
      Atomics.store(control, RING_STOP, 1);
      Atomics.notify(control, RING_TAKEN);
    },
  };
}
