/**
 * Puts an item in a state of its workflow directly (the instance and its mirror), as a fixture:
 * e.g. a standard "approved" so that a test about something else can publish it. Tests of the
 * workflow itself fire transitions instead.
 */
import type { Core } from '@strapi/strapi';

export async function putInState(strapi: Core.Strapi, uid: string, documentId: string, state: string) {
  const workflow = await strapi.db.query('plugin::pmo.workflow').findOne({ where: { appliesTo: uid } });
  if (!workflow) return;
  const instances = strapi.db.query('plugin::pmo.workflow-instance');
  const moved = await instances.updateMany({
    where: { targetUid: uid, targetDocumentId: documentId },
    data: { state, enteredAt: new Date().toISOString() },
  });
  if (moved.count === 0) {
    await instances.create({
      data: {
        workflowKey: workflow.key,
        targetUid: uid,
        targetDocumentId: documentId,
        state,
        version: 1,
        definitionVersion: workflow.version,
        enteredAt: new Date().toISOString(),
        votes: {},
      },
    });
  }
  await strapi.db.query(uid as never).updateMany({ where: { documentId }, data: { workflowState: state } } as never);
}

/** Approves an item for publishing (its workflow's `approved` state) and publishes it. */
export async function approveAndPublish(strapi: Core.Strapi, uid: string, documentId: string) {
  await putInState(strapi, uid, documentId, 'approved');
  return (strapi.documents(uid as never) as any).publish({ documentId });
}
