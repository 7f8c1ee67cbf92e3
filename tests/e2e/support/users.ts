/**
 * Admin users holding PMO roles, for end-to-end tests that log in as someone other than a super
 * admin (the roles themselves are created by the plugin's bootstrap).
 */
import type { Core } from '@strapi/strapi';
import type { Credentials } from './server';

export type RoleUser = Credentials & { id: number; name: string };

/** An active admin user with the admin role whose `code` is `roleCode`, able to log in. */
export async function createRoleUser(
  strapi: Core.Strapi,
  roleCode: string,
  { firstname, lastname, email }: { firstname: string; lastname: string; email: string },
  password = 'E2e-Password-1'
): Promise<RoleUser> {
  const role = await strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  if (!role) throw new Error(`the admin role "${roleCode}" does not exist`);
  const user = await (strapi.service('admin::user') as any).create({
    firstname,
    lastname,
    email,
    password,
    isActive: true,
    roles: [role.id],
  });
  return { id: user.id, email, password, name: `${firstname} ${lastname}` };
}
