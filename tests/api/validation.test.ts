/** Bad input answers 4xx with a message naming the field and changes nothing. */
import { getStrapi, uniqueCode, withApiToken, type Agent } from '../helpers/strapi';

let api: Agent;
beforeAll(async () => {
  api = await withApiToken('full-access');
});

const count = (uid: string) => getStrapi().db.query(uid as any).count();

describe('validation at the edge', () => {
  it('answers 400 naming `code` for a duplicate project code', async () => {
    const code = uniqueCode('DUP');
    expect((await api.post('/api/projects').send({ data: { name: 'First', code } })).status).toBe(201);
    const before = await count('api::project.project');
    const res = await api.post('/api/projects').send({ data: { name: 'Second', code } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/unique/i);
    expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'))).toContain('code');
    expect(await count('api::project.project')).toBe(before);
  });

  it.each([
    ['projects', { code: uniqueCode('NN') }, 'name'],
    ['status-reports', { asOf: '2026-01-31', percentComplete: 101 }, 'percentComplete'],
    ['status-reports', { asOf: '2026-01-31', percentComplete: 50, ragOverall: 'purple' }, 'ragOverall'],
    ['budget-lines', { period: '2026-01-01', category: 'snacks', amount: '100' }, 'category'],
    ['people', { fullName: 'No Mail', email: 'not-an-email' }, 'email'],
    ['allocations', { percent: 0 }, 'percent'],
  ])('answers 400 on %s naming %s (%#)', async (plural, data, field) => {
    const res = await api.post(`/api/${plural}`).send({ data });
    expect(res.status).toBe(400);
    const paths = (res.body.error.details?.errors ?? []).map((e: { path: string[] }) => e.path.join('.'));
    expect([...paths, res.body.error.message].join(' ')).toContain(field);
  });

  it('refuses an unknown field instead of ignoring it', async () => {
    const res = await api.post('/api/portfolios').send({ data: { name: 'X', code: uniqueCode('PF'), colour: 'red' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/colour/);
  });
});
