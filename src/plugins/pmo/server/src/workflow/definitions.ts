/**
 * Workflow definitions: validate, create, update (a new version each save), seed, list, and the
 * lookup by content type that every Document Service write makes (`workflowFor`, cached).
 */
import type { Core } from '@strapi/strapi';
import { pathLabel, type Problem } from '../../../shared/contracts/common';
import type { ValidationAnswer, WorkflowDefinition, WorkflowSummary } from '../../../shared/contracts/workflow';
import { conflict, errors, invalidFields } from '../platform/errors';
import { PERSON_UID } from './actor';
import type { Catalogue } from './catalogue';
import { removedStates, validateDefinition } from './definition';
import { typeName } from './definition-common';
import { showStateColumn } from './list-column';
import { INSTANCE_UID, WORKFLOW_UID, nowIso, type InstanceRow, type WorkflowRow } from './records';

/**
 * How long a cached `workflowFor` answer is trusted. A save on this Strapi process clears the
 * cache at once; a save on another process (several Strapi instances on one database) is seen
 * here when the entry expires, so within this delay. A TTL was chosen over a version check per
 * lookup because the lookup runs on every write of every content type: a check would still be a
 * query per write, while the TTL costs one query per content type per second at most. Firing a
 * transition stays safe meanwhile: the instance's conditional update on its version decides.
 */
export const WORKFLOW_CACHE_TTL_MS = 1000;

export function createDefinitions(strapi: Core.Strapi, catalogue: Catalogue) {
  const db = () => strapi.db;

  // ---- the lookup by content type, cached ---------------------------------------------------

  /** uid → the workflow it follows (null: none), read at `at`. Entries are shared: never mutate them. */
  const cache = new Map<string, { at: number; workflow: WorkflowRow | null }>();

  /** Forgets every cached lookup (after a save; a new workflow may govern a type that had none). */
  function invalidate() {
    cache.clear();
  }

  /** The workflow a content type follows, without its saved versions (only edits need those). */
  async function workflowFor(uid: string): Promise<WorkflowRow | null> {
    const cached = cache.get(uid);
    if (cached && Date.now() - cached.at < WORKFLOW_CACHE_TTL_MS) return cached.workflow;
    const at = Date.now();
    const workflow: WorkflowRow | null = await db()
      .query(WORKFLOW_UID)
      .findOne({ where: { appliesTo: uid }, select: ['id', 'key', 'name', 'appliesTo', 'version', 'definition'] });
    cache.set(uid, { at, workflow: workflow ?? null });
    return workflow ?? null;
  }

  // ---- validation -----------------------------------------------------------------------------

  function validationContext() {
    const contentTypes = Object.fromEntries(
      Object.entries(strapi.contentTypes)
        .filter(([uid]) => uid.startsWith('api::') || uid.startsWith('plugin::pmo.'))
        .map(([uid, model]) => [
          uid,
          {
            attributes: model.attributes as Record<string, any>,
            displayName: model.info?.displayName,
            draftAndPublish: Boolean((model as { options?: { draftAndPublish?: boolean } }).options?.draftAndPublish),
          },
        ])
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
    const roles: Array<{ code: string; name: string }> = await db().query('admin::role').findMany({ select: ['code', 'name'] });
    const context = {
      ...validationContext(),
      roles: roles.map((role) => role.code),
      roleNames: Object.fromEntries(roles.map((role) => [role.code, role.name])),
    };
    const result = validateDefinition(input, context);
    const problems: Problem[] = result.ok ? [] : [...result.problems];
    const appliesTo = (input as { appliesTo?: unknown })?.appliesTo;
    const key = (input as { key?: unknown })?.key;
    if (typeof appliesTo === 'string') {
      const other = await db()
        .query(WORKFLOW_UID)
        .findOne({ where: { appliesTo, key: { $ne: replacingKey ?? (typeof key === 'string' ? key : '') } } });
      const type = typeName(appliesTo, context.contentTypes);
      if (other) {
        problems.push({
          path: ['appliesTo'],
          message: `The content type ${type} already follows the workflow “${other.name}”; a content type follows one workflow only`,
        });
      }
      const attribute = (strapi.contentTypes as any)[appliesTo]?.attributes?.workflowState;
      if (appliesTo in strapi.contentTypes && !attribute) {
        problems.push({
          path: ['appliesTo'],
          message: `The content type ${type} cannot follow a workflow: it has no field to hold an item's state; choose another content type`,
        });
      }
    }
    return { problems, definition: result.ok && problems.length === 0 ? result.definition : null };
  }

  /** The one 400 (DESIGN.md "Errors"): every problem in `details.errors`, by its path into the definition. */
  function refuseDefinition(problems: Problem[]): never {
    throw invalidFields(problems);
  }

  // ---- reading and saving ---------------------------------------------------------------------

  /** Items in each state, by workflow: of the workflows named, in one pass over the instances. */
  async function stateCounts(keys: string[]): Promise<Map<string, Record<string, number>>> {
    const rows = await db()
      .connection(db().metadata.get(INSTANCE_UID).tableName)
      .select('workflow_key', 'state')
      .count({ count: '*' })
      .whereIn('workflow_key', keys)
      .groupBy('workflow_key', 'state');
    const counts = new Map<string, Record<string, number>>(keys.map((key) => [key, {}]));
    for (const row of rows as any[]) counts.get(row.workflow_key)![row.state] = Number(row.count);
    return counts;
  }

  function present(row: WorkflowRow, instances: Record<string, number>): WorkflowSummary {
    return {
      key: row.key,
      name: row.name,
      appliesTo: row.appliesTo,
      version: row.version,
      definition: row.definition,
      instances,
      updatedAt: row.updatedAt ? new Date(row.updatedAt).toISOString() : null,
    };
  }

  /** One workflow as answered, with its items' counts by state. */
  const presentOne = async (row: WorkflowRow) => present(row, (await stateCounts([row.key])).get(row.key)!);

  async function findWorkflowRow(key: string): Promise<WorkflowRow | null> {
    return db().query(WORKFLOW_UID).findOne({ where: { key } });
  }

  /**
   * Every workflow with its items' counts by state: the counts in one grouped query (a query per
   * workflow read the instances once each: 260 ms at 10,000 projects and 100,000 change requests,
   * on every Content Manager page that shows a state; bench/README.md, bench/lists).
   */
  async function listWorkflows() {
    const rows: WorkflowRow[] = await db().query(WORKFLOW_UID).findMany({ orderBy: { key: 'asc' } });
    const counts = await stateCounts(rows.map((row) => row.key));
    return rows.map((row) => present(row, counts.get(row.key)!));
  }

  async function getWorkflow(key: string) {
    const row = await findWorkflowRow(key);
    if (!row) throw new errors.NotFoundError(`There is no workflow "${key}"`);
    return presentOne(row);
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
    invalidate();
    await showStateColumn(strapi, definition.appliesTo);
    return presentOne(row);
  }

  async function updateWorkflow(key: string, input: unknown, savedBy: string | null) {
    const current = await findWorkflowRow(key);
    if (!current) throw new errors.NotFoundError(`There is no workflow "${key}"`);
    if ((input as { key?: unknown })?.key !== key) {
      refuseDefinition([{ path: ['key'], message: `key must stay "${key}" (keys are stable identifiers)` }]);
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
    invalidate();
    await showStateColumn(strapi, definition.appliesTo);
    return presentOne(row);
  }

  /** Seeds a default definition when its key is absent; never overwrites an administrator's edits. */
  async function seedWorkflow(definition: WorkflowDefinition) {
    if (await findWorkflowRow(definition.key)) return false;
    await createWorkflow(definition, 'PMO Hub defaults');
    return true;
  }

  /**
   * Replaces a seeded definition by a newer seed, as a new version, only while it is the seed
   * unchanged: still at `fromVersion` and last saved by PMO Hub's defaults (no administrator has
   * saved it since), and `outdated` says the stored definition lacks what the new seed brings.
   */
  async function upgradeSeededWorkflow(definition: WorkflowDefinition, fromVersion: number, outdated: (stored: WorkflowDefinition) => boolean) {
    const row = await findWorkflowRow(definition.key);
    if (!row || row.version !== fromVersion || (row as WorkflowRow & { updatedByName?: string | null }).updatedByName !== 'PMO Hub defaults' || !outdated(row.definition)) return false;
    await updateWorkflow(definition.key, definition, 'PMO Hub defaults');
    return true;
  }

  return {
    listWorkflows,
    getWorkflow,
    createWorkflow,
    updateWorkflow,
    seedWorkflow,
    upgradeSeededWorkflow,
    /** The problems of a draft, each at its path written as in the definition (`transitions[2].to`). */
    async validate(input: unknown): Promise<ValidationAnswer> {
      const { problems } = await problemsOf(input, (input as { key?: string })?.key);
      return { problems: problems.map((problem) => ({ path: pathLabel(problem.path), message: problem.message })) };
    },
    workflowFor,
    invalidate,
  };
}

export type Definitions = ReturnType<typeof createDefinitions>;
