/**
 * What API tests use: the worker's Strapi, HTTP requests as the super admin, as each PMO role
 * or with an API token, and small factories.
 */
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import type { FieldOwner } from '../../src/plugins/pmo/shared/contracts/protected-fields';
import { PMO_ROLE_KEYS, type PmoRoleKey } from '../../src/plugins/pmo/shared/pmo-roles';

type Shared = {
  strapi: Core.Strapi;
  tokens: Map<string, string>;
  cache: Map<string, unknown>;
};

declare global {
  // eslint-disable-next-line no-var
  var __PMO__: Shared;
}

/** The PMO roles' admin role codes, as the plugin defines them (not a copy). */
export const PMO_ROLES = PMO_ROLE_KEYS;
export type PmoRole = PmoRoleKey;

export const TEST_PASSWORD = 'Test-Password-1';

export function getStrapi(): Core.Strapi {
  if (!globalThis.__PMO__) throw new Error('API tests must run in the strapi test environment');
  return globalThis.__PMO__.strapi;
}

export const http = () => request(getStrapi().server.httpServer);

let sequence = 0;
/** A code unique within the worker's database, e.g. `PRJ-4F2A-3`. */
export function uniqueCode(prefix = 'T') {
  sequence += 1;
  return `${prefix}-${Date.now().toString(36).toUpperCase()}-${process.pid.toString(36)}-${sequence}`;
}

/**
 * Runs `work` as the capability that owns some protected fields, so a fixture can store what
 * that capability records (a gate decision, a change decision) without going through its route.
 */
export function asCapability<T>(owner: FieldOwner, work: () => Promise<T>): Promise<T> {
  const service = getStrapi().plugin('pmo').service('protectedFields') as { asCapability: typeof asCapability };
  return service.asCapability(owner, work);
}

async function loginToken(email: string) {
  const res = await http().post('/admin/login').send({ email, password: TEST_PASSWORD });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${res.text}`);
  return res.body.data.token as string;
}

/** Creates (once per worker) an active admin user holding the given admin role codes. */
export async function ensureAdminUser(email: string, roleCodes: string[], firstname = 'Test') {
  const strapi = getStrapi();
  const existing = await strapi.db.query('admin::user').findOne({ where: { email } });
  if (existing) return existing;
  const roles = await strapi.db.query('admin::role').findMany({ where: { code: { $in: roleCodes } } });
  if (roles.length !== roleCodes.length) throw new Error(`unknown admin roles ${roleCodes}`);
  return (strapi.service('admin::user') as any).create({
    firstname,
    lastname: roleCodes.join(' '),
    email,
    password: TEST_PASSWORD,
    isActive: true,
    roles: roles.map((role: { id: number }) => role.id),
  });
}

async function tokenFor(key: string, email: string, roleCodes: string[]) {
  const { tokens } = globalThis.__PMO__;
  const cached = tokens.get(key);
  if (cached) return cached;
  await ensureAdminUser(email, roleCodes);
  const token = await loginToken(email);
  tokens.set(key, token);
  return token;
}

export type Agent = {
  token: string;
  get: (url: string) => request.Test;
  post: (url: string) => request.Test;
  put: (url: string) => request.Test;
  del: (url: string) => request.Test;
};

function agent(token: string): Agent {
  const auth = (test: request.Test) => test.set('Authorization', `Bearer ${token}`);
  return {
    token,
    get: (url) => auth(http().get(url)),
    post: (url) => auth(http().post(url)),
    put: (url) => auth(http().put(url)),
    del: (url) => auth(http().delete(url)),
  };
}

/** The super admin, over the admin API. */
export async function asSuperAdmin() {
  return agent(await tokenFor('super-admin', 'super.admin@test.pmo', ['strapi-super-admin']));
}

/** An admin user holding one PMO role, over the admin API. */
export async function asRole(role: PmoRole) {
  return agent(await tokenFor(role, `${role}@test.pmo`, [role]));
}

/** Any admin user, created once per worker, holding the given admin role codes. */
export async function asAdmin(email: string, roleCodes: string[]) {
  return agent(await tokenFor(`user:${email}`, email, roleCodes));
}

/** The admin user record behind an email (after asAdmin/asRole created it). */
export async function adminUser(email: string) {
  return getStrapi().db.query('admin::user').findOne({ where: { email } });
}

/** A Content API token: `full-access`, `read-only`, or `custom` with the given actions. */
export async function withApiToken(
  type: 'full-access' | 'read-only' | 'custom' = 'full-access',
  permissions: string[] = []
) {
  const key = `api-token:${type}:${permissions.slice().sort().join(',')}`;
  const { tokens } = globalThis.__PMO__;
  let token = tokens.get(key);
  if (!token) {
    const created = await (getStrapi().service('admin::api-token') as any).create({
      name: `test ${key}`.slice(0, 100),
      description: 'created by the test suite',
      type,
      kind: 'content-api',
      lifespan: null,
      permissions: type === 'custom' ? permissions : undefined,
    });
    token = created.accessKey as string;
    tokens.set(key, token);
  }
  return agent(token!);
}
