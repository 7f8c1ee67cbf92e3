/**
 * What milestones show: a project's slip trend (each forecast as of each month end), a
 * programme's roadmap with late items flagged, and milestones.csv (columns, RFC 4180 quoting,
 * formula injection); who may read them, in the admin and with an API token.
 */
import request from 'supertest';
import { asRole, getStrapi, uniqueCode, withApiToken, type Agent } from '../helpers/strapi';
import { parseCsvRecords } from './finance-csv-parse';

const MILESTONE = 'api::milestone.milestone';
const FORECASTS = 'plugin::pmo.milestone-forecast';
const documents = (uid: string) => getStrapi().documents(uid as any) as any;

type Doc = { documentId: string; code: string; name: string } & Record<string, any>;

let manager: Agent;
let programme: Doc;
let alpha: Doc;
let beta: Doc;
const ms: Record<string, Doc> = {};

const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};
const exportOf = (agent: Agent, path: string) => agent.get(path).buffer(true).parse(binary);
const text = (res: request.Response) => (res.body as Buffer).toString('utf8');

/** Rewrites a milestone's forecast history as if it had been set on those days (the middleware records today's). */
async function history(milestone: Doc, entries: Array<[string, string]>) {
  const query = getStrapi().db.query(FORECASTS as any);
  await query.deleteMany({ where: { milestoneDocumentId: milestone.documentId } });
  for (const [recordedOn, forecastDate] of entries) await query.create({ data: { milestoneDocumentId: milestone.documentId, recordedOn, forecastDate } });
}

beforeAll(async () => {
  manager = await asRole('pmo-manager');
  programme = await documents('api::programme.programme').create({ data: { name: 'Roadmap programme', code: uniqueCode('RMP') } });
  alpha = await documents('api::project.project').create({
    data: { name: 'Alpha', code: uniqueCode('RMA'), programme: programme.documentId, startDate: '2026-01-05', endDate: '2026-12-18' },
  });
  beta = await documents('api::project.project').create({
    data: { name: '=cmd|" /C calc"!A0', code: uniqueCode('RMB'), programme: programme.documentId, startDate: '2026-03-02', endDate: '2027-03-31', reportingCadence: 'weekly' },
  });
  await documents('api::status-report.status-report').create({ data: { project: beta.documentId, asOf: '2026-04-06', percentComplete: 10, ragOverall: 'green' } });
  const make = (project: Doc, data: Record<string, unknown>) => documents(MILESTONE).create({ data: { project: project.documentId, ...data } });
  // Slipped: forecast two weeks past its baseline, not yet due on 13 April.
  ms.design = await make(alpha, { name: 'Design, "final"\nsign-off', baselineDate: '2026-03-31', forecastDate: '2026-04-14' });
  // Overdue on 13 April: on its baseline, but not achieved and its forecast passed.
  ms.build = await make(alpha, { name: 'Build complete', baselineDate: '2026-04-10', forecastDate: '2026-04-10' });
  // Achieved early: on track.
  ms.kickoff = await make(alpha, { name: '+Kick-off', baselineDate: '2026-01-15', forecastDate: '2026-01-15', actualDate: '2026-01-12' });
  // On track, in the future.
  ms.launch = await make(beta, { name: '@Launch', baselineDate: '2026-09-30', forecastDate: '2026-09-30' });
  await history(ms.design, [
    ['2026-01-10', '2026-03-31'],
    ['2026-02-20', '2026-04-07'],
    ['2026-03-15', '2026-04-14'],
  ]);
  await history(ms.build, [['2026-02-02', '2026-04-10']]);
});

describe('GET /pmo/milestones/slip-trend', () => {
  it("answers each milestone's forecast as of each month end, from the first forecast to asOf's month", async () => {
    const res = await manager.get(`/pmo/milestones/slip-trend?project=${alpha.code}&asOf=2026-04-10`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ project: { documentId: alpha.documentId, code: alpha.code, name: 'Alpha' }, asOf: '2026-04-10', baselinedOn: null });
    expect(res.body.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    const byName = Object.fromEntries(res.body.milestones.map((m: any) => [m.name, m]));
    expect(byName['Design, "final"\nsign-off']).toMatchObject({ baselineDate: '2026-03-31', forecastDate: '2026-04-14', varianceDays: 14 });
    expect(byName['Design, "final"\nsign-off'].forecasts).toEqual([
      { month: '2026-01', forecast: '2026-03-31' },
      { month: '2026-02', forecast: '2026-04-07' },
      { month: '2026-03', forecast: '2026-04-14' },
      { month: '2026-04', forecast: '2026-04-14' },
    ]);
    expect(byName['Build complete'].forecasts.map((f: any) => f.forecast)).toEqual([null, '2026-04-10', '2026-04-10', '2026-04-10']);
    // Milestones in timeline order.
    expect(res.body.milestones.map((m: any) => m.name)).toEqual(['+Kick-off', 'Build complete', 'Design, "final"\nsign-off']);
  });

  it('takes the documentId as well as the code; an unknown project is a 404, a missing one a 400 naming it', async () => {
    expect((await manager.get(`/pmo/milestones/slip-trend?project=${alpha.documentId}&asOf=2026-04-10`)).body.project.code).toBe(alpha.code);
    expect((await manager.get('/pmo/milestones/slip-trend?project=NO-SUCH')).status).toBe(404);
    const missing = await manager.get('/pmo/milestones/slip-trend');
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.errors[0].path).toEqual(['project']);
    const badDay = await manager.get(`/pmo/milestones/slip-trend?project=${alpha.code}&asOf=2026-02-30`);
    expect(badDay.status).toBe(400);
    expect(badDay.body.error.details.errors[0].path).toEqual(['asOf']);
  });
});

describe('GET /pmo/roadmap', () => {
  it("answers the programme's projects and milestones on one timeline, late items flagged with the reason", async () => {
    const res = await manager.get(`/pmo/roadmap?programme=${programme.code}&today=2026-04-13`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ programme: { code: programme.code }, today: '2026-04-13', from: '2026-01-05', to: '2027-03-31' });
    const [a, b] = res.body.projects;
    expect(a).toMatchObject({ code: alpha.code, startDate: '2026-01-05', endDate: '2026-12-18', state: 'proposed', late: true });
    expect(a.milestones.map((m: any) => [m.name, m.late, m.lateReasons])).toEqual([
      ['+Kick-off', false, []],
      ['Build complete', true, ['overdue']],
      ['Design, "final"\nsign-off', true, ['slipped']],
    ]);
    expect(b).toMatchObject({ code: beta.code, late: false, milestones: [expect.objectContaining({ name: '@Launch', late: false, lateReasons: [] })] });
    // The next status report: a week after Beta's last (6 Apr); a month after Alpha's start, which has none.
    expect([a.reportingCadence, a.nextReportDue, b.reportingCadence, b.nextReportDue]).toEqual(['monthly', '2026-02-05', 'weekly', '2026-04-13']);
  });

  it('looks from today by default: the slipped milestone past its forecast is both slipped and overdue', async () => {
    const res = await manager.get(`/pmo/roadmap?programme=${programme.documentId}`);
    expect(res.body.today).toBe(new Date().toISOString().slice(0, 10));
    const design = res.body.projects[0].milestones.find((m: any) => m.name.startsWith('Design'));
    expect(design.lateReasons).toEqual(res.body.today > '2026-04-14' ? ['slipped', 'overdue'] : ['slipped']);
  });

  it('is a 404 for an unknown programme and a 400 naming it when missing', async () => {
    expect((await manager.get('/pmo/roadmap?programme=NOPE')).status).toBe(404);
    const res = await manager.get('/pmo/roadmap?programme=');
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['programme']);
  });
});

describe('milestones.csv', () => {
  it("has DESIGN.md's columns, RFC 4180 quoting and text cells guarded against formulas", async () => {
    const res = await exportOf(manager, `/pmo/exports/milestones.csv?programme=${programme.code}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="milestones_/);
    const body = text(res);
    expect(body.split('\r\n')[0]).toBe('project_code,milestone,baseline,forecast,actual,variance_days');
    const { records } = parseCsvRecords(body);
    expect(records.map((r) => [r.project_code, r.milestone, r.baseline, r.forecast, r.actual, r.variance_days])).toEqual([
      [alpha.code, "'+Kick-off", '2026-01-15', '2026-01-15', '2026-01-12', '-3'],
      [alpha.code, 'Build complete', '2026-04-10', '2026-04-10', '', '0'],
      [alpha.code, 'Design, "final"\nsign-off', '2026-03-31', '2026-04-14', '', '14'],
      [beta.code, "'@Launch", '2026-09-30', '2026-09-30', '', '0'],
    ]);
    // A negative variance is a plain number, never prefixed; the quoted cell is written as RFC 4180 says.
    expect(body).toContain(',-3\r\n');
    expect(body).toContain('"Design, ""final""\nsign-off"');
  });

  it('filters by project, takes ";" and a BOM, and refuses an unknown parameter naming it', async () => {
    const res = await exportOf(manager, `/pmo/exports/milestones.csv?project=${beta.code}&delimiter=;&bom=1`);
    expect(text(res)).toBe(`\uFEFFproject_code;milestone;baseline;forecast;actual;variance_days\r\n${beta.code};'@Launch;2026-09-30;2026-09-30;;0\r\n`);
    const bad = await manager.get('/pmo/exports/milestones.csv?asOf=2026-01-01');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['asOf']);
  });

  it('leaves the finance reports to finance: their route still answers', async () => {
    expect((await exportOf(await asRole('finance'), '/pmo/exports/cost-ledger.csv')).status).toBe(200);
    expect((await manager.get('/pmo/exports/no-such-report.csv')).status).toBe(400);
  });

  it('is served to an API token holding its Content-API permission, and to no other', async () => {
    const token = await withApiToken('custom', ['plugin::pmo.milestones.download']);
    const res = await exportOf(token, `/api/pmo/exports/milestones.csv?project=${beta.code}`);
    expect(res.status).toBe(200);
    expect(text(res)).toContain(`${beta.code},'@Launch,2026-09-30`);
    expect((await exportOf(await withApiToken('full-access'), `/api/pmo/exports/milestones.csv?project=${beta.code}`)).status).toBe(200);
    expect((await withApiToken('custom', ['plugin::pmo.exports.download']).then((a) => a.get('/api/pmo/exports/milestones.csv'))).status).toBe(403);
    expect((await (await withApiToken('read-only')).get('/api/pmo/exports/milestones.csv')).status).toBe(403);
    expect((await request(getStrapi().server.httpServer).get('/api/pmo/exports/milestones.csv')).status).toBe(403);
  });
});

describe('who may read milestones', () => {
  it.each(['pmo-director', 'pmo-manager', 'pmo-analyst', 'pmo-administrator', 'project-manager', 'change-board', 'finance'] as const)(
    'lets %s read the slip trend, the roadmap and the export',
    async (role) => {
      const agent = await asRole(role);
      expect((await agent.get(`/pmo/milestones/slip-trend?project=${alpha.code}`)).status).toBe(200);
      expect((await agent.get(`/pmo/roadmap?programme=${programme.code}`)).status).toBe(200);
      expect((await exportOf(agent, `/pmo/exports/milestones.csv?project=${alpha.code}`)).status).toBe(200);
    }
  );

  it('lets the PMO and project managers edit milestones and keeps the others to reading', async () => {
    const cm = `/content-manager/collection-types/${MILESTONE}`;
    const body = { name: 'By role', project: { connect: [{ documentId: beta.documentId }], disconnect: [] }, forecastDate: '2026-12-01' };
    for (const role of ['pmo-director', 'pmo-manager', 'pmo-administrator', 'project-manager'] as const) {
      expect([role, (await (await asRole(role)).post(cm).send(body)).status]).toEqual([role, 201]);
    }
    for (const role of ['pmo-analyst', 'change-board', 'finance'] as const) {
      const agent = await asRole(role);
      expect([role, (await agent.get(cm)).status]).toEqual([role, 200]);
      expect([role, (await agent.post(cm).send(body)).status]).toEqual([role, 403]);
    }
    const made = await documents(MILESTONE).findMany({ filters: { name: 'By role' } });
    for (const m of made) await documents(MILESTONE).delete({ documentId: m.documentId });
  });

  it('refuses a signed-out caller', async () => {
    expect((await request(getStrapi().server.httpServer).get(`/pmo/roadmap?programme=${programme.code}`)).status).toBe(401);
  });
});
