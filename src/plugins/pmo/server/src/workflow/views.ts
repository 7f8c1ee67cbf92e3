/**
 * What an actor may do on governed items: each item's state, version and transitions with
 * whether they are allowed and what blocks them. `viewMany` answers for a batch, reading the
 * workflow, the actor, the instances and the targets once for all of them.
 */
import type { Core } from '@strapi/strapi';
import type { WorkflowInstanceView, WorkflowTransition } from '../../../shared/contracts/workflow';
import { errors } from '../platform/errors';
import { actorFacts, type AdminUser } from './actor';
import type { Definitions } from './definitions';
import { evaluateTransition } from './evaluate';
import type { Facts } from './facts';
import type { Instances } from './instances';
import { instanceFacts, noSuchItem, readAll, typeWords, UNKNOWN_TYPE, type InstanceRow, type WorkflowRow } from './records';

export function createViews(
  strapi: Core.Strapi,
  { definitions, instances, facts }: { definitions: Definitions; instances: Instances; facts: Facts }
) {
  async function governedWorkflow(uid: string): Promise<WorkflowRow> {
    if (!(uid in strapi.contentTypes)) throw new errors.NotFoundError(UNKNOWN_TYPE);
    const workflow = await definitions.workflowFor(uid);
    if (!workflow) throw new errors.NotFoundError(`A ${typeWords(strapi, uid)} does not follow a workflow`);
    return workflow;
  }

  /** The views of the items that exist among `documentIds`, in their order. */
  async function viewsOf(workflow: WorkflowRow, uid: string, documentIds: string[], user: AdminUser) {
    const definition = workflow.definition;
    const found = await instances.findInstances(uid, documentIds);
    const missing = documentIds.filter((documentId) => !found.has(documentId));
    if (missing.length > 0) {
      const existing = await instances.existingTargets(uid, missing);
      for (const documentId of missing) {
        if (existing.has(documentId)) found.set(documentId, await instances.ensureInstance(workflow, uid, documentId, null));
      }
    }
    const availableFrom = (instance: InstanceRow) => definition.transitions.filter((t) => t.from.includes(instance.state));
    const needed = new Set<WorkflowTransition>();
    for (const instance of found.values()) for (const transition of availableFrom(instance)) needed.add(transition);
    const [actor, targets] = await readAll<[Awaited<ReturnType<typeof actorFacts>>, Map<string, Record<string, unknown>>]>(
      strapi,
      [() => actorFacts(strapi, user), () => facts.loadTargets(uid, [...found.keys()], [...needed])]
    );

    const items = documentIds.flatMap((documentId) => {
      const instance = found.get(documentId);
      const target = targets.get(documentId);
      if (!instance || !target) return [];
      const context = { strapi, definition, uid, documentId, target, actor, instance: { state: instance.state, previousState: instance.previousState ?? null } };
      return [{ documentId, instance, target, context }];
    });
    // Each transition's guards over every item it is open to at once (set-based where the guard can).
    const outcomesOf = new Map<string, Map<WorkflowTransition, Awaited<ReturnType<Facts['evaluateGuardsMany']>>[number]>>();
    for (const transition of needed) {
      const open = items.filter((item) => availableFrom(item.instance).includes(transition));
      const outcomes = await facts.evaluateGuardsMany(transition, open.map((item) => ({ ...item.context, transition })));
      open.forEach((item, i) => {
        if (!outcomesOf.has(item.documentId)) outcomesOf.set(item.documentId, new Map());
        outcomesOf.get(item.documentId)!.set(transition, outcomes[i]);
      });
    }

    const views: WorkflowInstanceView[] = [];
    for (const { documentId, instance, target } of items) {
      const relations = facts.relationsOf(definition, target);
      const transitions = [];
      for (const transition of availableFrom(instance)) {
        const guardOutcomes = outcomesOf.get(documentId)?.get(transition) ?? [];
        transitions.push(
          evaluateTransition({ definition, transition, instance: instanceFacts(instance), actor, relations, guardOutcomes })
        );
      }
      const state = definition.states.find((s) => s.key === instance.state) ?? { key: instance.state, name: instance.state };
      views.push({
        workflow: { key: workflow.key, name: workflow.name, version: workflow.version },
        uid,
        documentId,
        state,
        version: instance.version,
        definitionVersion: instance.definitionVersion,
        enteredAt: instance.enteredAt ?? '',
        transitions,
      });
    }
    return views;
  }

  async function view(uid: string, documentId: string, user: AdminUser): Promise<WorkflowInstanceView> {
    const workflow = await governedWorkflow(uid);
    if (!(await instances.targetExists(uid, documentId))) throw new errors.NotFoundError(noSuchItem(strapi, uid));
    const [only] = await viewsOf(workflow, uid, [documentId], user);
    if (!only) throw new errors.NotFoundError(noSuchItem(strapi, uid));
    return only;
  }

  /**
   * What `view` answers, for each of these items that exists (missing ones are left out), in the
   * order given. The workflow, the actor, the instances and the targets are read once.
   */
  async function viewMany(uid: string, documentIds: string[], user: AdminUser): Promise<WorkflowInstanceView[]> {
    const workflow = await governedWorkflow(uid);
    return viewsOf(workflow, uid, [...new Set(documentIds)], user);
  }

  return { view, viewMany };
}
