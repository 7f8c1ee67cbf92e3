import type { Core } from '@strapi/strapi';
import { PERSON_UID } from '../../../shared/contracts/uids';
import type { ActorFacts } from './evaluate';

export type AdminUser = {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  email?: string | null;
  roles?: Array<{ code: string }>;
};

export const SUPER_ADMIN_CODE = 'strapi-super-admin';
export { PERSON_UID };

export function displayName(user: AdminUser) {
  return [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || user.email || `user ${user.id}`;
}

/** What the engine knows of the acting admin user: roles, and the people that are them (by email). */
export async function actorFacts(strapi: Core.Strapi, user: AdminUser): Promise<ActorFacts> {
  let roles = user.roles;
  if (!roles) {
    const loaded = await strapi.db.query('admin::user').findOne({ where: { id: user.id }, populate: ['roles'] });
    roles = loaded?.roles ?? [];
  }
  const codes = (roles ?? []).map((role) => role.code);
  const people = user.email
    ? await strapi.db.query(PERSON_UID as any).findMany({
        where: { email: { $eqi: user.email } },
        select: ['documentId'],
      })
    : [];
  return {
    id: user.id,
    name: displayName(user),
    email: user.email ?? null,
    isSuperAdmin: codes.includes(SUPER_ADMIN_CODE),
    roles: codes,
    personIds: [...new Set(people.map((person: { documentId: string }) => person.documentId))],
  };
}
