/**
 * The building blocks of every route contract (zod 4), shared by the server, which validates each
 * route's params, query and body with them, and the admin, which types its client from them.
 *
 * A problem is reported by its path and in words that name the field: a schema may give its own
 * message; where it does not, `describeIssue` writes one ("gate must be a whole number", "notes
 * must be at most 20000 characters", "unknown field colour"). Pure: no Strapi import.
 */
import { z } from 'zod';
import { parseIsoDate } from '../calendar';

export { z };

/** Where a value came from: the words for an unknown key differ ("field" in a body, "parameter" in a query). */
export type InputPart = 'params' | 'query' | 'body';

export type Problem = { path: Array<string | number>; message: string };

/** A route's input: its path parameters, its query string and (for POST and PUT) its body. */
export type RouteContract = {
  params: z.ZodType;
  query: z.ZodType;
  body?: z.ZodType;
};

/** What a route's handler receives once its contract accepted the request. */
export type RouteInput<C extends RouteContract> = {
  params: z.output<C['params']>;
  query: z.output<C['query']>;
  body: C['body'] extends z.ZodType ? z.output<C['body']> : undefined;
};

/** A route's contract, checked by TypeScript to have the three parts. */
export const contract = <C extends RouteContract>(parts: C): C => parts;

/* ---------------------------------------------------------------------------------------------
 * Words for problems
 * -------------------------------------------------------------------------------------------*/

/** `actionItems[0].text`: the path as a person who wrote the JSON would read it. */
export function pathLabel(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' || /^\d+$/.test(String(segment)) ? `[${String(segment)}]` : index ? `.${String(segment)}` : String(segment)
    )
    .join('');
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
  bigint: 'a whole number',
};

const list = (values: ReadonlyArray<unknown>) => values.map((value) => (value === null ? 'null' : String(value))).join(', ');

type Issue = z.core.$ZodRawIssue;

/** The message for a problem the schema gave no words for, naming the field by its path. */
export function describeIssue(issue: Issue, part: InputPart = 'body'): string {
  const path = (issue.path ?? []) as PropertyKey[];
  const field = path.length ? pathLabel(path) : part === 'query' ? 'the query' : part === 'params' ? 'the address' : 'the request body';
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return `${field} is required`;
      const expected = String(issue.expected);
      if (!path.length && expected === 'object') return `${field} must be a JSON object`;
      return `${field} must be ${TYPE_WORDS[expected] ?? expected}`;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `${field} must be at most ${max} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${field}: at most ${max}`;
      return `${field} must be at most ${max}`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return min === '1' ? `${field} must not be empty` : `${field} must be at least ${min} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${field}: at least ${min}`;
      return `${field} must be at least ${min}`;
    }
    case 'invalid_value':
      return `${field} must be one of ${list(issue.values)}`;
    // unrecognized_keys: problemsOf reports each unknown key at its own path, in its own words.
    case 'invalid_format':
      return `${field} is not written as expected`;
    case 'not_multiple_of':
      return `${field} must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_union':
      return `${field} is not one of the accepted forms`;
    default:
      return `${field} is not valid`;
  }
}

/** "unknown field: colour", "unknown field in conditions[0]: colour", "unknown query parameter: sort". */
function unknownKeyMessage(key: string, path: PropertyKey[], part: InputPart): string {
  const where = path.length ? ` in ${pathLabel(path)}` : '';
  return `unknown ${part === 'query' ? 'query parameter' : 'field'}${where}: ${key}`;
}

/** Every problem of a failed parse, one per field: an unknown key is reported at its own path. */
export function problemsOf(error: z.ZodError, part: InputPart = 'body'): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ path: [...path, key], message: unknownKeyMessage(key, path, part) });
    } else {
      problems.push({ path, message: issue.message });
    }
  }
  return problems;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Parse with the contract's words: the schema's own messages first, `describeIssue` for the rest. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, part: InputPart = 'body'): Parsed<z.output<S>> {
  const result = schema.safeParse(value, { error: (issue) => describeIssue(issue, part) });
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: problemsOf(result.error, part) };
}

/* ---------------------------------------------------------------------------------------------
 * Pieces every contract uses
 * -------------------------------------------------------------------------------------------*/

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export const isIsoDay = (value: unknown): value is string => parseIsoDate(value) !== null;

/** A date field: a real day written YYYY-MM-DD. */
export const isoDay = (field: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be a date written YYYY-MM-DD`) })
    .refine(isIsoDay, `${field} must be a real date written YYYY-MM-DD`);

/** Free text up to `max` characters. */
export const text = (field: string, max: number) =>
  z.string({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be text`) })
    .max(max, `${field} must be at most ${max} characters`);

/** Text that must say something. */
export const requiredText = (field: string, max: number) => text(field, max).trim().min(1, `${field} must not be empty`);

/**
 * A reference to a stored item by its documentId (or, where a route says so, its code). Words for
 * a person: "project is required", not the identifier's format.
 */
export const reference = (field: string, what = field) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${field} is required (choose a ${what})` : `${field} must name a ${what}`) })
    .min(1, `${field} is required (choose a ${what})`)
    .max(255, `${field} must name a ${what}`);

/** A list of references, at most `max`. */
export const references = (field: string, what: string, max: number) =>
  z.array(reference(field, what), { error: `${field} must be a list` }).max(max, `${field}: at most ${max}`);

/** A whole number in a range, in a JSON body. */
export const wholeNumber = (field: string, min: number, max: number) =>
  z
    .number({ error: `${field} must be a whole number from ${min} to ${max}` })
    .int(`${field} must be a whole number from ${min} to ${max}`)
    .min(min, `${field} must be a whole number from ${min} to ${max}`)
    .max(max, `${field} must be a whole number from ${min} to ${max}`);

/** One of a fixed list of keys. */
export const oneOf = <const T extends readonly [string, ...string[]]>(field: string, values: T) =>
  z.enum(values, { error: `${field} must be one of ${values.join(', ')}` });

/* ---------------------------------------------------------------------------------------------
 * Query strings and path parameters: every value arrives as text
 * -------------------------------------------------------------------------------------------*/

/** A query parameter given once, as text (a repeated `?a=1&a=2` arrives as a list and is refused). */
export const queryOnce = (field: string) => z.string({ error: `${field} must be given once, as text` });

/** A query parameter given once, as text of at most `max` characters. */
export const queryText = (field: string, max = 255) => queryOnce(field).max(max, `${field} must be at most ${max} characters`);

/** A whole number in a query string: `?gate=3`. */
export const queryWholeNumber = (field: string, min: number, max: number) =>
  queryText(field, 16)
    .regex(/^\d+$/, `${field} must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(wholeNumber(field, min, max));

/** A date in a query string. */
export const queryDay = (field: string) => queryText(field, 10).refine(isIsoDay, `${field} must be a real date written YYYY-MM-DD`);

/** `true` or `false` in a query string. */
export const queryBoolean = (field: string) =>
  z.enum(['true', 'false'], { error: `${field} must be true or false` }).transform((value) => value === 'true');

/** A query string with exactly these parameters, all optional unless the shape says otherwise. */
export const query = <S extends z.core.$ZodLooseShape>(shape: S) => z.strictObject(shape);

/** A route that takes no query parameters. */
export const noQuery = z.strictObject({});

/** A route with no path parameters. */
export const noParams = z.object({});

/** `/:documentId` routes: the item's documentId. */
export const documentIdParams = z.object({
  documentId: z.string().min(1, 'the address names no item').max(255, 'the address names no item'),
});

/** A JSON body with exactly these fields. */
export const body = <S extends z.core.$ZodLooseShape>(shape: S) => z.strictObject(shape);
