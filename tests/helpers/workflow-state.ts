/**
 * Puts an item in a state of its workflow as a fixture: e.g. a standard "approved" so that a test
 * about something else can publish it. The move is the workflow engine's own (`moveTo`): the
 * instance, its mirror and a history entry naming the fixture, as PMO Hub's own moves are
 * written. Tests of the workflow itself fire transitions instead.
 */
import type { Core } from '@strapi/strapi';
import type { WorkflowEngine } from '../../src/plugins/pmo/server/src/workflow/engine';

/** Who a fixture's move is by, as the item's history names it. */
export const FIXTURE_ACTOR = 'Test fixture';

const workflowEngine = (strapi: Core.Strapi) => strapi.plugin('pmo').service('workflow') as WorkflowEngine;

/** Moves the item to `state` (nothing when its type follows no workflow, or it is there already). */
export async function putInState(strapi: Core.Strapi, uid: string, documentId: string, state: string) {
  const engine = workflowEngine(strapi);
  if (!(await engine.workflowFor(uid))) return;
  await engine.moveTo({ uid, documentId, state, actorName: FIXTURE_ACTOR, comment: 'Put in this state by a test fixture' });
}

/** Approves an item for publishing (its workflow's `approved` state) and publishes it. */
export async function approveAndPublish(strapi: Core.Strapi, uid: string, documentId: string) {
  await putInState(strapi, uid, documentId, 'approved');
  return (strapi.documents(uid as never) as any).publish({ documentId });
}
