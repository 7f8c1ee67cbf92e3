/**
 * An admin's ability is built once per set of permissions and kept (security/ability-cache.ts),
 * yet a role's permissions changed count from the very next request, and two people of one role
 * with a condition on their own entries each get their own.
 */
import { ABILITY_CACHE_STATS } from '../../src/plugins/pmo/server/src/security/ability-cache';
import { EXPORTS_READ } from '../../src/plugins/pmo/shared/contracts/finance';
import { asAdmin, getStrapi, type Agent } from '../helpers/strapi';

const DEPARTMENT = 'api::department.department';
const ACCESS = { action: 'plugin::pmo.access', subject: null, properties: {}, conditions: [] };

/** The counts the booted Strapi's ability cache keeps on its permission engine. */
const counts = (): { built: number; reused: number } => (getStrapi().service('admin::permission') as any).engine[ABILITY_CACHE_STATS];

async function roleWith(code: string, permissions: object[]) {
  const strapi = getStrapi();
  const roles = strapi.service('admin::role') as any;
  const role =
    (await strapi.db.query('admin::role').findOne({ where: { code } })) ??
    (await roles.create({ name: code, code, description: 'Made by the ability cache tests' }));
  await roles.assignPermissions(role.id, permissions);
  return role as { id: number };
}

describe('kept abilities follow the permissions stored', () => {
  const code = 'ability-cache-exports';
  const exportsRead = { action: EXPORTS_READ, subject: null, properties: {}, conditions: [] };
  let finance: Agent;

  beforeAll(async () => {
    await roleWith(code, [ACCESS, exportsRead]);
    finance = await asAdmin('ability-cache-exports@test.pmo', [code]);
  });

  it('reuses the ability while the permissions stay the same', async () => {
    expect((await finance.get('/pmo/exports/cost-ledger.csv?from=2030-01-01')).status).toBe(200);
    const before = { ...counts() };
    for (let i = 0; i < 3; i += 1) expect((await finance.get('/pmo/exports/cost-ledger.csv?from=2030-01-01')).status).toBe(200);
    const after = counts();
    expect(after.reused - before.reused).toBe(3);
    expect(after.built).toBe(before.built);
  });

  it('a permission taken away is refused on the next request, and allowed again once given back', async () => {
    const role = await roleWith(code, [ACCESS]);
    const refused = await finance.get('/pmo/exports/cost-ledger.csv?from=2030-01-01');
    expect(refused.status).toBe(403);
    await (getStrapi().service('admin::role') as any).assignPermissions(role.id, [ACCESS, exportsRead]);
    expect((await finance.get('/pmo/exports/cost-ledger.csv?from=2030-01-01')).status).toBe(200);
  });

  it('a user made inactive is signed out on the next request', async () => {
    const strapi = getStrapi();
    const user = await strapi.db.query('admin::user').findOne({ where: { email: 'ability-cache-exports@test.pmo' } });
    await strapi.db.query('admin::user').update({ where: { id: user.id }, data: { isActive: false } });
    try {
      expect((await finance.get('/pmo/exports/cost-ledger.csv?from=2030-01-01')).status).toBe(401);
    } finally {
      await strapi.db.query('admin::user').update({ where: { id: user.id }, data: { isActive: true } });
    }
    expect((await finance.get('/pmo/exports/cost-ledger.csv?from=2030-01-01')).status).toBe(200);
  });
});

describe('a condition on the reader: two people of one role each see their own entries', () => {
  const code = 'ability-cache-creators';
  const stem = `Ability ${Math.random().toString(36).slice(2, 8)}`;
  const people: Array<{ agent: Agent; name: string }> = [];

  beforeAll(async () => {
    const strapi = getStrapi();
    await roleWith(code, [
      ACCESS,
      { action: 'plugin::content-manager.explorer.read', subject: DEPARTMENT, properties: { fields: ['name'] }, conditions: ['admin::is-creator'] },
    ]);
    const table = strapi.db.metadata.get(DEPARTMENT as never).tableName;
    for (const who of ['first', 'second']) {
      const email = `ability-cache-${who}@test.pmo`;
      const agent = await asAdmin(email, [code]);
      const user = await strapi.db.query('admin::user').findOne({ where: { email } });
      const name = `${stem} ${who}`;
      const department = await strapi.documents(DEPARTMENT as never).create({ data: { name } as never });
      await strapi.db.connection(table).where({ document_id: department.documentId }).update({ created_by_id: user.id });
      people.push({ agent, name });
    }
  });

  it.each([0, 1, 0, 1])('person %i sees only the department they made', async (index) => {
    const { agent, name } = people[index];
    const res = await agent.get(`/content-manager/collection-types/${DEPARTMENT}?page=1&pageSize=50&filters[name][$startsWith]=${encodeURIComponent(stem)}`);
    expect(res.status).toBe(200);
    expect(res.body.results.map((row: { name: string }) => row.name)).toEqual([name]);
  });
});
