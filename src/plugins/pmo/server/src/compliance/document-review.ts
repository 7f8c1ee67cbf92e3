/**
 * Document review (docs/documents.md): a document's review state, cycle and versions. The state
 * belongs to the `document-review` workflow (seeded here, fired from the Workflow panel or
 * `POST /pmo/transitions`); `status` is kept equal to it (./document-state.ts). These routes read
 * a document's review, record a review of an approved document (not a state change), and make a
 * new version, which supersedes the previous one (./document-versions.ts). Inputs are the
 * contract's (shared/contracts/documents.ts), checked after the route's policy.
 */
import type { Core } from '@strapi/strapi';
import type { Capability } from '../capability';
import { conflict, errors, forbidden } from '../platform/errors';
import { routeInput } from '../platform/contract';
import { MAX_PAGE_SIZE, pageOf } from '../../../shared/contracts/common';
import { toIsoDay } from '../platform/dates';
import {
  DOCUMENT_CREATE,
  DOCUMENT_READ,
  DOCUMENT_UID,
  DOCUMENT_UPDATE,
  documentRoutes as routes,
  type DocumentReview,
  type DocumentStatus,
  type OverdueDocuments,
} from '../../../shared/contracts/documents';
import { registerReminderSource, registerWorkSource } from '../platform/notices';
import { documentReviewReminders, documentReviewWork } from './reminders';
import { registerStatusMirror, seedDocumentReview } from './document-state';
import { createVersions } from './document-versions';
import { isOverdue } from './review-cycle';

type Ability = { can(action: string, subject: string): boolean };

type Ctx = {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: { userAbility: Ability; user: { id: number } } & Record<string, unknown>;
  body: unknown;
  status: number;
};

/**
 * The route policy: the Content Manager's right on documents, refused with a 403 that says so
 * (before the contract looks at the input, so a caller without the right learns nothing of it).
 */
const MAY_USE_DOCUMENTS = 'plugin::pmo.may-use-documents';
const REFUSALS: Record<string, string> = {
  [DOCUMENT_READ]: 'You may not read documents',
  [DOCUMENT_UPDATE]: 'You may not change documents',
  [DOCUMENT_CREATE]: 'You may not create documents',
};

function mayUseDocuments(policyContext: { state: { userAbility?: Ability } }, config: { action: string }) {
  if (!policyContext.state.userAbility?.can(config.action, DOCUMENT_UID)) throw forbidden(REFUSALS[config.action]);
  return true;
}

const policy = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: MAY_USE_DOCUMENTS, config: { action } }],
});

const STATUS_WORDS: Record<DocumentStatus, string> = { draft: 'a draft', 'in-review': 'in review', approved: 'approved', superseded: 'superseded' };

const today = () => new Date().toISOString().slice(0, 10);

function present(document: Record<string, any>, versions: DocumentReview['versions']): DocumentReview {
  return {
    documentId: document.documentId,
    title: document.title,
    version: document.version ?? null,
    status: document.status,
    approvedAt: document.approvedAt ?? null,
    lastReviewedAt: document.lastReviewedAt ?? null,
    reviewCycleDays: document.reviewCycleDays ?? null,
    nextReviewDue: document.nextReviewDue ?? null,
    overdue: isOverdue(document.nextReviewDue ?? null, today(), document.status),
    versions,
  };
}

const controller = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(DOCUMENT_UID as any);
  const versions = createVersions(strapi);
  async function load(documentId: string) {
    const document = await documents().findOne({ documentId });
    if (!document) throw new errors.NotFoundError('There is no such document (it may have been deleted)');
    return document as Record<string, any>;
  }
  const answer = async (document: Record<string, any>) => present(document, await versions.chain(document.documentId));
  return {
    /**
     * The documents overdue for review, longest overdue first, a page at a time; with `documentIds`
     * only those of them, which is how the Content Manager's document list badges its page.
     */
    async overdue(ctx: Ctx) {
      const { query } = routeInput(ctx, routes.overdue);
      const asOf = today();
      const { page, pageSize, offset, limit } = pageOf(query, MAX_PAGE_SIZE);
      const where: Record<string, unknown> = { nextReviewDue: { $lt: asOf }, status: { $ne: 'superseded' } };
      if (query.documentIds) where.documentId = { $in: query.documentIds };
      const rows = strapi.db.query(DOCUMENT_UID as any);
      const [found, total] = await Promise.all([
        rows.findMany({ select: ['documentId'], where, orderBy: [{ nextReviewDue: 'asc' }, { id: 'asc' }], offset, limit }) as Promise<Array<{ documentId: string }>>,
        rows.count({ where }),
      ]);
      const answer: OverdueDocuments = { asOf, documentIds: found.map((row) => row.documentId), pagination: { page, pageSize, total } };
      ctx.body = answer;
    },
    async find(ctx: Ctx) {
      ctx.body = await answer(await load(routeInput(ctx, routes.review).params.documentId));
    },
    /** Records a review of an approved document: its cycle starts again; its state does not change. */
    async review(ctx: Ctx) {
      const { params, body } = routeInput(ctx, routes.updateReview);
      const current = await load(params.documentId);
      if (current.status !== 'approved') {
        throw conflict(
          `Only an approved document is reviewed on its cycle; this one is ${STATUS_WORDS[current.status as DocumentStatus] ?? current.status}`
        );
      }
      const data = { lastReviewedAt: toIsoDay(body.reviewedOn) ?? today() };
      const updated = await documents().update({ documentId: params.documentId, data } as any);
      ctx.body = await answer(updated as Record<string, any>);
    },
    /** Makes the next version; answers 201 with the new version's review. */
    async newVersion(ctx: Ctx) {
      const { params, body } = routeInput(ctx, routes.newVersion);
      const created = await versions.newVersion(params.documentId, body, ctx.state.user as never);
      ctx.status = 201;
      ctx.body = await answer(await load(created));
    },
  };
};

export const documentReview: Capability = {
  name: 'document-review',
  controllers: { documentReview: controller },
  services: {
    /** What bootstrap does, for a restart's worth of seeding in tests: idempotent. */
    documentReview: ({ strapi }) => ({ seed: () => seedDocumentReview(strapi) }),
  },
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
    {
      method: 'POST',
      path: '/documents/:documentId/versions',
      handler: 'documentReview.newVersion',
      input: routes.newVersion,
      config: policy(DOCUMENT_CREATE),
    },
  ],
  policies: { 'may-use-documents': mayUseDocuments },
  register() {
    registerReminderSource(documentReviewReminders);
    registerWorkSource(documentReviewWork);
  },
  async bootstrap(strapi) {
    registerStatusMirror(strapi);
    await seedDocumentReview(strapi);
  },
};
