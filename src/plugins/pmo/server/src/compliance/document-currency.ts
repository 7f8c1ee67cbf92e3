import type { Core } from '@strapi/strapi';
import { nextReviewDue, type ReviewFacts } from './review-cycle';
import { DOCUMENT_UID } from '../../../shared/contracts/uids';

export { DOCUMENT_UID };
const INPUTS = ['lastReviewedAt', 'approvedAt', 'reviewCycleDays'] as const;

/**
 * Keeps `nextReviewDue` derived from the review facts on every write path (Content Manager,
 * Content API, services, clones). A client cannot send it: security/protected-fields.ts refuses
 * a value that differs from the stored one before this runs.
 */
export function registerDocumentCurrency(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== DOCUMENT_UID || !['create', 'update', 'clone'].includes(context.action)) {
      return next();
    }
    const params = context.params as { data?: Record<string, unknown>; documentId?: string; locale?: string };
    const data = params.data;
    if (!data || typeof data !== 'object') return next();

    const touchesInputs = INPUTS.some((field) => field in data);
    if (context.action === 'create' || touchesInputs) {
      let facts: ReviewFacts = {};
      if (context.action !== 'create' && params.documentId) {
        const current = await strapi.db
          .query(DOCUMENT_UID)
          .findOne({ where: { documentId: params.documentId }, select: [...INPUTS] });
        facts = (current ?? {}) as ReviewFacts;
      }
      data.nextReviewDue = nextReviewDue({ ...facts, ...(data as ReviewFacts) });
    } else {
      delete data.nextReviewDue;
    }
    return next();
  });
}
