/**
 * The workflow engine's Strapi-facing side: definitions, instances, transitions and history.
 * The rules live in the pure evaluator (evaluate.ts) and validator (definition.ts); this file
 * loads facts, applies decisions atomically, and records the audit trail.
 */
import type { Core } from '@strapi/strapi';
import type {
  DefinitionProblem,
  TransitionEventView,
  WorkflowDefinition,
  WorkflowInstanceView,
  WorkflowTransition,
} from '../../../shared/workflow-types';
import { conflict, errors, forbidden, invalidField, unprocessable } from '../platform/errors';
import { PERSON_UID, actorFacts, type AdminUser } from './actor';
import type { Catalogue, GuardContext } from './catalogue';
import { removedStates, validateDefinition } from './definition';
import {
  decideFire,
  evaluateTransition,
  type ActorFacts,
  type GuardOutcome,
  type InstanceFacts,
  type TargetRelations,
  type Vote,
} from './evaluate';

export const WORKFLOW_UID = 'plugin::pmo.workflow';
export const INSTANCE_UID = 'plugin::pmo.workflow-instance';
export const EVENT_UID = 'plugin::pmo.transition-event';
export const TRANSITION_EVENT = 'pmo.workflow.transition';

type WorkflowRow = {
  id: number;
  key: string;
  name: string;
  appliesTo: string;
  version: number;
  definition: WorkflowDefinition;
  versions: Array<{ version: number; definition: WorkflowDefinition; savedAt: string; savedBy: string | null }> | null;
  updatedAt?: string;
};

type InstanceRow = {
  id: number;
  workflowKey: string;
  targetUid: string;
  targetDocumentId: string;
  state: string;
  version: number;
  definitionVersion: number;
  enteredAt: string | null;
  enteredById: number | null;
  raisedById: number | null;
  /** The state it was in before this one (null for instances from before the field existed). */
  previousState?: string | null;
  votes: Record<string, Vote[]> | null;
};

export type FireRequest = {
  uid: string;
  documentId: string;
  transition: string;
  comment?: string | null;
  expectedVersion?: number;
};

export type FireResult =
  | { status: 200; body: { state: string; version: number } }
  | { status: 202; body: { votes: number; quorum: number; version: number } };

const nowIso = () => new Date().toISOString();

function instanceFacts(row: InstanceRow): InstanceFacts & { version: number } {
  return {
    state: row.state,
    version: row.version,
    enteredById: row.enteredById,
    raisedById: row.raisedById,
    votes: row.votes ?? {},
  };
}

export function createWorkflowEngine(strapi: Core.Strapi, catalogue: Catalogue) {
  const db = () => strapi.db;

  // ---- definitions ---------------------------------------------------------------------------

  function validationContext() {
    const contentTypes = Object.fromEntries(
      Object.entries(strapi.contentTypes)
        .filter(([uid]) => uid.startsWith('api::') || uid.startsWith('plugin::pmo.'))
        .map(([uid, model]) => [uid, { attributes: model.attributes as Record<string, any> }])
    );
    return {
      guards: Object.fromEntries(catalogue.guardTypes().map((guard) => [guard.type, guard.validate])),
      effects: Object.fromEntries(catalogue.effectTypes().map((effect) => [effect.type, effect.validate])),
      roles: [] as string[],
      contentTypes,
      personUid: PERSON_UID,
    };
  }

  async function problemsOf(input: unknown, replacingKey?: string) {
    const roles = await db().query('admin::role').findMany({ select: ['code'] });
    const context = { ...validationContext(), roles: roles.map((role: { code: string }) => role.code) };
    const result = validateDefinition(input, context);
    const problems: DefinitionProblem[] = result.ok ? [] : [...result.problems];
    const appliesTo = (input as { appliesTo?: unknown })?.appliesTo;
    const key = (input as { key?: unknown })?.key;
    if (typeof appliesTo === 'string') {
      const other = await db()
        .query(WORKFLOW_UID)
        .findOne({ where: { appliesTo, key: { $ne: replacingKey ?? (typeof key === 'string' ? key : '') } } });
      if (other) {
        problems.push({
          path: 'appliesTo',
          message: `${appliesTo} already follows the workflow "${other.key}"; a content type follows one workflow`,
        });
      }
      const attribute = (strapi.contentTypes as any)[appliesTo]?.attributes?.workflowState;
      if (appliesTo in strapi.contentTypes && !attribute) {
        problems.push({ path: 'appliesTo', message: `${appliesTo} has no workflowState field to mirror the state on` });
      }
    }
    return { problems, definition: result.ok && problems.length === 0 ? result.definition : null };
  }

  function refuseDefinition(problems: DefinitionProblem[]): never {
    throw new errors.ValidationError(
      `The workflow definition has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems
        .map((problem) => `${problem.path}: ${problem.message}`)
        .join('; ')}`,
      {
        problems,
        errors: problems.map((problem) => ({ path: problem.path.split(/[.[\]]+/).filter(Boolean), message: problem.message, name: 'ValidationError' })),
      }
    );
  }

  async function stateCounts(key: string) {
    const rows = await db()
      .connection(db().metadata.get(INSTANCE_UID).tableName)
      .select('state')
      .count({ count: '*' })
      .where('workflow_key', key)
      .groupBy('state');
    return Object.fromEntries(rows.map((row: any) => [row.state, Number(row.count)]));
  }

  async function present(row: WorkflowRow) {
    return {
      key: row.key,
      name: row.name,
      appliesTo: row.appliesTo,
      version: row.version,
      definition: row.definition,
      instances: await stateCounts(row.key),
      updatedAt: row.updatedAt ?? null,
    };
  }

  async function findWorkflowRow(key: string): Promise<WorkflowRow | null> {
    return db().query(WORKFLOW_UID).findOne({ where: { key } });
  }

  /** The workflow a content type follows, without its saved versions (only edits need those). */
  async function workflowFor(uid: string): Promise<WorkflowRow | null> {
    return db()
      .query(WORKFLOW_UID)
      .findOne({ where: { appliesTo: uid }, select: ['id', 'key', 'name', 'appliesTo', 'version', 'definition'] });
  }

  async function listWorkflows() {
    const rows: WorkflowRow[] = await db().query(WORKFLOW_UID).findMany({ orderBy: { key: 'asc' } });
    return Promise.all(rows.map(present));
  }

  async function getWorkflow(key: string) {
    const row = await findWorkflowRow(key);
    if (!row) throw new errors.NotFoundError(`No workflow "${key}"`);
    return present(row);
  }

  async function createWorkflow(input: unknown, savedBy: string | null) {
    const key = (input as { key?: unknown })?.key;
    if (typeof key === 'string' && (await findWorkflowRow(key))) {
      throw conflict(`A workflow "${key}" already exists; update it instead`, { key });
    }
    const { problems, definition } = await problemsOf(input);
    if (!definition) refuseDefinition(problems);
    const row = await db().query(WORKFLOW_UID).create({
      data: {
        key: definition.key,
        name: definition.name,
        appliesTo: definition.appliesTo,
        version: 1,
        definition,
        versions: [{ version: 1, definition, savedAt: nowIso(), savedBy }],
        updatedByName: savedBy,
      },
    });
    return present(row);
  }

  async function updateWorkflow(key: string, input: unknown, savedBy: string | null) {
    const current = await findWorkflowRow(key);
    if (!current) throw new errors.NotFoundError(`No workflow "${key}"`);
    if ((input as { key?: unknown })?.key !== key) {
      refuseDefinition([{ path: 'key', message: `key must stay "${key}" (keys are stable identifiers)` }]);
    }
    const { problems, definition } = await problemsOf(input, key);
    if (!definition) refuseDefinition(problems);
    const removed = removedStates(current.definition, definition);
    if (removed.length > 0) {
      const held = await db()
        .query(INSTANCE_UID)
        .findMany({ where: { workflowKey: key, state: { $in: removed } }, select: ['state', 'targetDocumentId'] });
      if (held.length > 0) {
        const byState = removed
          .map((state) => ({ state, documentIds: held.filter((i: InstanceRow) => i.state === state).map((i: InstanceRow) => i.targetDocumentId) }))
          .filter((entry) => entry.documentIds.length > 0);
        throw conflict(
          `This update removes ${byState
            .map((entry) => `"${entry.state}", which still holds ${entry.documentIds.length} item${entry.documentIds.length === 1 ? '' : 's'}`)
            .join(' and ')}; move them out first`,
          { states: byState }
        );
      }
    }
    const version = current.version + 1;
    const row = await db().query(WORKFLOW_UID).update({
      where: { id: current.id },
      data: {
        name: definition.name,
        appliesTo: definition.appliesTo,
        version,
        definition,
        versions: [...(current.versions ?? []), { version, definition, savedAt: nowIso(), savedBy }],
        updatedByName: savedBy,
      },
    });
    return present(row);
  }

  /** Seeds a default definition when its key is absent; never overwrites an administrator's edits. */
  async function seedWorkflow(definition: WorkflowDefinition) {
    if (await findWorkflowRow(definition.key)) return false;
    await createWorkflow(definition, 'PMO Hub defaults');
    return true;
  }

  // ---- instances -----------------------------------------------------------------------------

  async function findInstance(uid: string, documentId: string): Promise<InstanceRow | null> {
    return db().query(INSTANCE_UID).findOne({ where: { targetUid: uid, targetDocumentId: documentId } });
  }

  async function targetExists(uid: string, documentId: string) {
    return (await db().query(uid as any).count({ where: { documentId } })) > 0;
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
          if (typeof recipient === 'string' && recipient.startsWith('field:')) paths.push([recipient.slice(6)]);
        }
      }
    }
    return populateTree(uid, paths);
  }

  /** `[['project', 'manager'], ['impact', 'cost']]` → `{ project: { populate: { manager: true } }, impact: true }`. */
  function populateTree(uid: string, paths: string[][]): Record<string, true | { populate: Record<string, unknown> }> {
    const attributes = ((strapi.getModel(uid as any) as any)?.attributes ?? {}) as Record<
      string,
      { type: string; target?: string; component?: string }
    >;
    const tree: Record<string, true | { populate: Record<string, unknown> }> = {};
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

  async function loadTarget(uid: string, documentId: string, transitions: WorkflowTransition[]) {
    const target = await db()
      .query(uid as any)
      .findOne({ where: { documentId }, populate: populateFor(uid, transitions) });
    return (target ?? null) as Record<string, unknown> | null;
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

  async function requireGoverned(uid: string, documentId: string) {
    if (!(uid in strapi.contentTypes)) throw new errors.NotFoundError(`Unknown content type "${uid}"`);
    const workflow = await workflowFor(uid);
    if (!workflow) throw new errors.NotFoundError(`${uid} does not follow a workflow`);
    if (!(await targetExists(uid, documentId))) throw new errors.NotFoundError(`No ${uid} with documentId "${documentId}"`);
    return workflow;
  }

  async function view(uid: string, documentId: string, user: AdminUser): Promise<WorkflowInstanceView> {
    const workflow = await requireGoverned(uid, documentId);
    const instance = await ensureInstance(workflow, uid, documentId, null);
    const definition = workflow.definition;
    const available = definition.transitions.filter((t) => t.from.includes(instance.state));
    const [actor, target] = await Promise.all([actorFacts(strapi, user), loadTarget(uid, documentId, available)]);
    const relations = relationsOf(definition, target ?? {});
    const base = {
      strapi,
      definition,
      uid,
      documentId,
      target: target ?? {},
      actor,
      instance: { state: instance.state, previousState: instance.previousState ?? null },
    };
    const transitions = [];
    for (const transition of available) {
      const guardOutcomes = await evaluateGuards(transition, { ...base, transition });
      transitions.push(
        evaluateTransition({ definition, transition, instance: instanceFacts(instance), actor, relations, guardOutcomes })
      );
    }
    const state = definition.states.find((s) => s.key === instance.state) ?? { key: instance.state, name: instance.state };
    return {
      workflow: { key: workflow.key, name: workflow.name, version: workflow.version },
      uid,
      documentId,
      state,
      version: instance.version,
      definitionVersion: instance.definitionVersion,
      enteredAt: instance.enteredAt ?? '',
      transitions,
    };
  }

  // ---- transitions ---------------------------------------------------------------------------

  async function recordEvent(data: Record<string, unknown>) {
    // `select` keeps the read-back Strapi does after an insert to the id.
    await db().query(EVENT_UID).create({ data: { ...data, at: data.at ?? nowIso() }, select: ['id'] });
  }

  async function fire(request: FireRequest, user: AdminUser): Promise<FireResult> {
    const { uid, documentId } = request;
    if (!(uid in strapi.contentTypes)) throw new errors.NotFoundError(`Unknown content type "${uid}"`);
    // The facts that need no transaction, read side by side. The instance read here is the one the
    // conditional update checks: if anyone moves the item meanwhile, that update matches no row (409).
    const [workflow, actor, existing] = await Promise.all([
      workflowFor(uid),
      actorFacts(strapi, user),
      findInstance(uid, documentId),
    ]);
    if (!workflow) throw new errors.NotFoundError(`${uid} does not follow a workflow`);
    const definition = workflow.definition;
    const transition = definition.transitions.find((t) => t.key === request.transition);
    if (!transition) {
      throw new errors.NotFoundError(`The workflow "${workflow.key}" has no transition "${request.transition}"`);
    }
    if (!existing && !(await targetExists(uid, documentId))) {
      throw new errors.NotFoundError(`No ${uid} with documentId "${documentId}"`);
    }
    const instance: InstanceRow = existing ?? (await ensureInstance(workflow, uid, documentId, null));

    let emit: Record<string, unknown> | null = null;
    const result = await db().transaction(async ({ onCommit }) => {
      const target = await loadTarget(uid, documentId, [transition]);
      if (!target) throw new errors.NotFoundError(`No ${uid} with documentId "${documentId}"`);
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
      // Guards only matter once the cheaper checks pass; evaluate them lazily.
      const preliminary = decideFire({
        definition,
        transition,
        instance: instanceFacts(instance),
        expectedVersion: request.expectedVersion,
        actor,
        relations: relationsOf(definition, target),
        comment: request.comment,
        guardOutcomes: [],
        now,
      });
      const guardOutcomes =
        preliminary.outcome === 'refuse' ? [] : await evaluateGuards(transition, context);
      const decision = decideFire({
        definition,
        transition,
        instance: instanceFacts(instance),
        expectedVersion: request.expectedVersion,
        actor,
        relations: relationsOf(definition, target),
        comment: request.comment,
        guardOutcomes,
        now,
      });

      if (decision.outcome === 'refuse') {
        if (decision.status === 409) throw conflict(decision.message, { state: instance.state, version: instance.version });
        if (decision.status === 422) throw unprocessable(decision.message, { failures: decision.failures ?? [] });
        if (decision.status === 403) throw forbidden(decision.message);
        throw invalidField(['comment'], decision.message);
      }

      const comment = request.comment?.trim() || null;
      const actorColumns = { actorId: actor.id, actorName: actor.name, actorEmail: actor.email };
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
        ...actorColumns,
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
        return { status: 202 as const, body: { votes: decision.votes.length, quorum: decision.quorum, version: instance.version + 1 } };
      }

      // The state change: one conditional update on the version, so of concurrent requests one wins.
      const moved = await db()
        .query(INSTANCE_UID)
        .updateMany({
          where: { id: instance.id, version: instance.version },
          data: {
            state: transition.to,
            previousState: instance.state,
            version: instance.version + 1,
            definitionVersion: workflow.version,
            enteredAt: now,
            enteredById: actor.id,
            votes: {},
          },
        });
      if (moved.count !== 1) throw conflict('Someone moved this item at the same moment; reload and try again');
      await db().query(uid as any).updateMany({ where: { documentId }, data: { workflowState: transition.to } });
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
      return { status: 200 as const, body: { state: transition.to, version: instance.version + 1 } };
    });
    return result;
  }

  // ---- history -------------------------------------------------------------------------------

  async function history(uid: string, documentId: string): Promise<TransitionEventView[]> {
    if (!(uid in strapi.contentTypes)) throw new errors.NotFoundError(`Unknown content type "${uid}"`);
    const events = await db()
      .query(EVENT_UID)
      .findMany({ where: { targetUid: uid, targetDocumentId: documentId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    return events.map((event: any) => ({
      id: event.id,
      at: new Date(event.at).toISOString(),
      workflow: event.workflowKey,
      definitionVersion: event.definitionVersion,
      transition: event.transition,
      from: event.fromState,
      to: event.toState,
      kind: event.kind,
      actor: { id: event.actorId ?? null, name: event.actorName ?? 'system', email: event.actorEmail ?? null },
      comment: event.comment ?? null,
      votes: event.votes ?? [],
    }));
  }

  return {
    listWorkflows,
    getWorkflow,
    createWorkflow,
    updateWorkflow,
    seedWorkflow,
    validate: async (input: unknown) => (await problemsOf(input, (input as { key?: string })?.key)).problems,
    workflowFor,
    ensureInstance,
    findInstance,
    view,
    fire,
    history,
  };
}

export type WorkflowEngine = ReturnType<typeof createWorkflowEngine>;
