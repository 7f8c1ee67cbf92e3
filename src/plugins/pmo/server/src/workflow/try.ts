/**
 * "Try it": the engine's verdict on a transition for an item and a person other than the caller,
 * with nothing fired, created or recorded. The same evaluation the item's view computes for the
 * caller (evaluate.ts, with the guards' outcomes): actors, approvals, guards. An item without an
 * instance yet is judged from the state its mirror holds, as its first view would place it.
 * Also what the editor needs around it: the PMO roles by name, the people to try as, the items.
 */
import type { Core } from '@strapi/strapi';
import { PMO_ROLE_KEYS } from '../../../shared/pmo-roles';
import type { TryAnswer, TryInput, TryItem, TryUser, WorkflowRole } from '../../../shared/contracts/workflow-try';
import type { WorkflowDefinition } from '../../../shared/contracts/workflow';
import { errors } from '../platform/errors';
import { SUPER_ADMIN_CODE, actorFacts, displayName, type AdminUser } from './actor';
import type { Definitions } from './definitions';
import { evaluateTransition, stateName, type InstanceFacts } from './evaluate';
import type { Facts } from './facts';
import type { Instances } from './instances';
import { instanceFacts } from './records';

type RoleRow = { id: number; code: string; name: string; description?: string | null };
type UserRow = AdminUser & { isActive?: boolean; blocked?: boolean; roles?: RoleRow[] };

/** The text fields that name an item, first found first: a project's code and name, a change's reference and title. */
const PREFIX_FIELDS = ['code', 'reference'];
const NAME_FIELDS = ['name', 'title', 'fullName', 'subject', 'email'];
const ITEM_LIMIT = 20;

const roleOrder = (code: string) => {
  const index = (PMO_ROLE_KEYS as readonly string[]).indexOf(code);
  return index < 0 ? PMO_ROLE_KEYS.length : index;
};

export function createTryOut(
  strapi: Core.Strapi,
  { definitions, instances, facts }: { definitions: Definitions; instances: Instances; facts: Facts }
) {
  const db = () => strapi.db;

  /** The PMO roles the admin panel holds, with their names, in DESIGN.md's order. */
  async function roles(): Promise<WorkflowRole[]> {
    const rows = (await db()
      .query('admin::role')
      .findMany({ where: { code: { $in: [...PMO_ROLE_KEYS] } }, select: ['code', 'name', 'description'] })) as RoleRow[];
    return rows
      .sort((a, b) => roleOrder(a.code) - roleOrder(b.code))
      .map((row) => ({ code: row.code, name: row.name, description: row.description ?? '' }));
  }

  /**
   * Active admin users holding a PMO role (or super admins) whose name or email contains `q`, at
   * most 20, by name: found in SQL as the panel's picker is typed into, never every login.
   */
  async function users(key: string, q?: string): Promise<TryUser[]> {
    await definitions.getWorkflow(key);
    const codes = [...PMO_ROLE_KEYS, SUPER_ADMIN_CODE];
    const text = q?.trim();
    const where: Record<string, unknown> = { isActive: true, blocked: false, roles: { code: { $in: codes } } };
    if (text) where.$or = ['firstname', 'lastname', 'username', 'email'].map((field) => ({ [field]: { $containsi: text } }));
    const rows = (await db()
      .query('admin::user')
      .findMany({ where, populate: ['roles'], orderBy: [{ firstname: 'asc' }, { lastname: 'asc' }, { id: 'asc' }], limit: ITEM_LIMIT })) as UserRow[];
    return rows
      .map((user) => ({
        id: user.id,
        name: displayName(user),
        email: user.email ?? null,
        roles: [...(user.roles ?? [])].sort((a, b) => roleOrder(a.code) - roleOrder(b.code)).map((role) => role.name),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  }

  function attributesOf(uid: string) {
    return ((strapi.getModel(uid as never) as { attributes?: Record<string, { type: string }> } | undefined)?.attributes ?? {}) as Record<
      string,
      { type: string }
    >;
  }

  function labelOf(uid: string, row: Record<string, unknown>) {
    const attributes = attributesOf(uid);
    const first = (fields: string[]) => fields.find((field) => field in attributes && typeof row[field] === 'string' && row[field]);
    const prefix = first(PREFIX_FIELDS);
    const name = first(NAME_FIELDS);
    const parts = [prefix ? row[prefix] : null, name ? row[name] : null].filter(Boolean) as string[];
    return parts.length ? parts.join(' · ') : 'An item without a name';
  }

  function stateOf(definition: WorkflowDefinition, mirrored: unknown) {
    return definition.states.some((state) => state.key === mirrored) ? (mirrored as string) : definition.initial;
  }

  /** Items of the workflow's content type whose name or code contains `q`, at most 20, by name. */
  async function items(key: string, q?: string): Promise<TryItem[]> {
    const { appliesTo: uid, definition } = await definitions.getWorkflow(key);
    const attributes = attributesOf(uid);
    const searchable = [...PREFIX_FIELDS, ...NAME_FIELDS].filter((field) => attributes[field] && ['string', 'text', 'email', 'uid'].includes(attributes[field].type));
    const text = q?.trim();
    const where = text && searchable.length ? { $or: searchable.map((field) => ({ [field]: { $containsi: text } })) } : {};
    const sortBy = searchable.find((field) => NAME_FIELDS.includes(field)) ?? 'id';
    const rows = (await db()
      .query(uid as never)
      .findMany({ where, orderBy: { [sortBy]: 'asc' }, limit: ITEM_LIMIT * 2 })) as Array<Record<string, unknown> & { documentId: string }>;
    const seen = new Set<string>();
    const unique = rows.filter((row) => !seen.has(row.documentId) && seen.add(row.documentId)).slice(0, ITEM_LIMIT);
    const held = await instances.findInstances(uid, unique.map((row) => row.documentId));
    return unique.map((row) => ({
      documentId: row.documentId,
      label: labelOf(uid, row),
      state: stateName(definition, held.get(row.documentId)?.state ?? stateOf(definition, row.workflowState)),
    }));
  }

  /** The verdict on `transition` for the item and the person, as firing it now would decide; nothing is fired. */
  async function tryTransition(key: string, input: TryInput): Promise<TryAnswer> {
    const { appliesTo: uid, definition } = await definitions.getWorkflow(key);
    const transition = definition.transitions.find((t) => t.key === input.transition);
    if (!transition) {
      throw new errors.NotFoundError(`"${definition.name}" has no such transition; choose one of its transitions`);
    }
    const user = (await db()
      .query('admin::user')
      .findOne({ where: { id: input.asUser }, populate: ['roles'] })) as UserRow | null;
    if (!user) throw new errors.NotFoundError('There is no such person among the admin users; choose one from the list');
    const target = await facts.loadTarget(uid, input.documentId, [transition]);
    if (!target) throw new errors.NotFoundError(`There is no such item among the ${definition.name} items; choose one from the list`);
    const row = await instances.findInstance(uid, input.documentId);
    // No instance yet: judged where its first view would place it (created there, not here).
    const instance: InstanceFacts = row
      ? instanceFacts(row)
      : { state: stateOf(definition, target.workflowState), enteredById: null, raisedById: null, votes: {} };
    const actor = await actorFacts(strapi, user);
    const guardOutcomes = await facts.evaluateGuards(transition, {
      strapi,
      definition,
      transition,
      uid,
      documentId: input.documentId,
      target,
      actor,
      instance: { state: instance.state, previousState: row?.previousState ?? null },
    });
    const verdict = evaluateTransition({
      definition,
      transition,
      instance,
      actor,
      relations: facts.relationsOf(definition, target),
      guardOutcomes,
    });
    return {
      allowed: verdict.allowed,
      blockers: verdict.blockers,
      state: stateName(definition, instance.state),
      to: stateName(definition, transition.to),
      requireComment: verdict.requireComment,
      approvals: verdict.approvals ? { quorum: verdict.approvals.quorum, votes: verdict.approvals.votes } : null,
    };
  }

  return { roles, users, items, tryTransition };
}

export type TryOut = ReturnType<typeof createTryOut>;
