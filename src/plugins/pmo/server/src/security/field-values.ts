/**
 * Whether a value sent for a field sets anything, and whether it leaves the stored value as it
 * is, in every shape Strapi accepts: dates as days, datetimes as instants (Strapi returns them
 * as Date, ISO text or epoch milliseconds), relations as ids, documentIds, objects, lists or
 * `{ connect, disconnect, set }`. The Content Manager re-sends every read-only value it got, and
 * that must read as unchanged. Pure.
 */
export type Attribute = { type?: string; relation?: string };

type Ref = { id?: number; documentId?: string };
export type StoredItem = { id: number; documentId: string };

const isBlank = (value: unknown) => value === undefined || value === null || value === '';
const list = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

function refOf(value: unknown): Ref | null {
  if (typeof value === 'number' && Number.isInteger(value)) return { id: value };
  if (typeof value === 'string' && value.trim()) return /^\d+$/.test(value.trim()) ? { id: Number(value) } : { documentId: value.trim() };
  if (value && typeof value === 'object') {
    const { id, documentId } = value as Record<string, unknown>;
    if (typeof documentId === 'string') return { documentId };
    if (typeof id === 'number' || typeof id === 'string') return refOf(id);
  }
  return null;
}

/** The relation input as Strapi reads it: a new set of items, or items connected and disconnected. */
function relationInput(value: unknown): { set?: unknown[]; connect: unknown[]; disconnect: unknown[] } {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const input = value as Record<string, unknown>;
    if ('set' in input) return { set: list(input.set), connect: [], disconnect: [] };
    if ('connect' in input || 'disconnect' in input) return { connect: list(input.connect), disconnect: list(input.disconnect) };
  }
  return { set: list(value), connect: [], disconnect: [] };
}

const matches = (ref: Ref | null, item: StoredItem) =>
  !!ref && (ref.documentId !== undefined ? ref.documentId === item.documentId : ref.id === item.id);

function sameRelation(value: unknown, stored: unknown): boolean {
  const items = list(stored) as StoredItem[];
  const input = relationInput(value);
  if (input.set) {
    const refs = input.set.map(refOf);
    return refs.every((ref) => items.some((item) => matches(ref, item))) && items.every((item) => refs.some((ref) => matches(ref, item)));
  }
  // Connecting an item already there, or disconnecting one that is not, changes nothing.
  return (
    input.connect.every((raw) => items.some((item) => matches(refOf(raw), item))) &&
    input.disconnect.every((raw) => !items.some((item) => matches(refOf(raw), item)))
  );
}

const DAY = /^(\d{4}-\d{2}-\d{2})/;

function instant(value: unknown): number | null {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  const text = String(value).trim();
  const time = /^-?\d+$/.test(text) ? Number(text) : Date.parse(text);
  return Number.isNaN(time) ? null : time;
}

function day(value: unknown): string | null {
  if (typeof value === 'string' && DAY.test(value.trim()) && !value.includes('T')) return DAY.exec(value.trim())![1];
  const time = instant(value);
  return time === null ? null : new Date(time).toISOString().slice(0, 10);
}

/** JSON with object keys sorted, so the same content compares equal whatever its key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value instanceof Date ? value.toISOString() : value) ?? 'null';
}

function scalar(attribute: Attribute, value: unknown): unknown {
  switch (attribute.type) {
    case 'date':
      return day(value) ?? String(value);
    case 'datetime':
    case 'timestamp':
      return instant(value) ?? String(value);
    case 'integer':
    case 'float':
    case 'decimal':
      return Number.isNaN(Number(value)) ? String(value) : Number(value);
    case 'boolean':
      return value === true || value === 'true' || value === 1 || value === '1';
    case 'json':
    case 'component':
    case 'dynamiczone':
    case 'media':
    case 'blocks':
      return canonical(value);
    default:
      return String(value).trim();
  }
}

/** Whether the value, sent on a create, sets nothing. */
export function isEmptyValue(attribute: Attribute, value: unknown): boolean {
  if (attribute.type === 'relation') {
    const input = relationInput(value);
    return (input.set ?? input.connect).length === 0;
  }
  return isBlank(value);
}

/** Whether the value, sent on an update, leaves the stored value as it is. */
export function isUnchanged(attribute: Attribute, value: unknown, stored: unknown): boolean {
  if (attribute.type === 'relation') return sameRelation(value, stored);
  if (isBlank(value) || isBlank(stored)) return isBlank(value) && isBlank(stored);
  return scalar(attribute, value) === scalar(attribute, stored);
}
