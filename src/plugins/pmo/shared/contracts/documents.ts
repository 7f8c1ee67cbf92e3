/**
 * Document review's contract (DESIGN.md, Compliance): a document's review state, review cycle and
 * versions, read through `/pmo/documents/:documentId/review`; a review recorded there; a new
 * version made through `/pmo/documents/:documentId/versions`. The state itself (and `status`,
 * kept equal to it) changes only through the `document-review` workflow's transitions
 * (`POST /pmo/transitions`, the Workflow panel). The server validates with these schemas; the
 * document panel's client is typed from them.
 */
import { body, contract, documentIdParams, isoDay, MAX_PAGE_SIZE, noParams, noQuery, pagination, pagingQuery, query, queryText, says, z } from './common';
import { CONTENT_MANAGER, DOCUMENT_UID } from './uids';

/* ---------------------------------------------------------------------------------------------
 * Vocabulary
 * -------------------------------------------------------------------------------------------*/

export { DOCUMENT_UID };

export const DOCUMENT_STATUSES = ['draft', 'in-review', 'approved', 'superseded'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** The workflow that owns a document's state, seeded by compliance (docs/documents.md). */
export const DOCUMENT_REVIEW_WORKFLOW = 'document-review';

/** Documents are content: reading and changing a review takes the Content Manager's rights on them. */
export const DOCUMENT_READ = CONTENT_MANAGER.read;
export const DOCUMENT_UPDATE = CONTENT_MANAGER.update;
/** A new version is a new document. */
export const DOCUMENT_CREATE = CONTENT_MANAGER.create;

/* ---------------------------------------------------------------------------------------------
 * Answers
 * -------------------------------------------------------------------------------------------*/

/** One version of a document, in the chain of versions its review answer carries. */
export const documentVersion = z.object({
  documentId: z.string(),
  version: z.string().nullable(),
  status: z.enum(DOCUMENT_STATUSES),
  approvedAt: z.string().nullable(),
});
export type DocumentVersion = z.infer<typeof documentVersion>;

/** GET and PUT /pmo/documents/:documentId/review; POST …/versions answers the new version's. */
export const documentReview = z.object({
  documentId: z.string(),
  title: z.string(),
  version: z.string().nullable(),
  /** Equal to the document's workflow state (the `document-review` workflow owns it). */
  status: z.enum(DOCUMENT_STATUSES),
  approvedAt: z.string().nullable(),
  lastReviewedAt: z.string().nullable(),
  reviewCycleDays: z.number().nullable(),
  nextReviewDue: z.string().nullable(),
  /** The next review date has passed and the document is not superseded. */
  overdue: z.boolean(),
  /** Every version of the document, oldest first, this one included. */
  versions: z.array(documentVersion),
});
export type DocumentReview = z.infer<typeof documentReview>;

/**
 * GET /pmo/documents/overdue: the documents overdue for review today (never a superseded one), the
 * longest overdue first, a page at a time; with `documentIds`, only those of them (a list's page).
 */
export const overdueDocuments = z.object({
  /** The day the answer was worked out for (YYYY-MM-DD, the server's UTC day). */
  asOf: z.string(),
  documentIds: z.array(z.string()),
  pagination,
});
export type OverdueDocuments = z.infer<typeof overdueDocuments>;

/* ---------------------------------------------------------------------------------------------
 * Inputs
 * -------------------------------------------------------------------------------------------*/

export const STATUS_BY_WORKFLOW =
  'The status changes only through the document review workflow: use its steps (Submit for review, Approve, Request changes, Supersede) in the Workflow panel';

/**
 * PUT /pmo/documents/:documentId/review: record a review of an approved document (today, or the
 * day it was held). The status is not set here any more: the workflow's steps change it.
 */
export const reviewUpdate = body({
  status: z
    .unknown()
    .optional()
    .refine((value) => value === undefined, { error: STATUS_BY_WORKFLOW }),
  /** true: reviewed today. */
  reviewed: z.boolean({ error: 'Say whether the document was reviewed today (true or false)' }).optional(),
  /** Reviewed on this day (YYYY-MM-DD). */
  reviewedOn: isoDay('reviewedOn').optional(),
}).refine((change) => change.status !== undefined || change.reviewed === true || change.reviewedOn !== undefined, {
  message: 'Nothing to change: mark it reviewed or give the review date',
});
export type ReviewUpdate = Omit<z.infer<typeof reviewUpdate>, 'status'>;

/** POST /pmo/documents/:documentId/versions: the new version's number (default: the next major, 1.3 → 2.0). */
export const newVersionInput = body({
  version: z
    .string({ error: 'The version must be text, such as 2.0' })
    .trim()
    .min(1, { error: 'Give the new version, such as 2.0' })
    .max(32, { error: 'The version must be at most 32 characters' })
    .optional(),
});
export type NewVersionInput = z.infer<typeof newVersionInput>;

/** The version after `current`: the next major (1.3 → 2.0, 0.9 → 1.0), or null when it is not a number. */
export function nextVersionNumber(current: string | null | undefined): string | null {
  const match = /^\s*(\d+)(?:\.\d+)*\s*$/.exec(current ?? '');
  return match ? `${Number(match[1]) + 1}.0` : null;
}

/** `?documentIds=a,b,c`: at most a page's worth (100) of documentIds, separated by commas. */
const documentIdList = queryText('documentIds', MAX_PAGE_SIZE * 40)
  .transform((value) => [...new Set(value.split(',').map((id) => id.trim()).filter(Boolean))])
  .refine((ids) => ids.length > 0 && ids.length <= MAX_PAGE_SIZE, {
    error: says(['documentIds'], `must list from 1 to ${MAX_PAGE_SIZE} documents, separated by commas`, 'query'),
  });

export const overdueQuery = query({ documentIds: documentIdList.optional(), ...pagingQuery });
export type OverdueQuery = z.output<typeof overdueQuery>;

/* ---------------------------------------------------------------------------------------------
 * Routes
 * -------------------------------------------------------------------------------------------*/

export const documentRoutes = {
  /** GET /pmo/documents/overdue?documentIds=a,b&page=&pageSize= */
  overdue: contract({ params: noParams, query: overdueQuery }),
  /** GET /pmo/documents/:documentId/review */
  review: contract({ params: documentIdParams, query: noQuery }),
  /** PUT /pmo/documents/:documentId/review */
  updateReview: contract({ params: documentIdParams, query: noQuery, body: reviewUpdate }),
  /** POST /pmo/documents/:documentId/versions */
  newVersion: contract({ params: documentIdParams, query: noQuery, body: newVersionInput }),
};
