/**
 * "My work" (DESIGN.md "Notifications and scheduled work"): `GET /pmo/my-work` answers what waits
 * for the signed-in person — votes, reviews to hold, conditions, documents to review, reports to
 * write, action items — each with its due date, overdue first. The server gathers it from the
 * work sources capabilities register (server/src/platform/notices.ts); the My work page and the
 * home widget are typed from this file.
 */
import { contract, noParams, pagination, pagingQuery, query, z } from './common';

/** Permission action: every PMO role reads its own work (a super admin holds every action). */
export const MY_WORK_READ = 'plugin::pmo.my-work.read';

/** The kinds of work, each named in words on the page. */
export const WORK_KINDS = ['vote', 'gate-review', 'gate-condition', 'document-review', 'status-report', 'action-item', 'allocation', 'risk', 'dependency'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

export const WORK_KIND_NAMES: Record<WorkKind, string> = {
  vote: 'Vote waiting',
  'gate-review': 'Gate review to hold',
  'gate-condition': 'Gate condition to meet',
  'document-review': 'Document to review',
  'status-report': 'Status report to write',
  'action-item': 'Action item',
  allocation: 'Allocation to approve',
  risk: 'Risk above tolerance',
  dependency: 'Late dependency',
};

export const workItem = z.object({
  kind: z.enum(WORK_KINDS),
  title: z.string(),
  /** `YYYY-MM-DD`, or null when it has no date. */
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  uid: z.string(),
  documentId: z.string(),
  /** The admin path that opens the item, e.g. `/admin/plugins/pmo/change-requests/abc`. */
  url: z.string(),
});
export type WorkItemAnswer = z.infer<typeof workItem>;

/** A page of 50 unless `pageSize` says otherwise (at most 100, as every list). */
export const MY_WORK_PAGE_SIZE = 50;

export const myWorkQuery = query({ ...pagingQuery });
export type MyWorkQuery = z.infer<typeof myWorkQuery>;

/**
 * One page of the work, overdue first; `pagination.total` counts all of it and `overdue` how many
 * of all of it are overdue (so a page or widget can say "37 items wait, 12 overdue" from one page).
 */
export const myWorkAnswer = z.object({ results: z.array(workItem), pagination, overdue: z.number() });
export type MyWorkAnswer = z.infer<typeof myWorkAnswer>;

export const myWorkRoutes = {
  /** GET /pmo/my-work?page=&pageSize= */
  myWork: contract({ params: noParams, query: myWorkQuery }),
};
