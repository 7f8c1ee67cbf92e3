import { PMO_ROLES, asRole, asSuperAdmin, getStrapi, uniqueCode } from '../helpers/strapi';

describe('PMO roles', () => {
  it('exist exactly once each, with their stable keys', async () => {
    const roles = await getStrapi().db.query('admin::role').findMany({ where: { code: { $in: [...PMO_ROLES] } } });
    expect(roles.map((role: { code: string }) => role.code).sort()).toEqual([...PMO_ROLES].sort());
  });

  it('lets a finance user edit budget lines but not portfolios', async () => {
    const finance = await asRole('finance');
    const BUDGET_LINES = '/content-manager/collection-types/api::budget-line.budget-line';
    const project = await getStrapi()
      .documents('api::project.project')
      .create({ data: { name: 'Finance edits', code: uniqueCode('ROLE') } as any });

    const created = await finance.post(BUDGET_LINES).send({
      project: { connect: [{ documentId: project.documentId }] },
      period: '2026-01-01',
      category: 'labour',
      amount: '123450',
    });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    expect(created.body.data).toMatchObject({ period: '2026-01-01', category: 'labour', amount: '123450' });

    const updated = await finance.put(`${BUDGET_LINES}/${documentId}`).send({ amount: '99', note: 'Re-estimated' });
    expect(updated.status).toBe(200);
    const stored = await getStrapi().db.query('api::budget-line.budget-line').findOne({ where: { documentId }, populate: ['project'] });
    expect(stored).toMatchObject({ amount: '99', note: 'Re-estimated', category: 'labour' });
    expect(stored.project.documentId).toBe(project.documentId);

    const deleted = await finance.del(`${BUDGET_LINES}/${documentId}`);
    expect(deleted.status).toBe(200);
    expect(await getStrapi().db.query('api::budget-line.budget-line').count({ where: { documentId } })).toBe(0);

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
