/**
 * Compliance: assessments (score and passed derived, protected), the `standards` and `documents`
 * guards on the project lifecycle's gates, the matrix and compliance.csv, filters and RBAC.
 */
import { asRole, getStrapi, http } from '../helpers/strapi';
import { COMPLIANCE_ASSESSMENT_UID } from '../../src/plugins/pmo/shared/contracts/compliance';
import { formatDay } from '../../src/plugins/pmo/shared/calendar';
import { addDays, fire, person, project, review, stateOf, throughGates, today } from './governance-fixtures';
import { assess, complianceStandard, portfolio, programmeIn, projectDocument } from './compliance-fixtures';
import { parseCsv } from './finance-csv-parse';

const criteria = [
  { text: 'Delivery strategy agreed', mustMeet: true },
  { text: 'Suppliers shortlisted', mustMeet: false },
  { text: 'Risks logged', mustMeet: false },
];

/** A project in Initiating whose gate 2 review decided go: only compliance stands in the way. */
async function atGate2() {
  const manager = await asRole('pmo-manager');
  const p = await project();
  await throughGates(manager, p, 1);
  await review(p, 2, 'go');
  return { manager, p };
}

describe('recording an assessment: POST /pmo/compliance/assessments', () => {
  it('takes the criteria from the published checklist and derives score and passed', async () => {
    const analyst = await asRole('pmo-analyst');
    // The analyst's person (another file in this worker may have made it first, under another name).
    const analystPerson = await person('pmo-analyst@test.pmo', 'Ann Analyst');
    const std = await complianceStandard({ appliesToStates: ['planning'], checklist: criteria, version: '2.1' });
    const p = await project();
    const res = await assess(analyst, p, std, [{ result: 'met', evidence: 'Strategy v1 signed' }, { result: 'not-met' }, { result: 'not-applicable' }], {
      assessedOn: '2026-03-02',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      project: { documentId: p.documentId, code: p.code },
      standard: { documentId: std.documentId, code: std.code },
      standardVersion: '2.1',
      assessor: { fullName: analystPerson.fullName },
      assessedOn: '2026-03-02',
      score: 50,
      passed: true,
      results: [
        { criterion: 'Delivery strategy agreed', mustMeet: true, result: 'met', evidence: 'Strategy v1 signed' },
        { criterion: 'Suppliers shortlisted', mustMeet: false, result: 'not-met', evidence: null },
        { criterion: 'Risks logged', mustMeet: false, result: 'not-applicable', evidence: null },
      ],
    });
    const failed = await assess(analyst, p, std, [{ result: 'not-met' }, { result: 'met' }, { result: 'met' }]);
    expect([failed.body.score, failed.body.passed]).toEqual([67, false]);
  });

  it('refuses in words: a wrong number of answers, a must-meet marked not applicable, an unknown project, a bad result', async () => {
    const analyst = await asRole('pmo-analyst');
    const std = await complianceStandard({ appliesToStates: ['planning'], checklist: criteria });
    const p = await project();
    const short = await assess(analyst, p, std, [{ result: 'met' }]);
    expect([short.status, short.body.error.details.errors[0].path]).toEqual([400, ['results']]);
    expect(short.body.error.message).toContain('it has 3 criteria, 1 answer was given');
    const na = await assess(analyst, p, std, [{ result: 'not-applicable' }, { result: 'met' }, { result: 'met' }]);
    expect(na.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['results', '0', 'result'], message: '"Delivery strategy agreed" must be met: a must-meet criterion cannot be marked not applicable' }),
    ]);
    const unknown = await assess(analyst, { documentId: 'nope' }, std, [{ result: 'met' }, { result: 'met' }, { result: 'met' }]);
    expect([unknown.status, unknown.body.error.details.errors[0].path]).toEqual([400, ['project']]);
    const bad = await assess(analyst, p, std, [{ result: 'yes' as never }, { result: 'met' }, { result: 'met' }]);
    expect([bad.status, bad.body.error.details.errors[0].path]).toEqual([400, ['results', '0', 'result']]);
    expect(await getStrapi().db.query(COMPLIANCE_ASSESSMENT_UID as never).count({ where: { project: { documentId: p.documentId } } })).toBe(0);
  });

  it('keeps score and passed to compliance: a direct write is refused naming the field', async () => {
    const std = await complianceStandard({ appliesToStates: ['planning'], checklist: criteria });
    const p = await project();
    const created = (await assess(await asRole('pmo-manager'), p, std, [{ result: 'not-met' }, { result: 'met' }, { result: 'met' }])).body;
    await expect(
      getStrapi().documents(COMPLIANCE_ASSESSMENT_UID as any).update({ documentId: created.documentId, data: { passed: true } as any })
    ).rejects.toThrow(/"Passed" is derived by compliance/);
    expect((await getStrapi().db.query(COMPLIANCE_ASSESSMENT_UID as never).findOne({ where: { documentId: created.documentId } }) as any).passed).toBe(false);
  });

  it('is for PMO managers, analysts and administrators; a project manager reads only the projects they manage', async () => {
    const std = await complianceStandard({ appliesToStates: ['planning'], checklist: criteria });
    const answers = [{ result: 'met' as const }, { result: 'met' as const }, { result: 'met' as const }];
    const pmPerson = await person('project-manager@test.pmo', 'Pat Manager');
    const mine = await project({ manager: pmPerson.documentId });
    const theirs = await project();
    for (const role of ['pmo-director', 'project-manager', 'finance'] as const) {
      const refused = await assess(await asRole(role), mine, std, answers);
      expect([role, refused.status, refused.body.error.message]).toEqual([role, 403, 'You may not record compliance assessments']);
    }
    const admin = await asRole('pmo-administrator');
    const onMine = (await assess(admin, mine, std, answers)).body;
    const onTheirs = (await assess(admin, theirs, std, answers)).body;
    const pm = await asRole('project-manager');
    expect((await pm.get(`/pmo/compliance/assessments/${onMine.documentId}`)).status).toBe(200);
    expect((await pm.get(`/pmo/compliance/assessments/${onTheirs.documentId}`)).status).toBe(403);
    const listed = await pm.get(`/pmo/compliance/assessments?standard=${std.documentId}`);
    expect(listed.body.results.map((a: { documentId: string }) => a.documentId)).toEqual([onMine.documentId]);
    expect(listed.body.pagination).toEqual({ page: 1, pageSize: 25, total: 1 });
    expect((await (await asRole('finance')).get('/pmo/compliance/matrix')).status).toBe(403);
    expect((await http().get('/pmo/compliance/matrix')).status).toBe(401);
  });
});

describe('the standards guard on gates 2 to 5', () => {
  it('refuses gate 2 for a missing assessment, naming the standard, and lets it through once one is passed', async () => {
    const { manager, p } = await atGate2();
    const std = await complianceStandard({ appliesToStates: ['planning'], checklist: criteria, title: 'Delivery strategy' });
    const refused = await fire(manager, p, 'gate-2');
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.failures).toEqual([
      { guard: 'standards', message: `Before Planning: ${std.code} Delivery strategy has no compliance assessment for this project` },
    ]);
    const failing = await assess(manager, p, std, [{ result: 'not-met' }, { result: 'met' }, { result: 'met' }], { assessedOn: '2026-04-01' });
    expect(failing.body.passed).toBe(false);
    const still = await fire(manager, p, 'gate-2');
    expect(still.body.error.details.failures).toEqual([
      {
        guard: 'standards',
        message: `Before Planning: ${std.code} Delivery strategy was not passed on 1 Apr 2026: must-meet criterion "Delivery strategy agreed" not met`,
      },
    ]);
    expect((await assess(manager, p, std, [{ result: 'met' }, { result: 'not-met' }, { result: 'met' }])).body.passed).toBe(true);
    expect((await fire(manager, p, 'gate-2')).status).toBe(200);
    expect(await stateOf(p)).toBe('planning');
  });

  it('wants a passed assessment no older than maxAgeDays, and ignores standards not mandatory or for other states', async () => {
    const { manager, p } = await atGate2();
    await complianceStandard({ appliesToStates: ['planning'], mandatory: false, checklist: criteria });
    await complianceStandard({ appliesToStates: ['executing'], checklist: criteria });
    const std = await complianceStandard({ appliesToStates: ['planning'], checklist: criteria, title: 'Delivery strategy' });
    const old = addDays(today(), -366);
    await assess(manager, p, std, [{ result: 'met' }, { result: 'met' }, { result: 'met' }], { assessedOn: old });
    const refused = await fire(manager, p, 'gate-2');
    expect(refused.body.error.details.failures).toEqual([
      { guard: 'standards', message: `Before Planning: ${std.code} Delivery strategy was last assessed on ${formatDay(old)}, more than 365 days ago; assess it again` },
    ]);
    await assess(manager, p, std, [{ result: 'met' }, { result: 'met' }, { result: 'met' }], { assessedOn: addDays(today(), -365) });
    expect((await fire(manager, p, 'gate-2')).status).toBe(200);
  });
});

describe('the documents guard on gates 2 to 5', () => {
  it('names each required document type that is missing, not approved or overdue, and passes when all are current', async () => {
    const { manager, p } = await atGate2();
    const std = await complianceStandard({
      appliesToStates: ['planning'],
      mandatory: false,
      requiredDocumentTypes: ['project-plan', 'risk-register', 'communication-plan'],
      checklist: criteria,
    });
    await projectDocument(p.documentId, 'risk-register', { title: 'Risk register', status: 'in-review' });
    const plan = await projectDocument(p.documentId, 'project-plan', { title: 'Plan v1', status: 'approved', lastReviewedAt: '2020-01-01', reviewCycleDays: 30 });
    const refused = await fire(manager, p, 'gate-2');
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.failures).toEqual([
      {
        guard: 'documents',
        message:
          `Before Planning, approved documents are needed: Project plan (required by ${std.code}): "Plan v1" was due for review on 31 Jan 2020; review it first; ` +
          `Risk register (required by ${std.code}): "Risk register" is in review, not approved; ` +
          `Communication plan (required by ${std.code}): the project has no such document`,
      },
    ]);
    await getStrapi().documents('api::document.document' as any).update({ documentId: plan.documentId, data: { lastReviewedAt: today() } as any });
    await projectDocument(p.documentId, 'risk-register', { title: 'Risk register v2', status: 'approved', lastReviewedAt: today(), reviewCycleDays: 30 });
    await projectDocument(p.documentId, 'communication-plan', { title: 'Comms', status: 'approved' });
    expect((await fire(manager, p, 'gate-2')).status).toBe(200);
  });
});

describe('the compliance matrix and compliance.csv', () => {
  it('answers projects × standards with the latest assessment and overdue documents, exactly, and the CSV says the same', async () => {
    const manager = await asRole('pmo-manager');
    const pf = await portfolio();
    const pg = await programmeIn(pf);
    const a = await project({ programme: pg.documentId, code: `${pg.code}-A` });
    const b = await project({ programme: pg.documentId, code: `${pg.code}-B` });
    await project(); // outside the portfolio
    const s1 = await complianceStandard({ appliesToStates: ['closed'], checklist: criteria, version: '3.0' });
    const s2 = await complianceStandard({ appliesToStates: ['closed'], mandatory: false, checklist: [{ text: 'Lessons logged', mustMeet: true }] });
    await assess(manager, a, s1, [{ result: 'met' }, { result: 'met' }, { result: 'not-met' }], { assessedOn: '2026-01-10' });
    const latest = (await assess(manager, a, s1, [{ result: 'not-met' }, { result: 'met' }, { result: 'met' }], { assessedOn: '2026-02-10' })).body;
    await projectDocument(b.documentId, 'project-plan', { status: 'approved', lastReviewedAt: '2020-01-01', reviewCycleDays: 30 });
    await projectDocument(b.documentId, 'risk-register', { status: 'superseded', lastReviewedAt: '2020-01-01', reviewCycleDays: 30 });

    for (const filter of [`portfolio=${pf.code}`, `programme=${pg.documentId}`, `portfolio=${pf.documentId}&programme=${pg.code}`]) {
      const res = await manager.get(`/pmo/compliance/matrix?${filter}`);
      expect(res.status).toBe(200);
      const column = (code: string) => res.body.standards.findIndex((s: { code: string }) => s.code === code);
      expect(res.body.rows.map((row: any) => [row.project.code, row.overdueDocuments])).toEqual([[a.code, 0], [b.code, 1]]);
      expect(res.body.rows[0].cells[column(s1.code)]).toEqual({
        standard: s1.code, score: 67, passed: false, assessedOn: '2026-02-10', standardVersion: '3.0', assessment: latest.documentId,
      });
      expect(res.body.rows[0].cells[column(s2.code)]).toEqual({ standard: s2.code, score: null, passed: null, assessedOn: null, standardVersion: null, assessment: null });
      expect(res.body.rows[1].cells.every((cell: { score: unknown }) => cell.score === null)).toBe(true);
    }

    const csv = await manager.get(`/pmo/exports/compliance.csv?portfolio=${pf.code}&delimiter=;`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="compliance_\d{4}-\d\d-\d\d\.csv"$/);
    const rows = parseCsv(csv.text, ';');
    expect(rows[0]).toEqual(['project_code', 'standard_code', 'standard_version', 'assessed_on', 'score', 'passed', 'overdue_documents']);
    const standardsCount = (await manager.get(`/pmo/compliance/matrix?portfolio=${pf.code}`)).body.standards.length;
    expect(rows.length).toBe(1 + 2 * standardsCount);
    const mine = rows.filter((row) => row[1] === s1.code || row[1] === s2.code);
    expect(mine).toEqual([
      [a.code, s1.code, '3.0', '2026-02-10', '67', 'false', '0'],
      [a.code, s2.code, '', '', '', '', '0'],
      [b.code, s1.code, '', '', '', '', '1'],
      [b.code, s2.code, '', '', '', '', '1'],
    ]);
  });

  it('refuses unknown or repeated filters with a 400 naming each, on the matrix and the export', async () => {
    const manager = await asRole('pmo-manager');
    const res = await manager.get('/pmo/compliance/matrix?portfolio=NO-SUCH&programme=NOR-THIS');
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['programme'], message: 'Choose a programme: there is none with the code "NOR-THIS"' }),
      expect.objectContaining({ path: ['portfolio'], message: 'Choose a portfolio: there is none with the code "NO-SUCH"' }),
    ]);
    const repeated = await manager.get('/pmo/compliance/matrix?portfolio=A&portfolio=B');
    expect([repeated.status, repeated.body.error.details.errors[0].path]).toEqual([400, ['portfolio']]);
    const unknown = await manager.get('/pmo/compliance/matrix?colour=red');
    expect([unknown.status, unknown.body.error.details.errors[0].path]).toEqual([400, ['colour']]);
    const csv = await manager.get('/pmo/exports/compliance.csv?programme=NOR-THIS');
    expect([csv.status, csv.body.error.details.errors[0].path]).toEqual([400, ['programme']]);
    const delimiter = await manager.get('/pmo/exports/compliance.csv?delimiter=|');
    expect([delimiter.status, delimiter.body.error.details.errors[0].path]).toEqual([400, ['delimiter']]);
  });

  it('pages the matrix by project and the assessments latest first, in the database; a page size over 100 is a 400', async () => {
    const manager = await asRole('pmo-manager');
    const pg = await programmeIn();
    const projects: Array<Awaited<ReturnType<typeof project>>> = [];
    for (const letter of ['C', 'A', 'B']) projects.push(await project({ programme: pg.documentId, code: `${pg.code}-${letter}` }));
    const std = await complianceStandard({ appliesToStates: ['closed'], checklist: [{ text: 'Lessons logged', mustMeet: true }] });
    const first = await manager.get(`/pmo/compliance/matrix?programme=${pg.code}&pageSize=2`);
    expect(first.status).toBe(200);
    expect(first.body.rows.map((row: any) => row.project.code)).toEqual([`${pg.code}-A`, `${pg.code}-B`]);
    expect(first.body.pagination).toEqual({ page: 1, pageSize: 2, total: 3 });
    const second = await manager.get(`/pmo/compliance/matrix?programme=${pg.code}&pageSize=2&page=2`);
    expect([second.body.rows.map((row: any) => row.project.code), second.body.pagination]).toEqual([[`${pg.code}-C`], { page: 2, pageSize: 2, total: 3 }]);

    for (const day of ['2026-01-05', '2026-03-05', '2026-02-05']) await assess(manager, projects[0], std, [{ result: 'met' }], { assessedOn: day });
    const page = (n: number) => manager.get(`/pmo/compliance/assessments?project=${projects[0].documentId}&standard=${std.documentId}&pageSize=2&page=${n}`);
    const [one, two] = [await page(1), await page(2)];
    expect(one.body.results.map((a: any) => a.assessedOn)).toEqual(['2026-03-05', '2026-02-05']);
    expect([two.body.results.map((a: any) => a.assessedOn), two.body.pagination]).toEqual([['2026-01-05'], { page: 2, pageSize: 2, total: 3 }]);

    for (const path of ['/pmo/compliance/matrix', '/pmo/compliance/assessments']) {
      const bad = await manager.get(`${path}?pageSize=101`);
      expect([bad.status, bad.body.error.details.errors[0].path]).toEqual([400, ['pageSize']]);
      expect(bad.body.error.details.errors[0].message).toMatch(/page size/i);
    }
  });

  it('shows a project manager only the projects they manage', async () => {
    const pmPerson = await person('project-manager@test.pmo', 'Pat Manager');
    const pg = await programmeIn();
    const mine = await project({ programme: pg.documentId, manager: pmPerson.documentId });
    await project({ programme: pg.documentId });
    const res = await (await asRole('project-manager')).get(`/pmo/compliance/matrix?programme=${pg.code}`);
    expect(res.body.rows.map((row: any) => row.project.code)).toEqual([mine.code]);
  });
});
