/**
 * What a to-one relation in Document Service input points to (change requests' and the RAID
 * registers' middlewares). Strapi accepts a documentId, an id, `{ documentId }`, a list (set),
 * `{ set: [...] }` and the Content Manager's `{ connect, disconnect }`. Pure.
 */
export type RelationRef = { documentId?: string; id?: number };

/**
 * undefined: the input leaves the relation as it is; null: it clears it; else the item it sets.
 */
export function relationTarget(value: unknown): RelationRef | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'string') return value.trim() ? { documentId: value.trim() } : null;
  if (typeof value === 'number') return Number.isInteger(value) ? { id: value } : undefined;
  if (Array.isArray(value)) return value.length ? relationTarget(value[value.length - 1]) : null;
  if (typeof value !== 'object') return undefined;
  const input = value as Record<string, unknown>;
  if ('set' in input) return relationTarget(input.set ?? null);
  if ('connect' in input || 'disconnect' in input) {
    const connect = ([] as unknown[]).concat(input.connect ?? []);
    if (connect.length) return relationTarget(connect[connect.length - 1]);
    const disconnect = ([] as unknown[]).concat(input.disconnect ?? []);
    return disconnect.length ? null : undefined;
  }
  if (typeof input.documentId === 'string') return { documentId: input.documentId };
  if (typeof input.id === 'number') return { id: input.id };
  return undefined;
}

/** Whether a reference names the given item. */
export function sameItem(ref: RelationRef, item: { id: number; documentId: string }) {
  return ref.documentId !== undefined ? ref.documentId === item.documentId : ref.id === item.id;
}
