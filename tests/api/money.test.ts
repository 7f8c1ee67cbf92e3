/**
 * Money is exact to the cent on SQLite and PostgreSQL alike over the whole accepted range,
 * ±(2^53 − 1) minor units = ±90,071,992,547,409.91, and so are its sums (DESIGN.md, Money).
 * Every amount goes in and comes out through the app: the Content API, the Content Manager, the
 * earned-value and budget-outline routes and the CSV exports. The expected sums are BigInt
 * arithmetic in the test; nothing the test adds up is taken from the database directly.
 */
import { formatMinor } from '../../src/plugins/pmo/shared/money';
import { asRole, asSuperAdmin, getStrapi, uniqueCode, withApiToken, type Agent } from '../helpers/strapi';
import { parseCsvRecords } from './finance-csv-parse';

const BUDGET_LINE = 'api::budget-line.budget-line';
const CONTENT_MANAGER = `/content-manager/collection-types/${BUDGET_LINE}`;
const AS_OF = '2026-12-31';

/** 2^53 − 1 minor units: the largest amount accepted, 90,071,992,547,409.91. */
const MAX = BigInt(2) ** BigInt(53) - BigInt(1);
const LIMIT_TEXT = '90,071,992,547,409.91';

let api: Agent;
let admin: Agent;
let finance: Agent;

const code = (prefix: string) => uniqueCode(prefix);

async function newProject(name: string) {
  const res = await api.post('/api/projects').send({ data: { name, code: code('MNY') } });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
}

const budgetLine = (project: string, amount: unknown, period = '2026-01-01', category = 'opex') =>
  api.post('/api/budget-lines').send({ data: { project, period, category, amount } });

const costEntry = (project: string, amount: unknown, date = '2026-01-15') =>
  api.post('/api/cost-entries').send({ data: { project, date, category: 'opex', amount } });

const budgetLineCount = () => getStrapi().db.query(BUDGET_LINE).count();

/** supertest leaves text/csv unparsed unless asked; the CSV's records keyed by header. */
const csvOf = async (path: string) => {
  const res = await finance.get(path).buffer(true).parse((response, callback) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (text += chunk));
    response.on('end', () => callback(null, text));
  });
  expect(res.status).toBe(200);
  return parseCsvRecords(res.body as string).records;
};

beforeAll(async () => {
  api = await withApiToken('full-access');
  admin = await asSuperAdmin();
  finance = await asRole('finance');
});

describe('one amount', () => {
  let project: string;
  beforeAll(async () => {
    project = await newProject('Money round trips');
  });

  it.each([
    ['0.01', '1'],
    ['-0.01', '-1'],
    ['9,999,999,999,999.99', '999999999999999'],
    ['10,000,000,000,000.00', '1000000000000000'],
    [`the maximum, ${LIMIT_TEXT} (2^53 − 1 minor units)`, MAX.toString()],
    [`the minimum, -${LIMIT_TEXT}`, (-MAX).toString()],
  ])('round-trips %s exactly through the Content API and the Content Manager', async (_label, minor) => {
    const viaApi = await budgetLine(project, minor, '2027-01-01');
    expect(viaApi.status).toBe(201);
    expect(viaApi.body.data.amount).toBe(minor);
    const documentId = viaApi.body.data.documentId;
    expect((await api.get(`/api/budget-lines/${documentId}`)).body.data.amount).toBe(minor);
    expect((await admin.get(`${CONTENT_MANAGER}/${documentId}`)).body.data.amount).toBe(minor);

    const viaCm = await admin.post(CONTENT_MANAGER).send({
      project: { connect: [{ documentId: project }] },
      period: '2027-02-01',
      category: 'capex',
      amount: minor,
    });
    expect(viaCm.status).toBe(201);
    expect(viaCm.body.data.amount).toBe(minor);
    expect((await api.get(`/api/budget-lines/${viaCm.body.data.documentId}`)).body.data.amount).toBe(minor);
    expect((await admin.get(`${CONTENT_MANAGER}/${viaCm.body.data.documentId}`)).body.data.amount).toBe(minor);
  });

  it.each([
    ['2^53, one past the maximum', (MAX + BigInt(1)).toString(), `at most ${LIMIT_TEXT}`],
    ['2^53 + 1', (MAX + BigInt(2)).toString(), `at most ${LIMIT_TEXT}`],
    ['123456789012345678', '123456789012345678', `at most ${LIMIT_TEXT}`],
    ['one past the minimum', (-MAX - BigInt(1)).toString(), `at least -${LIMIT_TEXT}`],
    ['2^53 + 1 sent as a JSON number (a double: 2^53)', Number(MAX + BigInt(2)), `at most ${LIMIT_TEXT}`],
    ['10^20', '100000000000000000000', `at most ${LIMIT_TEXT}`],
    ['a decimal amount', '12.50', 'a whole number of cents'],
    ['text', 'twelve', 'a whole number of cents'],
  ])('refuses %s with a 400 naming the field and what it must be, and writes nothing', async (_label, amount, problem) => {
    const before = await budgetLineCount();

    const viaApi = await budgetLine(project, amount);
    expect(viaApi.status).toBe(400);
    expect(viaApi.body.error.message).toContain(`amount must be ${problem}`);
    expect(viaApi.body.error.details.errors[0].path).toEqual(['amount']);

    const viaCm = await admin.post(CONTENT_MANAGER).send({
      project: { connect: [{ documentId: project }] },
      period: '2026-01-01',
      category: 'opex',
      amount,
    });
    expect(viaCm.status).toBe(400);
    expect(viaCm.body.error.message).toContain(`amount must be ${problem}`);

    expect(await budgetLineCount()).toBe(before);
  });

  it('refuses an update beyond the range and keeps the stored amount', async () => {
    const created = await budgetLine(project, MAX.toString(), '2027-03-01');
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId;
    const res = await api.put(`/api/budget-lines/${documentId}`).send({ data: { amount: (MAX + BigInt(2)).toString() } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(`amount must be at most ${LIMIT_TEXT}`);
    expect((await api.get(`/api/budget-lines/${documentId}`)).body.data.amount).toBe(MAX.toString());
  });

  it('refuses a cost entry and a change budget beyond the range the same way', async () => {
    const cost = await costEntry(project, (MAX + BigInt(2)).toString());
    expect(cost.status).toBe(400);
    expect(cost.body.error.message).toContain(`amount must be at most ${LIMIT_TEXT}`);
    const budget = await api.put(`/api/projects/${project}`).send({ data: { changeBudget: '123456789012345678' } });
    expect(budget.status).toBe(400);
    expect(budget.body.error.message).toContain(`The change budget must be at most ${LIMIT_TEXT}`);
    const atMax = await api.put(`/api/projects/${project}`).send({ data: { changeBudget: MAX.toString() } });
    expect(atMax.status).toBe(200);
    expect(atMax.body.data.changeBudget).toBe(MAX.toString());
  });
});

describe("sums through the app's own routes", () => {
  it('adds 0.10 and 0.20 to exactly 0.30', async () => {
    const project = await newProject('Ten and twenty cents');
    expect((await budgetLine(project, '10', '2026-01-01')).status).toBe(201);
    expect((await budgetLine(project, '20', '2026-02-01')).status).toBe(201);

    const evm = await finance.get(`/pmo/evm/projects/${project}?asOf=${AS_OF}`);
    expect(evm.status).toBe(200);
    expect(evm.body).toMatchObject({ bac: '0.30', pv: '0.30' });
    const outline = await finance.get(`/pmo/budget-outline/projects/${project}`);
    expect(outline.body.totals.total).toBe('0.30');
    const [summary] = await csvOf(`/pmo/exports/financial-summary.csv?project=${project}&asOf=${AS_OF}`);
    expect(summary.bac).toBe('0.30');
  });

  it('keeps sums past 2^53 minor units exact: earned value, budget outline and both CSV exports', async () => {
    const project = await newProject('Near the maximum');
    // Three lines at the maximum and one more in the same month and category, so even a single
    // grouped sum of the outline is past 2^53; one more month; and a negative line.
    const january = [MAX, MAX, MAX, BigInt('123456789')];
    const february = [MAX - BigInt(1), -BigInt('9007199254740000')];
    for (const amount of january) expect((await budgetLine(project, amount.toString(), '2026-01-01')).status).toBe(201);
    for (const amount of february) expect((await budgetLine(project, amount.toString(), '2026-02-01')).status).toBe(201);
    const costs = [MAX, MAX, BigInt(7)];
    for (const amount of costs) expect((await costEntry(project, amount.toString())).status).toBe(201);
    const report = await api.post('/api/status-reports').send({ data: { project, asOf: '2026-03-01', percentComplete: 100, ragOverall: 'green' } });
    expect(report.status).toBe(201);

    const add = (values: bigint[]) => values.reduce((a, b) => a + b, BigInt(0));
    const januaryTotal = add(january);
    const februaryTotal = add(february);
    const bac = januaryTotal + februaryTotal;
    const ac = add(costs);
    expect(bac > MAX && ac > MAX && januaryTotal > MAX).toBe(true);

    const evm = await finance.get(`/pmo/evm/projects/${project}?asOf=${AS_OF}`);
    expect(evm.status).toBe(200);
    expect(evm.body).toMatchObject({
      bac: formatMinor(bac),
      pv: formatMinor(bac),
      ev: formatMinor(bac),
      ac: formatMinor(ac),
      cv: formatMinor(bac - ac),
      sv: '0.00',
    });

    const series = await finance.get(`/pmo/evm/projects/${project}/series?asOf=${AS_OF}`);
    expect(series.body).toMatchObject({ bac: formatMinor(bac), ac: formatMinor(ac) });

    const outline = await finance.get(`/pmo/budget-outline/projects/${project}`);
    expect(outline.status).toBe(200);
    expect(outline.body.months.map((m: any) => [m.month, m.amounts.opex, m.total])).toEqual([
      ['2026-01', formatMinor(januaryTotal), formatMinor(januaryTotal)],
      ['2026-02', formatMinor(februaryTotal), formatMinor(februaryTotal)],
    ]);
    expect(outline.body.totals.total).toBe(formatMinor(bac));

    const [summary] = await csvOf(`/pmo/exports/financial-summary.csv?project=${project}&asOf=${AS_OF}`);
    expect(summary).toMatchObject({ bac: formatMinor(bac), pv: formatMinor(bac), ac: formatMinor(ac) });
    const lines = await csvOf(`/pmo/exports/budget-outline.csv?project=${project}`);
    expect(lines.map((line) => [line.period, line.category, line.amount])).toEqual([
      ['2026-01', 'opex', formatMinor(januaryTotal)],
      ['2026-02', 'opex', formatMinor(februaryTotal)],
    ]);
  });

  it('keeps a sum past 2^63 minor units exact (1,025 lines at the maximum), where SQLite alone would overflow', async () => {
    const project = await newProject('Past 2^63');
    const count = 1025;
    // Written through the Document Service (the money middleware still checks each amount), in
    // one transaction: 1,025 HTTP requests would only make the test slow.
    await getStrapi().db.transaction(async () => {
      for (let i = 0; i < count; i += 1) {
        await getStrapi()
          .documents(BUDGET_LINE)
          .create({ data: { project, period: '2026-01-01', category: 'labour', amount: MAX.toString() } as any });
      }
    });
    const bac = MAX * BigInt(count);
    expect(bac > BigInt(2) ** BigInt(63)).toBe(true);

    const evm = await finance.get(`/pmo/evm/projects/${project}?asOf=${AS_OF}`);
    expect(evm.status).toBe(200);
    expect(evm.body.bac).toBe(formatMinor(bac));
    const series = await finance.get(`/pmo/evm/projects/${project}/series?asOf=${AS_OF}`);
    expect(series.status).toBe(200);
    expect(series.body.bac).toBe(formatMinor(bac));
    const outline = await finance.get(`/pmo/budget-outline/projects/${project}`);
    expect(outline.status).toBe(200);
    expect(outline.body.totals.total).toBe(formatMinor(bac));
    const [line] = await csvOf(`/pmo/exports/budget-outline.csv?project=${project}`);
    expect(line.amount).toBe(formatMinor(bac));

    // Change control reads the same BAC for a change request's authority.
    const change = await getStrapi()
      .documents('plugin::pmo.change-request')
      .create({ data: { title: 'A large change', project, impact: { cost: '100' } } as any });
    const detail = await admin.get(`/pmo/change-requests/${change.documentId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.authority.budgetAtCompletion).toBe(formatMinor(bac));
  }, 240_000);
});
