/**
 * The review status of a document. DESIGN.md names the field `status`, which Strapi 5's Content
 * Manager also uses for draft & publish: it shows "published" in its place and refuses other
 * values on save. So the Content Manager leaves the field out, and this route (with the
 * document panel in the edit view) is how people change it: set the status and/or record a review.
 */
import type { Core } from '@strapi/strapi';
import { validateYupSchema, yup } from '@strapi/utils';
import type { Capability } from '../capability';
import { errors, forbidden } from '../platform/errors';
import { DOCUMENT_UID } from './document-currency';
import { toIsoDay } from '../platform/dates';
import { isOverdue } from './review-cycle';

export const DOCUMENT_STATUSES = ['draft', 'in-review', 'approved', 'superseded'] as const;

const reviewBody = yup
  .object({
    status: yup.string().oneOf([...DOCUMENT_STATUSES], `status must be one of ${DOCUMENT_STATUSES.join(', ')}`),
    reviewed: yup.boolean().typeError('reviewed must be true or false'),
    reviewedOn: yup
      .string()
      .test('date', 'reviewedOn must be a date (YYYY-MM-DD)', (value) => value === undefined || toIsoDay(value) !== null),
  })
  .noUnknown(true, 'unknown field(s): ${unknown}')
  .strict();

type Ctx = {
  params: { documentId: string };
  request: { body?: unknown };
  state: { userAbility: { can(action: string, subject: string): boolean } };
  body: unknown;
};

const today = () => new Date().toISOString().slice(0, 10);

function present(document: Record<string, any>) {
  return {
    documentId: document.documentId,
    title: document.title,
    status: document.status,
    approvedAt: document.approvedAt ?? null,
    lastReviewedAt: document.lastReviewedAt ?? null,
    reviewCycleDays: document.reviewCycleDays ?? null,
    nextReviewDue: document.nextReviewDue ?? null,
    overdue: isOverdue(document.nextReviewDue ?? null, today()),
  };
}

const controller = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(DOCUMENT_UID as any);
  async function load(documentId: string) {
    const document = await documents().findOne({ documentId });
    if (!document) throw new errors.NotFoundError(`No document "${documentId}"`);
    return document as Record<string, any>;
  }
  return {
    async find(ctx: Ctx) {
      if (!ctx.state.userAbility.can('plugin::content-manager.explorer.read', DOCUMENT_UID)) {
        throw forbidden('You may not read documents');
      }
      ctx.body = present(await load(ctx.params.documentId));
    },
    async review(ctx: Ctx) {
      if (!ctx.state.userAbility.can('plugin::content-manager.explorer.update', DOCUMENT_UID)) {
        throw forbidden('You may not change documents');
      }
      const body = await validateYupSchema(reviewBody)(ctx.request.body ?? {});
      const current = await load(ctx.params.documentId);
      const data: Record<string, unknown> = {};
      if (body.status) {
        data.status = body.status;
        if (body.status === 'approved' && current.status !== 'approved') data.approvedAt = new Date().toISOString();
      }
      if (body.reviewed || body.reviewedOn) data.lastReviewedAt = toIsoDay(body.reviewedOn) ?? today();
      if (Object.keys(data).length === 0) {
        throw new errors.ValidationError('Nothing to change: send status, reviewed or reviewedOn');
      }
      const updated = await documents().update({ documentId: ctx.params.documentId, data } as any);
      ctx.body = present(updated as Record<string, any>);
    },
  };
};

export const documentReview: Capability = {
  name: 'document-review',
  controllers: { documentReview: controller },
  adminRoutes: [
    {
      method: 'GET',
      path: '/documents/:documentId/review',
      handler: 'documentReview.find',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    {
      method: 'PUT',
      path: '/documents/:documentId/review',
      handler: 'documentReview.review',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ],
};
