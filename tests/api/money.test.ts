/** Money is exact to the cent on SQLite and PostgreSQL alike (DESIGN.md, Money). */
import { formatMinor } from '../../src/plugins/pmo/shared/money';
import { getStrapi, uniqueCode, withApiToken, type Agent } from '../helpers/strapi';

let api: Agent;
let project: string;

beforeAll(async () => {
  api = await withApiToken('full-access');
  const res = await api.post('/api/projects').send({ data: { name: 'Money project', code: uniqueCode('MNY') } });
  project = res.body.data.documentId;
});

async function budgetLine(amount: unknown, period = '2026-01-01') {
  return api.post('/api/budget-lines').send({ data: { project, period, category: 'opex', amount } });
}

async function sumOfBudgetLines() {
  const strapi = getStrapi();
  const meta = strapi.db.metadata.get('api::budget-line.budget-line');
  const link = (meta.attributes.project as any).joinTable;
  const row = await strapi.db
    .connection(meta.tableName)
    .join(link.name, `${meta.tableName}.id`, `${link.name}.${link.joinColumn.name}`)
    .join('projects', 'projects.id', `${link.name}.${link.inverseJoinColumn.name}`)
    .where('projects.document_id', project)
    .sum({ total: `${meta.tableName}.amount` })
    .first();
  return formatMinor(String(row!.total));
}

describe('money', () => {
  it('keeps 0.10 + 0.20 at exactly 0.30 after a round trip and a sum', async () => {
    const a = await budgetLine('10');
    const b = await budgetLine('20', '2026-02-01');
    expect([a.status, b.status]).toEqual([201, 201]);
    const readA = await api.get(`/api/budget-lines/${a.body.data.documentId}`);
    const readB = await api.get(`/api/budget-lines/${b.body.data.documentId}`);
    expect([readA.body.data.amount, readB.body.data.amount]).toEqual(['10', '20']);
    expect(formatMinor(BigInt(readA.body.data.amount) + BigInt(readB.body.data.amount))).toBe('0.30');
    expect(await sumOfBudgetLines()).toBe('0.30');
  });

  it.each([
    ['9,999,999,999,999.99', '999999999999999'],
    ['10,000,000,000,000.00', '1000000000000000'],
    ['0.01', '1'],
  ])('round-trips %s exactly', async (_label, minor) => {
    const created = await budgetLine(minor, '2027-01-01');
    expect(created.status).toBe(201);
    expect(created.body.data.amount).toBe(minor);
    const read = await api.get(`/api/budget-lines/${created.body.data.documentId}`);
    expect(read.body.data.amount).toBe(minor);
    const stored = await getStrapi()
      .documents('api::budget-line.budget-line')
      .findOne({ documentId: created.body.data.documentId });
    expect(String(stored!.amount)).toBe(minor);
  });

  it.each([
    ['a decimal amount', '12.50'],
    ['text', 'twelve'],
    ['an amount beyond the supported range', '100000000000000000000'],
  ])('refuses %s with a 400 naming the field, and stores nothing', async (_label, amount) => {
    const before = await getStrapi().db.query('api::budget-line.budget-line').count();
    const res = await budgetLine(amount);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/amount/);
    expect(await getStrapi().db.query('api::budget-line.budget-line').count()).toBe(before);
  });
});
