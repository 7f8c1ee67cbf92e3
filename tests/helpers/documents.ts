/**
 * Documents in a review state, for tests about what reads that state (reminders, my work, gate
 * criteria). A document's state belongs to its workflow (docs/documents.md): nobody may write
 * `status` or `approvedAt`, so a fixture creates the document in draft and then moves it with the
 * workflow engine's own move (`putInState`); the state drives `status`, the approval and the
 * review cycle (compliance/document-state.ts). Tests of the review itself fire the workflow's
 * transitions instead.
 */
import type { Core } from '@strapi/strapi';
import { putInState } from './workflow-state';

/** The worker's Strapi (API tests), unless an end-to-end test passes its own. */
const current = (): Core.Strapi => (require('./strapi') as typeof import('./strapi')).getStrapi();
type Protected = { asCapability<T>(owner: 'compliance', work: () => T): T };

export const DOCUMENT = 'api::document.document';

export type DocumentState = 'draft' | 'in-review' | 'approved' | 'superseded';

/** Puts a document in `state` (status follows), with `approvedAt` when given (the review cycle follows). */
export async function setDocumentState(documentId: string, state: DocumentState, approvedAt?: string | null, strapi = current()) {
  await putInState(strapi, DOCUMENT, documentId, state);
  if (approvedAt !== undefined) {
    const fields = strapi.plugin('pmo').service('protectedFields') as Protected;
    await fields.asCapability('compliance', () => strapi.documents(DOCUMENT as never).update({ documentId, data: { approvedAt } } as never));
  }
}

/**
 * Creates a document (through the Document Service) in `state`. `approvedAt` in `data` is
 * recorded as the approval; without it an approved document is approved now.
 */
export async function documentInState(state: DocumentState, data: Record<string, unknown>, strapi = current()) {
  const { approvedAt, status: _status, ...rest } = data;
  const created = await strapi.documents(DOCUMENT as never).create({ data: rest } as never);
  if (state !== 'draft' || approvedAt !== undefined) {
    await setDocumentState(created.documentId, state, approvedAt as string | null | undefined, strapi);
  }
  return (await strapi.documents(DOCUMENT as never).findOne({ documentId: created.documentId } as never)) as Record<string, any>;
}
