import { PMO_ROLES, asRole, asSuperAdmin, getStrapi } from '../helpers/strapi';

describe('PMO roles', () => {
  it('exist exactly once each, with their stable keys', async () => {
    const roles = await getStrapi().db.query('admin::role').findMany({ where: { code: { $in: [...PMO_ROLES] } } });
    expect(roles.map((role: { code: string }) => role.code).sort()).toEqual([...PMO_ROLES].sort());
  });

  it('lets a finance user edit budget lines but not portfolios', async () => {
    const finance = await asRole('finance');
    const list = await finance.get('/content-manager/collection-types/api::budget-line.budget-line');
    expect(list.status).toBe(200);
    const denied = await finance
      .post('/content-manager/collection-types/api::portfolio.portfolio')
      .send({ name: 'Not allowed', code: 'NOPE-1' });
    expect(denied.status).toBe(403);
  });

  it('serves the organisation currency to the admin panel', async () => {
    const admin = await asSuperAdmin();
    const res = await admin.get('/pmo/settings');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ currency: 'EUR' });
  });
});

describe('Strapi default roles', () => {
  it('are still created on a fresh database, with their permissions', async () => {
    const strapi = getStrapi();
    const editor = await strapi.db
      .query('admin::role')
      .findOne({ where: { code: 'strapi-editor' }, populate: ['permissions'] });
    expect(editor).toBeTruthy();
    expect(editor.permissions.length).toBeGreaterThan(0);
    expect(await strapi.db.query('admin::role').count({ where: { code: 'strapi-super-admin' } })).toBe(1);
  });
});
