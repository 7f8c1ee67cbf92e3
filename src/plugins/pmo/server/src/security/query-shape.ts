/**
 * The query of a request, checked in one walk (hostile-input's, with these rules on the way):
 * no prototype-named keys or NUL characters at any depth; on a Content API or Content Manager
 * list or read, against the content type's schema, `fields`, `sort` and `populate` name fields
 * (never a built-in such as `valueOf`, which Strapi would take for a column), and `filters`
 * compare each field with values of its type (a `1.5` or an out-of-range number for an id, or a
 * non-date for a date, makes PostgreSQL fail the query). Pure: the schema comes in as plain data.
 */
import { HOSTILE_KEYS, fieldName, findHostileInput, walkInput, type Problem, type Step } from './hostile-input';
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
  date: 'a date written 2026-12-02 (for 2 Dec 2026)',
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

/**
 * Where a step of the query walk is, so it knows which rules apply to the keys below:
 * `names` inside `fields`, `sort` or `populate`; `filters` an object of conditions on the fields
 * of `uid`; `branches` the list under `$and` or `$or`; `conditions` the operators on one field of
 * `kind`; null anywhere without rules (only the hostile-input checks).
 */
type Where =
  | { at: 'query'; uid: string | null }
  | { at: 'names'; param: string }
  | { at: 'filters' | 'branches'; uid: string; depth: number }
  | { at: 'conditions'; kind: Kind; depth: number }
  | null;

const NAME_PARAMS = new Set(['fields', 'sort', 'populate']);
const MAX_FILTER_DEPTH = 8;

/** The rules of a list or read query, one step at a time; `named` remembers the params already refused. */
function queryRules(lookup: SchemaLookup, named: Set<string>) {
  /** A condition on one field of `uid`: the context its operators (or its nested filters) are seen in. */
  function filterOn(uid: string, key: string, value: unknown, path: Array<string | number>, depth: number, found: Problem[]): Where {
    if (key === '$and' || key === '$or') return { at: 'branches', uid, depth };
    if (key === '$not') return { at: 'filters', uid, depth: depth + 1 };
    if (key.startsWith('$')) return null; // an operator directly on this level: Strapi validates it
    const attributes = lookup(uid) ?? {};
    const attribute = key === 'id' ? ({ type: 'id' } as Attribute) : Object.prototype.hasOwnProperty.call(attributes, key) ? attributes[key] : undefined;
    if (!attribute) return null; // Strapi refuses unknown fields with its own 400
    if (attribute.type === 'relation' || attribute.type === 'media' || attribute.type === 'component') {
      const target = attribute.target ?? attribute.component ?? (attribute.type === 'media' ? 'plugin::upload.file' : undefined);
      return target ? { at: 'filters', uid: target, depth: depth + 1 } : null;
    }
    const kind = attribute.type === 'id' ? 'id' : kindOf(attribute);
    if (!kind) return null;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      checkValues(kind, value, path, found);
      return null;
    }
    return { at: 'conditions', kind, depth };
  }

  const step: Step<Where> = (key, value, path, where, found) => {
    if (!where) return null;
    switch (where.at) {
      case 'query': {
        if (key === 'filters') return where.uid ? { at: 'filters', uid: where.uid, depth: 0 } : null;
        if (typeof key !== 'string' || !NAME_PARAMS.has(key)) return null;
        return step(key, value, path, { at: 'names', param: key }, found);
      }
      case 'names': {
        // `fields`, `sort` and `populate` name fields (in their keys and values), never a built-in
        // of JavaScript objects.
        const text = `${key} ${typeof value === 'string' ? value : ''}`;
        const hostile = text.match(/[A-Za-z_$][\w$]*/g)?.find((name) => HOSTILE_KEYS.has(name));
        if (hostile && !named.has(where.param)) {
          named.add(where.param);
          found.push({ path: [where.param], message: `The "${where.param}" parameter names "${hostile}", which is not a field` });
        }
        return where;
      }
      case 'branches':
        return { at: 'filters', uid: where.uid, depth: where.depth + 1 };
      case 'filters':
        return where.depth > MAX_FILTER_DEPTH || typeof key !== 'string' ? null : filterOn(where.uid, key, value, path, where.depth, found);
      case 'conditions': {
        if (typeof key !== 'string' || NO_VALUE.has(key) || where.depth > MAX_FILTER_DEPTH) return null;
        if (key === '$not' && value && typeof value === 'object') return { at: 'conditions', kind: where.kind, depth: where.depth + 1 };
        checkValues(where.kind, value, path, found);
        return null;
      }
    }
  };
  return step;
}

/**
 * Problems with a list or read query on the type `uid` (null: a route that is not about one
 * type), in one walk: prototype-named keys and NUL characters at any depth, `fields`, `sort` and
 * `populate` naming built-ins, and filter values that do not fit their field.
 */
export function checkQuery(lookup: SchemaLookup, uid: string | null, query: unknown): Problem[] {
  return walkInput<Where>(query, { at: 'query', uid }, queryRules(lookup, new Set()));
}

/**
 * The Content Manager's relations route: its query's hostile input, and `idsToOmit` and
 * `idsToInclude`, which are ids of the target type.
 */
export function checkRelationsQuery(query: unknown): Problem[] {
  const problems = findHostileInput(query);
  for (const param of ['idsToOmit', 'idsToInclude']) {
    const value = (query as Record<string, unknown> | undefined)?.[param];
    if (value === undefined) continue;
    const ids = Array.isArray(value) ? value : [value];
    if (!ids.every((id) => fits('id', id))) problems.push({ path: [param], message: `The items to ${param === 'idsToOmit' ? 'leave out' : 'include'} must be listed by their numbers (whole numbers)` });
  }
  return problems;
}
