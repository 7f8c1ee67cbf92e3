/**
 * Publishing governed by state (DESIGN.md "Workflows on any type, publishing and compliance"). A
 * workflow on a draft & publish type that names `publishRequires` decides when its items may be
 * published: every path that publishes reaches a Document Service middleware, so this one
 * checks them all.
 *
 * - `publish` (the Content Manager's Publish and bulk publish, plugin code, scripts), and
 *   `create` / `update` with `status: 'published'` (the Content API's default, or a caller's
 *   choice; Strapi then publishes inside the same call, past the middlewares): refused with a 422
 *   naming the states needed while the item is in none of them. An item older than its
 *   workflow gets its instance first (in the first state), so it is judged like any other.
 * - A new draft after publishing: once an approval has been used (the item was published after
 *   it entered its publishable state), saving a changed draft moves the item back to
 *   `onNewDraft` (default: the first state), recorded in its history as PMO Hub's move (the
 *   engine's `moveTo`, moves.ts). A draft saved before that publication (the Content Manager
 *   saves the form just before publishing it) keeps the state it was approved in.
 * - `unpublish` and `discardDraft` are left alone: taking an item off or restoring the published
 *   text approves nothing.
 *
 * Strapi's own calls inside `create`/`update` to its `publish` do not pass the middlewares again.
 */
import type { Core } from '@strapi/strapi';
import { listWords } from '../../../shared/words';
import { unprocessable } from '../platform/errors';
import { stateName } from './evaluate';
import type { WorkflowEngine } from './engine';
import { SYSTEM_ACTOR } from './moves';
import { typeWords, type InstanceRow, type WorkflowRow } from './records';

/** The transition key the history records for PMO Hub's move back on a new draft. */
export const NEW_DRAFT_TRANSITION = 'new-draft';

const hasDraftAndPublish = (strapi: Core.Strapi, uid: string) =>
  Boolean((strapi.contentTypes as unknown as Record<string, { options?: { draftAndPublish?: boolean } }>)[uid]?.options?.draftAndPublish);

/** “Approved”, or “Approved” or “Published”. */
const statesWords = (workflow: WorkflowRow, keys: string[]) => listWords(keys.map((key) => `“${stateName(workflow.definition, key)}”`), 'or');

/** The refusal: 'This standard can be published only when it is “Approved”; it is “Draft”'. */
export function publishRefusal(strapi: Core.Strapi, uid: string, workflow: WorkflowRow, state: string, creating = false) {
  const needed = workflow.definition.publishRequires ?? [];
  const type = typeWords(strapi, uid);
  const now = creating
    ? `a new one starts “${stateName(workflow.definition, state)}”: save it as a draft and take it through the workflow “${workflow.name}”`
    : `it is “${stateName(workflow.definition, state)}”`;
  return unprocessable(`This ${type} can be published only when it is ${statesWords(workflow, needed)}; ${now}`, {
    states: needed,
    state,
  });
}

export function registerPublishing(strapi: Core.Strapi, engine: () => WorkflowEngine) {
  /** The workflow of a draft & publish type when it governs publishing. */
  async function governing(uid: string): Promise<WorkflowRow | null> {
    if (!hasDraftAndPublish(strapi, uid)) return null;
    const workflow = await engine().workflowFor(uid);
    return workflow?.definition.publishRequires?.length ? workflow : null;
  }

  const instanceOf = async (workflow: WorkflowRow, uid: string, documentId: string): Promise<InstanceRow> =>
    (await engine().findInstance(uid, documentId)) ?? engine().ensureInstance(workflow, uid, documentId, null);

  async function refuseUnlessPublishable(uid: string, documentId: string, workflow: WorkflowRow) {
    const exists = await strapi.db.query(uid as never).count({ where: { documentId } } as never);
    if (!exists) return; // Strapi answers for a missing document itself.
    const instance = await instanceOf(workflow, uid, documentId);
    if (!workflow.definition.publishRequires!.includes(instance.state)) throw publishRefusal(strapi, uid, workflow, instance.state);
  }

  /** Moves an item whose approval was used by a publication back to `onNewDraft` when its draft changes. */
  async function newDraft(uid: string, documentId: string, workflow: WorkflowRow) {
    const definition = workflow.definition;
    const instance = await engine().findInstance(uid, documentId);
    if (!instance || !definition.publishRequires!.includes(instance.state)) return;
    const published = (await strapi.db.query(uid as never).findOne({
      where: { documentId, publishedAt: { $notNull: true } },
      select: ['publishedAt'],
      orderBy: { publishedAt: 'desc' },
    } as never)) as { publishedAt: string | Date } | null;
    if (!published) return;
    const enteredAt = instance.enteredAt ? new Date(instance.enteredAt).getTime() : 0;
    if (new Date(published.publishedAt).getTime() < enteredAt) return;
    const to = definition.onNewDraft ?? definition.initial;
    if (to === instance.state) return;
    // Only from the instance judged here: if someone moved it at the same moment, their move stands.
    await engine().moveTo({
      uid,
      documentId,
      state: to,
      actorName: SYSTEM_ACTOR,
      transition: NEW_DRAFT_TRANSITION,
      expectedVersion: instance.version,
      comment: `A new draft was saved after publishing: it goes back to “${stateName(definition, to)}” until it is approved again`,
    });
  }

  strapi.documents.use(async (context, next) => {
    const { uid, action } = context;
    if (action !== 'publish' && action !== 'create' && action !== 'update') return next();
    const params = context.params as { documentId?: unknown; status?: string };
    const workflow = await governing(uid);
    if (!workflow) return next();

    if (action === 'publish') {
      if (typeof params.documentId === 'string') await refuseUnlessPublishable(uid, params.documentId, workflow);
      return next();
    }
    if (action === 'create') {
      const initial = workflow.definition.initial;
      if (params.status === 'published' && !workflow.definition.publishRequires!.includes(initial)) {
        throw publishRefusal(strapi, uid, workflow, initial, true);
      }
      return next();
    }
    // update
    if (typeof params.documentId !== 'string') return next();
    const documentId = params.documentId;
    if (params.status === 'published') {
      await refuseUnlessPublishable(uid, documentId, workflow);
      return next();
    }
    return strapi.db.transaction(async () => {
      const result = await next();
      if (result) await newDraft(uid, documentId, workflow);
      return result;
    });
  });
}
