/**
 * The demo's standards and templates are published, and a standard or template reaches teams
 * only once a PMO director has approved it (their `standard-approval` and `template-approval`
 * workflows refuse to publish anything else). So the loader moves each one to "Approved" with the
 * workflow engine's `moveTo` (PMO Hub's own move: its history names the demo, not a person who
 * never clicked), then publishes it. Idempotent: an item already approved and published is left
 * alone.
 */
import type { Core } from '@strapi/strapi';

const APPROVED = 'approved';

type Workflow = { definition: { publishRequires?: string[] } };
/** The parts of the workflow engine (the plugin's `workflow` service, workflow/engine.ts) the loader uses. */
type Engine = {
  workflowFor(uid: string): Promise<Workflow | null>;
  ensureInstance(workflow: Workflow, uid: string, documentId: string, raisedById: null): Promise<{ state: string }>;
  moveTo(move: { uid: string; documentId: string; state: string; actorName: string; transition?: string; comment?: string }): Promise<unknown>;
};

/** Approves (when its workflow asks for approval before publishing) and publishes each draft-only item. */
export async function publishApproved(strapi: Core.Strapi, uid: string, documentIds: string[]) {
  const engine = strapi.plugin('pmo').service('workflow') as Engine;
  const workflow = await engine.workflowFor(uid);
  for (const documentId of documentIds) {
    const published = await strapi.db.query(uid as never).count({ where: { documentId, publishedAt: { $notNull: true } } } as never);
    const needed = workflow?.definition.publishRequires ?? [];
    if (workflow && needed.length > 0) {
      const instance = await engine.ensureInstance(workflow, uid, documentId, null);
      if (!needed.includes(instance.state)) {
        // PMO Hub's own move, as the workflow engine records it: the history names the demo.
        await engine.moveTo({
          uid,
          documentId,
          state: needed.includes(APPROVED) ? APPROVED : needed[0],
          actorName: 'PMO Hub demo',
          transition: 'approve',
          comment: 'Approved for the demo, so that teams can use it',
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
