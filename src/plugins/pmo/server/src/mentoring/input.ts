/**
 * Input of the mentoring routes, checked at the edge: every problem names its field, nothing
 * unknown slips through. Pure; the controller turns problems into a 400. Rules that need stored
 * facts (is this a focus competency, an open item of the relationship) are the service's.
 */
import { ACTION_ITEM_OWNERS, type ActionItemInput, type ActionItemOwner } from './action-items';
import { isIsoDate, todayIso } from '../platform/dates';
import type { Problem } from './problems';

export const RELATIONSHIP_STATUSES = ['active', 'paused', 'completed'] as const;
export type RelationshipStatus = (typeof RELATIONSHIP_STATUSES)[number];

export const MAX_RATING = 5;
export const MIN_RATING = 1;

export type RatingInput = { competency: string; rating: number };

export type SessionInput = {
  relationship?: string;
  date?: string;
  durationMinutes?: number;
  topics?: string | null;
  ratings?: RatingInput[];
  sharedNotes?: string | null;
  confidentialNotes?: string | null;
  actionItems?: ActionItemInput[];
  revision?: number;
};

export type RelationshipInput = {
  mentor?: string;
  mentee?: string;
  goals?: string | null;
  focusCompetencies?: string[];
  startDate?: string;
  endDate?: string | null;
  status?: RelationshipStatus;
};

type Parsed<T> = { value: T; problems: Problem[] };
type Mode = 'create' | 'update';
type Body = Record<string, unknown>;

const isObject = (value: unknown): value is Body => !!value && typeof value === 'object' && !Array.isArray(value);
const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

class Checker {
  problems: Problem[] = [];

  fail(path: string, message: string) {
    this.problems.push({ path, message: `${path} ${message}` });
  }

  unknownKeys(body: Body, allowed: readonly string[], prefix = '') {
    for (const key of Object.keys(body)) {
      if (!allowed.includes(key)) this.fail(`${prefix}${key}`, `is not a field here (expected ${allowed.join(', ')})`);
    }
  }

  required(body: Body, key: string, mode: Mode) {
    if (mode === 'create' && (body[key] === undefined || body[key] === null || body[key] === '')) {
      this.fail(key, 'is required');
      return false;
    }
    return body[key] !== undefined;
  }

  documentId(value: unknown, path: string) {
    if (typeof value !== 'string' || value.length === 0 || value.length > 64) {
      this.fail(path, 'must be a documentId (a non-empty string)');
      return undefined;
    }
    return value;
  }

  text(value: unknown, path: string, max: number) {
    if (value === null) return null;
    if (typeof value !== 'string') {
      this.fail(path, 'must be text');
      return undefined;
    }
    if (value.length > max) {
      this.fail(path, `must be at most ${max} characters`);
      return undefined;
    }
    return value;
  }

  date(value: unknown, path: string) {
    if (!isIsoDate(value)) {
      this.fail(path, 'must be a date written YYYY-MM-DD');
      return undefined;
    }
    return value;
  }

  optionalDate(value: unknown, path: string) {
    if (value === null || value === '') return null;
    return this.date(value, path);
  }
}

const SESSION_FIELDS = [
  'relationship',
  'date',
  'durationMinutes',
  'topics',
  'ratings',
  'sharedNotes',
  'confidentialNotes',
  'actionItems',
  'revision',
] as const;
const RATING_FIELDS = ['competency', 'rating'] as const;
/** `doneAt`, `carriedFrom` and `carriedTo` are the server's; a form may echo them back unchanged. */
const ACTION_ITEM_FIELDS = ['id', 'text', 'owner', 'dueDate', 'done', 'doneAt', 'carriedFrom', 'carriedTo'] as const;

export const MAX_RATINGS = 50;
export const MAX_ACTION_ITEMS = 100;

function parseRatings(check: Checker, value: unknown): RatingInput[] | undefined {
  if (value === null) return [];
  if (!Array.isArray(value)) {
    check.fail('ratings', 'must be a list of { competency, rating }');
    return undefined;
  }
  if (value.length > MAX_RATINGS) check.fail('ratings', `must hold at most ${MAX_RATINGS} ratings`);
  const seen = new Set<string>();
  const ratings: RatingInput[] = [];
  value.forEach((raw, index) => {
    const path = `ratings[${index}]`;
    if (!isObject(raw)) {
      check.fail(path, 'must be { competency, rating }');
      return;
    }
    check.unknownKeys(raw, RATING_FIELDS, `${path}.`);
    const competency = check.documentId(raw.competency, `${path}.competency`);
    const rating = raw.rating;
    if (!isWhole(rating) || rating < MIN_RATING || rating > MAX_RATING) {
      check.fail(`${path}.rating`, `must be a whole number from ${MIN_RATING} to ${MAX_RATING}`);
      return;
    }
    if (competency === undefined) return;
    if (seen.has(competency)) {
      check.fail(`${path}.competency`, 'is rated twice in this session');
      return;
    }
    seen.add(competency);
    ratings.push({ competency, rating });
  });
  return ratings;
}

function parseActionItems(check: Checker, value: unknown): ActionItemInput[] | undefined {
  if (value === null) return [];
  if (!Array.isArray(value)) {
    check.fail('actionItems', 'must be a list of { text, owner, dueDate, done }');
    return undefined;
  }
  if (value.length > MAX_ACTION_ITEMS) check.fail('actionItems', `must hold at most ${MAX_ACTION_ITEMS} items`);
  const items: ActionItemInput[] = [];
  value.forEach((raw, index) => {
    const path = `actionItems[${index}]`;
    if (!isObject(raw)) {
      check.fail(path, 'must be { text, owner, dueDate, done }');
      return;
    }
    check.unknownKeys(raw, ACTION_ITEM_FIELDS, `${path}.`);
    const before = check.problems.length;
    const id = raw.id === undefined || raw.id === null ? undefined : check.documentId(raw.id, `${path}.id`);
    const text = typeof raw.text === 'string' ? raw.text.trim() : raw.text;
    if (typeof text !== 'string' || text.length === 0) check.fail(`${path}.text`, 'is required');
    else if (text.length > 1000) check.fail(`${path}.text`, 'must be at most 1000 characters');
    const owner = raw.owner === undefined ? 'mentee' : raw.owner;
    if (!ACTION_ITEM_OWNERS.includes(owner as ActionItemOwner)) check.fail(`${path}.owner`, 'must be "mentor" or "mentee"');
    const dueDate = raw.dueDate === undefined ? null : check.optionalDate(raw.dueDate, `${path}.dueDate`);
    const done = raw.done === undefined ? false : raw.done;
    if (typeof done !== 'boolean') check.fail(`${path}.done`, 'must be true or false');
    if (check.problems.length > before) return;
    items.push({ ...(id ? { id } : {}), text: text as string, owner: owner as ActionItemOwner, dueDate: dueDate ?? null, done: done as boolean });
  });
  return items;
}

export function parseSessionInput(body: unknown, mode: Mode): Parsed<SessionInput> {
  const check = new Checker();
  if (!isObject(body)) {
    check.fail('body', 'must be a mentoring session object');
    return { value: {}, problems: check.problems };
  }
  check.unknownKeys(body, SESSION_FIELDS);
  const value: SessionInput = {};
  if (check.required(body, 'relationship', mode)) value.relationship = check.documentId(body.relationship, 'relationship');
  if (check.required(body, 'date', mode)) value.date = check.date(body.date, 'date');
  if (check.required(body, 'durationMinutes', mode)) {
    const minutes = body.durationMinutes;
    if (!isWhole(minutes) || minutes < 1 || minutes > 1440) {
      check.fail('durationMinutes', 'must be a whole number of minutes from 1 to 1440');
    } else value.durationMinutes = minutes;
  }
  if (body.topics !== undefined) value.topics = check.text(body.topics, 'topics', 2000);
  if (body.sharedNotes !== undefined) value.sharedNotes = check.text(body.sharedNotes, 'sharedNotes', 20000);
  if (body.confidentialNotes !== undefined) {
    value.confidentialNotes = check.text(body.confidentialNotes, 'confidentialNotes', 20000);
  }
  if (body.ratings !== undefined) value.ratings = parseRatings(check, body.ratings);
  if (body.actionItems !== undefined) value.actionItems = parseActionItems(check, body.actionItems);
  if (body.revision !== undefined) {
    if (mode === 'create') check.fail('revision', 'is only for changes to an existing session');
    else if (!isWhole(body.revision) || body.revision < 1) check.fail('revision', 'must be a whole number from 1');
    else value.revision = body.revision;
  }
  return { value: strip(value), problems: check.problems };
}

const RELATIONSHIP_FIELDS = ['mentor', 'mentee', 'goals', 'focusCompetencies', 'startDate', 'endDate', 'status'] as const;
export const MAX_FOCUS_COMPETENCIES = 10;

export function parseRelationshipInput(body: unknown, mode: Mode): Parsed<RelationshipInput> {
  const check = new Checker();
  if (!isObject(body)) {
    check.fail('body', 'must be a mentoring relationship object');
    return { value: {}, problems: check.problems };
  }
  check.unknownKeys(body, RELATIONSHIP_FIELDS);
  const value: RelationshipInput = {};
  if (check.required(body, 'mentor', mode)) value.mentor = check.documentId(body.mentor, 'mentor');
  if (check.required(body, 'mentee', mode)) value.mentee = check.documentId(body.mentee, 'mentee');
  if (value.mentor && value.mentee && value.mentor === value.mentee) check.fail('mentee', 'must be someone other than the mentor');
  if (body.goals !== undefined) value.goals = check.text(body.goals, 'goals', 5000);
  if (body.focusCompetencies !== undefined) {
    const list = body.focusCompetencies === null ? [] : body.focusCompetencies;
    if (!Array.isArray(list)) check.fail('focusCompetencies', 'must be a list of competency documentIds');
    else if (list.length > MAX_FOCUS_COMPETENCIES) check.fail('focusCompetencies', `must hold at most ${MAX_FOCUS_COMPETENCIES} competencies`);
    else {
      const ids = list.map((id, index) => check.documentId(id, `focusCompetencies[${index}]`));
      if (ids.every((id): id is string => id !== undefined)) value.focusCompetencies = [...new Set(ids)];
    }
  }
  if (check.required(body, 'startDate', mode)) value.startDate = check.date(body.startDate, 'startDate');
  if (body.endDate !== undefined) value.endDate = check.optionalDate(body.endDate, 'endDate');
  if (body.status !== undefined) {
    if (!RELATIONSHIP_STATUSES.includes(body.status as RelationshipStatus)) {
      check.fail('status', `must be one of ${RELATIONSHIP_STATUSES.join(', ')}`);
    } else value.status = body.status as RelationshipStatus;
  }
  return { value: strip(value), problems: check.problems };
}

/** An end date before the start date is a problem named on endDate. */
export function datesProblems(startDate: string | null, endDate: string | null): Problem[] {
  if (startDate && endDate && endDate < startDate) {
    return [{ path: 'endDate', message: `endDate must be on or after startDate (${startDate})` }];
  }
  return [];
}

/** Drops keys whose value failed to parse (undefined), so a partial update never clears them. */
function strip<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

// ---- query strings -------------------------------------------------------------------------

type Query = Record<string, unknown>;

function single(check: Checker, query: Query, key: string): string | undefined {
  const value = query[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') {
    check.fail(key, 'must be given once, as text');
    return undefined;
  }
  return value;
}

function oneOf<T extends string>(check: Checker, query: Query, key: string, allowed: readonly T[], fallback: T): T {
  const value = single(check, query, key);
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) {
    check.fail(key, `must be one of ${allowed.join(', ')}`);
    return fallback;
  }
  return value as T;
}

function period(check: Checker, query: Query) {
  const from = single(check, query, 'from');
  const to = single(check, query, 'to');
  const parsed = { from: from === undefined ? null : check.date(from, 'from') ?? null, to: to === undefined ? null : check.date(to, 'to') ?? null };
  if (parsed.from && parsed.to && parsed.to < parsed.from) check.fail('to', `must be on or after from (${parsed.from})`);
  return parsed;
}

function knownKeys(check: Checker, query: Query, allowed: readonly string[]) {
  for (const key of Object.keys(query)) {
    if (!allowed.includes(key)) check.fail(key, `is not a parameter here (expected ${allowed.join(', ')})`);
  }
}

export type RelationshipListQuery = { as: 'any' | 'mentor' | 'mentee'; status: RelationshipStatus | null };

export function parseRelationshipListQuery(query: Query): Parsed<RelationshipListQuery> {
  const check = new Checker();
  knownKeys(check, query, ['as', 'status']);
  const as = oneOf(check, query, 'as', ['any', 'mentor', 'mentee'] as const, 'any');
  const status = single(check, query, 'status');
  if (status !== undefined && !RELATIONSHIP_STATUSES.includes(status as RelationshipStatus)) {
    check.fail('status', `must be one of ${RELATIONSHIP_STATUSES.join(', ')}`);
  }
  const value = { as, status: status && RELATIONSHIP_STATUSES.includes(status as RelationshipStatus) ? (status as RelationshipStatus) : null };
  return { value, problems: check.problems };
}

export type SessionSearchQuery = { q: string | null; relationship: string | null; from: string | null; to: string | null; limit: number };

export function parseSessionSearchQuery(query: Query): Parsed<SessionSearchQuery> {
  const check = new Checker();
  knownKeys(check, query, ['q', 'relationship', 'from', 'to', 'limit']);
  const q = single(check, query, 'q');
  if (q !== undefined && q.length > 200) check.fail('q', 'must be at most 200 characters');
  const relationship = single(check, query, 'relationship') ?? null;
  const { from, to } = period(check, query);
  const rawLimit = single(check, query, 'limit');
  let limit = 50;
  if (rawLimit !== undefined) {
    if (!/^\d+$/.test(rawLimit) || Number(rawLimit) < 1 || Number(rawLimit) > 200) check.fail('limit', 'must be a whole number from 1 to 200');
    else limit = Number(rawLimit);
  }
  return { value: { q: q?.trim() || null, relationship, from, to, limit }, problems: check.problems };
}

export type RatingsQuery = { relationship: string | null; mentee: string | null };

export function parseRatingsQuery(query: Query): Parsed<RatingsQuery> {
  const check = new Checker();
  knownKeys(check, query, ['relationship', 'mentee']);
  const relationship = single(check, query, 'relationship') ?? null;
  const mentee = single(check, query, 'mentee') ?? null;
  if (check.problems.length === 0 && (relationship === null) === (mentee === null)) {
    check.fail('relationship', 'or mentee is required (exactly one of them)');
  }
  return { value: { relationship, mentee }, problems: check.problems };
}

export type ActionItemsQuery = { status: 'open' | 'overdue'; asOf: string; relationship: string | null };

export function parseActionItemsQuery(query: Query, now: Date = new Date()): Parsed<ActionItemsQuery> {
  const check = new Checker();
  knownKeys(check, query, ['status', 'asOf', 'relationship']);
  const status = oneOf(check, query, 'status', ['open', 'overdue'] as const, 'open');
  const rawAsOf = single(check, query, 'asOf');
  const asOf = rawAsOf === undefined ? todayIso(now) : check.date(rawAsOf, 'asOf') ?? todayIso(now);
  const relationship = single(check, query, 'relationship') ?? null;
  return { value: { status, asOf, relationship }, problems: check.problems };
}

export type HoursQuery = { from: string | null; to: string | null; mentor: string | null };
export type HoursExportQuery = HoursQuery & { delimiter: ',' | ';'; bom: boolean };

export function parseHoursQuery(query: Query): Parsed<HoursQuery> {
  const check = new Checker();
  knownKeys(check, query, ['from', 'to', 'mentor']);
  const { from, to } = period(check, query);
  const mentor = single(check, query, 'mentor') ?? null;
  return { value: { from, to, mentor }, problems: check.problems };
}

export function parseHoursExportQuery(query: Query): Parsed<HoursExportQuery> {
  const check = new Checker();
  knownKeys(check, query, ['from', 'to', 'mentor', 'delimiter', 'bom']);
  const { from, to } = period(check, query);
  const mentor = single(check, query, 'mentor') ?? null;
  const delimiter = oneOf(check, query, 'delimiter', [',', ';'] as const, ',');
  const bom = oneOf(check, query, 'bom', ['0', '1', 'true', 'false'] as const, '0');
  return { value: { from, to, mentor, delimiter, bom: bom === '1' || bom === 'true' }, problems: check.problems };
}

export type TickInput = { done: boolean };

export function parseTickInput(body: unknown): Parsed<TickInput> {
  const check = new Checker();
  if (!isObject(body)) {
    check.fail('body', 'must be { done: true | false }');
    return { value: { done: false }, problems: check.problems };
  }
  check.unknownKeys(body, ['done']);
  if (typeof body.done !== 'boolean') check.fail('done', 'must be true or false');
  return { value: { done: body.done === true }, problems: check.problems };
}
