import type { Core } from '@strapi/strapi';
import { CAPABILITIES } from '../capabilities';
import { ROLE_DEFINITIONS, type RoleDefinition } from './definitions';
import { alignProtectedFields, grantable, type Permission } from './protected-permissions';

type Action = { actionId: string; section: string; subjects?: string[] };

const UPLOAD_EDITOR = [
  'plugin::upload.read',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];

const contentAction = (actionId: string) => actionId.replace('plugin::content-manager.explorer.', '');

/** The permissions a role definition grants, in the shape Strapi's role service stores. */
function permissionsFor(strapi: Core.Strapi, definition: RoleDefinition): Permission[] {
  const permissionService = strapi.service('admin::permission') as any;
  const contentTypeService = strapi.service('admin::content-type') as any;
  const known = new Set((permissionService.actionProvider.values() as Action[]).map((a) => a.actionId));

  const contentActions = (permissionService.actionProvider.values() as Action[])
    .filter((action) => action.section === 'contentTypes')
    .map((action) => ({
      ...action,
      subjects: (action.subjects ?? []).filter((uid) =>
        definition.content[uid]?.includes(contentAction(action.actionId) as never)
      ),
    }))
    .filter((action) => action.subjects.length > 0);

  const plain = [...definition.plugin, ...(definition.upload ? UPLOAD_EDITOR : [])]
    .filter((action) => known.has(action))
    .map((action) => ({ action, subject: null, properties: {} }));

  return [...grantable(strapi, contentTypeService.getPermissionsWithNestedFields(contentActions)), ...plain];
}

/** A role definition plus what each capability grants that role. */
function withCapabilityGrants(definition: RoleDefinition): RoleDefinition {
  const content = { ...definition.content };
  for (const capability of CAPABILITIES) {
    for (const [uid, rights] of Object.entries(capability.contentGrants?.[definition.key] ?? {})) {
      content[uid] = [...new Set([...(content[uid] ?? []), ...rights])];
    }
  }
  const plugin = [
    ...definition.plugin,
    ...CAPABILITIES.flatMap((capability) => capability.grants?.[definition.key] ?? []),
  ] as RoleDefinition['plugin'];
  return { ...definition, content, plugin: [...new Set(plugin)] };
}

const samePermission = (a: Permission, b: Permission) =>
  a.action === b.action && (a.subject ?? null) === (b.subject ?? null);

/**
 * Creates the PMO roles that are missing, by their stable key (the admin role's `code`), and adds
 * any default permission a role lacks. It never removes a permission, so an administrator's
 * changes in Settings → Roles survive restarts, with one exception: a create or update
 * permission never keeps a protected field (roles/protected-permissions.ts).
 */
export async function ensurePmoRoles(strapi: Core.Strapi) {
  const roleService = strapi.service('admin::role') as any;
  const permissionService = strapi.service('admin::permission') as any;
  // Strapi creates its own Super Admin, Editor and Author roles only while no role exists, in the
  // admin bootstrap that runs after ours: let it do so first on a fresh database.
  await roleService.createRolesIfNoneExist();

  for (const base of ROLE_DEFINITIONS) {
    const definition = withCapabilityGrants(base);
    let role = await strapi.db.query('admin::role').findOne({ where: { code: definition.key } });
    if (!role) {
      role = await roleService.create({
        name: definition.name,
        code: definition.key,
        description: definition.description,
      });
    }
    const existing: Permission[] = await permissionService.findMany({
      where: { role: { id: role.id } },
    });
    const missing = permissionsFor(strapi, definition).filter(
      (wanted) => !existing.some((have) => samePermission(have, wanted))
    );
    if (missing.length > 0) await roleService.addPermissions(role.id, missing);
    await alignProtectedFields(strapi, role.id, existing);
  }
}
