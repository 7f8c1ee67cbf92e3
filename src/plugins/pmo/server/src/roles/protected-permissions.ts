/**
 * PMO roles write content without its protected fields (shared/contracts/protected-fields.ts):
 * their Content Manager create and update permissions list every field but those, so the
 * Content Manager shows them read-only and Strapi's sanitizer never passes them on. Read
 * permissions keep every field, and a read permission that lists its fields gains a protected
 * field it lacks (one added to a type later, such as the title of status reports and budget
 * lines, which Strapi names them by: without it the role would see internal ids).
 */
import type { Core } from '@strapi/strapi';
import { OWNED_TYPES, hasProtectedFields, protectedFieldsOf } from '../../../shared/contracts/protected-fields';
import { CONTENT_MANAGER } from '../../../shared/contracts/uids';

export type Permission = {
  id?: number;
  action: string;
  subject?: string | null;
  properties?: { fields?: string[] | null } & Record<string, unknown>;
  conditions?: unknown[];
  actionParameters?: Record<string, unknown>;
};

const WRITE_ACTIONS = new Set<string>([CONTENT_MANAGER.create, CONTENT_MANAGER.update]);

/** Whether a permission field path (`decision`, `impact.cost`) is, or lies in, a protected field. */
const isProtectedPath = (subject: string, path: string) =>
  subject in OWNED_TYPES || !!protectedFieldsOf(subject)[path.split('.')[0]];

const concerns = (permission: Permission): permission is Permission & { subject: string } =>
  WRITE_ACTIONS.has(permission.action) &&
  !!permission.subject &&
  hasProtectedFields(permission.subject);

/**
 * The permission without protected fields, or null when it has none to drop. No `fields` at all
 * means every field to Strapi, so `allFields` lists them first. Pure.
 */
export function withoutProtectedFields<P extends Permission>(permission: P, allFields: (subject: string) => string[]): P | null {
  if (!concerns(permission)) return null;
  const fields = permission.properties?.fields;
  const current = Array.isArray(fields) ? fields : allFields(permission.subject);
  const kept = current.filter((field) => !isProtectedPath(permission.subject, field));
  if (Array.isArray(fields) && kept.length === fields.length) return null;
  return { ...permission, properties: { ...permission.properties, fields: kept } };
}

/** Every field path Strapi's Roles page offers for a content type (nested in components). */
function nestedFields(strapi: Core.Strapi) {
  const contentTypeService = strapi.service('admin::content-type') as any;
  return (subject: string): string[] =>
    contentTypeService.getNestedFields(strapi.contentTypes[subject as keyof typeof strapi.contentTypes], { components: strapi.components });
}

/**
 * The read permission with the single protected fields of its type it lacks, or null when it
 * lacks none or lists no fields (every field, to Strapi). Types the engine owns entirely are left
 * as they are. Pure.
 */
export function withProtectedReadFields<P extends Permission>(permission: P): P | null {
  if (permission.action !== CONTENT_MANAGER.read || !permission.subject) return null;
  const fields = permission.properties?.fields;
  if (!Array.isArray(fields)) return null;
  const missing = Object.keys(protectedFieldsOf(permission.subject)).filter((field) => !fields.includes(field));
  if (missing.length === 0) return null;
  return { ...permission, properties: { ...permission.properties, fields: [...fields, ...missing] } };
}

/** Default permissions as granted: create and update without protected fields. */
export function grantable(strapi: Core.Strapi, permissions: Permission[]): Permission[] {
  const all = nestedFields(strapi);
  return permissions.map((permission) => withoutProtectedFields(permission, all) ?? permission);
}

/**
 * Takes protected fields out of a role's stored create and update permissions (a database from
 * before this rule, or an administrator's tick in Settings → Roles), and adds those its read
 * permissions lack (a field protected after the role was made), as Strapi's Roles page saves a
 * changed permission: the old one deleted, the new one added, the role's admin tokens synced.
 * Idempotent: nothing happens once every permission is as it should be.
 */
export async function alignProtectedFields(strapi: Core.Strapi, roleId: number, stored: Permission[]) {
  const all = nestedFields(strapi);
  const changed = stored.flatMap((permission) => {
    const aligned = withoutProtectedFields(permission, all) ?? withProtectedReadFields(permission);
    return aligned ? [{ from: permission, to: aligned }] : [];
  });
  if (changed.length === 0) return 0;
  const permissionService = strapi.service('admin::permission') as any;
  const roleService = strapi.service('admin::role') as any;
  await permissionService.deleteByIds(changed.map(({ from }) => from.id));
  await roleService.addPermissions(
    roleId,
    changed.map(({ to }) => ({
      action: to.action,
      subject: to.subject,
      properties: to.properties,
      conditions: to.conditions ?? [],
      actionParameters: to.actionParameters ?? {},
    }))
  );
  await (strapi.service('admin::api-token-admin') as any)?.syncPermissionsForRole?.(roleId);
  return changed.length;
}
