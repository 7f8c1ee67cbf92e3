/**
 * Capacity (DESIGN.md, "People and planning"): the day-weighted monthly sums of approved
 * (booked) and requested (tentative) allocations, across month boundaries, part months and
 * overlapping allocations; declined ones never count; the department leader alone decides; the
 * over-allocation rule (warn and strict) on the Content API and the Content Manager; capacity.csv.
 * Everything happens in 2031, in a department of this file's own.
 */
import { asAdmin, asRole, asSuperAdmin, getStrapi, uniqueCode, withApiToken, type Agent } from '../helpers/strapi';
import { parseCsv } from './finance-csv-parse';

const ALLOCATION = 'api::allocation.allocation';
const PERSON = 'api::person.person';
const documents = (uid: string) => getStrapi().documents(uid as any) as any;
const tag = `cap${process.pid}`;
const email = (who: string) => `${who}.${tag}@test.pmo`;

type Doc = { documentId: string } & Record<string, any>;

let department: Doc;
let leader: Agent;
let ann: Doc;
let bob: Doc;
let project: Doc;

async function person(who: string, fullName: string, extra: Record<string, unknown> = {}) {
  return documents(PERSON).create({ data: { fullName, email: email(who), department: department.documentId, ...extra } }) as Promise<Doc>;
}

const allocate = (who: Doc, percent: number, startDate: string | null, endDate: string | null, role = 'Analyst') =>
  documents(ALLOCATION).create({ data: { person: who.documentId, project: project.documentId, percent, startDate, endDate, role } }) as Promise<Doc>;

const fire = (agent: Agent, allocation: Doc, transition: string, comment?: string) =>
  agent.post('/pmo/transitions').send({ uid: ALLOCATION, documentId: allocation.documentId, transition, ...(comment ? { comment } : {}) });

const stateOf = async (allocation: Doc) =>
  (await getStrapi().db.query(ALLOCATION as any).findOne({ where: { documentId: allocation.documentId } })).workflowState as string;

async function capacityOf(agent: Agent, who: Doc, range = 'from=2031-01&to=2031-04') {
  const res = await agent.get(`/pmo/capacity?${range}&department=${department.documentId}&pageSize=100`);
  expect(res.status).toBe(200);
  return res.body.people.find((row: any) => row.person.documentId === who.documentId);
}

beforeAll(async () => {
  const boss = await documents(PERSON).create({ data: { fullName: 'Lena Leader', email: email('leader') } });
  department = await documents('api::department.department').create({ data: { name: `Engineering ${tag}`, leader: boss.documentId } });
  leader = await asAdmin(email('leader'), ['project-manager']);
  ann = await person('ann', 'Ann Smith');
  bob = await person('bob', 'Bob Builder', { nonProjectPercent: 20 });
  project = await documents('api::project.project').create({ data: { name: `Capacity project ${tag}`, code: uniqueCode('CAP') } });
});

const LIMIT = 'plugin::pmo.allocationLimit';
afterAll(() => {
  getStrapi().config.set(LIMIT, 'warn');
});

describe('the allocation-approval workflow', () => {
  it('starts requested; only the department leader approves (others 403); a decline needs a comment', async () => {
    const allocation = await allocate(ann, 10, '2031-06-01', '2031-06-30');
    expect(await stateOf(allocation)).toBe('requested');

    const manager = await asRole('pmo-manager');
    expect((await fire(manager, allocation, 'approve')).status).toBe(403);
    const stranger = await asAdmin(email('stranger'), ['project-manager']);
    expect((await fire(stranger, allocation, 'approve')).status).toBe(403);
    expect(await stateOf(allocation)).toBe('requested');

    const noComment = await fire(leader, allocation, 'decline');
    expect(noComment.status).toBe(400);
    expect(await stateOf(allocation)).toBe('requested');

    const approved = await fire(leader, allocation, 'approve');
    expect([approved.status, approved.body.state]).toEqual([200, 'approved']);
    expect(await stateOf(allocation)).toBe('approved');
  });
});

describe('GET /pmo/capacity', () => {
  it('sums approved allocations day-weighted across month boundaries, part months and overlaps; requested are tentative; declined never count', async () => {
    // A: 50 %, 16 Jan – 10 Mar 2031. B: 30 %, 15 Feb – 30 Apr. C: 20 % requested for March. D: 100 %, declined.
    const a = await allocate(ann, 50, '2031-01-16', '2031-03-10');
    const b = await allocate(ann, 30, '2031-02-15', '2031-04-30');
    const c = await allocate(ann, 20, '2031-03-01', '2031-03-31');
    const d = await allocate(ann, 100, '2031-01-01', '2031-04-30');
    for (const approved of [a, b]) expect((await fire(leader, approved, 'approve')).status).toBe(200);
    expect((await fire(leader, d, 'decline', 'Needed on the migration')).status).toBe(200);
    expect(await stateOf(c)).toBe('requested');

    const row = await capacityOf(leader, ann);
    expect(row).toMatchObject({ person: { fullName: 'Ann Smith', department: { name: `Engineering ${tag}` } }, capacityPercent: 100, availablePercent: 100 });
    // Jan (31 days): A covers 16–31 = 16 days: 50 × 16 / 31 = 25.806… → 25.81.
    // Feb (28 days): A all 28 days = 50; B covers 15–28 = 14 days: 30 × 14 / 28 = 15; 65.
    // Mar (31 days): A covers 1–10 = 10 days: 50 × 10 = 500; B all 31 days: 30 × 31 = 930;
    //   (500 + 930) / 31 = 46.129… → 46.13; C tentative: 20 × 31 / 31 = 20.
    // Apr (30 days): B all 30 days = 30.
    expect(row.months).toEqual([
      { month: '2031-01', booked: 25.81, tentative: 0, free: 74.19, over: false },
      { month: '2031-02', booked: 65, tentative: 0, free: 35, over: false },
      { month: '2031-03', booked: 46.13, tentative: 20, free: 53.87, over: false },
      { month: '2031-04', booked: 30, tentative: 0, free: 70, over: false },
    ]);
  });

  it('drills down from a cell to the allocations behind it, with their states and share of the month', async () => {
    const res = await leader.get(`/pmo/capacity/people/${ann.documentId}?month=2031-03`);
    expect(res.status).toBe(200);
    const march = res.body.allocations.map((item: any) => [item.percent, item.state, item.inMonth]);
    expect(march).toEqual([
      [100, 'declined', 100],
      [50, 'approved', 16.13],
      [30, 'approved', 30],
      [20, 'requested', 20],
    ]);
  });

  it('reads the available capacity as capacity less non-project time, and marks a month over', async () => {
    const over = await allocate(bob, 90, '2031-02-01', '2031-02-28');
    expect((await fire(leader, over, 'approve')).status).toBe(200);
    const row = await capacityOf(leader, bob, 'from=2031-02&to=2031-02');
    expect(row).toMatchObject({ capacityPercent: 100, nonProjectPercent: 20, availablePercent: 80 });
    expect(row.months).toEqual([{ month: '2031-02', booked: 90, tentative: 0, free: 0, over: true }]);
  });

  it('pages people and filters by programme and role', async () => {
    const first = await leader.get(`/pmo/capacity?from=2031-01&to=2031-01&department=${department.documentId}&pageSize=1`);
    expect(first.body.pagination).toEqual({ page: 1, pageSize: 1, total: 2 });
    expect(first.body.people).toHaveLength(1);
    const role = await leader.get(`/pmo/capacity?from=2031-01&to=2031-01&department=${department.documentId}&role=analyst`);
    expect(role.body.people.map((row: any) => row.person.fullName).sort()).toEqual(['Ann Smith', 'Bob Builder']);
  });

  it('refuses bad input with a 400 naming the field, and readers without the right', async () => {
    const month = await leader.get('/pmo/capacity?from=2031-13');
    expect([month.status, month.body.error.details.errors[0].path]).toEqual([400, ['from']]);
    const backwards = await leader.get('/pmo/capacity?from=2031-05&to=2031-01');
    expect([backwards.status, backwards.body.error.details.errors[0].path]).toEqual([400, ['to']]);
    const unknown = await leader.get('/pmo/capacity?department=No%20such%20department');
    expect([unknown.status, unknown.body.error.details.errors[0].path]).toEqual([400, ['department']]);
    expect((await (await asRole('finance')).get('/pmo/capacity')).status).toBe(403);
  });
});

describe('PMO_ALLOCATION_LIMIT', () => {
  it('warn: a save taking a person over capacity is kept and the answer names the months, on the Content API and in the Content Manager', async () => {
    getStrapi().config.set(LIMIT, 'warn');
    const token = await withApiToken('full-access');
    const res = await token.post('/api/allocations').send({ data: { person: bob.documentId, project: project.documentId, percent: 40, startDate: '2031-05-01', endDate: '2031-06-30' } });
    expect(res.status).toBe(201);
    expect(res.body.warnings).toBeUndefined();

    const second = await token.post('/api/allocations').send({ data: { person: bob.documentId, project: project.documentId, percent: 50, startDate: '2031-06-16', endDate: '2031-07-31' } });
    expect(second.status).toBe(201);
    // June (30 days): 40 + 50 × 15 / 30 = 65, within 80; July: 50. Nothing over yet.
    expect(second.body.warnings).toBeUndefined();

    const admin = await asSuperAdmin();
    const cm = await admin
      .post(`/content-manager/collection-types/${ALLOCATION}`)
      .send({ person: bob.documentId, project: project.documentId, percent: 30, startDate: '2031-06-01', endDate: '2031-06-30' });
    expect(cm.status).toBe(201);
    // June: 40 + 25 + 30 = 95 > 80 (100 less 20 non-project).
    expect(cm.body.warnings).toEqual(['Bob Builder would be booked at 95 % in Jun 2031 (available 80 %)']);

    // The edit view's Capacity panel reads the same words for the stored allocation.
    const panel = await (await asRole('pmo-administrator')).get(`/pmo/capacity/allocations/${cm.body.data.documentId}/warnings`);
    expect(panel.body).toEqual({ warnings: ['Bob Builder would be booked at 95 % in Jun 2031 (available 80 %)'] });
  });

  it('strict: the same save is a 422 naming the months, and nothing is saved', async () => {
    getStrapi().config.set(LIMIT, 'strict');
    try {
      const before = await getStrapi().db.query(ALLOCATION as any).count({ where: { person: { documentId: ann.documentId } } });
      const token = await withApiToken('full-access');
      // Ann in February: 65 booked; 40 more for the whole month is 105.
      const res = await token.post('/api/allocations').send({ data: { person: ann.documentId, project: project.documentId, percent: 40, startDate: '2031-02-01', endDate: '2031-02-28' } });
      expect(res.status).toBe(422);
      expect(res.body.error.message).toBe(
        'Ann Smith would be booked over their available 100 %: 105 % in Feb 2031. Lower the percent, shorten the dates or free time elsewhere first'
      );
      const after = await getStrapi().db.query(ALLOCATION as any).count({ where: { person: { documentId: ann.documentId } } });
      expect(after).toBe(before);
      const within = await token.post('/api/allocations').send({ data: { person: ann.documentId, project: project.documentId, percent: 35, startDate: '2031-02-01', endDate: '2031-02-28' } });
      expect(within.status).toBe(201);
    } finally {
      getStrapi().config.set(LIMIT, 'warn');
    }
  });
});

describe('capacity.csv', () => {
  it('has one row per person and month, percents as numbers, names neutralised against formulas', async () => {
    await person('formula', '=HYPERLINK("x")');
    const res = await leader.get(`/pmo/exports/capacity.csv?from=2031-02&to=2031-03&department=${department.documentId}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = parseCsv(res.text);
    expect(rows[0]).toEqual(['person', 'department', 'month', 'booked', 'tentative', 'free']);
    const dept = `Engineering ${tag}`;
    expect(rows.filter((row) => row[0] === 'Ann Smith')).toEqual([
      ['Ann Smith', dept, '2031-02', '65', '35', '35'],
      ['Ann Smith', dept, '2031-03', '46.13', '20', '53.87'],
    ]);
    expect(rows.filter((row) => row[0].startsWith("'=")).map((row) => row[0])).toEqual(["'=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"]);
  });

  it('is served to an API token with the capacity download permission, and refused without it', async () => {
    const allowed = await withApiToken('custom', ['plugin::pmo.capacity.download']);
    const ok = await allowed.get(`/api/pmo/exports/capacity.csv?from=2031-02&to=2031-02&department=${department.documentId}`);
    expect(ok.status).toBe(200);
    expect(parseCsv(ok.text).some((row) => row[0] === 'Ann Smith' && row[3] === '65')).toBe(true);
    const other = await withApiToken('custom', ['plugin::pmo.exports.download']);
    expect((await other.get('/api/pmo/exports/capacity.csv')).status).toBe(403);
  });
});
