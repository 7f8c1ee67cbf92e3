/**
 * The shape of a write's `data`, checked against the content type's schema before anything
 * reaches the database: relation references are whole numbers within the database's id range or
 * documentId strings (a `1.5` or a `true` would abort a PostgreSQL transaction mid-write),
 * integer fields fit their column, JSON fields hold JSON, and dates, date-times and times are
 * ones Strapi can read. Pure: the schema comes in as plain data.
 */
import { parseIsoDate } from '../../../shared/calendar';
import { capitalise } from '../../../shared/words';
import { fieldLabel, fieldName, type Problem } from './hostile-input';

export type Attribute = {
  type: string;
  relation?: string;
  target?: string;
  component?: string;
  components?: string[];
  repeatable?: boolean;
  customField?: string;
};
export type Attributes = Record<string, Attribute>;
/** The attributes of a content type or component by uid, undefined when unknown. */
export type SchemaLookup = (uid: string) => Attributes | undefined;

/** Ids are PostgreSQL `integer` columns: larger numbers are refused before they reach a query. */
export const MAX_ID = 2147483647;
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const INT32 = { min: -2147483648, max: 2147483647 };

const isId = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_ID;
/** An id written as digits, within the database's id range. */
const isIdText = (value: string) => /^\d{1,10}$/.test(value) && isId(Number(value));
/**
 * A documentId, or an id as digits. Strapi's Content API takes a reference whose text begins with
 * a number (as `parseInt` reads it) for an id and counts the rows with it: on PostgreSQL
 * "2026-02-31" or forty 9s aborted the write's transaction there, and the request never answered
 * (its connection left idle in an aborted transaction; found by tests/api/hostile-fuzz.test.ts).
 * So such a text must be a whole id in range. Strapi's own documentIds begin with a letter.
 */
const isDocumentId = (value: unknown) => typeof value === 'string' && DOCUMENT_ID.test(value) && (!/^-?\d/.test(value) || isIdText(value));

/**
 * Keys Strapi keeps on every document, which the Content Manager sends back with a form: Strapi
 * reads some of them from the body, so they must at least be of their kind.
 */
const SYSTEM_KEYS: Record<string, (value: unknown) => boolean> = {
  // An id as a number or as digits, within PostgreSQL's integer (a longer one was a 500 there).
  id: (value) => isId(value) || (typeof value === 'string' && isIdText(value)),
  documentId: isDocumentId,
  locale: (value) => typeof value === 'string' && value.length <= 64,
  createdAt: (value) => typeof value === 'string',
  updatedAt: (value) => typeof value === 'string',
  publishedAt: (value) => typeof value === 'string',
};

const REF_MESSAGE = 'must name one existing item, by its number or its document ID';

/** One reference: an id, a documentId, or `{ id | documentId, locale?, status?, position? }`. */
function checkReference(value: unknown, path: Array<string | number>, problems: Problem[]) {
  if (isId(value) || isDocumentId(value)) return;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const { id, documentId } = value as { id?: unknown; documentId?: unknown };
    const hasId = id !== undefined && id !== null;
    const hasDocumentId = documentId !== undefined && documentId !== null;
    if ((hasId || hasDocumentId) && (!hasId || isId(id)) && (!hasDocumentId || isDocumentId(documentId))) return;
  }
  problems.push({ path, message: `${fieldName(path)} ${REF_MESSAGE}; ${describe(value)} is not one` });
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value.slice(0, 40)}"`;
  if (value === null || ['number', 'boolean'].includes(typeof value)) return String(value);
  return Array.isArray(value) ? 'a list' : 'an object';
}

const OPERATIONS = ['connect', 'disconnect', 'set'] as const;

/** A relation's value: null, one reference, a list, or `{ connect, disconnect, set }`. */
function checkRelation(value: unknown, path: Array<string | number>, problems: Problem[]) {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkReference(item, [...path, index], problems));
    return;
  }
  if (typeof value === 'object' && OPERATIONS.some((op) => op in (value as object))) {
    for (const op of OPERATIONS) {
      const entries = (value as Record<string, unknown>)[op];
      if (entries === undefined || entries === null) continue;
      const list = Array.isArray(entries) ? entries : [entries];
      list.forEach((item, index) => checkReference(item, Array.isArray(entries) ? [...path, op, index] : [...path, op], problems));
    }
    return;
  }
  checkReference(value, path, problems);
}

function checkInteger(value: unknown, path: Array<string | number>, problems: Problem[]) {
  if (value === null || value === undefined || value === '') return;
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < INT32.min || number > INT32.max) {
    problems.push({ path, message: `${fieldName(path)} must be a whole number between ${INT32.min} and ${INT32.max}` });
  }
}

/** A day, then optionally a time of day and a zone; the day itself is checked by `parseIsoDate`. */
const INSTANT = /^\d{4}-\d{2}-\d{2}(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const TIME = /^(2[0-3]|[01][0-9]):([0-5][0-9]):([0-5][0-9])(\.[0-9]{1,3})?$/;

/**
 * Dates, date-times and times as Strapi's database layer reads them (a day: text beginning
 * YYYY-MM-DD; a date-time: ISO 8601 or epoch milliseconds; a time: HH:mm:ss). Strapi refuses
 * anything else with no field named ("Invalid format, expected yyyy-MM-dd"): here it is named.
 */
function checkTemporal(type: 'date' | 'datetime' | 'time', value: unknown, path: Array<string | number>, problems: Problem[]) {
  if (value === null || value === undefined) return;
  let valid = false;
  // Strapi reads a day from the text's first ten characters.
  const dayFirst = typeof value === 'string' && parseIsoDate(value.slice(0, 10)) !== null;
  if (type === 'date') valid = dayFirst;
  else if (type === 'datetime') {
    const instant = dayFirst ? INSTANT.exec(value as string) : null;
    valid =
      (typeof value === 'number' && Number.isInteger(value)) ||
      (typeof value === 'string' && /^\d{1,15}$/.test(value)) ||
      (!!instant && Number(instant[1] ?? 0) <= 23 && Number(instant[2] ?? 0) <= 59 && Number(instant[3] ?? 0) <= 59);
  } else if (type === 'time') valid = typeof value === 'string' && TIME.test(value);
  if (valid) return;
  const example = { date: 'a date, written year-month-day (2026-12-02)', datetime: 'a date and time (2026-12-02T09:30:00Z)', time: 'a time of day (09:30:00)' }[type];
  problems.push({ path, message: `${capitalise(fieldLabel(path))} must be ${example}` });
}

/**
 * Strapi writes a string given for a JSON field as it is, so a string must already be JSON text
 * (PostgreSQL refuses anything else mid-write).
 */
function checkJsonText(value: unknown, path: Array<string | number>, problems: Problem[]) {
  if (typeof value !== 'string') return;
  try {
    JSON.parse(value);
  } catch {
    problems.push({ path, message: `${fieldName(path)} must be JSON: a list, an object, a number, true or false` });
  }
}

/** Rich text blocks: lists of nodes, each an object with a `type` (Strapi's validator reads it unguarded). */
function checkBlocks(value: unknown, path: Array<string | number>, problems: Problem[]) {
  if (value === null || value === undefined) return;
  const wellFormed = (nodes: unknown, level: number): boolean =>
    Array.isArray(nodes) &&
    level <= 16 &&
    nodes.every((node) => {
      if (!node || typeof node !== 'object' || Array.isArray(node) || typeof (node as { type?: unknown }).type !== 'string') return false;
      const children = (node as { children?: unknown }).children;
      return children === undefined || wellFormed(children, level + 1);
    });
  if (!wellFormed(value, 0)) problems.push({ path, message: `${fieldName(path)} must be rich text: a list of blocks, each with a type` });
}

/** Problems with `data` written to the type `uid` (nothing when the type is unknown). */
export function checkWriteShape(lookup: SchemaLookup, uid: string, data: unknown, path: Array<string | number> = []): Problem[] {
  const problems: Problem[] = [];
  const attributes = lookup(uid);
  if (!attributes) return problems;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ path, message: `${fieldName(path)} must be an object of fields` });
    return problems;
  }
  for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
    if (name in SYSTEM_KEYS && value !== undefined && value !== null && !SYSTEM_KEYS[name](value)) {
      problems.push({ path: [...path, name], message: `${fieldName([...path, name])} is kept by PMO Hub; when sent back it must be the value it was given` });
      continue;
    }
    const attribute = attributes[name];
    if (!attribute || value === undefined) continue;
    const at = [...path, name];
    if (attribute.type === 'relation' || attribute.type === 'media') checkRelation(value, at, problems);
    else if (attribute.type === 'integer') checkInteger(value, at, problems);
    else if (attribute.type === 'json') checkJsonText(value, at, problems);
    else if (attribute.type === 'date' || attribute.type === 'datetime' || attribute.type === 'time') checkTemporal(attribute.type, value, at, problems);
    else if (attribute.type === 'blocks') checkBlocks(value, at, problems);
    else if (attribute.type === 'component' && attribute.component && value !== null) {
      const items = attribute.repeatable ? value : [value];
      if (!Array.isArray(items)) problems.push({ path: at, message: `${fieldName(at)} must be a list` });
      else items.forEach((item, index) => problems.push(...checkWriteShape(lookup, attribute.component!, item, attribute.repeatable ? [...at, index] : at)));
    } else if (attribute.type === 'dynamiczone' && value !== null) {
      if (!Array.isArray(value)) problems.push({ path: at, message: `${fieldName(at)} must be a list` });
      else
        value.forEach((item, index) => {
          const component = (item as { __component?: unknown } | null)?.__component;
          if (typeof component !== 'string' || !attribute.components?.includes(component)) {
            problems.push({ path: [...at, index, '__component'], message: `${fieldName([...at, index])} must say which kind of entry it is` });
          } else problems.push(...checkWriteShape(lookup, component, item, [...at, index]));
        });
    }
  }
  return problems;
}
