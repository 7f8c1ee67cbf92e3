/**
 * PMO Hub's own moves: an item put in a state by PMO Hub itself, not by a person firing a
 * transition (a new draft after publishing goes back to `onNewDraft`, the demo's approvals, test
 * fixtures). A move is written as a transition's is (transitions.ts), in one transaction: the
 * instance (created first for an item older than its workflow) enters the state with a
 * conditional update on its version, the state is mirrored on `workflowState` (which keeps what
 * follows the state consistent: a document's status, approval and review cycle,
 * compliance/document-state.ts), and the history records an applied event naming who moved it.
 * No guard, actor rule or effect applies (there is no transition to judge), and no transition
 * event is emitted: webhooks announce the steps people take.
 */
import type { Core } from '@strapi/strapi';
import { errors, invalidField } from '../platform/errors';
import type { Definitions } from './definitions';
import type { History } from './history';
import type { Instances } from './instances';
import { noSuchItem, nowIso, typeWords, UNKNOWN_TYPE } from './records';

/** Who PMO Hub's own moves are by, as the history names them. */
export const SYSTEM_ACTOR = 'PMO Hub';
/** The transition key the history records for a move when the caller names none. */
export const SYSTEM_MOVE = 'system-move';

export type SystemMove = {
  uid: string;
  documentId: string;
  /** The key of the state to move to. */
  state: string;
  /** Who the history names: “PMO Hub” (SYSTEM_ACTOR), “PMO Hub demo”. */
  actorName: string;
  /** Why, in the history. */
  comment?: string | null;
  /** The key the history records as the step (default SYSTEM_MOVE). */
  transition?: string;
  /** Move only while the instance is at this version (the one the caller judged); otherwise nothing moves. */
  expectedVersion?: number;
};

/** `moved: false` when the item already was in the state, or someone moved it first (their move stands). */
export type MoveResult = { moved: true; from: string; state: string; version: number } | { moved: false };

export function createMoves(
  strapi: Core.Strapi,
  { definitions, instances, history }: { definitions: Definitions; instances: Instances; history: History }
) {
  async function moveTo(move: SystemMove): Promise<MoveResult> {
    const { uid, documentId, state } = move;
    if (!(uid in strapi.contentTypes)) throw new errors.NotFoundError(UNKNOWN_TYPE);
    const workflow = await definitions.workflowFor(uid);
    if (!workflow) throw new errors.NotFoundError(`A ${typeWords(strapi, uid)} does not follow a workflow`);
    if (!workflow.definition.states.some((s) => s.key === state)) {
      throw invalidField(['state'], `The workflow “${workflow.name}” has no state “${state}”: choose one of its states`);
    }
    const existing = await instances.findInstance(uid, documentId);
    if (!existing && !(await instances.targetExists(uid, documentId))) throw new errors.NotFoundError(noSuchItem(strapi, uid));
    // Created outside the transaction, as a transition does: a refused insert (a concurrent
    // creation) would end a PostgreSQL transaction.
    const instance = existing ?? (await instances.ensureInstance(workflow, uid, documentId, null));
    if (instance.state === state) return { moved: false };
    if (move.expectedVersion !== undefined && instance.version !== move.expectedVersion) return { moved: false };

    return strapi.db.transaction(async (): Promise<MoveResult> => {
      const at = nowIso();
      const moved = await instances.enterState(instance, { state, definitionVersion: workflow.version, enteredById: null, at });
      if (!moved) return { moved: false };
      await history.record({
        workflowKey: workflow.key,
        targetUid: uid,
        targetDocumentId: documentId,
        instanceId: instance.id,
        definitionVersion: workflow.version,
        transition: move.transition ?? SYSTEM_MOVE,
        fromState: instance.state,
        toState: state,
        kind: 'applied',
        actorId: null,
        actorName: move.actorName,
        comment: move.comment?.trim() || null,
        at,
      });
      return { moved: true, from: instance.state, state, version: instance.version + 1 };
    });
  }

  return { moveTo };
}

