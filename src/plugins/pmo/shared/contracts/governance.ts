/**
 * Governance's contract (DESIGN.md, Governance): the vocabulary of stage gates, the content types,
 * the permission names, and every route's input and answer. The server validates with these
 * schemas; the admin's client is typed from them.
 */
import type { Blocker, WorkflowState } from './workflow';
import { body, contract, documentIdParams, isoDay, noParams, noQuery, oneOf, pagination, pagingQuery, query, queryText, queryWholeNumber, reference, references, requiredText, says, text, wholeNumber, z } from './common';
import { codedRef, personRef, type CodedRef, type PersonRef } from './refs';

/* ---------------------------------------------------------------------------------------------
 * Vocabulary
 * -------------------------------------------------------------------------------------------*/

export const GATE_REVIEW_UID = 'plugin::pmo.gate-review';
export const GATE_CONDITION_UID = 'plugin::pmo.gate-condition';

export const GOVERNANCE_READ = 'plugin::pmo.governance.read';
export const GOVERNANCE_MANAGE = 'plugin::pmo.governance.manage';

/** Gate numbers and names after the OGC Gateway numbering. */
export const GATE_NUMBERS = [1, 2, 3, 4, 5] as const;
export type GateNumber = (typeof GATE_NUMBERS)[number];

export const GATE_NAMES: Record<GateNumber, string> = {
  1: 'business justification',
  2: 'delivery strategy',
  3: 'investment decision',
  4: 'readiness for service',
  5: 'benefits realisation',
};

export const GATE_DECISIONS = ['go', 'conditional-go', 'hold', 'recycle', 'stop'] as const;
export type GateDecision = (typeof GATE_DECISIONS)[number];

/** Decisions that let a project through its gate. */
export const PASSING_DECISIONS: GateDecision[] = ['go', 'conditional-go'];

export const MET = ['yes', 'no'] as const;
export type Met = (typeof MET)[number];

export const RAGS = ['green', 'amber', 'red'] as const;
export type Rag = (typeof RAGS)[number];

/** How often a project reports its status (the project's `reportingCadence`; default monthly). */
export const REPORTING_CADENCES = ['weekly', 'fortnightly', 'monthly'] as const;
export type ReportingCadence = (typeof REPORTING_CADENCES)[number];
export const DEFAULT_REPORTING_CADENCE: ReportingCadence = 'monthly';

/** Days after a status report's due date before it counts as late (docs/notifications.md). */
export const REPORT_GRACE_DAYS = 3;

/** The lifecycle states of a running project, whose status reports PMO Hub chases. */
export const RUNNING_STATES = ['initiating', 'planning', 'executing', 'closing'] as const;

/* ---------------------------------------------------------------------------------------------
 * Answers
 * -------------------------------------------------------------------------------------------*/

export { personRef, type PersonRef };

export type ProjectRef = CodedRef;

/** A checklist item as a review snapshots it; `key` is `<standard code>#<criterion position>`. */
export const checklistItem = z.object({
  key: z.string(),
  standard: z.string(),
  standardTitle: z.string(),
  standardVersion: z.string().nullable(),
  mandatory: z.boolean(),
  criterion: z.string(),
  mustMeet: z.boolean(),
  met: z.enum(MET).nullable(),
  notes: z.string().nullable(),
  /** Answered by the server from the facts (e.g. documents overdue for review), not by a person. */
  automatic: z.boolean().optional(),
});
export type ChecklistItem = z.infer<typeof checklistItem>;

export const gateCondition = z.object({
  documentId: z.string(),
  text: z.string(),
  owner: personRef.nullable(),
  dueDate: z.string().nullable(),
  done: z.boolean(),
  doneOn: z.string().nullable(),
  overdue: z.boolean(),
  gate: z.number().optional(),
  review: z.string().nullable().optional(),
});
export type GateCondition = z.infer<typeof gateCondition>;

export const gateReview = z.object({
  documentId: z.string(),
  project: codedRef.nullable(),
  gate: z.number(),
  gateName: z.string().nullable(),
  status: z.enum(['scheduled', 'held']),
  scheduledDate: z.string().nullable(),
  heldDate: z.string().nullable(),
  reviewers: z.array(personRef),
  checklist: z.array(checklistItem),
  decision: z.enum(GATE_DECISIONS).nullable(),
  decidedAt: z.string().nullable(),
  recordedBy: z.string().nullable(),
  notes: z.string().nullable(),
  conditions: z.array(gateCondition),
});
export type GateReview = z.infer<typeof gateReview>;

/** GET /pmo/gate-reviews: one page of the reviews the filters leave. */
export const gateReviewPage = z.object({ results: z.array(gateReview), pagination });
export type GateReviewPage = z.infer<typeof gateReviewPage>;

/** The review list's orders: by gate (the default; then as scheduled), or the newest scheduled first. */
export const GATE_REVIEW_SORTS = ['gate', 'newest'] as const;

/** A page of the review list when the address names no size. */
export const GATE_REVIEW_PAGE_SIZE = 25;

/** GET /pmo/gate-reviews filters, order and page. */
export const gateReviewQuery = query({
  /** A project's code or documentId. */
  project: queryText('project').optional(),
  gate: queryWholeNumber('gate', 1, 5).optional(),
  sort: z.enum(GATE_REVIEW_SORTS, { error: 'Sort by gate or newest' }).optional(),
  ...pagingQuery,
});
export type GateReviewQuery = z.output<typeof gateReviewQuery>;

export const boardTransition = z.object({
  key: z.string(),
  label: z.string(),
  to: z.string(),
  allowed: z.boolean(),
  requireComment: z.boolean(),
  blockers: z.array(z.custom<Blocker>()),
});
export type BoardTransition = z.infer<typeof boardTransition>;

const rag = z.enum(RAGS).nullable();

export const boardCard = z.object({
  documentId: z.string(),
  code: z.string(),
  name: z.string(),
  programme: codedRef.nullable(),
  manager: personRef.nullable(),
  state: z.object({ key: z.string().nullable(), name: z.string().nullable(), color: z.string().nullable() }),
  version: z.number().nullable(),
  heldFrom: z.string().nullable(),
  rag: z
    .object({ overall: rag, schedule: rag, cost: rag, scope: rag, percentComplete: z.number().nullable(), asOf: z.string().nullable() })
    .nullable(),
  nextGate: z
    .object({
      gate: z.number(),
      name: z.string(),
      targetState: z.string(),
      review: z.object({ documentId: z.string(), scheduledDate: z.string().nullable() }).nullable(),
      lastDecision: z
        .object({ documentId: z.string(), decision: z.enum(GATE_DECISIONS).nullable(), heldDate: z.string().nullable() })
        .nullable(),
    })
    .nullable(),
  conditions: z.object({ open: z.number(), overdue: z.array(gateCondition) }),
  transitions: z.array(boardTransition),
});
export type BoardCard = z.infer<typeof boardCard>;

export const board = z.object({
  today: z.string(),
  lifecycle: z
    .object({ key: z.string(), name: z.string(), version: z.number(), states: z.array(z.custom<WorkflowState>()) })
    .nullable(),
  /** The page's cards, in the order asked (`sort`). */
  projects: z.array(boardCard),
  /** How many projects match the filters in each state (by state key; no state yet: the initial one's). */
  counts: z.record(z.string(), z.number()),
  pagination,
  /** The manager filtered by (`?manager=`), named for the picker. */
  manager: personRef.nullable(),
});
export type Board = z.infer<typeof board>;

/** The board's RAG filter: a latest status report's overall RAG, or `none` for no report yet. */
export const BOARD_RAGS = [...RAGS, 'none'] as const;
export type BoardRag = (typeof BOARD_RAGS)[number];

/** The board's orders: by project code (the default), name, programme (then code) or lifecycle state (then code). */
export const BOARD_SORTS = ['code', 'name', 'programme', 'state'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

/** The board's default page size: a screen of cards. */
export const BOARD_PAGE_SIZE = 50;

/** The governance board's filters, each optional; they narrow together. One page of the cards at a time. */
export const boardQuery = query({
  /** A portfolio's projects (by documentId or code): the dashboard's figures click through with it. */
  portfolio: queryText('portfolio').optional(),
  programme: queryText('programme').optional(),
  state: queryText('state', 64).optional(),
  rag: z.enum(BOARD_RAGS, { error: 'Choose a RAG status: green, amber, red or none' }).optional(),
  manager: queryText('manager').optional(),
  /** The projects whose manager belongs to a department (its documentId). */
  department: queryText('department').optional(),
  q: queryText('q', 200).optional(),
  sort: z.enum(BOARD_SORTS, { error: 'Sort by code, name, programme or state' }).optional(),
  ...pagingQuery,
});
export type BoardQuery = z.infer<typeof boardQuery>;

export const projectGovernance = boardCard.extend({
  gates: z.array(z.object({ gate: z.number(), name: z.string(), targetState: z.string(), reviews: z.array(gateReview) })),
  allConditions: z.array(gateCondition),
});
export type ProjectGovernance = z.infer<typeof projectGovernance>;

/* ---------------------------------------------------------------------------------------------
 * Inputs
 * -------------------------------------------------------------------------------------------*/

const day = (field: string) => isoDay(field).nullable();

export const conditionInput = body({
  text: requiredText('text', 5000),
  dueDate: isoDay('dueDate'),
  owner: reference('owner', 'person'),
});
export type ConditionInput = z.infer<typeof conditionInput>;

export const checklistAnswer = body({
  key: requiredText('key', 255),
  met: z.enum(MET, { error: (issue) => says(issue.path ?? [], 'must be "yes", "no" or none (null)') }).nullable().optional(),
  notes: text('notes', 5000).nullable().optional(),
});
export type ChecklistAnswer = z.infer<typeof checklistAnswer>;

const reviewFields = {
  scheduledDate: day('scheduledDate').optional(),
  heldDate: day('heldDate').optional(),
  reviewers: references('reviewers', 'person', 50).optional(),
  notes: text('notes', 20000).nullable().optional(),
  decision: oneOf('decision', GATE_DECISIONS).nullable().optional(),
  checklist: z.array(checklistAnswer, { error: 'The checklist must be a list of answers' }).max(500, 'The checklist can hold at most 500 answers').optional(),
  conditions: z.array(conditionInput, { error: 'The conditions must be a list' }).max(50, 'A review can have at most 50 conditions').optional(),
};

export const reviewInput = body(reviewFields);
export type ReviewInput = z.infer<typeof reviewInput>;

export const scheduleInput = body({
  project: reference('project', 'project'),
  gate: wholeNumber('gate', 1, 5),
  ...reviewFields,
});
export type ScheduleInput = z.infer<typeof scheduleInput>;

export const conditionUpdate = body({
  done: z.boolean({ error: 'Say whether the condition is done (true or false)' }).optional(),
  dueDate: isoDay('dueDate').optional(),
  owner: reference('owner', 'person').optional(),
  text: requiredText('text', 5000).optional(),
});
export type ConditionUpdate = z.infer<typeof conditionUpdate>;

/* ---------------------------------------------------------------------------------------------
 * Routes
 * -------------------------------------------------------------------------------------------*/

export const governanceRoutes = {
  /** GET /pmo/governance/board */
  board: contract({ params: noParams, query: boardQuery }),
  /** GET /pmo/governance/projects/:documentId */
  project: contract({ params: documentIdParams, query: noQuery }),
  /** GET /pmo/gate-reviews */
  list: contract({ params: noParams, query: gateReviewQuery }),
  /** GET /pmo/gate-reviews/:documentId */
  get: contract({ params: documentIdParams, query: noQuery }),
  /** POST /pmo/gate-reviews */
  schedule: contract({ params: noParams, query: noQuery, body: scheduleInput }),
  /** PUT /pmo/gate-reviews/:documentId (project and gate are fixed once scheduled) */
  update: contract({ params: documentIdParams, query: noQuery, body: reviewInput }),
  /** PUT /pmo/gate-conditions/:documentId */
  updateCondition: contract({ params: documentIdParams, query: noQuery, body: conditionUpdate }),
};
