/**
 * People for the mentoring story: admin users holding a PMO role, each with the directory person
 * of the same email (how PMO Hub tells who someone is), and the admin API as one of them.
 */
import type { Core } from '@strapi/strapi';
import type { Credentials } from './server';
import { createRoleUser, type RoleUser } from './users';
import { PERSON_UID } from '../../../src/plugins/pmo/shared/contracts/uids';

export type Member = RoleUser & { personId: string };

/** An admin user with the role `roleCode`, and the person with the same email and name. */
export async function createMember(
  strapi: Core.Strapi,
  roleCode: string,
  names: { firstname: string; lastname: string; email: string }
): Promise<Member> {
  const user = await createRoleUser(strapi, roleCode, names);
  return { ...user, personId: await createPerson(strapi, user.name, user.email) };
}

/** A directory person (who need not be an admin user). */
export async function createPerson(strapi: Core.Strapi, fullName: string, email: string): Promise<string> {
  const person = await strapi.documents(PERSON_UID as any).create({ data: { fullName, email } as any });
  return person.documentId;
}

export type AdminApi = {
  get: <T = any>(path: string) => Promise<T>;
  post: <T = any>(path: string, body: unknown) => Promise<T>;
};

/** The admin API (JSON) as this user, logged in through /admin/login. */
export async function adminApi(baseURL: string, { email, password }: Credentials): Promise<AdminApi> {
  const login = await fetch(`${baseURL}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login ${email}: ${login.status} ${await login.text()}`);
  const { data } = (await login.json()) as { data: { token: string } };
  const request = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseURL}${path}`, {
      method,
      headers: { Authorization: `Bearer ${data.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return { get: (path) => request('GET', path), post: (path, body) => request('POST', path, body) };
}
