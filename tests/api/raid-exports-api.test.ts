/**
 * The register CSVs under /api/pmo/exports/<report>.csv, for other systems with a Strapi API
 * token: each behind its own Content-API permission (`plugin::pmo.raid.riskRegisterCsv`, …);
 * the same columns, rows and filters as the admin route; refused without the permission, with a
 * read-only token, without a token and with an admin JWT; finance's exports still answer there.
 */
import type request from 'supertest';
import supertest from 'supertest';
import { asRole, getStrapi, withApiToken, type Agent } from '../helpers/strapi';
import { RAID_EXPORT_PERMISSIONS, RAID_REPORTS } from '../../src/plugins/pmo/shared/contracts/raid';
import { parseCsv } from './finance-csv-parse';
import { DECISION, documents, issue, lesson, programme, project, risk, type Doc } from './raid-fixtures';

const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};
const download = (agent: Agent, path: string) => agent.get(path).buffer(true).parse(binary);
const rows = (res: request.Response) => parseCsv((res.body as Buffer).toString('utf8'));

let pg: Doc;
let a: Doc;

beforeAll(async () => {
  pg = await programme({ name: 'API exports programme' });
  a = await project({ programme: pg.documentId });
  await risk({ project: a.documentId }, { title: '=Vendor fails', probability: 4, impact: 5, residualProbability: 2, residualImpact: 3, response: 'reduce', proximity: '2026-09-30' });
  await risk({ project: (await project()).documentId }, { title: 'Elsewhere' });
  await issue({ project: a.documentId }, { title: 'Rig down', priority: 'high', severity: 'medium', raisedOn: '2026-05-04' });
  await documents(DECISION).create({ data: { title: 'Go with plan B', decision: 'Plan B', decidedOn: '2026-05-05', programme: pg.documentId, source: 'meeting' } });
  await lesson(a, { title: 'Order early', category: 'planning', recommendation: 'Order six weeks ahead', recordedOn: '2026-05-06', tags: 'supply' });
});

describe('GET /api/pmo/exports/<register>.csv', () => {
  it('serves each register to a custom token holding that register’s permission, as the admin route does', async () => {
    const expected: Record<string, string[][]> = {
      'risk-register': [[a.code, pg.code, "'=Vendor fails", 'threat', '4', '5', '20', '6', 'reduce', '', 'open', '2026-09-30']],
      'issue-log': [[a.code, pg.code, 'Rig down', 'high', 'medium', '', '2026-05-04', '', 'open']],
      'decision-log': [['2026-05-05', '', pg.code, 'Go with plan B', 'Plan B', '', 'meeting']],
      lessons: [['2026-05-06', a.code, 'Order early', 'planning', 'Order six weeks ahead', 'supply']],
    };
    for (const report of RAID_REPORTS) {
      const token = await withApiToken('custom', [RAID_EXPORT_PERMISSIONS[report]]);
      const res = await download(token, `/api/pmo/exports/${report}.csv?programme=${pg.code}`);
      expect([report, res.status, res.headers['content-type']]).toEqual([report, 200, 'text/csv; charset=utf-8']);
      expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="${report}_${pg.code}_\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
      expect(rows(res).slice(1)).toEqual(expected[report]);
      const admin = await download(await asRole('pmo-analyst'), `/pmo/exports/${report}.csv?programme=${pg.code}`);
      expect((res.body as Buffer).toString('utf8')).toBe((admin.body as Buffer).toString('utf8'));
    }
  });

  it('serves a full-access token, and takes the separator and filters', async () => {
    const res = await download(await withApiToken('full-access'), `/api/pmo/exports/risk-register.csv?project=${a.code}&delimiter=;`);
    expect(res.status).toBe(200);
    expect(rows(res)[0]).toEqual(['project_code;programme_code;title;type;probability;impact;score;residual_score;response;owner;status;proximity']);
    expect(parseCsv((res.body as Buffer).toString('utf8'), ';').slice(1).map((row) => row[2])).toEqual(["'=Vendor fails"]);
  });

  it('refuses a token holding another register’s permission, finance’s, or none', async () => {
    const issuesOnly = await withApiToken('custom', [RAID_EXPORT_PERMISSIONS['issue-log']]);
    expect((await issuesOnly.get(`/api/pmo/exports/risk-register.csv?programme=${pg.code}`)).status).toBe(403);
    const financeOnly = await withApiToken('custom', ['plugin::pmo.exports.download']);
    expect((await financeOnly.get(`/api/pmo/exports/decision-log.csv`)).status).toBe(403);
    const other = await withApiToken('custom', ['api::project.project.find']);
    expect((await other.get('/api/pmo/exports/lessons.csv')).status).toBe(403);
  });

  it('refuses a read-only token, no token and an admin JWT', async () => {
    expect((await (await withApiToken('read-only')).get('/api/pmo/exports/risk-register.csv')).status).toBe(403);
    const anonymous = await supertest(getStrapi().server.httpServer).get('/api/pmo/exports/issue-log.csv');
    expect([401, 403]).toContain(anonymous.status);
    expect([401, 403]).toContain((await (await asRole('pmo-director')).get('/api/pmo/exports/issue-log.csv')).status);
  });

  it('answers a bad filter with the one 400 naming it', async () => {
    const res = await (await withApiToken('full-access')).get('/api/pmo/exports/issue-log.csv?programme=NOPE-404');
    expect([res.status, res.body.error?.details?.errors?.[0]?.path, res.body.error?.message]).toEqual([400, ['programme'], 'Choose a programme: there is none with the code "NOPE-404"']);
  });

  it("leaves finance's Content API exports where they were", async () => {
    const token = await withApiToken('custom', ['plugin::pmo.exports.download']);
    expect((await download(token, `/api/pmo/exports/cost-ledger.csv?project=${a.code}`)).status).toBe(200);
  });
});
