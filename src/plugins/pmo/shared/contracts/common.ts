/**
 * The building blocks of every route contract (zod 4), shared by the server, which validates each
 * route's params, query and body with them, and the admin, which types its client from them.
 *
 * A problem is reported by its path (for machines) and in words a person can act on, naming the
 * field as a person would (shared/words.ts), never by its key: a schema may give its own message;
 * where it does not, `describeIssue` writes one ("Choose a project", "Action item 1 needs a text",
 * "The notes must be at most 20000 characters"). Pure: no Strapi import.
 */
import { z } from 'zod';
import { parseIsoDate } from '../calendar';
import { capitalise, fieldWords, listWords, needsWords, theField } from '../words';

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

/** `actionItems[0].text`: the path as written in the JSON (the error's `path` says it for machines). */
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
  boolean: 'yes or no (true or false)',
  array: 'a list',
  object: 'a set of fields',
  date: 'a date',
  bigint: 'a whole number',
};

const list = (values: ReadonlyArray<unknown>) => listWords(values.map((value) => (value === null ? 'none' : `"${String(value)}"`)));

type Issue = z.core.$ZodRawIssue;
type PathOf = { path?: PropertyKey[] };

/** What the whole input is called when a problem has no path. */
const wholeWords = (part: InputPart) => (part === 'query' ? 'the query' : part === 'params' ? 'the address' : 'the request');

/**
 * A sentence about a field, in words: `says(path, 'must be at most 200 characters')` → "The title
 * must be at most 200 characters", "The text of action item 1 must be …".
 */
export const says = (path: ReadonlyArray<PropertyKey>, words: string, part: InputPart = 'body') =>
  `${capitalise(theField(path, wholeWords(part)))} ${words}`;

/** The words for a value that is missing: "Give a title", "Action item 1 needs a text". */
export const needs = needsWords;

/** The words for a date that is not one, whatever was sent. */
export const dayWords = (path: ReadonlyArray<PropertyKey>) =>
  `Give ${theField(path, 'the date')} as a real day, written 2026-12-02 for 2 Dec 2026`;

/** The message for a problem the schema gave no words for, naming the field in words. */
export function describeIssue(issue: Issue, part: InputPart = 'body'): string {
  const path = (issue.path ?? []) as PropertyKey[];
  const about = (words: string) => says(path, words, part);
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined && path.length) return needs(path);
      const expected = String(issue.expected);
      if (!path.length && expected === 'object') return `${capitalise(wholeWords(part))} must be a JSON object`;
      return about(`must be ${TYPE_WORDS[expected] ?? expected}`);
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return about(`must be at most ${max} characters`);
      if (issue.origin === 'array' || issue.origin === 'set') return about(`can hold at most ${max}`);
      return about(`must be at most ${max}`);
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return min === '1' ? needs(path) : about(`must be at least ${min} characters`);
      if (issue.origin === 'array' || issue.origin === 'set') return about(`needs at least ${min}`);
      return about(`must be at least ${min}`);
    }
    case 'invalid_value':
      return about(`must be one of ${list(issue.values)}`);
    // unrecognized_keys: problemsOf reports each unknown key at its own path, in its own words.
    case 'invalid_format':
      return about('is not written as expected');
    case 'not_multiple_of':
      return about(`must be a multiple of ${String(issue.divisor)}`);
    case 'invalid_union':
      return about('is not one of the accepted forms');
    default:
      return about('is not valid');
  }
}

/**
 * A key the contract does not know, named as the client sent it (it is the client's word, not
 * PMO Hub's): 'This request has no field "colour"', 'Condition 1 has no field "colour"'.
 */
function unknownKeyMessage(key: string, path: PropertyKey[], part: InputPart): string {
  const where = path.length ? capitalise(theField(path)) : part === 'query' ? 'This address' : 'This request';
  return `${where} has no ${part === 'query' ? 'query parameter' : 'field'} "${key}"`;
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

/**
 * The words of a helper's problem: the path where the problem lies names the field (so a helper
 * used inside a list says "the due date of condition 2"); `field`, its key, stands in when a
 * schema is parsed on its own.
 */
const pathOr = (issue: PathOf, field: string): PropertyKey[] => (issue.path?.length ? issue.path : field.split('.'));
const saying = (field: string, words: string) => (issue: PathOf) => says(pathOr(issue, field), words);
const missing = (field: string, verb: 'Give' | 'Choose' = 'Give') => (issue: PathOf) => needs(pathOr(issue, field), verb);

/** A date field: a real day written YYYY-MM-DD. */
export const isoDay = (field: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? missing(field)(issue) : dayWords(pathOr(issue, field))) })
    .refine(isIsoDay, { error: (issue) => dayWords(pathOr(issue, field)) });

/** Free text up to `max` characters. */
export const text = (field: string, max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? missing(field)(issue) : saying(field, 'must be text')(issue)) })
    .max(max, { error: saying(field, `must be at most ${max} characters`) });

/** Text that must say something. */
export const requiredText = (field: string, max: number) => text(field, max).trim().min(1, { error: missing(field) });

/**
 * A reference to a stored item by its documentId (or, where a route says so, its code). Words for
 * a person, whatever is wrong: "Choose a project" ("Condition 1 needs an owner" inside a list),
 * not the identifier's format.
 */
export const reference = (field: string, what = field) => {
  const choose = (issue: PathOf) => (issue.path?.length ? needs(issue.path, 'Choose') : needs([], 'Choose', fieldWords(what)));
  return z.string({ error: choose }).min(1, { error: choose }).max(255, { error: choose });
};

/** A list of references, at most `max`. */
export const references = (field: string, what: string, max: number) =>
  z.array(reference(field, what), { error: saying(field, 'must be a list') }).max(max, { error: saying(field, `can hold at most ${max}`) });

/** A whole number in a range, in a JSON body. */
export const wholeNumber = (field: string, min: number, max: number) => {
  const error = saying(field, `must be a whole number from ${min} to ${max}`);
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

/** One of a fixed list of keys. */
export const oneOf = <const T extends readonly [string, ...string[]]>(field: string, values: T) =>
  z.enum(values, { error: saying(field, `must be one of ${list(values)}`) });

/* ---------------------------------------------------------------------------------------------
 * Query strings and path parameters: every value arrives as text
 * -------------------------------------------------------------------------------------------*/

/** A query parameter given once, as text (a repeated `?a=1&a=2` arrives as a list and is refused). */
export const queryOnce = (field: string) => z.string({ error: saying(field, 'must be given once, as text') });

/** A query parameter given once, as text of at most `max` characters. */
export const queryText = (field: string, max = 255) => queryOnce(field).max(max, { error: saying(field, `must be at most ${max} characters`) });

/** A whole number in a query string: `?gate=3`. */
export const queryWholeNumber = (field: string, min: number, max: number) =>
  queryText(field, 16)
    .regex(/^\d+$/, { error: saying(field, `must be a whole number from ${min} to ${max}`) })
    .transform(Number)
    .pipe(wholeNumber(field, min, max));

/** The most rows one page of a list answers (DESIGN.md "Search and lists"). */
export const MAX_PAGE_SIZE = 100;

/** `?page=&pageSize=` of a list route: the page (from 1) and its size (at most 100). */
export const pagingQuery = {
  page: queryWholeNumber('page', 1, 1000000).optional(),
  pageSize: queryWholeNumber('pageSize', 1, MAX_PAGE_SIZE).optional(),
};

/** The page a list route answers when the query names none: the first, of 25. */
export const DEFAULT_PAGE_SIZE = 25;

/** The page asked for, with the defaults, and the rows it skips: what a list route's SQL offsets by. */
export function pageOf(query: { page?: number; pageSize?: number }, defaultSize = DEFAULT_PAGE_SIZE) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? defaultSize;
  return { page, pageSize, offset: (page - 1) * pageSize, limit: pageSize };
}

/** What a list route answers beside its page: `{ page, pageSize, total }`. */
export const pagination = z.object({ page: z.number(), pageSize: z.number(), total: z.number() });
export type Pagination = z.infer<typeof pagination>;

/** A date in a query string. */
export const queryDay = (field: string) => queryText(field, 10).refine(isIsoDay, { error: (issue) => dayWords(pathOr(issue, field)) });

/** `true` or `false` in a query string. */
export const queryBoolean = (field: string) =>
  z.enum(['true', 'false'], { error: saying(field, 'must be true or false') }).transform((value) => value === 'true');

/** A query string with exactly these parameters, all optional unless the shape says otherwise. */
export const query = <S extends z.core.$ZodLooseShape>(shape: S) => z.strictObject(shape);

/** A route that takes no query parameters. */
export const noQuery = z.strictObject({});

/** A route with no path parameters. */
export const noParams = z.object({});

/** `/:documentId` routes: the item's documentId. */
export const documentIdParams = z.object({
  documentId: z
    .string()
    .min(1, 'The address names no item')
    .max(255, 'The address names no item')
    // A control character (%00) names nothing, and PostgreSQL refuses it in a text comparison.
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), { error: 'The address names no item' }),
});

/** A JSON body with exactly these fields. */
export const body = <S extends z.core.$ZodLooseShape>(shape: S) => z.strictObject(shape);
