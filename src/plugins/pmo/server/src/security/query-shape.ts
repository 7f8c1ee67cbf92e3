/**
 * The query of a Content API or Content Manager list, checked against the content type's schema:
 * `fields`, `sort` and `populate` name fields (never a built-in such as `valueOf`, which Strapi
 * would take for a column), and `filters` compare each field with values of its type (a `1.5` or
 * an out-of-range number for an id, or a non-date for a date, makes PostgreSQL fail the query).
 * Pure: the schema comes in as plain data.
 */
import { HOSTILE_KEYS, fieldName, type Problem } from './hostile-input';
import { MAX_ID, type Attribute, type SchemaLookup } from './write-shape';

const NO_VALUE = new Set(['$null', '$notNull']);
const INTEGER = /^-?\d{1,19}$/;
const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const BIGINT_LIMIT = BigInt('9223372036854775807');

type Kind = 'id' | 'integer' | 'biginteger' | 'number' | 'date' | 'datetime' | 'boolean';

function kindOf(attribute: Attribute | undefined): Kind | null {
  switch (attribute?.type) {
    case 'integer':
      return 'integer';
    case 'biginteger':
      return 'biginteger';
    case 'float':
    case 'decimal':
      return 'number';
    case 'date':
      return 'date';
    case 'datetime':
    case 'timestamp':
      return 'datetime';
    case 'boolean':
      return 'boolean';
    default:
      return null;
  }
}

function fits(kind: Kind, raw: unknown): boolean {
  if (raw === null) return true;
  const value = typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : raw;
  if (typeof value !== 'string') return false;
  switch (kind) {
    case 'id':
      return INTEGER.test(value) && Number(value) >= 0 && Number(value) <= MAX_ID;
    case 'integer':
      return INTEGER.test(value) && Math.abs(Number(value)) <= MAX_ID;
    case 'biginteger':
      return INTEGER.test(value) && (BigInt(value) < 0 ? -BigInt(value) : BigInt(value)) <= BIGINT_LIMIT;
    case 'number':
      return NUMBER.test(value) && Number.isFinite(Number(value));
    case 'date':
      return DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
    case 'datetime':
      return !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}/.test(value);
    case 'boolean':
      return ['true', 'false', '1', '0', 't', 'f'].includes(value.toLowerCase());
  }
}

const KIND_WORDS: Record<Kind, string> = {
  id: 'an id (a whole number)',
  integer: 'a whole number',
  biginteger: 'a whole number',
  number: 'a number',
  date: 'a date written YYYY-MM-DD',
  datetime: 'a date and time',
  boolean: 'true or false',
};

/** Operator values compared with a field of a given kind: one value, or a list. */
function checkValues(kind: Kind, operand: unknown, path: Array<string | number>, problems: Problem[]) {
  const values = Array.isArray(operand) ? operand : operand && typeof operand === 'object' ? Object.values(operand) : [operand];
  if (values.some((value) => !fits(kind, value))) {
    problems.push({ path, message: `${fieldName(path)} must compare with ${KIND_WORDS[kind]}` });
  }
}

function checkFilters(lookup: SchemaLookup, uid: string, filters: unknown, path: Array<string | number>, problems: Problem[], depth = 0) {
  if (!filters || typeof filters !== 'object' || depth > 8) return;
  const attributes = lookup(uid) ?? {};
  for (const [key, value] of Object.entries(filters as Record<string, unknown>)) {
    const at = [...path, key];
    if (key === '$and' || key === '$or') {
      const branches = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : [];
      branches.forEach((branch, index) => checkFilters(lookup, uid, branch, [...at, index], problems, depth + 1));
      continue;
    }
    if (key === '$not') {
      checkFilters(lookup, uid, value, at, problems, depth + 1);
      continue;
    }
    if (key.startsWith('$')) continue; // an operator directly on this level: Strapi validates it
    const attribute = key === 'id' ? ({ type: 'id' } as Attribute) : Object.prototype.hasOwnProperty.call(attributes, key) ? attributes[key] : undefined;
    if (!attribute) continue; // Strapi refuses unknown fields with its own 400
    if (attribute.type === 'relation' || attribute.type === 'media' || attribute.type === 'component') {
      const target = attribute.target ?? attribute.component ?? (attribute.type === 'media' ? 'plugin::upload.file' : undefined);
      if (target) checkFilters(lookup, target, value, at, problems, depth + 1);
      continue;
    }
    const kind = attribute.type === 'id' ? 'id' : kindOf(attribute);
    if (!kind) continue;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      checkValues(kind, value, at, problems);
      continue;
    }
    for (const [operator, operand] of Object.entries(value as Record<string, unknown>)) {
      if (NO_VALUE.has(operator)) continue;
      if (operator === '$not' && operand && typeof operand === 'object') {
        checkFilters(lookup, uid, { [key]: operand }, path, problems, depth + 1);
        continue;
      }
      checkValues(kind, operand, [...at, operator], problems);
    }
  }
}

/** Field names in `fields`, `sort` and `populate`: never a built-in of JavaScript objects. */
function checkFieldNames(query: Record<string, unknown>, problems: Problem[]) {
  for (const param of ['fields', 'sort', 'populate']) {
    const names = JSON.stringify(query[param] ?? '').match(/[A-Za-z_$][\w$]*/g) ?? [];
    const hostile = names.find((name) => HOSTILE_KEYS.has(name));
    if (hostile) problems.push({ path: [param], message: `${param} names "${hostile}", which is not a field` });
  }
}

/** Problems with a list or read query on the type `uid`. */
export function checkQueryShape(lookup: SchemaLookup, uid: string | null, query: unknown): Problem[] {
  const problems: Problem[] = [];
  if (!query || typeof query !== 'object') return problems;
  checkFieldNames(query as Record<string, unknown>, problems);
  if (uid) checkFilters(lookup, uid, (query as { filters?: unknown }).filters, ['filters'], problems);
  return problems;
}

/** The Content Manager's relations route: `idsToOmit` and `idsToInclude` are ids of the target type. */
export function checkRelationsQuery(query: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const param of ['idsToOmit', 'idsToInclude']) {
    const value = (query as Record<string, unknown> | undefined)?.[param];
    if (value === undefined) continue;
    const ids = Array.isArray(value) ? value : [value];
    if (!ids.every((id) => fits('id', id))) problems.push({ path: [param], message: `${param} must list ids (whole numbers)` });
  }
  return problems;
}
