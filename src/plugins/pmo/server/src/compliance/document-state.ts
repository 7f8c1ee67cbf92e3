/**
 * One truth for a document's review state (docs/documents.md): the `document-review` workflow
 * owns it, the engine mirrors it on `workflowState`, and `status` (DESIGN.md's field, which
 * reminders, governance's criteria, my work and the demo read) is kept equal to it in the same
 * write. Nobody writes `status` directly (shared/contracts/protected-fields.ts).
 *
 * The engine writes the mirror with `strapi.db` (its conditional update, in the transition's
 * transaction), which no Document Service middleware sees; a database lifecycle on documents
 * does, so `status` follows `workflowState` on every path: a transition, an instance created for
 * an older document, a new document starting in the initial state. Entering "approved" also
 * records `approvedAt` and restarts the review cycle (`nextReviewDue`), in that same statement.
 */
import type { Core } from '@strapi/strapi';
import { DOCUMENT_STATUSES, DOCUMENT_UID, type DocumentStatus } from '../../../shared/contracts/documents';
import type { WorkflowDefinition } from '../../../shared/contracts/workflow';
import { getService } from '../services';
import { seedWorkflow } from '../workflow';
import documentReviewWorkflow from './document-review.json';
import { nextReviewDue } from './review-cycle';

const isStatus = (value: unknown): value is DocumentStatus => DOCUMENT_STATUSES.includes(value as DocumentStatus);

type Params = { where?: Record<string, unknown>; data?: Record<string, unknown> };
type ReviewRow = { workflowState: string | null; lastReviewedAt: string | null; reviewCycleDays: number | null };

/** `status` follows a state written to `workflowState`; entering "approved" records the approval. */
async function follow(strapi: Core.Strapi, params: Params) {
  const data = params.data;
  if (!data || typeof data !== 'object' || !('workflowState' in data)) return;
  const state = data.workflowState;
  // A state the document's statuses do not name (an administrator's own workflow) leaves `status` as it was.
  if (!isStatus(state)) return;
  data.status = state;
  if (state !== 'approved' || 'approvedAt' in data || !params.where) return;
  const rows = (await strapi.db.query(DOCUMENT_UID as never).findMany({
    where: params.where,
    select: ['workflowState', 'lastReviewedAt', 'reviewCycleDays'],
  } as never)) as ReviewRow[];
  const entering = rows.find((row) => row.workflowState !== 'approved');
  if (!entering) return;
  const now = new Date().toISOString();
  data.approvedAt = now;
  data.nextReviewDue = nextReviewDue({ approvedAt: now, lastReviewedAt: entering.lastReviewedAt, reviewCycleDays: entering.reviewCycleDays });
}

/** Keeps `status` equal to the workflow state on every database write of a document. */
export function registerStatusMirror(strapi: Core.Strapi) {
  strapi.db.lifecycles.subscribe({
    models: [DOCUMENT_UID],
    beforeCreate(event: { params: Params }) {
      const data = event.params.data;
      if (!data) return;
      if (isStatus(data.workflowState)) data.status = data.workflowState;
      // A row written below the Document Service with only a status (an import, an older loader):
      // its workflow instance will start in that state.
      else if (data.workflowState === undefined && isStatus(data.status)) data.workflowState = data.status;
    },
    async beforeUpdate(event: { params: Params }) {
      await follow(strapi, event.params);
    },
    async beforeUpdateMany(event: { params: Params }) {
      await follow(strapi, event.params);
    },
  } as never);
}

/**
 * Seeds `document-review` when documents follow no workflow yet (never over an administrator's
 * own), then gives every document that has no state yet the one its `status` says: a database
 * from before the workflow, or documents loaded without it. Their instances are created on first
 * use in that state (the engine starts an older item in the state its mirror holds). Idempotent.
 */
export async function seedDocumentReview(strapi: Core.Strapi) {
  const engine = getService(strapi, 'workflow');
  if (!(await engine.workflowFor(DOCUMENT_UID))) {
    await seedWorkflow(strapi, documentReviewWorkflow as WorkflowDefinition);
  }
  const metadata = strapi.db.metadata.get(DOCUMENT_UID);
  const column = (attribute: string) => (metadata.attributes[attribute] as { columnName?: string })?.columnName ?? attribute;
  const [state, status] = [column('workflowState'), column('status')];
  await strapi.db
    .connection(metadata.tableName)
    .whereNull(state)
    .whereIn(status, [...DOCUMENT_STATUSES])
    .update({ [state]: strapi.db.connection.ref(status) });
}
