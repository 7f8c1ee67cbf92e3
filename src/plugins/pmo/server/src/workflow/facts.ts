/**
 * The facts about an item that actor rules, guards and effects read: the target with only the
 * relations they name, the people those relations point to, and the guards' outcomes.
 */
import type { Core } from '@strapi/strapi';
import type { WorkflowDefinition, WorkflowTransition } from '../../../shared/contracts/workflow';
import type { Catalogue, GuardContext } from './catalogue';
import type { GuardOutcome, TargetRelations } from './evaluate';

type Populate = Record<string, true | { populate: Record<string, unknown> }>;

export function createFacts(strapi: Core.Strapi, catalogue: Catalogue) {
  /**
   * What guards, actor rules and effects of these transitions read on the target: relations and
   * components named by actor fields (dotted ones through related items, e.g. `project.manager`),
   * excluded voters, field-guard paths and notify recipients. Only those are populated (a
   * project's cost entries, say, are never loaded to fire a transition).
   */
  function populateFor(uid: string, transitions: WorkflowTransition[]) {
    const paths: string[][] = [];
    for (const transition of transitions) {
      for (const rule of transition.actors ?? []) if ('field' in rule) paths.push(rule.field.split('.'));
      for (const field of transition.approvals?.excludeFields ?? []) paths.push(field.split('.'));
      for (const guard of transition.guards ?? []) {
        if (guard.type === 'field' && typeof guard.path === 'string') paths.push(guard.path.split('.'));
      }
      for (const effect of transition.effects ?? []) {
        for (const recipient of (effect.to as unknown[]) ?? []) {
          if (typeof recipient === 'string' && recipient.startsWith('field:')) paths.push(recipient.slice(6).split('.'));
        }
      }
    }
    return populateTree(uid, paths);
  }

  /** `[['project', 'manager'], ['impact', 'cost']]` → `{ project: { populate: { manager: true } }, impact: true }`. */
  function populateTree(uid: string, paths: string[][]): Populate {
    const attributes = ((strapi.getModel(uid as any) as any)?.attributes ?? {}) as Record<
      string,
      { type: string; target?: string; component?: string }
    >;
    const tree: Populate = {};
    for (const name of new Set(paths.map((path) => path[0]))) {
      const attribute = attributes[name];
      if (!attribute || !['relation', 'component', 'media'].includes(attribute.type)) continue;
      const deeper = paths.filter((path) => path[0] === name && path.length > 1).map((path) => path.slice(1));
      const child = attribute.type === 'relation' ? attribute.target : attribute.component;
      const nested = child && deeper.length ? populateTree(child, deeper) : {};
      tree[name] = Object.keys(nested).length ? { populate: nested } : true;
    }
    return tree;
  }

  /**
   * Strapi populates the relations of one query side by side; inside a transaction they would
   * share its connection (concurrent queries on one pg client). Targets are therefore loaded
   * before the transaction: the instance's conditional update decides races, not this read.
   */
  async function loadTarget(uid: string, documentId: string, transitions: WorkflowTransition[]) {
    const target = await strapi.db
      .query(uid as any)
      .findOne({ where: { documentId }, populate: populateFor(uid, transitions) });
    return (target ?? null) as Record<string, unknown> | null;
  }

  /** The targets of several items at once, by documentId (the first row of each, as `findOne` reads). */
  async function loadTargets(uid: string, documentIds: string[], transitions: WorkflowTransition[]) {
    const byId = new Map<string, Record<string, unknown>>();
    if (documentIds.length === 0) return byId;
    const rows = (await strapi.db
      .query(uid as any)
      .findMany({ where: { documentId: { $in: documentIds } }, populate: populateFor(uid, transitions) })) as Array<
      Record<string, unknown> & { documentId: string }
    >;
    for (const row of rows) if (!byId.has(row.documentId)) byId.set(row.documentId, row);
    return byId;
  }

  /** The documentIds of the people a person field, or a dotted path to one, points to. */
  function peopleAt(target: Record<string, unknown>, path: string): string[] {
    let values: unknown[] = [target];
    for (const part of path.split('.')) {
      values = values.flatMap((value) =>
        value && typeof value === 'object' ? ([] as unknown[]).concat((value as Record<string, unknown>)[part] ?? []) : []
      );
    }
    return values
      .map((person) => (person as { documentId?: string } | null)?.documentId)
      .filter((id): id is string => !!id);
  }

  function relationsOf(definition: WorkflowDefinition, target: Record<string, unknown>): TargetRelations {
    const relations: TargetRelations = {};
    for (const transition of definition.transitions) {
      const fields = [
        ...(transition.actors ?? []).flatMap((rule) => ('field' in rule ? [rule.field] : [])),
        ...(transition.approvals?.excludeFields ?? []),
      ];
      for (const field of fields) relations[field] = peopleAt(target, field);
    }
    return relations;
  }

  /** Each guard of the transition, one after another (they may query the database). */
  async function evaluateGuards(transition: WorkflowTransition, context: GuardContext): Promise<GuardOutcome[]> {
    const outcomes: GuardOutcome[] = [];
    for (const guard of transition.guards ?? []) {
      const type = catalogue.guard(guard.type);
      if (!type) {
        outcomes.push({ guard: guard.type, ok: false, message: `Unknown guard type "${guard.type}"` });
        continue;
      }
      const result = await type.evaluate(guard, { ...context, transition });
      outcomes.push({ guard: guard.type, ok: result.ok, message: result.message });
    }
    return outcomes;
  }

  /**
   * The guards of the transition for many items (each context one item), one guard after another:
   * set-based where the guard type answers for many (`evaluateMany`), else item by item.
   */
  async function evaluateGuardsMany(transition: WorkflowTransition, contexts: GuardContext[]): Promise<GuardOutcome[][]> {
    const outcomes = contexts.map((): GuardOutcome[] => []);
    if (contexts.length === 0) return outcomes;
    for (const guard of transition.guards ?? []) {
      const type = catalogue.guard(guard.type);
      let results: Array<{ ok: boolean; message?: string }>;
      if (!type) results = contexts.map(() => ({ ok: false, message: `Unknown guard type "${guard.type}"` }));
      else if (type.evaluateMany) results = await type.evaluateMany(guard, contexts.map((context) => ({ ...context, transition })));
      else {
        results = [];
        for (const context of contexts) results.push(await type.evaluate(guard, { ...context, transition }));
      }
      results.forEach((result, i) => outcomes[i].push({ guard: guard.type, ok: result.ok, message: result.message }));
    }
    return outcomes;
  }

  return { populateFor, loadTarget, loadTargets, relationsOf, evaluateGuards, evaluateGuardsMany };
}

export type Facts = ReturnType<typeof createFacts>;
