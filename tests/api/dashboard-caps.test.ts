/**
 * GET /pmo/dashboard over more projects and items than its lists hold: each list is its first
 * DASHBOARD_LIST_LIMIT items in the order that matters most (longest overdue, soonest, most
 * periods late…), each count (`totals`, a CPI bar's `count`, the RAG and state counts) is over
 * every one, and the workbook export still writes every item. Figures: dashboard.test.ts.
 */
import ExcelJS from 'exceljs';
import { DASHBOARD_LIST_LIMIT as CAP } from '../../src/plugins/pmo/shared/contracts/dashboard';
import { GATE_CONDITION_UID, GATE_REVIEW_UID } from '../../src/plugins/pmo/shared/contracts/governance';
import { DEPENDENCY_UID, DOCUMENT_UID, ISSUE_UID, PROJECT_UID, RISK_UID } from '../../src/plugins/pmo/shared/contracts/uids';
import { documentInState } from '../helpers/documents';
import { asCapability, asRole, getStrapi, uniqueCode, type Agent } from '../helpers/strapi';
import { putInState } from '../helpers/workflow-state';

const AS_OF = '2026-06-01';
/** More than the cap, so every list is cut and every count is over more than it shows. */
const COUNT = CAP + 3;
const day = (base: string, days: number) => new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type Doc = { documentId: string; code: string; name: string };
const create = async (uid: string, data: Record<string, unknown>) => (await (getStrapi().documents(uid as never) as any).create({ data })) as Doc;

let manager: Agent;
let portfolio: Doc;
let projects: Doc[];

beforeAll(async () => {
  manager = await asRole('pmo-manager');
  const tag = uniqueCode('CAP');
  portfolio = await create('api::portfolio.portfolio', { name: `Capped portfolio ${tag}`, code: `${tag}-PF` });
  const programme = await create('api::programme.programme', { name: `Capped programme ${tag}`, code: `${tag}-PG`, portfolio: portfolio.documentId });
  projects = [];
  for (let n = 0; n < COUNT; n += 1) {
    // Project n started n weeks before the last: the earlier it started, the more monthly reports it has missed.
    const project = await create(PROJECT_UID, {
      name: `Capped project ${String(n).padStart(2, '0')} ${tag}`, code: `${tag}-${String(n).padStart(2, '0')}`,
      programme: programme.documentId, startDate: day('2025-06-01', 7 * n), reportingCadence: 'monthly',
    });
    projects.push(project);
    await putInState(getStrapi(), PROJECT_UID, project.documentId, 'executing');
    // Item n of each list is n days from its date: overdue by n + 1 days, needed n + 1 days ago, scheduled n days ahead.
    await create(ISSUE_UID, { title: `Critical ${n}`, project: project.documentId, priority: 'critical', severity: 'high', status: 'open', raisedOn: '2026-01-01', targetDate: day(AS_OF, n) });
    await documentInState('approved' as never, { title: `Plan ${n}`, documentType: 'project-plan', project: project.documentId, reviewCycleDays: 30, approvedAt: `${day(AS_OF, -31 - n)}T09:00:00.000Z` });
    await asCapability('governance', () => create(GATE_REVIEW_UID, { project: project.documentId, gate: 3, scheduledDate: day(AS_OF, n) }));
  }
  for (let n = 0; n < COUNT; n += 1) {
    const [from, to] = [projects[n], projects[(n + 1) % COUNT]];
    await create(DEPENDENCY_UID, { fromProject: from.documentId, toProject: to.documentId, description: `Needs ${n}`, needBy: day(AS_OF, -1 - n), status: 'open' });
  }
});

const dashboard = () => manager.get(`/pmo/dashboard?portfolio=${portfolio.documentId}&asOf=${AS_OF}`);

describe('GET /pmo/dashboard with more items than a list holds', () => {
  it('lists the first items of each list in its order, and counts every one', async () => {
    const res = await dashboard();
    expect(res.status).toBe(200);
    const { body } = res;
    expect(body.totals).toEqual({ criticalIssues: COUNT, overdueDocuments: COUNT, lateStatusReports: COUNT, upcomingGateReviews: COUNT, lateDependencies: COUNT });

    // Earliest target date first; longest overdue first; soonest first; longest late first.
    expect(body.criticalIssues.map((issue: { title: string }) => issue.title)).toEqual([...Array(CAP).keys()].map((n) => `Critical ${n}`));
    expect(body.overdueDocuments.map((item: { title: string }) => item.title)).toEqual([...Array(CAP).keys()].map((n) => `Plan ${COUNT - 1 - n}`));
    expect(body.upcomingGateReviews.map((review: { scheduledDate: string }) => review.scheduledDate)).toEqual([...Array(CAP).keys()].map((n) => day(AS_OF, n)));
    expect(body.lateDependencies.map((dependency: { title: string }) => dependency.title)).toEqual([...Array(CAP).keys()].map((n) => `Needs ${COUNT - 1 - n}`));
    // Most periods late first: the projects that started first.
    const late = body.lateStatusReports as Array<{ code: string; periodsLate: number; title: string; manager: string | null }>;
    expect(late).toHaveLength(CAP);
    expect(late.map((row) => row.periodsLate)).toEqual([...late.map((row) => row.periodsLate)].sort((a, b) => b - a));
    expect(late[0]).toMatchObject({ code: projects[0].code, title: projects[0].name });
    expect(late.map((row) => row.code)).not.toContain(projects[COUNT - 1].code);
  });

  it('counts every project in the scope, and names at most the cap behind a CPI bar', async () => {
    const { body } = await dashboard();
    expect(body.scope.projects).toBe(COUNT);
    expect(body.projectsByState.find((state: { state: string }) => state.state === 'executing').count).toBe(COUNT);
    expect(body.rag).toMatchObject({ green: 0, amber: 0, red: 0, none: COUNT, previous: { none: COUNT } });
    // No budget and no cost: nothing to compare yet, for every project.
    const none = body.evm.distribution.cpi.find((bucket: { key: string }) => bucket.key === 'none');
    expect(none.count).toBe(COUNT);
    expect(none.projects).toHaveLength(CAP);
    expect(none.projects.map((project: { code: string }) => project.code)).toEqual(projects.slice(0, CAP).map((project) => project.code));
  });

  it('over the whole organisation, counts every project the database holds', async () => {
    const { body } = await manager.get(`/pmo/dashboard?asOf=${AS_OF}`);
    const [{ total }] = await getStrapi().db.connection('projects').count({ total: '*' });
    const projectCount = Number(total);
    expect(projectCount).toBeGreaterThan(CAP);
    expect(body.scope.projects).toBe(projectCount);
    const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
    expect(sum(body.projectsByState.map((state: { count: number }) => state.count))).toBe(projectCount);
    expect(body.rag.green + body.rag.amber + body.rag.red + body.rag.none).toBe(projectCount);
    expect(sum(body.evm.distribution.cpi.map((bucket: { count: number }) => bucket.count))).toBe(projectCount);
    expect(body.totals.lateStatusReports).toBeGreaterThanOrEqual(COUNT);
    expect(body.lateStatusReports).toHaveLength(CAP);
  });

  it('over the whole organisation, the heat map and every list count each item the database places in a project or a programme', async () => {
    // Items held by a programme only count; one held by neither does not (documents may be).
    const tag = uniqueCode('ORG');
    const programme = await create('api::programme.programme', { name: `Organisation programme ${tag}`, code: `${tag}-PG` });
    await create(RISK_UID, { title: `Programme risk ${tag}`, programme: programme.documentId, probability: 2, impact: 3, status: 'open' });
    await create(ISSUE_UID, { title: `Programme issue ${tag}`, programme: programme.documentId, priority: 'critical', severity: 'high', status: 'open', raisedOn: '2026-01-01' });
    const stale = { documentType: 'project-plan', reviewCycleDays: 30, approvedAt: `${day(AS_OF, -60)}T09:00:00.000Z` };
    await documentInState('approved' as never, { ...stale, title: `Programme plan ${tag}`, programme: programme.documentId });
    await documentInState('approved' as never, { ...stale, title: `Nobody's plan ${tag}` });

    const count = async (uid: string, where: Record<string, unknown>) => Number(await (getStrapi().db.query(uid as never) as any).count({ where }));
    const held = (...relations: string[]) => ({ $or: relations.map((relation) => ({ [relation]: { id: { $notNull: true } } })) });
    const { body } = await manager.get(`/pmo/dashboard?asOf=${AS_OF}`);
    expect(body.heatmap.total).toBe(await count(RISK_UID, { status: 'open', ...held('project', 'programme') }));
    expect(body.totals.criticalIssues).toBe(
      await count(ISSUE_UID, { status: 'open', priority: 'critical', raisedOn: { $lte: AS_OF }, ...held('project', 'programme') })
    );
    const documents = await count(DOCUMENT_UID, {
      nextReviewDue: { $lt: AS_OF },
      $and: [{ $or: [{ status: { $null: true } }, { status: { $ne: 'superseded' } }] }, held('project', 'programme')],
    });
    const conditions = await count(GATE_CONDITION_UID, {
      dueDate: { $lt: AS_OF },
      $or: [{ done: { $null: true } }, { done: false }],
      gateReview: { project: { id: { $notNull: true } } },
    });
    expect(body.totals.overdueDocuments).toBe(documents + conditions);
    expect(body.totals.lateDependencies).toBe(
      await count(DEPENDENCY_UID, { status: { $in: ['open', 'late'] }, needBy: { $lt: AS_OF }, ...held('fromProject', 'toProject') })
    );
    expect(body.totals.upcomingGateReviews).toBe(
      await count(GATE_REVIEW_UID, { decision: { $null: true }, scheduledDate: { $between: [AS_OF, day(AS_OF, 30)] }, project: { id: { $notNull: true } } })
    );
  });

  it('the workbook export still writes every item', async () => {
    const res = await manager
      .get(`/pmo/exports/dashboard.xlsx?portfolio=${portfolio.documentId}&asOf=${AS_OF}`)
      .buffer(true)
      .parse((stream: any, callback: (error: Error | null, body: Buffer) => void) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    for (const sheet of ['Critical issues', 'Overdue documents', 'Late status reports', 'Upcoming gate reviews', 'Late dependencies']) {
      // A header, then one row an item.
      expect([sheet, workbook.getWorksheet(sheet)!.actualRowCount]).toEqual([sheet, COUNT + 1]);
    }
  });
});
