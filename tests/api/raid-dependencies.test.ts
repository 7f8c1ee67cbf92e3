/**
 * Dependencies between projects, flagged late on both sides: open past their need-by date (or
 * marked late), listed for each project both ways (`GET /pmo/raid/dependencies`), in the `raid`
 * service the dashboard reads, and in "My work" of both projects' managers.
 */
import { asRole, getStrapi, type Agent } from '../helpers/strapi';
import { DEPENDENCY, addDays, dependency, expectInvalid, member, project, today, type Doc } from './raid-fixtures';

let erp: Doc;
let crm: Doc;
let web: Doc;
let erpManager: { person: Doc; agent: Agent };
let crmManager: { person: Doc; agent: Agent };
const made: Record<string, Doc> = {};

beforeAll(async () => {
  erpManager = await member('raid.erp@test.pmo', ['project-manager'], 'Erin Erp');
  crmManager = await member('raid.crm@test.pmo', ['project-manager'], 'Carl Crm');
  erp = await project({ name: 'ERP rollout', manager: erpManager.person.documentId });
  crm = await project({ name: 'CRM rollout', manager: crmManager.person.documentId });
  web = await project({ name: 'Web shop' });
  // ERP needs CRM's customer interface, 10 days late; CRM needs ERP's product data, due in 5 days.
  made.lateOpen = await dependency(erp, crm, addDays(today(), -10), { description: 'Customer interface' });
  made.upcoming = await dependency(crm, erp, addDays(today(), 5), { description: 'Product data feed' });
  made.met = await dependency(erp, web, addDays(today(), -30), { description: 'Shop catalogue', status: 'met' });
  made.markedLate = await dependency(web, erp, addDays(today(), 20), { description: 'Payment terms', status: 'late' });
});

const listOf = async (agent: Agent, query: string) => {
  const res = await agent.get(`/pmo/raid/dependencies?${query}`);
  expect([res.status, res.status === 200 ? '' : res.text]).toEqual([200, '']);
  return res.body;
};
const titles = (items: Array<{ description: string; late: boolean; daysLate: number }>) => items.map((item) => [item.description, item.late, item.daysLate]);

describe('GET /pmo/raid/dependencies', () => {
  it("lists a project's dependencies both ways, the late ones flagged with the days they are late", async () => {
    const analyst = await asRole('pmo-analyst');
    const ofErp = await listOf(analyst, `project=${erp.code}`);
    expect(ofErp.project).toEqual({ documentId: erp.documentId, code: erp.code, name: 'ERP rollout' });
    expect(titles(ofErp.needs)).toEqual([
      ['Shop catalogue', false, 0],
      ['Customer interface', true, 10],
    ]);
    expect(titles(ofErp.neededBy)).toEqual([
      ['Product data feed', false, 0],
      ['Payment terms', true, 0],
    ]);
    expect(ofErp.pagination).toEqual({ page: 1, pageSize: 50, total: 4 });
    expect(ofErp.needs[1]).toMatchObject({
      uid: DEPENDENCY,
      documentId: made.lateOpen.documentId,
      status: 'open',
      from: { documentId: erp.documentId, code: erp.code, name: 'ERP rollout' },
      to: { documentId: crm.documentId, code: crm.code, name: 'CRM rollout' },
    });
    expect(ofErp.needs[1].title).toMatch(new RegExp(`^${erp.code} needs from ${crm.code} by \\d{1,2} [A-Z][a-z]{2} \\d{4}: Customer interface$`));
  });

  it('flags the same late dependency on the other project too', async () => {
    const ofCrm = await listOf(await asRole('pmo-manager'), `project=${crm.documentId}&late=1`);
    expect(titles(ofCrm.needs)).toEqual([]);
    expect(titles(ofCrm.neededBy)).toEqual([['Customer interface', true, 10]]);
  });

  it('answers as of a day: the upcoming one is late once its need-by date has passed', async () => {
    const later = addDays(today(), 8);
    const ofCrm = await listOf(await asRole('pmo-manager'), `project=${crm.code}&late=1&asOf=${later}`);
    expect(titles(ofCrm.needs)).toEqual([['Product data feed', true, 3]]);
    expect(titles(ofCrm.neededBy)).toEqual([['Customer interface', true, 18]]);
  });

  it('pages through them', async () => {
    const agent = await asRole('pmo-manager');
    const first = await listOf(agent, `project=${erp.code}&pageSize=3`);
    const second = await listOf(agent, `project=${erp.code}&pageSize=3&page=2`);
    expect([first.needs.length + first.neededBy.length, second.needs.length + second.neededBy.length]).toEqual([3, 1]);
    expect(second.pagination).toEqual({ page: 2, pageSize: 3, total: 4 });
  });

  it.each([
    ['', ['project'], /project/],
    ['project=NOPE-404', ['project'], 'Choose a project: there is none with the code "NOPE-404"'],
    ['project=x&late=maybe', ['late'], 'Late must be 1 (only late dependencies) or 0 (all of them)'],
    ['project=x&asOf=2026-02-30', ['asOf'], 'Give the as-of date as a real day, written 2026-12-02 for 2 Dec 2026, not "2026-02-30"'],
    ['project=x&pageSize=101', ['pageSize'], /pageSize|page size/i],
  ])('refuses ?%s with a 400 naming the parameter', async (query, path, message) => {
    expectInvalid(await (await asRole('pmo-manager')).get(`/pmo/raid/dependencies?${query}`), path, message);
  });
});

describe('late dependencies for the dashboard and My work', () => {
  it('are given by the raid service for a set of projects, either side', async () => {
    const ids = async (...docs: Doc[]) =>
      Promise.all(docs.map(async (doc) => (await getStrapi().db.query('api::project.project').findOne({ where: { documentId: doc.documentId } })).id as number));
    const raid = getStrapi().plugin('pmo').service('raid') as any;
    const ofWeb = await raid.lateDependencies({ projectIds: await ids(web) });
    expect(ofWeb.map((d: any) => d.description)).toEqual(['Payment terms']);
    const ofBoth = await raid.lateDependencies({ projectIds: await ids(erp, crm) });
    expect(ofBoth.map((d: any) => [d.description, d.from.code, d.to.code])).toEqual([
      ['Customer interface', erp.code, crm.code],
      ['Payment terms', web.code, erp.code],
    ]);
  });

  it("wait in both project managers' My work", async () => {
    const late = async (agent: Agent) =>
      ((await agent.get('/pmo/my-work')).body.results as any[]).filter((item) => item.kind === 'dependency').map((item) => [item.documentId, item.overdue]);
    expect(await late(erpManager.agent)).toEqual([
      [made.lateOpen.documentId, true],
      [made.markedLate.documentId, true],
    ]);
    expect(await late(crmManager.agent)).toEqual([[made.lateOpen.documentId, true]]);
    await (getStrapi().documents(DEPENDENCY as any) as any).update({ documentId: made.lateOpen.documentId, data: { status: 'met' } });
    expect(await late(crmManager.agent)).toEqual([]);
  });
});
