/**
 * Firing a transition: read the facts, decide once (evaluate.ts), then in one transaction either
 * record a vote or apply the state change with its mirror, audit event and effects; the
 * transition event is emitted after the commit.
 */
import type { Core } from '@strapi/strapi';
import type { FireInput, FireResult } from '../../../shared/contracts/workflow';
import { conflict, errors, forbidden, invalidField, unprocessable } from '../platform/errors';
import { actorFacts, type AdminUser } from './actor';
import type { Catalogue, GuardContext } from './catalogue';
import type { Definitions } from './definitions';
import { decideFire, type FireDecision } from './evaluate';
import type { Facts } from './facts';
import type { History } from './history';
import type { Instances } from './instances';
import { INSTANCE_UID, TRANSITION_EVENT, instanceFacts, noSuchItem, nowIso, readAll, typeWords, UNKNOWN_TYPE, type InstanceRow } from './records';


/** A refusal as the error the HTTP layer answers with (409, 403, 400, 422; DESIGN.md). */
export function refusalError(decision: Extract<FireDecision, { outcome: 'refuse' }>, instance: { state: string; version: number }) {
  switch (decision.refusal) {
    case 'stale':
    case 'state':
    case 'voted':
      return conflict(decision.message, { state: instance.state, version: instance.version });
    case 'actor':
    case 'requester':
      return forbidden(decision.message);
    case 'guards':
      return unprocessable(decision.message, { failures: decision.failures ?? [] });
    case 'comment':
      return invalidField(['comment'], decision.message);
  }
}

export function createTransitions(
  strapi: Core.Strapi,
  {
    catalogue,
    definitions,
    instances,
    facts,
    history,
  }: { catalogue: Catalogue; definitions: Definitions; instances: Instances; facts: Facts; history: History }
) {
  const db = () => strapi.db;
  const recordEvent = history.record;

  async function fire(request: FireInput, user: AdminUser): Promise<FireResult> {
    const { uid, documentId } = request;
    if (!(uid in strapi.contentTypes)) throw new errors.NotFoundError(UNKNOWN_TYPE);
    // The facts that need no transaction. The instance read here is the one the conditional
    // update checks: if anyone moves the item meanwhile, that update matches no row (409).
    const [workflow, actor, existing] = await readAll<
      [Awaited<ReturnType<Definitions['workflowFor']>>, Awaited<ReturnType<typeof actorFacts>>, InstanceRow | null]
    >(strapi, [() => definitions.workflowFor(uid), () => actorFacts(strapi, user), () => instances.findInstance(uid, documentId)]);
    if (!workflow) throw new errors.NotFoundError(`A ${typeWords(strapi, uid)} does not follow a workflow`);
    const definition = workflow.definition;
    const transition = definition.transitions.find((t) => t.key === request.transition);
    if (!transition) {
      throw new errors.NotFoundError(`The workflow "${workflow.name}" has no such step: choose one of its transitions`);
    }
    if (!existing && !(await instances.targetExists(uid, documentId))) {
      throw new errors.NotFoundError(noSuchItem(strapi, uid));
    }
    const instance: InstanceRow = existing ?? (await instances.ensureInstance(workflow, uid, documentId, null));
    // The facts and the decision come before the transaction, which holds one connection:
    // Strapi populates relations side by side, and guards may populate too, which inside it
    // would be concurrent queries on one pg client. Read committed, they read what they would
    // have read inside it; the conditional update on the instance's version still decides races.
    const target = await facts.loadTarget(uid, documentId, [transition]);
    if (!target) throw new errors.NotFoundError(noSuchItem(strapi, uid));
    const now = nowIso();
    const context: GuardContext = {
      strapi,
      definition,
      transition,
      uid,
      documentId,
      target,
      actor,
      instance: { state: instance.state, previousState: instance.previousState ?? null },
    };
    const decision = decideFire({
      definition,
      transition,
      instance: instanceFacts(instance),
      expectedVersion: request.expectedVersion,
      actor,
      relations: facts.relationsOf(definition, target),
      comment: request.comment,
      guardOutcomes: await facts.evaluateGuards(transition, context),
      now,
    });
    if (decision.outcome === 'refuse') throw refusalError(decision, instance);

    let emit: Record<string, unknown> | null = null;
    return db().transaction(async ({ onCommit }) => {
      const comment = request.comment?.trim() || null;
      const common = {
        workflowKey: workflow.key,
        targetUid: uid,
        targetDocumentId: documentId,
        instanceId: instance.id,
        definitionVersion: workflow.version,
        transition: transition.key,
        fromState: instance.state,
        comment,
        at: now,
        actorId: actor.id,
        actorName: actor.name,
        actorEmail: actor.email,
      };

      if (decision.outcome === 'vote') {
        const moved = await db()
          .query(INSTANCE_UID)
          .updateMany({
            where: { id: instance.id, version: instance.version },
            data: { version: instance.version + 1, votes: { ...(instance.votes ?? {}), [transition.key]: decision.votes } },
          });
        if (moved.count !== 1) throw conflict('Someone acted on this item at the same moment; reload and try again');
        await recordEvent({ ...common, toState: instance.state, kind: 'vote', votes: decision.votes });
        return { outcome: 'vote' as const, votes: decision.votes.length, quorum: decision.quorum, version: instance.version + 1 };
      }

      // The state change: one conditional update on the version, so of concurrent requests one wins.
      const moved = await instances.enterState(instance, {
        state: transition.to,
        definitionVersion: workflow.version,
        at: now,
        enteredById: actor.id,
      });
      if (!moved) throw conflict('Someone moved this item at the same moment; reload and try again');
      await recordEvent({ ...common, toState: transition.to, kind: 'applied', votes: decision.votes });

      const effectContext = { ...context, from: instance.state, to: transition.to, comment, instanceId: instance.id, now, votes: decision.votes };
      for (const effect of transition.effects ?? []) {
        const type = catalogue.effect(effect.type);
        if (!type) throw new Error(`Unknown effect type "${effect.type}"`);
        await type.apply(effect, effectContext);
      }

      emit = {
        workflow: workflow.key,
        definitionVersion: workflow.version,
        uid,
        documentId,
        transition: transition.key,
        from: instance.state,
        to: transition.to,
        version: instance.version + 1,
        actor: { id: actor.id, name: actor.name, email: actor.email },
        comment,
        at: now,
      };
      onCommit(() => {
        if (emit) strapi.eventHub.emit(TRANSITION_EVENT, emit);
      });
      return { outcome: 'applied' as const, state: transition.to, version: instance.version + 1 };
    });
  }

  return { fire };
}
