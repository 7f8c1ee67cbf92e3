/**
 * Change control's contract (DESIGN.md, Change control): the vocabulary of change requests, the
 * permission names, and every route's input and answer. The server validates with these schemas;
 * the admin's client is typed from them. Money in answers is a decimal string ("1234.50"), except
 * `impact.cost`, which is minor units ("123450") as stored and as a raise sends it.
 */
import { checkMinorUnits, minorUnitsRule } from '../money';
import { body, contract, documentIdParams, noParams, noQuery, oneOf, pagination, pagingQuery, query, queryBoolean, queryText, queryWholeNumber, reference, text, z } from './common';
import { CHANGE_REQUEST_UID } from './uids';
import { codedRef, type CodedRef } from './refs';

/* ---------------------------------------------------------------------------------------------
 * Vocabulary
 * -------------------------------------------------------------------------------------------*/

export { CHANGE_REQUEST_UID };

/** The workflow change requests follow (server/src/change-control/change-control.json). */
export const CHANGE_CONTROL_WORKFLOW = 'change-control';

export const CHANGE_CONTROL_READ = 'plugin::pmo.change-control.read';
export const CHANGE_CONTROL_RAISE = 'plugin::pmo.change-control.raise';

/** ITIL change types: standard changes are pre-authorised, emergency ones skip assessment. */
export const CHANGE_TYPES = ['normal', 'standard', 'emergency'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** PRINCE2 issue categories. */
export const CHANGE_CATEGORIES = ['request-for-change', 'off-specification', 'problem'] as const;
export type ChangeCategory = (typeof CHANGE_CATEGORIES)[number];

export const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const SEVERITIES = ['minor', 'moderate', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Who decides a change, from its cost impact (server/src/change-control/authority.ts). */
export const AUTHORITY_LEVELS = ['project-manager', 'change-board', 'pmo-director'] as const;
export type AuthorityLevel = (typeof AUTHORITY_LEVELS)[number];

/** What the deciding transition records (effect `recordDecision`). */
export const CHANGE_DECISIONS = ['approved', 'rejected', 'deferred'] as const;
export type ChangeDecision = (typeof CHANGE_DECISIONS)[number];

/** Where the change authority limit comes from: the programme, the configuration, or the default. */
export const LIMIT_SOURCES = ['programme', 'configuration', 'default'] as const;
export type LimitSource = (typeof LIMIT_SOURCES)[number];

/**
 * The states the seeded change-control workflow has. The workflow is data (an administrator may
 * add states), so a state in an answer or a filter is any state key, not one of these.
 */
export const CHANGE_STATES = ['new', 'assess', 'authorize', 'scheduled', 'implement', 'review', 'closed', 'canceled'] as const;

/* ---------------------------------------------------------------------------------------------
 * Answers
 * -------------------------------------------------------------------------------------------*/


export const changePersonRef = z.object({ documentId: z.string(), fullName: z.string() });
export type ChangePersonRef = z.infer<typeof changePersonRef>;

/** GET /pmo/change-requests: one item. */
export const changeRequestSummary = z.object({
  documentId: z.string(),
  reference: z.string().nullable(),
  title: z.string(),
  type: z.enum(CHANGE_TYPES),
  category: z.enum(CHANGE_CATEGORIES),
  priority: z.enum(PRIORITIES).nullable(),
  /** The workflow state's key; null before the change joined the workflow. */
  state: z.string().nullable(),
  project: codedRef.nullable(),
  raisedBy: changePersonRef.nullable(),
  /** Decimal string, e.g. "1234.50"; null while not assessed. */
  costImpact: z.string().nullable(),
  scheduleDays: z.number().nullable(),
  authorityLevel: z.enum(AUTHORITY_LEVELS).nullable(),
  decision: z.enum(CHANGE_DECISIONS).nullable(),
  decisionDate: z.string().nullable(),
  createdAt: z.string().nullable(),
  /** Whole days since it was raised. */
  ageDays: z.number(),
});
export type ChangeRequestSummary = z.infer<typeof changeRequestSummary>;

/** GET /pmo/change-requests: one page of the change requests the filters leave, in the order asked. */
export const changeRequestPage = z.object({
  results: z.array(changeRequestSummary),
  pagination,
  /** The project filtered by (`?project=`, by code or documentId), named for the picker; null without one or when none matches. */
  project: codedRef.nullable(),
});
export type ChangeRequestPage = z.infer<typeof changeRequestPage>;

export const changeImpact = z.object({
  /** Minor units ("123450"), as stored. */
  cost: z.string().nullable(),
  scheduleDays: z.number().nullable(),
  scope: z.string().nullable(),
  quality: z.string().nullable(),
  risk: z.string().nullable(),
  benefits: z.string().nullable(),
});
export type ChangeImpact = z.infer<typeof changeImpact>;

/** Who decides the change and why, with the figures the decision rests on (decimal strings). */
export const changeAuthority = z.object({
  /** As recorded (when it was raised or went for authorisation). */
  level: z.enum(AUTHORITY_LEVELS).nullable(),
  /** As the project's budget and tolerance stand now. */
  levelNow: z.enum(AUTHORITY_LEVELS).nullable(),
  explanation: z.string(),
  budgetAtCompletion: z.string(),
  costPercent: z.number(),
  costTolerance: z.string(),
  changeAuthorityLimit: z.string(),
  limitSource: z.enum(LIMIT_SOURCES),
});
export type ChangeAuthority = z.infer<typeof changeAuthority>;

/** GET /pmo/change-requests/:documentId (and the answer to a raise). */
export const changeRequestDetail = changeRequestSummary.extend({
  description: z.string().nullable(),
  reason: z.string().nullable(),
  severity: z.enum(SEVERITIES).nullable(),
  impact: changeImpact.nullable(),
  options: z.string().nullable(),
  recommendation: z.string().nullable(),
  conditions: z.string().nullable(),
  decidedBy: z.array(changePersonRef),
  authority: changeAuthority.nullable(),
  changeBudget: z.object({ remaining: z.string(), shortfall: z.string().nullable() }).nullable(),
  /** The remaining change budget once this change is authorised; null once it has drawn (or has no cost impact yet). */
  changeBudgetAfter: z.string().nullable(),
  /** The `change` budget line its authorisation added, or null. */
  budgetLine: z.object({ documentId: z.string(), period: z.string(), amount: z.string() }).nullable(),
});
export type ChangeRequestDetail = z.infer<typeof changeRequestDetail>;

/* ---------------------------------------------------------------------------------------------
 * Inputs
 * -------------------------------------------------------------------------------------------*/

const COST_RULE =
  'The cost impact must be a whole number of cents, zero or more, as text ("123450" for 1,234.50); record savings under the benefits';

/** A cost impact in minor units, written as a string of digits, up to the largest amount PMO Hub keeps. */
const cost = z.string({ error: COST_RULE }).superRefine((value, ctx) => {
  const checked = /^\d+$/.test(value) ? checkMinorUnits(value) : null;
  if (checked?.ok) return;
  ctx.addIssue({ code: 'custom', message: checked?.problem === 'above' ? `The cost impact ${minorUnitsRule('above')}` : COST_RULE });
});

const DAYS_RULE = 'The schedule impact must be a whole number of days';
const DAYS_RANGE = 'The schedule impact must be between -3650 and 3650 days';

export const impactInput = body({
  cost: cost.nullable().optional(),
  scheduleDays: z.number({ error: DAYS_RULE }).int(DAYS_RULE).min(-3650, DAYS_RANGE).max(3650, DAYS_RANGE).nullable().optional(),
  scope: text('impact.scope', 5000).nullable().optional(),
  quality: text('impact.quality', 5000).nullable().optional(),
  risk: text('impact.risk', 5000).nullable().optional(),
  benefits: text('impact.benefits', 5000).nullable().optional(),
});
export type ImpactInput = z.infer<typeof impactInput>;

/** A field PMO Hub sets itself: refused with the reason when a client sends it. */
const setByPmoHub = (why: string) => z.never({ error: why }).optional();

/**
 * POST /pmo/change-requests. Who raises it is never taken from the body: it is the acting admin's
 * person; the reference and the authority level are PMO Hub's to set.
 */
export const raiseInput = body({
  project: reference('project', 'project'),
  title: text('title', 200).refine((value) => value.trim() !== '', 'Give a title'),
  type: oneOf('type', CHANGE_TYPES).optional(),
  category: oneOf('category', CHANGE_CATEGORIES).optional(),
  description: text('description', 20000).nullable().optional(),
  reason: text('reason', 20000).nullable().optional(),
  priority: oneOf('priority', PRIORITIES).optional(),
  severity: oneOf('severity', SEVERITIES).optional(),
  impact: impactInput.optional(),
  raisedBy: setByPmoHub('Who raised it is not sent: PMO Hub records you (the person with your email) as the person who raised it'),
  reference: setByPmoHub('The reference is not sent: PMO Hub numbers the change request when it is raised'),
  authorityLevel: setByPmoHub('The authority level is not sent: PMO Hub works it out from the cost impact'),
});
export type RaiseInput = z.infer<typeof raiseInput>;

/**
 * The list's orders: newest first (the default), oldest first, by reference, by title, by state
 * (its key), or the highest cost impact first (those not yet assessed last). Ties: newest first.
 */
export const CHANGE_REQUEST_SORTS = ['newest', 'oldest', 'reference', 'title', 'state', 'cost'] as const;
export type ChangeRequestSort = (typeof CHANGE_REQUEST_SORTS)[number];

/** A page of the change-request list when the address names no size: a screen of rows. */
export const CHANGE_REQUEST_PAGE_SIZE = 25;

/** GET /pmo/change-requests filters, order and page. */
export const changeRequestFilters = query({
  /** A project's code or documentId. */
  project: queryText('project').optional(),
  /** A workflow state's key. */
  state: queryText('state', 64).optional(),
  type: oneOf('type', CHANGE_TYPES).optional(),
  /** Only those raised at least this many days ago. */
  olderThanDays: queryWholeNumber('olderThanDays', 0, 99999).optional(),
  /** `true`: only those not yet in a terminal state of the change-control workflow (closed, cancelled). */
  open: queryBoolean('open').optional(),
  sort: z.enum(CHANGE_REQUEST_SORTS, { error: 'Sort by newest, oldest, reference, title, state or cost' }).optional(),
  ...pagingQuery,
});
/** The filters as the server reads them (olderThanDays a number). */
export type ChangeRequestFilters = z.output<typeof changeRequestFilters>;
/** The filters as the address carries them (every value text). */
export type ChangeRequestFilterParams = Partial<Record<keyof ChangeRequestFilters, string>>;

/* ---------------------------------------------------------------------------------------------
 * Routes
 * -------------------------------------------------------------------------------------------*/

export const changeControlRoutes = {
  /** GET /pmo/change-requests */
  list: contract({ params: noParams, query: changeRequestFilters }),
  /** GET /pmo/change-requests/:documentId */
  get: contract({ params: documentIdParams, query: noQuery }),
  /** POST /pmo/change-requests */
  raise: contract({ params: noParams, query: noQuery, body: raiseInput }),
};
