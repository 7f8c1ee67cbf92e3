/**
 * The register exports: risk-register, issue-log, decision-log and lessons as CSV (DESIGN.md's
 * columns, RFC 4180 quoting, formula injection neutralised, `;` and a BOM on request) and as
 * XLSX read back with exceljs (numbers as numbers, days as real dates, injection neutralised,
 * keys in words). Filtered by programme; refused in words; within the caller's read right.
 */
import ExcelJS from 'exceljs';
import type request from 'supertest';
import { asAdmin, asRole, ensureAdminUser, getStrapi, uniqueCode, type Agent } from '../helpers/strapi';
import { parseCsv } from './finance-csv-parse';
import { DECISION, expectInvalid, issue, lesson, person, programme, project, risk, today, documents, type Doc } from './raid-fixtures';

const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};
const download = (agent: Agent, path: string) => agent.get(path).buffer(true).parse(binary);

const HEADERS = {
  'risk-register': 'project_code,programme_code,title,type,probability,impact,score,residual_score,response,owner,status,proximity',
  'issue-log': 'project_code,programme_code,title,priority,severity,owner,raised_on,target_date,status',
  'decision-log': 'decided_on,project_code,programme_code,title,decision,decided_by,source',
  lessons: 'recorded_on,project_code,title,category,recommendation,tags',
};

const EVIL = '=HYPERLINK("http://evil.example","click")';
const NASTY = 'Supplier "Acme", Ltd\nsecond line';

let pg: Doc;
let a: Doc;
let b: Doc;
let analyst: Agent;

beforeAll(async () => {
  analyst = await asRole('pmo-analyst');
  const owner = await person('raid.owen@test.pmo', '@Owen Owner');
  pg = await programme({ name: 'Exports programme' });
  a = await project({ programme: pg.documentId, code: uniqueCode('EXA') });
  b = await project({ programme: pg.documentId, code: uniqueCode('EXB') });
  const outside = await project();
  await risk({ project: a.documentId }, { title: EVIL, probability: 3, impact: 4, residualProbability: 2, residualImpact: 2, response: 'reduce', owner: owner.documentId, proximity: '2026-07-15' });
  await risk({ project: a.documentId }, { title: NASTY, type: 'opportunity', probability: 5, impact: 5, response: 'exploit', status: 'closed' });
  await risk({ programme: pg.documentId }, { title: '-5 days slip', probability: 2, impact: 2, residualProbability: 1, residualImpact: 1, response: 'accept', proximity: '2026-08-01' });
  await risk({ project: b.documentId }, { title: '+44 call', probability: 1, impact: 5 });
  await risk({ project: outside.documentId }, { title: 'Not in the programme' });
  await issue({ project: a.documentId }, { title: 'Rig broken', priority: 'low', severity: 'high', raisedOn: '2026-03-01', targetDate: '2026-03-20', owner: owner.documentId });
  await issue({ project: b.documentId }, { title: '@Licence expired', priority: 'critical', severity: 'critical', raisedOn: '2026-03-05', status: 'resolved' });
  await documents(DECISION).create({ data: { title: 'Use vendor B', decision: 'Vendor B, "cheaper"; ours', decidedOn: '2026-02-01', decidedBy: owner.documentId, project: a.documentId, source: 'meeting' } });
  await documents(DECISION).create({ data: { title: 'Fund phase 2', decision: '+2 FTE', decidedOn: '2026-01-15', programme: pg.documentId, source: 'other' } });
  await lesson(a, { title: 'Book rigs early', category: 'planning', recommendation: '=Book two weeks ahead', recordedOn: '2026-04-02', tags: 'rigs; test, planning' });
});

describe('the register exports as CSV', () => {
  it('risk-register: the columns, every risk of the programme in order, quoting and injection neutralised', async () => {
    const res = await download(analyst, `/pmo/exports/risk-register.csv?programme=${pg.code}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="risk-register_${pg.code}_${today()}.csv"`);
    const text = (res.body as Buffer).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(HEADERS['risk-register']);
    expect(text).toContain('"Supplier ""Acme"", Ltd\nsecond line"');
    expect(parseCsv(text).slice(1)).toEqual([
      ['', pg.code, "'-5 days slip", 'threat', '2', '2', '4', '1', 'accept', '', 'open', '2026-08-01'],
      [a.code, pg.code, NASTY, 'opportunity', '5', '5', '25', '', 'exploit', '', 'closed', ''],
      [a.code, pg.code, `'${EVIL}`, 'threat', '3', '4', '12', '4', 'reduce', "'@Owen Owner", 'open', '2026-07-15'],
      [b.code, pg.code, "'+44 call", 'threat', '1', '5', '5', '', '', '', 'open', ''],
    ]);
  });

  it('issue-log, decision-log and lessons: their columns and rows', async () => {
    const rows = async (report: string) => {
      const res = await download(analyst, `/pmo/exports/${report}.csv?programme=${pg.documentId}`);
      expect([report, res.status]).toEqual([report, 200]);
      const parsed = parseCsv((res.body as Buffer).toString('utf8'));
      expect(parsed[0].join(',')).toBe(HEADERS[report as keyof typeof HEADERS]);
      return parsed.slice(1);
    };
    expect(await rows('issue-log')).toEqual([
      [a.code, pg.code, 'Rig broken', 'low', 'high', "'@Owen Owner", '2026-03-01', '2026-03-20', 'open'],
      [b.code, pg.code, "'@Licence expired", 'critical', 'critical', '', '2026-03-05', '', 'resolved'],
    ]);
    expect(await rows('decision-log')).toEqual([
      ['2026-01-15', '', pg.code, 'Fund phase 2', "'+2 FTE", '', 'other'],
      ['2026-02-01', a.code, pg.code, 'Use vendor B', 'Vendor B, "cheaper"; ours', "'@Owen Owner", 'meeting'],
    ]);
    expect(await rows('lessons')).toEqual([['2026-04-02', a.code, 'Book rigs early', 'planning', "'=Book two weeks ahead", 'rigs; test, planning']]);
  });

  it('takes a ; separator and a byte order mark', async () => {
    const res = await download(analyst, `/pmo/exports/lessons.csv?project=${a.code}&delimiter=;&bom=1`);
    const text = (res.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFFrecorded_on;project_code;title;category;recommendation;tags\r\n')).toBe(true);
    expect(parseCsv(text.slice(1), ';')[1]).toEqual(['2026-04-02', a.code, 'Book rigs early', 'planning', "'=Book two weeks ahead", 'rigs; test, planning']);
    expect(text).toContain('"rigs; test, planning"');
  });
});

describe('the register exports as XLSX', () => {
  async function workbook(path: string) {
    const res = await download(analyst, path);
    expect([res.status, res.headers['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as never);
    return book;
  }

  it('risk-register: numbers as numbers, days as dates shown 2 Dec 2026, keys in words, injection neutralised', async () => {
    const sheet = (await workbook(`/pmo/exports/risk-register.xlsx?programme=${pg.code}`)).getWorksheet('Risk register')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1).join(',')).toBe(HEADERS['risk-register']);
    expect(sheet.rowCount).toBe(5);
    const evil = sheet.getRow(4);
    expect((evil.values as unknown[]).slice(1)).toEqual([a.code, pg.code, `'${EVIL}`, 'Threat', 3, 4, 12, 4, 'Reduce', "'@Owen Owner", 'Open', new Date(Date.UTC(2026, 6, 15))]);
    expect(evil.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect([evil.getCell(7).type, evil.getCell(7).numFmt]).toEqual([ExcelJS.ValueType.Number, '0']);
    expect([evil.getCell(12).type, evil.getCell(12).numFmt]).toEqual([ExcelJS.ValueType.Date, 'd mmm yyyy']);
    expect(sheet.getRow(3).getCell(3).value).toBe(NASTY);
    expect(sheet.getRow(3).getCell(8).value).toBeNull();
  });

  it('decision-log: the decisions with their days and deciders', async () => {
    const sheet = (await workbook(`/pmo/exports/decision-log.xlsx?programme=${pg.code}`)).getWorksheet('Decision log')!;
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([new Date(Date.UTC(2026, 1, 1)), a.code, pg.code, 'Use vendor B', 'Vendor B, "cheaper"; ours', "'@Owen Owner", 'Meeting']);
  });
});

describe('refusals', () => {
  it.each([
    ['/pmo/exports/risk-register.csv?delimiter=|', ['delimiter'], 'The column separator must be "," or ";", not "|"'],
    ['/pmo/exports/issue-log.csv?programme=NOPE-1', ['programme'], 'Choose a programme: there is none with the code "NOPE-1"'],
    ['/pmo/exports/lessons.xlsx?delimiter=;', ['delimiter'], /delimiter/],
    ['/pmo/exports/decision-log.csv?bom=yes', ['bom'], 'The byte order mark must be 1 (for Excel) or 0, not "yes"'],
  ])('%s is a 400 naming the parameter', async (path, field, message) => {
    expectInvalid(await analyst.get(path), field, message);
  });

  it('answers 403 to a user who may not read the register, naming it', async () => {
    const role = await (getStrapi().service('admin::role') as any).create({ name: 'Exports-blind', code: 'exports-blind', description: 'No rights' });
    await ensureAdminUser('exports.blind@test.pmo', [role.code]);
    const blind = await asAdmin('exports.blind@test.pmo', [role.code]);
    for (const [report, noun] of [['risk-register', 'risks'], ['issue-log', 'issues'], ['decision-log', 'decisions'], ['lessons', 'lessons']]) {
      const res = await blind.get(`/pmo/exports/${report}.xlsx`);
      expect([report, res.status, res.body.error?.message]).toEqual([report, 403, `You may not read ${noun}`]);
    }
  });

  it("leaves finance's exports where they were", async () => {
    expect((await download(await asRole('finance'), `/pmo/exports/cost-ledger.csv?project=${a.code}`)).status).toBe(200);
  });
});
