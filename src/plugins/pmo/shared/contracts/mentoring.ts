/**
 * Mentoring's contract: the vocabulary of relationships, sessions, ratings and action items, the
 * content types, the permission, and every route's input and answer. The server validates with
 * these schemas; the admin's client and forms are typed and checked by them.
 *
 * Messages name the field in words, where it lies ("The rating of rating 1 must be a whole number
 * from 1 to 5", "Action item 1 needs a text"); the problem's path names it for machines. Rules that need stored facts (is this a focus competency of the
 * relationship, an open item of it, a person of the directory) are the service's.
 */
import { isIsoDay, body, contract, dayWords, documentIdParams, needs, noParams, noQuery, pagination, pagingQuery, query, queryBoolean, says, z, type Problem } from './common';
import { formatDay } from '../calendar';
import { pathWords } from '../words';
import { personRef } from './refs';

export { personRef, type PersonRef } from './refs';

/* ---------------------------------------------------------------------------------------------
 * Vocabulary
 * -------------------------------------------------------------------------------------------*/

export const COMPETENCY_UID = 'plugin::pmo.competency';
export const RELATIONSHIP_UID = 'plugin::pmo.mentoring-relationship';
export const SESSION_UID = 'plugin::pmo.mentoring-session';

export const MENTORING_USE = 'plugin::pmo.mentoring.use';

export const RELATIONSHIP_STATUSES = ['active', 'paused', 'completed'] as const;
export type RelationshipStatus = (typeof RELATIONSHIP_STATUSES)[number];

/** Why a viewer sees a relationship. */
export const STANDINGS = ['mentor', 'mentee', 'oversight'] as const;
export type Standing = (typeof STANDINGS)[number];

export const ACTION_ITEM_OWNERS = ['mentor', 'mentee'] as const;
export type ActionItemOwner = (typeof ACTION_ITEM_OWNERS)[number];

/** A competency is rated 1 (just starting) to 5 (a role model). */
export const MIN_RATING = 1;
export const MAX_RATING = 5;
export const RATINGS = [1, 2, 3, 4, 5] as const;

export const MAX_RATINGS = 50;
export const MAX_ACTION_ITEMS = 100;
export const MAX_FOCUS_COMPETENCIES = 10;
export const MAX_DURATION_MINUTES = 1440;

/** Whose relationships a list shows: every one the viewer sees, those they mentor, are mentored in, or either (`mine`). */
export const LIST_AS = ['any', 'mentor', 'mentee', 'mine'] as const;
export const ACTION_ITEM_STATUSES = ['open', 'overdue'] as const;

/* ---------------------------------------------------------------------------------------------
 * Answers
 * -------------------------------------------------------------------------------------------*/

export const competencyRef = z.object({ documentId: z.string(), key: z.string(), name: z.string() });
export type CompetencyRef = z.infer<typeof competencyRef>;

export const competency = competencyRef.extend({ description: z.string().nullable(), position: z.number(), active: z.boolean() });
export type Competency = z.infer<typeof competency>;

/** What the viewer may do with a relationship (visibility rules). */
const may = z.boolean();
export const relationshipPermissions = z.object({ seeConfidentialNotes: may, logSessions: may, tickActionItems: may, manage: may, remove: may });
export type RelationshipPermissions = z.infer<typeof relationshipPermissions>;

export const relationshipSummary = z.object({
  sessions: z.number(),
  minutes: z.number(),
  lastSessionDate: z.string().nullable(),
  openActionItems: z.number(),
  overdueActionItems: z.number(),
});
export type RelationshipSummary = z.infer<typeof relationshipSummary>;

export const mentoringRelationship = z.object({
  documentId: z.string(),
  mentor: personRef.nullable(),
  mentee: personRef.nullable(),
  goals: z.string().nullable(),
  focusCompetencies: z.array(competencyRef),
  startDate: z.string(),
  endDate: z.string().nullable(),
  status: z.enum(RELATIONSHIP_STATUSES),
  myRole: z.enum(STANDINGS),
  permissions: relationshipPermissions,
  summary: relationshipSummary,
});
export type MentoringRelationship = z.infer<typeof mentoringRelationship>;

/** GET /relationships: a page of the relationships the viewer sees, the latest started first. */
export const relationshipPage = z.object({ results: z.array(mentoringRelationship), pagination });
export type RelationshipPage = z.infer<typeof relationshipPage>;

/** An action item as stored on the session that agreed it. */
export const actionItem = z.object({
  id: z.string(),
  text: z.string(),
  owner: z.enum(ACTION_ITEM_OWNERS),
  dueDate: z.string().nullable(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  /** The session (documentId) this item was carried from. */
  carriedFrom: z.string().nullable(),
  /** The later session it was carried to: no longer open here. */
  carriedTo: z.string().nullable(),
});
export type ActionItem = z.infer<typeof actionItem>;

export const actionItemView = actionItem.extend({ overdue: z.boolean() });
export type ActionItemView = z.infer<typeof actionItemView>;

/** A session; `confidentialNotes` is absent (not empty) unless the viewer is the mentor, the mentee or a PMO director. */
export const mentoringSession = z.object({
  documentId: z.string(),
  relationship: z.string(),
  date: z.string(),
  durationMinutes: z.number(),
  topics: z.string().nullable(),
  ratings: z.array(z.object({ competency: competencyRef, rating: z.number() })),
  sharedNotes: z.string().nullable(),
  confidentialNotes: z.string().nullable().optional(),
  actionItems: z.array(actionItemView),
  revision: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MentoringSession = z.infer<typeof mentoringSession>;
/** GET /sessions: one page of the sessions the viewer sees, newest first. */
export const sessionPage = z.object({ results: z.array(mentoringSession), pagination });
export type SessionPage = z.infer<typeof sessionPage>;

export const timeline = z.object({ relationship: z.string(), sessions: z.array(mentoringSession) });
export type Timeline = z.infer<typeof timeline>;

export const ratingInput = z.object({ competency: z.string(), rating: z.number() });
export type RatingInput = z.infer<typeof ratingInput>;

/** GET /relationships/:id/next-session: a draft to edit and POST, the open action items carried forward. */
export const nextSession = z.object({
  relationship: z.string(),
  lastSession: z.object({ documentId: z.string(), date: z.string(), durationMinutes: z.number() }).nullable(),
  focusCompetencies: z.array(
    z.object({ competency: competencyRef, previous: z.object({ rating: z.number(), date: z.string() }).nullable() })
  ),
  draft: z.object({
    relationship: z.string(),
    date: z.string(),
    durationMinutes: z.number(),
    topics: z.string().nullable(),
    ratings: z.array(ratingInput),
    sharedNotes: z.string().nullable(),
    confidentialNotes: z.string().nullable(),
    actionItems: z.array(actionItem.pick({ id: true, text: true, owner: true, dueDate: true, done: true, carriedFrom: true })),
  }),
});
export type NextSession = z.infer<typeof nextSession>;

export const ratingPoint = z.object({ date: z.string(), session: z.string(), relationship: z.string(), rating: z.number() });
export type RatingPoint = z.infer<typeof ratingPoint>;

export const ratingSeries = z.object({
  competency: competencyRef,
  /** A focus competency of (one of) the relationship(s); others appear when they were rated. */
  focus: z.boolean(),
  points: z.array(ratingPoint),
  first: z.number().nullable(),
  latest: z.number().nullable(),
  change: z.number().nullable(),
});
export type RatingSeries = z.infer<typeof ratingSeries>;

export const ratings = z.object({ relationships: z.array(z.string()), series: z.array(ratingSeries) });
export type Ratings = z.infer<typeof ratings>;

export const actionItemRow = actionItemView.extend({
  session: z.object({ documentId: z.string(), date: z.string() }),
  ownerPerson: personRef.nullable(),
  relationship: z.object({ documentId: z.string(), mentor: personRef.nullable(), mentee: personRef.nullable(), status: z.enum(RELATIONSHIP_STATUSES) }),
});
export type ActionItemRow = z.infer<typeof actionItemRow>;

export const actionItemReport = z.object({ asOf: z.string(), status: z.enum(ACTION_ITEM_STATUSES), items: z.array(actionItemRow), pagination });
export type ActionItemReport = z.infer<typeof actionItemReport>;

export const hoursRow = z.object({ quarter: z.string(), mentor: personRef, sessions: z.number(), minutes: z.number(), hours: z.string() });
export type HoursRow = z.infer<typeof hoursRow>;

export const hoursReport = z.object({ from: z.string().nullable(), to: z.string().nullable(), rows: z.array(hoursRow), pagination, mostMinutes: z.number() });
export type HoursReport = z.infer<typeof hoursReport>;

export const mentoringMe = z.object({
  /** The people (by email) that are the signed-in user. */
  people: z.array(personRef),
  /** PMO managers and directors (and super admins) oversee every relationship. */
  seesAllRelationships: z.boolean(),
  seesConfidentialNotesOfOthers: z.boolean(),
});
export type MentoringMe = z.infer<typeof mentoringMe>;

/* ---------------------------------------------------------------------------------------------
 * Words for problems: the path, then what is wrong with it
 * -------------------------------------------------------------------------------------------*/

type Issue = { path?: PropertyKey[]; input?: unknown; code?: string };

/** "The rating of rating 1 must be …", whatever the value was. */
const at = (words: string) => (issue: Issue) => says(issue.path ?? [], words);

const isMissing = (issue: Issue) => issue.input === undefined || issue.input === null || issue.input === '';

/** A required field: "Give a date", "Action item 1 needs a text" when it is missing, null or blank, else the words. */
const needed = (words: string | ((issue: Issue) => string), verb: 'Give' | 'Choose' = 'Give') => (issue: Issue) =>
  isMissing(issue) ? needs(issue.path ?? [], verb) : typeof words === 'string' ? at(words)(issue) : words(issue);

/** A person, a relationship or a competency, chosen: "Choose a mentor", "Rating 1 needs a competency". */
const chosen = (issue: Issue) => needs(issue.path ?? [], 'Choose');
const dayAt = (issue: Issue) => dayWords(issue.path ?? []);

/** The words for an element that is not an object; other problems of the object keep their own. */
const shape = (words: string) => (issue: Issue) => (issue.code === 'invalid_type' ? at(words)(issue) : undefined);

const MINUTES = `must be a whole number of minutes from 1 to ${MAX_DURATION_MINUTES}`;
const RATING = `must be a whole number from ${MIN_RATING} to ${MAX_RATING}`;

const documentId = (error: (issue: Issue) => string = chosen) => z.string({ error }).min(1, { error }).max(64, { error });
const day = (error: (issue: Issue) => string = dayAt) => z.string({ error }).refine(isIsoDay, { error });
/** A date that may be cleared: null or '' is none. */
const dayOrNone = () => z.preprocess((value) => (value === '' ? null : value), day().nullable());
const words = (max: number) =>
  z.string({ error: at('must be text') }).max(max, { error: at(`must be at most ${max} characters`) }).nullable();
const whole = (min: number, max: number, error: (issue: Issue) => string) =>
  z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
/** A list where null means an empty one. */
const listOrNone = <S extends z.ZodType>(list: S) => list.nullable().transform((value) => value ?? []);

/* ---------------------------------------------------------------------------------------------
 * Inputs: sessions
 * -------------------------------------------------------------------------------------------*/

const rating = z.strictObject(
  { competency: documentId(), rating: whole(MIN_RATING, MAX_RATING, needed(RATING)) },
  { error: shape('must give a competency and a rating') }
);

const ratingList = z
  .array(rating, { error: at('must be a list of ratings, each a competency and a rating') })
  .max(MAX_RATINGS, { error: `A session can hold at most ${MAX_RATINGS} ratings` })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach(({ competency }, index) => {
      if (seen.has(competency)) {
        ctx.addIssue({ code: 'custom', path: [index, 'competency'], message: `Rating ${index + 1} rates a competency already rated in this session` });
      }
      seen.add(competency);
    });
  });

/**
 * An action item as a client sends it: an `id` names an existing item (to change it, or to carry
 * it forward). `doneAt`, `carriedFrom` and `carriedTo` are the server's; a form may echo them back
 * unchanged, and they are dropped.
 */
const actionItemInputSchema = z
  .strictObject(
    {
      id: z.preprocess((value) => (value === null ? undefined : value), documentId().optional()),
      text: z.string({ error: needed('must be text') }).trim().min(1, { error: needed('must be text') }).max(1000, { error: at('must be at most 1000 characters') }),
      owner: z.enum(ACTION_ITEM_OWNERS, { error: at('must be the mentor or the mentee ("mentor" or "mentee")') }).default('mentee'),
      dueDate: dayOrNone().default(null),
      done: z.boolean({ error: (issue) => `Say whether ${pathWords(issue.path ?? []).owner ?? 'the action item'} is done (true or false)` }).default(false),
      doneAt: z.string().max(64).nullable().optional(),
      carriedFrom: z.string().max(64).nullable().optional(),
      carriedTo: z.string().max(64).nullable().optional(),
    },
    { error: shape('must give a text, an owner, a due date and whether it is done') }
  )
  .transform(({ id, text, owner, dueDate, done }) => ({ ...(id === undefined ? {} : { id }), text, owner, dueDate, done }));
export type ActionItemInput = z.output<typeof actionItemInputSchema>;

const actionItemList = z
  .array(actionItemInputSchema, { error: at('must be a list of action items') })
  .max(MAX_ACTION_ITEMS, { error: `A session can hold at most ${MAX_ACTION_ITEMS} action items` });

const sessionDetails = {
  topics: words(2000).optional(),
  ratings: listOrNone(ratingList).optional(),
  sharedNotes: words(20000).optional(),
  confidentialNotes: words(20000).optional(),
  actionItems: listOrNone(actionItemList).optional(),
};

export const sessionCreate = body({
  relationship: documentId(chosen),
  date: day(needed(dayAt)),
  durationMinutes: whole(1, MAX_DURATION_MINUTES, needed(MINUTES)),
  ...sessionDetails,
  revision: z.never({ error: 'A new session has no revision: it is only for changes to an existing session' }).optional(),
});
export type SessionCreate = z.output<typeof sessionCreate>;

/** A change to a session: only what is given changes; `revision` (the one read) refuses a stale edit with 409. */
export const sessionUpdate = body({
  relationship: documentId(chosen).optional(),
  date: day(needed(dayAt)).optional(),
  durationMinutes: whole(1, MAX_DURATION_MINUTES, needed(MINUTES)).optional(),
  ...sessionDetails,
  revision: whole(1, Number.MAX_SAFE_INTEGER, () => 'The revision you loaded must be a whole number from 1').optional(),
});
export type SessionUpdate = z.output<typeof sessionUpdate>;

export const tickInput = body({ done: z.boolean({ error: 'Say whether the action item is done (true or false)' }) });
export type TickInput = z.output<typeof tickInput>;

/* ---------------------------------------------------------------------------------------------
 * Inputs: relationships
 * -------------------------------------------------------------------------------------------*/

/** An end date before the start date is a problem named on endDate. */
export function endsBeforeStart(startDate: string | null | undefined, endDate: string | null | undefined): Problem[] {
  if (startDate && endDate && endDate < startDate) {
    return [{ path: ['endDate'], message: `The end date must be on or after the start date (${formatDay(startDate)})` }];
  }
  return [];
}

type RelationshipDraft = { mentor?: string; mentee?: string; startDate?: string; endDate?: string | null };

function relationshipRules(value: RelationshipDraft, ctx: z.RefinementCtx) {
  if (value.mentor && value.mentee && value.mentor === value.mentee) {
    ctx.addIssue({ code: 'custom', path: ['mentee'], message: 'Choose a mentee other than the mentor' });
  }
  for (const problem of endsBeforeStart(value.startDate, value.endDate)) ctx.addIssue({ code: 'custom', ...problem });
}

const focusList = z
  .array(documentId(), { error: at('must be a list of competencies') })
  .max(MAX_FOCUS_COMPETENCIES, { error: at(`must hold at most ${MAX_FOCUS_COMPETENCIES} competencies`) })
  .transform((ids) => [...new Set(ids)]);

const relationshipDetails = {
  goals: words(5000).optional(),
  focusCompetencies: listOrNone(focusList).optional(),
  endDate: dayOrNone().optional(),
  status: z.enum(RELATIONSHIP_STATUSES, { error: at(`must be one of ${RELATIONSHIP_STATUSES.join(', ')}`) }).optional(),
};

export const relationshipCreate = body({
  mentor: documentId(chosen),
  mentee: documentId(chosen),
  startDate: day(needed(dayAt)),
  ...relationshipDetails,
}).superRefine(relationshipRules);
export type RelationshipCreate = z.output<typeof relationshipCreate>;

/** Mentor and mentee may be sent (a form echoes them) but not changed: the service refuses a change. */
export const relationshipUpdate = body({
  mentor: documentId(chosen).optional(),
  mentee: documentId(chosen).optional(),
  startDate: day(needed(dayAt)).optional(),
  ...relationshipDetails,
}).superRefine(relationshipRules);
export type RelationshipUpdate = z.output<typeof relationshipUpdate>;

/* ---------------------------------------------------------------------------------------------
 * Inputs: query strings (a parameter left empty, `?status=`, reads as not given)
 * -------------------------------------------------------------------------------------------*/

const param = <S extends z.ZodType>(schema: S) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
const once = (max = 255) =>
  z.string({ error: at('must be given once, as text') }).max(max, { error: at(`must be at most ${max} characters`) });
const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: at(`must be one of ${values.join(', ')}`) });
const queryDay = () => once(10).refine(isIsoDay, { error: dayAt });

const period = { from: param(queryDay()), to: param(queryDay()) };
function periodRule(value: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (value.from && value.to && value.to < value.from) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `The end of the period must be on or after its start (${formatDay(value.from)})` });
  }
}

const relationshipListQuery = query({ as: param(choice(LIST_AS)), status: param(choice(RELATIONSHIP_STATUSES)), ...pagingQuery }).transform(
  ({ as, status, page, pageSize }) => ({ as: as ?? 'any', status: status ?? null, page, pageSize })
);
export type RelationshipListQuery = z.output<typeof relationshipListQuery>;

/** Paged like every list (`page`, `pageSize` up to 100; the old `limit` is gone). */
const sessionSearchQuery = query({
  q: param(once(200)),
  relationship: param(once()),
  ...period,
  ...pagingQuery,
})
  .superRefine(periodRule)
  .transform(({ q, relationship, from, to, ...page }) => ({ q: q?.trim() || null, relationship: relationship ?? null, from: from ?? null, to: to ?? null, ...page }));
export type SessionSearchQuery = z.output<typeof sessionSearchQuery>;

const ratingsQuery = query({ relationship: param(once()), mentee: param(once()) })
  .superRefine((value, ctx) => {
    if ((value.relationship === undefined) === (value.mentee === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['relationship'], message: 'Choose a relationship or a mentee (one of them, not both)' });
    }
  })
  .transform(({ relationship, mentee }) => ({ relationship: relationship ?? null, mentee: mentee ?? null }));
export type RatingsQuery = z.output<typeof ratingsQuery>;

/** `asOf` not given: today, as the service reads it. */
const actionItemsQuery = query({ status: param(choice(ACTION_ITEM_STATUSES)), asOf: param(queryDay()), relationship: param(once()), ...pagingQuery }).transform(
  ({ status, asOf, relationship, page, pageSize }) => ({ status: status ?? 'open', asOf: asOf ?? null, relationship: relationship ?? null, page, pageSize })
);
export type ActionItemsQuery = z.output<typeof actionItemsQuery>;

const hoursFields = { ...period, mentor: param(once()) };
const hoursOf = ({ from, to, mentor }: { from?: string; to?: string; mentor?: string }) => ({ from: from ?? null, to: to ?? null, mentor: mentor ?? null });

const hoursQuery = query({ ...hoursFields, ...pagingQuery }).superRefine(periodRule).transform((value) => ({ ...hoursOf(value), page: value.page, pageSize: value.pageSize }));
export type HoursQuery = z.output<typeof hoursQuery>;

const hoursExportQuery = query({ ...hoursFields, delimiter: param(choice([',', ';'])), bom: param(choice(['0', '1', 'true', 'false'])) })
  .superRefine(periodRule)
  .transform((value) => ({ ...hoursOf(value), delimiter: value.delimiter ?? ',', bom: value.bom === '1' || value.bom === 'true' }));
export type HoursExportQuery = z.output<typeof hoursExportQuery>;

/* ---------------------------------------------------------------------------------------------
 * Routes (admin, under /pmo/mentoring; every one needs plugin::pmo.mentoring.use)
 * -------------------------------------------------------------------------------------------*/

const itemParams = documentIdParams.extend({ itemId: z.string().min(1, 'The address names no action item').max(255, 'The address names no action item') });

export const mentoringRoutes = {
  me: contract({ params: noParams, query: noQuery }), // GET /me
  competencies: contract({ params: noParams, query: query({ active: param(queryBoolean('active')) }) }), // GET /competencies
  listRelationships: contract({ params: noParams, query: relationshipListQuery }), // GET /relationships
  createRelationship: contract({ params: noParams, query: noQuery, body: relationshipCreate }), // POST /relationships
  getRelationship: contract({ params: documentIdParams, query: noQuery }), // GET /relationships/:documentId
  updateRelationship: contract({ params: documentIdParams, query: noQuery, body: relationshipUpdate }), // PUT /relationships/:documentId
  deleteRelationship: contract({ params: documentIdParams, query: noQuery }), // DELETE /relationships/:documentId
  timeline: contract({ params: documentIdParams, query: noQuery }), // GET /relationships/:documentId/timeline
  nextSession: contract({ params: documentIdParams, query: noQuery }), // GET /relationships/:documentId/next-session
  ratings: contract({ params: noParams, query: ratingsQuery }), // GET /ratings
  searchSessions: contract({ params: noParams, query: sessionSearchQuery }), // GET /sessions
  createSession: contract({ params: noParams, query: noQuery, body: sessionCreate }), // POST /sessions
  getSession: contract({ params: documentIdParams, query: noQuery }), // GET /sessions/:documentId
  updateSession: contract({ params: documentIdParams, query: noQuery, body: sessionUpdate }), // PUT /sessions/:documentId
  deleteSession: contract({ params: documentIdParams, query: noQuery }), // DELETE /sessions/:documentId
  tickActionItem: contract({ params: itemParams, query: noQuery, body: tickInput }), // PUT /sessions/:documentId/action-items/:itemId
  actionItems: contract({ params: noParams, query: actionItemsQuery }), // GET /action-items
  hours: contract({ params: noParams, query: hoursQuery }), // GET /reports/hours
  hoursCsv: contract({ params: noParams, query: hoursExportQuery }), // GET /exports/hours.csv
};
