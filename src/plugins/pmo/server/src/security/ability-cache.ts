/**
 * An admin's ability, built once for the permissions it comes from instead of on every request.
 *
 * Strapi's admin authentication reads the user's permissions and builds a CASL ability from them
 * on every request (`engine.generateUserAbility`): each permission goes through the engine's
 * hooks one by one. For the super admin's 215 permissions that took 5-8 ms when idle and 18-25 ms
 * of every request under load on this machine, more than the rest of most routes.
 *
 * Here the permissions are still read from the database on every request, so a role edited on
 * any instance counts from the next request on; they are read as the rows stored (one query of
 * the permissions of the user's roles, 1 ms), not through Strapi's query engine (5 ms for 215).
 * Only the building is skipped: the ability is kept under a digest of everything it is built
 * from, the user as Strapi loaded them (id, roles, every field) and their permissions' rows, and
 * reused while both are the same. A changed permission (its row and `updated_at`), a changed
 * role or a changed user is a new digest, and a new ability. An ability is kept only if the rows
 * are still the same once it is built, so one built from rows changed meanwhile is not kept under
 * the rows read before.
 *
 * A permission's conditions are worked out while the ability is built, by handlers that may read
 * anything. Strapi's own two read only the user; an ability with any other condition is built
 * afresh every time. Strapi never changes an ability once built (checks only read it), so one
 * ability can serve many requests. At most `KEPT` are kept, the least recently used dropped first
 * (about 100 KB each for the super admin: under 7 MB). docs/upstream-patches.md has more.
 */
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/** Conditions whose handlers read the user alone (Strapi's own, `@strapi/admin` domain/condition). */
const USER_ONLY_CONDITIONS = new Set(['admin::is-creator', 'admin::has-same-role-as-creator']);
/** Abilities kept: one per signed-in user and permission set, in use at once. */
export const KEPT = 64;

type Engine = {
  generateUserAbility(user: { id?: number | string | null }): Promise<unknown>;
  /** `generateAbility(permissions, user)` of the engine inside (what generateUserAbility calls after reading). */
  generateTokenAbility(permissions: unknown[], owner: unknown): Promise<unknown>;
};
type PermissionService = { engine: Engine; findUserPermissions(user: unknown): Promise<unknown[]> };
type JoinTable = { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
/** A permission's row as stored: `conditions` is JSON text on SQLite, parsed on PostgreSQL. */
type PermissionRow = { conditions?: unknown } & Record<string, unknown>;

/**
 * Where the engine keeps this cache's counts, abilities built and reused since the start (the
 * tests read them there, as the booted Strapi counted them); its presence marks the engine done.
 */
export const ABILITY_CACHE_STATS = Symbol.for('pmo.ability-cache');

/** A row's condition names, or null when its `conditions` cannot be read as a list. */
function conditionsOf(row: PermissionRow): unknown[] | null {
  if (row.conditions === null || row.conditions === undefined) return [];
  try {
    const value = typeof row.conditions === 'string' ? (JSON.parse(row.conditions) as unknown) : row.conditions;
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The digest an ability is kept under, or null when one of its conditions may read more than the
 * user (or cannot be read: Strapi then builds it as it always does).
 */
export function abilityKey(user: unknown, rows: readonly PermissionRow[]): string | null {
  const onlyUser = rows.every((row) => conditionsOf(row)?.every((condition) => USER_ONLY_CONDITIONS.has(condition as string)) ?? false);
  if (!onlyUser) return null;
  return createHash('sha256').update(JSON.stringify([user, rows])).digest('base64');
}

/** Replaces the admin permission engine's `generateUserAbility` with the keeping one (once per engine). */
export function installAbilityCache(strapi: Core.Strapi) {
  const service = strapi.service('admin::permission') as unknown as PermissionService;
  const engine = service.engine as Engine & { [ABILITY_CACHE_STATS]?: { built: number; reused: number } };
  if (engine[ABILITY_CACHE_STATS]) return;
  if (typeof engine.generateTokenAbility !== 'function' || typeof service.findUserPermissions !== 'function') {
    strapi.log.warn('PMO Hub: this Strapi has no generateTokenAbility; admin abilities are built on every request');
    return;
  }
  const stats = { built: 0, reused: 0 };
  engine[ABILITY_CACHE_STATS] = stats;
  const kept = new Map<string, unknown>();

  // The rows findUserPermissions reads (the permissions of every role the user has), as stored.
  const permission = strapi.db.metadata.get('admin::permission');
  const roleLink = (permission.attributes.role as unknown as { joinTable: JoinTable }).joinTable;
  const userLink = (strapi.db.metadata.get('admin::user').attributes.roles as unknown as { joinTable: JoinTable }).joinTable;
  const rowsOf = (userId: number | string): Promise<PermissionRow[]> => {
    const knex = strapi.db.connection as unknown as Knex;
    return knex({ p: permission.tableName })
      .join({ pr: roleLink.name }, `pr.${roleLink.joinColumn.name}`, 'p.id')
      .join({ ur: userLink.name }, `ur.${userLink.inverseJoinColumn.name}`, `pr.${roleLink.inverseJoinColumn.name}`)
      .where(`ur.${userLink.joinColumn.name}`, userId)
      .select('p.*')
      .orderBy('p.id');
  };

  const original = engine.generateUserAbility.bind(engine);
  engine.generateUserAbility = async (user) => {
    if (user?.id === undefined || user.id === null) return original(user); // not a stored user: Strapi's way
    const key = abilityKey(user, await rowsOf(user.id));
    const found = key === null ? undefined : kept.get(key);
    if (key !== null && found !== undefined) {
      kept.delete(key); // most recently used last
      kept.set(key, found);
      stats.reused += 1;
      return found;
    }
    const ability = await engine.generateTokenAbility(await service.findUserPermissions(user), user);
    stats.built += 1;
    if (key !== null && abilityKey(user, await rowsOf(user.id)) === key) {
      kept.set(key, ability);
      if (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
    }
    return ability;
  };
}
