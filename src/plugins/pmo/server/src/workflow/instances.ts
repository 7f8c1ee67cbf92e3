/**
 * Workflow instances: one per governed item, found or created (for items older than their
 * workflow), moved into a state with the state mirrored on the item's `workflowState`.
 */
import type { Core } from '@strapi/strapi';
import { INSTANCE_UID, nowIso, type InstanceRow, type WorkflowRow } from './records';

export function createInstances(strapi: Core.Strapi) {
  const db = () => strapi.db;

  async function findInstance(uid: string, documentId: string): Promise<InstanceRow | null> {
    return db().query(INSTANCE_UID).findOne({ where: { targetUid: uid, targetDocumentId: documentId } });
  }

  /** The instances of these items, by documentId (items without one are absent). */
  async function findInstances(uid: string, documentIds: string[]): Promise<Map<string, InstanceRow>> {
    if (documentIds.length === 0) return new Map();
    const rows: InstanceRow[] = await db()
      .query(INSTANCE_UID)
      .findMany({ where: { targetUid: uid, targetDocumentId: { $in: documentIds } } });
    return new Map(rows.map((row) => [row.targetDocumentId, row]));
  }

  async function targetExists(uid: string, documentId: string) {
    return (await db().query(uid as any).count({ where: { documentId } })) > 0;
  }

  /** Which of these items exist. */
  async function existingTargets(uid: string, documentIds: string[]): Promise<Set<string>> {
    if (documentIds.length === 0) return new Set();
    const rows = await db()
      .query(uid as any)
      .findMany({ where: { documentId: { $in: documentIds } }, select: ['documentId'] });
    return new Set(rows.map((row: { documentId: string }) => row.documentId));
  }

  /**
   * The item's instance, created when missing (items created before their workflow existed start
   * in the state their mirror holds when it is a state of the workflow, else in the initial one).
   */
  async function ensureInstance(workflow: WorkflowRow, uid: string, documentId: string, raisedById: number | null) {
    const existing = await findInstance(uid, documentId);
    if (existing) return existing;
    const target = await db().query(uid as any).findOne({ where: { documentId }, select: ['workflowState'] });
    const mirrored = target?.workflowState;
    const state = workflow.definition.states.some((s) => s.key === mirrored) ? mirrored : workflow.definition.initial;
    let instance: InstanceRow;
    try {
      instance = await db().query(INSTANCE_UID).create({
        data: {
          workflowKey: workflow.key,
          targetUid: uid,
          targetDocumentId: documentId,
          state,
          version: 1,
          definitionVersion: workflow.version,
          enteredAt: nowIso(),
          enteredById: raisedById,
          raisedById,
          votes: {},
        },
      });
    } catch (error) {
      // Another request created it at the same moment (the unique index refused ours).
      const raced = await findInstance(uid, documentId);
      if (raced) return raced;
      throw error;
    }
    if (mirrored !== state) {
      await db().query(uid as any).updateMany({ where: { documentId }, data: { workflowState: state } });
    }
    return instance;
  }

  /** Mirrors a new state on the item's `workflowState`. */
  async function mirrorState(uid: string, documentId: string, state: string) {
    await db().query(uid as any).updateMany({ where: { documentId }, data: { workflowState: state } });
  }

  /**
   * Moves an instance into `state` and mirrors it, as every move does (a transition, PMO Hub's
   * own): one conditional update on the version it was read at, so of concurrent moves one wins;
   * false when someone moved it meanwhile (nothing is written then).
   */
  async function enterState(
    instance: InstanceRow,
    move: { state: string; definitionVersion: number; enteredById: number | null; at: string }
  ): Promise<boolean> {
    const moved = await db()
      .query(INSTANCE_UID)
      .updateMany({
        where: { id: instance.id, version: instance.version },
        data: {
          state: move.state,
          previousState: instance.state,
          version: instance.version + 1,
          definitionVersion: move.definitionVersion,
          enteredAt: move.at,
          enteredById: move.enteredById,
          votes: {},
        },
      });
    if (moved.count !== 1) return false;
    await mirrorState(instance.targetUid, instance.targetDocumentId, move.state);
    return true;
  }

  return { findInstance, findInstances, targetExists, existingTargets, ensureInstance, mirrorState, enterState };
}

export type Instances = ReturnType<typeof createInstances>;
