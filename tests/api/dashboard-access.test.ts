/**
 * Who sees what of GET /pmo/dashboard: every PMO role opens it; finance figures need finance.read
 * (finance and analysts see them, project managers get null); a role reading only projects gets
 * every other section null; a role's read conditions narrow the projects counted; without
 * dashboard.read, or without reading projects, the route is a 403 in words.
 */
import { asAdmin, asRole, getStrapi, uniqueCode, type Agent } from '../helpers/strapi';
import { AS_OF, storeFixture, type Stored } from './dashboard-fixtures';
import { PMO_ROLE_KEYS } from '../../src/plugins/pmo/shared/pmo-roles';
import { DASHBOARD_READ } from '../../src/plugins/pmo/shared/contracts/dashboard';
import { CONTENT_MANAGER, PROJECT_UID } from '../../src/plugins/pmo/shared/contracts/uids';

let stored: Stored;
const rolesMade: number[] = [];

beforeAll(async () => {
  stored = await storeFixture();
});

afterAll(async () => {
  // Roles made here would otherwise show in other files' role lists.
  const strapi = getStrapi();
  for (const id of rolesMade) {
    const users = await strapi.db.query('admin::user').findMany({ where: { roles: { id } } });
    for (const user of users) await strapi.db.query('admin::user').delete({ where: { id: user.id } });
    await (strapi.service('admin::role') as any).deleteByIds([id]);
  }
});

const get = (agent: Agent) => agent.get(`/pmo/dashboard?portfolio=${stored.portfolio.documentId}&asOf=${AS_OF}`);

/** An admin role made here with the given permissions, and a user holding it. */
async function userWith(permissions: Array<{ action: string; subject?: string | null; conditions?: string[] }>) {
  const strapi = getStrapi();
  const code = uniqueCode('dash-role').toLowerCase();
  const role = await (strapi.service('admin::role') as any).create({ name: code, code, description: 'Made by the dashboard tests' });
  rolesMade.push(role.id);
  await (strapi.service('admin::role') as any).assignPermissions(
    role.id,
    permissions.map(({ action, subject = null, conditions = [] }) => ({ action, subject, properties: subject ? { fields: null } : {}, conditions }))
  );
  const email = `${code}@dashboard.test`;
  return { agent: await asAdmin(email, [code]), email };
}

describe('GET /pmo/dashboard by role', () => {
  it.each(PMO_ROLE_KEYS)('%s opens the dashboard', async (role) => {
    const res = await get(await asRole(role));
    expect(res.status).toBe(200);
    expect(res.body.scope.projects).toBe(4);
  });

  it('finance and analysts see the earned value and the five worst', async () => {
    for (const role of ['finance', 'pmo-analyst'] as const) {
      const { body } = await get(await asRole(role));
      expect(body.evm).toMatchObject({ bac: '41500.00', ac: '33950.00' });
      expect(body.worst).toHaveLength(3);
    }
  });

  it('a project manager sees no finance figures, and the rest as everyone does', async () => {
    const [pm, manager] = await Promise.all([get(await asRole('project-manager')), get(await asRole('pmo-manager'))]);
    expect(pm.body.evm).toBeNull();
    expect(pm.body.worst).toBeNull();
    const { evm: _e, worst: _w, ...rest } = manager.body;
    expect(pm.body).toMatchObject(rest);
  });

  it('a role reading projects only sees the projects by state and nothing else', async () => {
    const { agent } = await userWith([
      { action: DASHBOARD_READ },
      { action: CONTENT_MANAGER.read, subject: PROJECT_UID },
    ]);
    const res = await get(agent);
    expect(res.status).toBe(200);
    expect(res.body.projectsByState.reduce((sum: number, state: { count: number }) => sum + state.count, 0)).toBe(4);
    for (const section of ['rag', 'evm', 'worst', 'heatmap', 'criticalIssues', 'overdueDocuments', 'lateStatusReports', 'upcomingGateReviews', 'lateDependencies']) {
      expect([section, res.body[section]]).toEqual([section, null]);
    }
    // A list the role may not read has no count either.
    expect(res.body.totals).toEqual({ criticalIssues: null, overdueDocuments: null, lateStatusReports: null, upcomingGateReviews: null, lateDependencies: null });
  });

  it("a role's read conditions narrow the projects counted: only those its user created", async () => {
    const { agent, email } = await userWith([
      { action: DASHBOARD_READ },
      { action: CONTENT_MANAGER.read, subject: PROJECT_UID, conditions: ['admin::is-creator'] },
    ]);
    const user = await getStrapi().db.query('admin::user').findOne({ where: { email } });
    await getStrapi().db.query(PROJECT_UID as never).update({ where: { id: stored.projects.p2.id }, data: { createdBy: user.id } } as never);
    const res = await get(agent);
    expect(res.status).toBe(200);
    expect(res.body.scope.projects).toBe(1);
    expect(res.body.projectsByState.find((state: { state: string }) => state.state === 'executing').count).toBe(1);
  });

  it('without the dashboard permission, a 403', async () => {
    const { agent } = await userWith([{ action: 'plugin::pmo.access' }, { action: CONTENT_MANAGER.read, subject: PROJECT_UID }]);
    expect((await get(agent)).status).toBe(403);
  });

  it('without reading projects, a 403 that says why', async () => {
    const { agent } = await userWith([{ action: DASHBOARD_READ }]);
    const res = await get(agent);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('You may not read projects, so the dashboard has nothing to show you');
  });
});
