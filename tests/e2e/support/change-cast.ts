/**
 * People for the change-control story: admin users holding one or more PMO roles, each with the
 * directory person of the same email (how PMO Hub tells who raised a change or manages a project).
 */
import type { Core } from '@strapi/strapi';
import type { Credentials } from './server';
import { createPerson } from './mentoring-cast';

export type CastMember = Credentials & { id: number; name: string; personId: string };

/** An admin user holding every role in `roleCodes`, and their person. */
export async function createCastMember(
  strapi: Core.Strapi,
  roleCodes: string[],
  { firstname, lastname, email }: { firstname: string; lastname: string; email: string },
  password = 'E2e-Password-1'
): Promise<CastMember> {
  const roles = await strapi.db.query('admin::role').findMany({ where: { code: { $in: roleCodes } } });
  if (roles.length !== roleCodes.length) throw new Error(`unknown admin roles among ${roleCodes.join(', ')}`);
  const user = await (strapi.service('admin::user') as any).create({
    firstname,
    lastname,
    email,
    password,
    isActive: true,
    roles: roles.map((role: { id: number }) => role.id),
  });
  const name = `${firstname} ${lastname}`;
  return { id: user.id, email, password, name, personId: await createPerson(strapi, name, email) };
}
