/**
 * Document review's contract (DESIGN.md, Compliance): a document's review status and review
 * cycle, read and changed through `/pmo/documents/:documentId/review` (the Content Manager keeps
 * the colliding `status` field out of its form). The server validates with these schemas; the
 * document panel's client is typed from them.
 */
import { body, contract, documentIdParams, isoDay, noParams, noQuery, oneOf, z } from './common';
import { CONTENT_MANAGER, DOCUMENT_UID } from './uids';

/* ---------------------------------------------------------------------------------------------
 * Vocabulary
 * -------------------------------------------------------------------------------------------*/

export { DOCUMENT_UID };

export const DOCUMENT_STATUSES = ['draft', 'in-review', 'approved', 'superseded'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Documents are content: reading and changing a review takes the Content Manager's rights on them. */
export const DOCUMENT_READ = CONTENT_MANAGER.read;
export const DOCUMENT_UPDATE = CONTENT_MANAGER.update;

/* ---------------------------------------------------------------------------------------------
 * Answers
 * -------------------------------------------------------------------------------------------*/

/** GET and PUT /pmo/documents/:documentId/review. */
export const documentReview = z.object({
  documentId: z.string(),
  title: z.string(),
  status: z.enum(DOCUMENT_STATUSES),
  approvedAt: z.string().nullable(),
  lastReviewedAt: z.string().nullable(),
  reviewCycleDays: z.number().nullable(),
  nextReviewDue: z.string().nullable(),
  /** The next review date has passed and the document is not superseded. */
  overdue: z.boolean(),
});
export type DocumentReview = z.infer<typeof documentReview>;

/** GET /pmo/documents/overdue: the documents overdue for review today (never a superseded one). */
export const overdueDocuments = z.object({
  /** The day the answer was worked out for (YYYY-MM-DD, the server's UTC day). */
  asOf: z.string(),
  documentIds: z.array(z.string()),
});
export type OverdueDocuments = z.infer<typeof overdueDocuments>;

/* ---------------------------------------------------------------------------------------------
 * Inputs
 * -------------------------------------------------------------------------------------------*/

/**
 * PUT /pmo/documents/:documentId/review: set the status, record a review (today, or the day it
 * was held), or both.
 */
export const reviewUpdate = body({
  status: oneOf('status', DOCUMENT_STATUSES).optional(),
  /** true: reviewed today. */
  reviewed: z.boolean({ error: 'Say whether the document was reviewed today (true or false)' }).optional(),
  /** Reviewed on this day (YYYY-MM-DD). */
  reviewedOn: isoDay('reviewedOn').optional(),
}).refine((change) => change.status !== undefined || change.reviewed === true || change.reviewedOn !== undefined, {
  message: 'Nothing to change: give a status, mark it reviewed or give the review date',
});
export type ReviewUpdate = z.infer<typeof reviewUpdate>;

/* ---------------------------------------------------------------------------------------------
 * Routes
 * -------------------------------------------------------------------------------------------*/

export const documentRoutes = {
  /** GET /pmo/documents/overdue */
  overdue: contract({ params: noParams, query: noQuery }),
  /** GET /pmo/documents/:documentId/review */
  review: contract({ params: documentIdParams, query: noQuery }),
  /** PUT /pmo/documents/:documentId/review */
  updateReview: contract({ params: documentIdParams, query: noQuery, body: reviewUpdate }),
};
