/**
 * The review status of a document. DESIGN.md names the field `status`, which Strapi 5's Content
 * Manager also uses for draft & publish: it shows "published" in its place and refuses other
 * values on save. So the Content Manager leaves the field out, and this route (with the
 * document panel in the edit view) is how people change it: set the status and/or record a review.
 * The input is the contract's (shared/contracts/documents.ts), checked after the route's policy.
 */
import type { Core } from '@strapi/strapi';
import type { Capability } from '../capability';
import { errors, forbidden } from '../platform/errors';
import { routeInput } from '../platform/contract';
import { toIsoDay } from '../platform/dates';
import {
  DOCUMENT_READ,
  DOCUMENT_UID,
  DOCUMENT_UPDATE,
  documentRoutes as routes,
  type DocumentReview,
  type OverdueDocuments,
} from '../../../shared/contracts/documents';
import { registerReminderSource, registerWorkSource } from '../platform/notices';
import { documentReviewReminders, documentReviewWork } from './reminders';
import { isOverdue } from './review-cycle';

type Ability = { can(action: string, subject: string): boolean };

type Ctx = {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: { userAbility: Ability } & Record<string, unknown>;
  body: unknown;
};

/**
 * The route policy: the Content Manager's right on documents, refused with a 403 that says so
 * (before the contract looks at the input, so a caller without the right learns nothing of it).
 */
const MAY_USE_DOCUMENTS = 'plugin::pmo.may-use-documents';
const REFUSALS: Record<string, string> = {
  [DOCUMENT_READ]: 'You may not read documents',
  [DOCUMENT_UPDATE]: 'You may not change documents',
};

function mayUseDocuments(policyContext: { state: { userAbility?: Ability } }, config: { action: string }) {
  if (!policyContext.state.userAbility?.can(config.action, DOCUMENT_UID)) throw forbidden(REFUSALS[config.action]);
  return true;
}

const policy = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: MAY_USE_DOCUMENTS, config: { action } }],
});

const today = () => new Date().toISOString().slice(0, 10);

function present(document: Record<string, any>): DocumentReview {
  return {
    documentId: document.documentId,
    title: document.title,
    status: document.status,
    approvedAt: document.approvedAt ?? null,
    lastReviewedAt: document.lastReviewedAt ?? null,
    reviewCycleDays: document.reviewCycleDays ?? null,
    nextReviewDue: document.nextReviewDue ?? null,
    overdue: isOverdue(document.nextReviewDue ?? null, today(), document.status),
  };
}

const controller = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(DOCUMENT_UID as any);
  async function load(documentId: string) {
    const document = await documents().findOne({ documentId });
    if (!document) throw new errors.NotFoundError('There is no such document (it may have been deleted)');
    return document as Record<string, any>;
  }
  return {
    /** The documents overdue for review, for the Content Manager's document list to badge. */
    async overdue(ctx: Ctx) {
      routeInput(ctx, routes.overdue);
      const asOf = today();
      const rows = (await strapi.db.query(DOCUMENT_UID as any).findMany({
        select: ['documentId'],
        where: { nextReviewDue: { $lt: asOf }, status: { $ne: 'superseded' } },
      })) as Array<{ documentId: string }>;
      const answer: OverdueDocuments = { asOf, documentIds: [...new Set(rows.map((row) => row.documentId))] };
      ctx.body = answer;
    },
    async find(ctx: Ctx) {
      ctx.body = present(await load(routeInput(ctx, routes.review).params.documentId));
    },
    async review(ctx: Ctx) {
      const { params, body } = routeInput(ctx, routes.updateReview);
      const current = await load(params.documentId);
      const data: Record<string, unknown> = {};
      if (body.status) {
        data.status = body.status;
        if (body.status === 'approved' && current.status !== 'approved') data.approvedAt = new Date().toISOString();
      }
      if (body.reviewed || body.reviewedOn) data.lastReviewedAt = toIsoDay(body.reviewedOn) ?? today();
      const updated = await documents().update({ documentId: params.documentId, data } as any);
      ctx.body = present(updated as Record<string, any>);
    },
  };
};

export const documentReview: Capability = {
  name: 'document-review',
  controllers: { documentReview: controller },
  adminRoutes: [
    { method: 'GET', path: '/documents/overdue', handler: 'documentReview.overdue', input: routes.overdue, config: policy(DOCUMENT_READ) },
    { method: 'GET', path: '/documents/:documentId/review', handler: 'documentReview.find', input: routes.review, config: policy(DOCUMENT_READ) },
    {
      method: 'PUT',
      path: '/documents/:documentId/review',
      handler: 'documentReview.review',
      input: routes.updateReview,
      config: policy(DOCUMENT_UPDATE),
    },
  ],
  policies: { 'may-use-documents': mayUseDocuments },
  register() {
    registerReminderSource(documentReviewReminders);
    registerWorkSource(documentReviewWork);
  },
};
