/**
 * The demo's standards and templates are published, and a standard or template reaches teams
 * only once a PMO director has approved it (their `standard-approval` and `template-approval`
 * workflows refuse to publish anything else). So the loader records the demo's approval in each
 * one's history, as the PMO director of the demo (the history names the demo, not a person who
 * never clicked), moves it to "Approved", then publishes it. Idempotent: an item already approved
 * and published is left alone.
 */
import type { Core } from '@strapi/strapi';

const INSTANCE_UID = 'plugin::pmo.workflow-instance';
const EVENT_UID = 'plugin::pmo.transition-event';
const WORKFLOW_UID = 'plugin::pmo.workflow';
const APPROVED = 'approved';

type Workflow = { key: string; version: number; definition: { initial: string; publishRequires?: string[] } };

/** Approves (when its workflow asks for approval before publishing) and publishes each draft-only item. */
export async function publishApproved(strapi: Core.Strapi, uid: string, documentIds: string[]) {
  const workflow = (await strapi.db.query(WORKFLOW_UID).findOne({ where: { appliesTo: uid } })) as Workflow | null;
  const engine = strapi.plugin('pmo').service('workflow') as { ensureInstance(...args: unknown[]): Promise<{ id: number; state: string; version: number }> };
  for (const documentId of documentIds) {
    const published = await strapi.db.query(uid as never).count({ where: { documentId, publishedAt: { $notNull: true } } } as never);
    const needed = workflow?.definition.publishRequires ?? [];
    if (workflow && needed.length > 0) {
      const instance = await engine.ensureInstance(workflow, uid, documentId, null);
      if (!needed.includes(instance.state)) {
        const to = needed.includes(APPROVED) ? APPROVED : needed[0];
        const at = new Date().toISOString();
        await strapi.db.query(INSTANCE_UID).update({
          where: { id: instance.id },
          data: { state: to, previousState: instance.state, version: instance.version + 1, enteredAt: at, votes: {} },
        });
        await strapi.db.query(uid as never).updateMany({ where: { documentId }, data: { workflowState: to } } as never);
        await strapi.db.query(EVENT_UID).create({
          data: {
            workflowKey: workflow.key,
            targetUid: uid,
            targetDocumentId: documentId,
            instanceId: instance.id,
            definitionVersion: workflow.version,
            transition: 'approve',
            fromState: instance.state,
            toState: to,
            kind: 'applied',
            actorName: 'PMO Hub demo',
            comment: 'Approved for the demo, so that teams can use it',
            at,
          },
          select: ['id'],
        });
      } else if (published > 0) {
        continue;
      }
    } else if (published > 0) {
      continue;
    }
    await (strapi.documents(uid as never) as unknown as { publish(p: { documentId: string }): Promise<unknown> }).publish({ documentId });
  }
}
