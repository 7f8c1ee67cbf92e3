/**
 * The portfolio dashboard's contract (DESIGN.md, "RAID, dashboard and reports"): its permission,
 * the filters `GET /pmo/dashboard` and `GET /pmo/exports/dashboard.xlsx` take, and the answer.
 * docs/dashboard.md defines every figure. Pure: no Strapi import.
 *
 * A section the caller may not read is `null` (not an empty list): finance figures need
 * finance.read, the heat map needs to read risks, and so on. Counts cover every project in scope;
 * each list holds its first DASHBOARD_LIST_LIMIT items in the order that matters most, with its
 * full count in `totals`, each item with `uid`, `documentId` and `title` and what the page shows
 * of it (the workbook export writes every item).
 */
import { contract, noParams, query, queryDay, queryText, z } from './common';
import { codedRef } from './refs';

/* ---------------------------------------------------------------------------------------------
 * Vocabulary
 * -------------------------------------------------------------------------------------------*/

/** See the portfolio dashboard and download it as XLSX (each section still needs its own read right). */
export const DASHBOARD_READ = 'plugin::pmo.dashboard.read';

/** Days ahead within which a scheduled gate review counts as upcoming (asOf included, asOf + 30 included). */
export const UPCOMING_REVIEW_DAYS = 30;

/** How many projects "the worst" lists. */
export const WORST_COUNT = 5;

/**
 * At most this many items in each list of the answer (and projects behind each CPI or SPI bar),
 * whatever the number of projects: the answer stays a few kilobytes at 10,000 projects. Counts
 * (`totals`, a bar's `count`) are over every item.
 */
export const DASHBOARD_LIST_LIMIT = 20;

/**
 * The CPI and SPI buckets, lowest first: `from` included, `to` excluded (null: unbounded). The
 * thresholds are finance's colours (red below 0.9, amber from 0.9 to 1, green at 1 or above),
 * with on-plan (0.95 to 1.05) told apart from well ahead.
 */
export const INDEX_BUCKETS = [
  { key: 'below-0.90', from: null, to: 0.9 },
  { key: '0.90-0.95', from: 0.9, to: 0.95 },
  { key: '0.95-1.05', from: 0.95, to: 1.05 },
  { key: 'from-1.05', from: 1.05, to: null },
  { key: 'none', from: null, to: null },
] as const;
export type IndexBucketKey = (typeof INDEX_BUCKETS)[number]['key'];

/** The bucket of an index (null: nothing to compare yet). */
export function indexBucket(value: number | null): IndexBucketKey {
  if (value === null) return 'none';
  for (const bucket of INDEX_BUCKETS) {
    if (bucket.key === 'none') continue;
    if ((bucket.from === null || value >= bucket.from) && (bucket.to === null || value < bucket.to)) return bucket.key;
  }
  return 'none';
}

export const RAG_COUNTS = ['green', 'amber', 'red', 'none'] as const;
export type RagCount = (typeof RAG_COUNTS)[number];

/* ---------------------------------------------------------------------------------------------
 * Input
 * -------------------------------------------------------------------------------------------*/

const key = (field: string, words: string) =>
  queryText(field, 64)
    .transform((value) => value.trim())
    .refine((value) => value !== '', { error: words });

/**
 * `?portfolio=|programme=&manager=&department=&asOf=`: a portfolio or a programme (by documentId
 * or code), not both; a manager (a person's documentId); a department (its documentId): the
 * projects whose manager belongs to it; the day the figures are as of (today when absent).
 */
export const dashboardQuery = query({
  portfolio: key('portfolio', 'Choose a portfolio').optional(),
  programme: key('programme', 'Choose a programme').optional(),
  manager: key('manager', 'Choose a manager').optional(),
  department: key('department', 'Choose a department').optional(),
  asOf: queryDay('asOf').optional(),
}).superRefine((value, ctx) => {
  if (value.portfolio && value.programme) {
    ctx.addIssue({ code: 'custom', path: ['programme'], message: 'Choose a portfolio or a programme, not both', input: value.programme });
  }
});
export type DashboardQuery = z.input<typeof dashboardQuery>;
export type DashboardFilters = z.output<typeof dashboardQuery>;

export const dashboardRoutes = {
  dashboard: contract({ params: noParams, query: dashboardQuery }),
  xlsx: contract({ params: noParams, query: dashboardQuery }),
};

/* ---------------------------------------------------------------------------------------------
 * Answer
 * -------------------------------------------------------------------------------------------*/

const item = z.object({ uid: z.string(), documentId: z.string(), title: z.string() });

const ragCounts = z.object({ green: z.number(), amber: z.number(), red: z.number(), none: z.number() });
export type RagCounts = z.infer<typeof ragCounts>;

export const stateCount = z.object({ state: z.string().nullable(), name: z.string(), color: z.string().nullable(), count: z.number() });
export type StateCount = z.infer<typeof stateCount>;

export const indexBucketCount = z.object({
  key: z.string(),
  from: z.number().nullable(),
  to: z.number().nullable(),
  count: z.number(),
  /** The bucket's first DASHBOARD_LIST_LIMIT projects (lowest index first, then code), for the list behind the bar. */
  projects: z.array(codedRef),
});
export type IndexBucketCount = z.infer<typeof indexBucketCount>;

export const worstProject = item.extend({ code: z.string(), cpi: z.number().nullable(), spi: z.number().nullable(), cv: z.string(), sv: z.string() });
export type WorstProject = z.infer<typeof worstProject>;

const placed = { project: codedRef.nullable(), programme: codedRef.nullable() };

export const criticalIssue = item.extend({
  ...placed,
  owner: z.string().nullable(),
  raisedOn: z.string().nullable(),
  targetDate: z.string().nullable(),
  overdue: z.boolean(),
});
export type CriticalIssue = z.infer<typeof criticalIssue>;

export const overdueItem = item.extend({
  kind: z.enum(['document', 'gate-condition']),
  ...placed,
  owner: z.string().nullable(),
  dueDate: z.string(),
  daysOverdue: z.number(),
  /** A gate condition's gate review (documentId), where it is seen and marked done. */
  review: z.string().nullable(),
});
export type OverdueItem = z.infer<typeof overdueItem>;

export const lateReport = item.extend({
  code: z.string(),
  manager: z.string().nullable(),
  cadence: z.string(),
  lastReport: z.string().nullable(),
  dueDate: z.string(),
  periodsLate: z.number(),
});
export type LateReport = z.infer<typeof lateReport>;

export const upcomingReview = item.extend({ project: codedRef.nullable(), gate: z.number(), scheduledDate: z.string() });
export type UpcomingReview = z.infer<typeof upcomingReview>;

export const lateDependency = item.extend({
  from: codedRef.nullable(),
  to: codedRef.nullable(),
  needBy: z.string(),
  daysLate: z.number(),
  status: z.string(),
});
export type LateDependency = z.infer<typeof lateDependency>;

/** The capped lists' full counts, each null where its list is (the caller may not read it). */
export const listTotals = z.object({
  criticalIssues: z.number().nullable(),
  overdueDocuments: z.number().nullable(),
  lateStatusReports: z.number().nullable(),
  upcomingGateReviews: z.number().nullable(),
  lateDependencies: z.number().nullable(),
});
export type ListTotals = z.infer<typeof listTotals>;

export const dashboardAnswer = z.object({
  asOf: z.string(),
  /** What the figures cover, as the filters named it. */
  scope: z.object({
    portfolio: codedRef.nullable(),
    programme: codedRef.nullable(),
    manager: z.object({ documentId: z.string(), fullName: z.string() }).nullable(),
    department: z.object({ documentId: z.string(), name: z.string() }).nullable(),
    /** The chosen portfolio's programmes (documentIds; empty without a portfolio filter): the page's links reach a portfolio's risks and issues through them. */
    programmes: z.array(z.string()),
    projects: z.number(),
  }),
  projectsByState: z.array(stateCount),
  /** Each project's latest status report on or before asOf; `previous`: the same one month earlier. */
  rag: ragCounts.extend({ previous: ragCounts.extend({ asOf: z.string() }) }).nullable(),
  evm: z
    .object({
      currency: z.string(),
      bac: z.string(),
      pv: z.string(),
      ev: z.string(),
      ac: z.string(),
      cpi: z.number().nullable(),
      spi: z.number().nullable(),
      distribution: z.object({ cpi: z.array(indexBucketCount), spi: z.array(indexBucketCount) }),
    })
    .nullable(),
  worst: z.array(worstProject).nullable(),
  heatmap: z.object({ cells: z.array(z.array(z.number())), total: z.number() }).nullable(),
  criticalIssues: z.array(criticalIssue).nullable(),
  overdueDocuments: z.array(overdueItem).nullable(),
  lateStatusReports: z.array(lateReport).nullable(),
  upcomingGateReviews: z.array(upcomingReview).nullable(),
  lateDependencies: z.array(lateDependency).nullable(),
  /** Each list's full count (the list holds at most DASHBOARD_LIST_LIMIT of them); null where the list is. */
  totals: listTotals,
});
export type DashboardAnswer = z.infer<typeof dashboardAnswer>;
export type DashboardEvm = NonNullable<DashboardAnswer['evm']>;
