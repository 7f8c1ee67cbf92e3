/**
 * `GET /pmo/my-work`: what waits for the signed-in person — a vote, a gate review to hold, a
 * condition, a document to review, a status report to write, an action item — each with its due
 * date and a link that opens it, overdue first; someone else sees none of it; no confidential
 * mentoring content; 401 without a session; no query accepted.
 */
import { documentInState } from '../helpers/documents';
import { asAdmin, asCapability, asRole, asSuperAdmin, getStrapi, http, uniqueCode, type Agent } from '../helpers/strapi';
import { expectFire, minor, raise, actors, type Actors } from './change-control-fixtures';
import { createRelationship, daysFromToday, logSession, member, type Member } from './mentoring-fixtures';

const PROJECT = 'api::project.project';
const DOCUMENT = 'api::document.document';
const REPORT = 'api::status-report.status-report';
const GATE_REVIEW = 'plugin::pmo.gate-review';
const GATE_CONDITION = 'plugin::pmo.gate-condition';
const CHANGE = 'plugin::pmo.change-request';

const documents = (uid: string) => getStrapi().documents(uid as any) as any;
/** Writes governance's own types as governance does (its routes' tests go through HTTP). */
const asGovernance = (work: () => Promise<any>) => asCapability('governance', work) as Promise<{ documentId: string }>;
const tag = `mw${process.pid}`;
const MARKER = `SECRET-${tag}-${Date.now()}`;

type Item = { kind: string; title: string; dueDate: string | null; overdue: boolean; uid: string; documentId: string; url: string };

let me: Member;
let mentor: Member;
let other: Member;
let people: Actors;
const ids: Record<string, string> = {};

beforeAll(async () => {
  people = await actors();
  me = await member(tag, 'me', ['project-manager'], `Morgan Mine ${tag}`);
  mentor = await member(tag, 'mentor', ['project-manager'], `Mara Mentor ${tag}`);
  other = await member(tag, 'other', ['pmo-analyst'], `Oscar Other ${tag}`);

  // A project I manage, running, weekly, whose last report is 20 days old: the report is late.
  const project = await documents(PROJECT).create({
    data: {
      name: `Mine ${tag}`,
      code: uniqueCode('MW'),
      manager: me.personId,
      reportingCadence: 'weekly',
      changeBudget: minor('50000.00'),
      tolerances: { costPercent: 10, scheduleDays: 14 },
    },
  });
  await documents('api::budget-line.budget-line').create({ data: { project: project.documentId, period: '2026-01-01', category: 'labour', amount: minor('10000.00') } });
  await documents(REPORT).create({ data: { project: project.documentId, asOf: daysFromToday(-20), percentComplete: 30, ragOverall: 'amber' } });
  ids.project = project.documentId;

  // A change within my tolerance, waiting for my authorisation as the project manager.
  const cr = await raise(project, { cost: '500.00', title: `Small change ${tag}` });
  await expectFire(people.raiser, cr, 'submit', 200);
  await expectFire(people.analyst, cr, 'recommend', 200);
  ids.cr = cr.documentId;
  await getStrapi().db.query(PROJECT as any).update({ where: { documentId: project.documentId }, data: { workflowState: 'executing' } });

  const review = await asGovernance(() =>
    documents(GATE_REVIEW).create({ data: { project: project.documentId, gate: 4, scheduledDate: daysFromToday(3), reviewers: [me.personId] } })
  );
  ids.review = review.documentId;
  const held = await asGovernance(() =>
    documents(GATE_REVIEW).create({ data: { project: project.documentId, gate: 3, decision: 'conditional-go', heldDate: daysFromToday(-30) } })
  );
  ids.held = held.documentId;
  const condition = await asGovernance(() =>
    documents(GATE_CONDITION).create({ data: { gateReview: held.documentId, text: `Sign the supplier contract ${tag}`, owner: me.personId, dueDate: daysFromToday(-2) } })
  );
  ids.condition = condition.documentId;
  const done = await asGovernance(() =>
    documents(GATE_CONDITION).create({ data: { gateReview: held.documentId, text: `Done already ${tag}`, owner: me.personId, dueDate: daysFromToday(-9), done: true } })
  );
  ids.doneCondition = done.documentId;

  const document = await documentInState('approved', {
    title: `Benefits plan ${tag}`, documentType: 'project-plan', project: project.documentId, owner: me.personId, lastReviewedAt: daysFromToday(-25), approvedAt: `${daysFromToday(-40)}T09:00:00.000Z`, reviewCycleDays: 30,
  });
  ids.document = document.documentId;
  const superseded = await documentInState('superseded', {
    title: `Old plan ${tag}`, documentType: 'project-plan', owner: me.personId, lastReviewedAt: '2020-01-01', reviewCycleDays: 30,
  });
  ids.superseded = superseded.documentId;
  const later = await documentInState('approved', {
    title: `Far plan ${tag}`, documentType: 'project-plan', owner: me.personId, lastReviewedAt: daysFromToday(-1), approvedAt: `${daysFromToday(-30)}T09:00:00.000Z`, reviewCycleDays: 90,
  });
  ids.later = later.documentId;

  const relationship = await createRelationship(await asRole('pmo-manager'), { mentor: mentor.personId, mentee: me.personId, startDate: daysFromToday(-90) });
  ids.relationship = relationship.documentId;
  const session = await logSession(mentor.agent, {
    relationship: relationship.documentId,
    date: daysFromToday(-7),
    durationMinutes: 30,
    confidentialNotes: `Private worry ${MARKER}`,
    actionItems: [
      { text: `Map the stakeholders ${tag}`, owner: 'mentee', dueDate: daysFromToday(-1) },
      { text: `Send the reading list ${tag}`, owner: 'mentor', dueDate: daysFromToday(-1) },
    ],
  });
  ids.session = session.documentId;
}, 120_000);

async function myWork(agent: Agent): Promise<Item[]> {
  const res = await agent.get('/pmo/my-work');
  expect([res.status, res.status === 200 ? '' : res.text]).toEqual([200, '']);
  return res.body.results as Item[];
}

/** The items about this file's fixtures (other files of the worker leave work behind too). */
const ours = (items: Item[]) => items.filter((item) => Object.values(ids).includes(item.documentId));

describe('GET /pmo/my-work', () => {
  it('lists one of each kind of work for me, overdue first, each with its due date', async () => {
    const all = await myWork(me.agent);
    const items = ours(all);
    expect(items.map((item) => item.kind).sort()).toEqual(['action-item', 'document-review', 'gate-condition', 'gate-review', 'status-report', 'vote']);

    const byKind = Object.fromEntries(items.map((item) => [item.kind, item]));
    expect(byKind['status-report']).toMatchObject({ title: `Status report of Mine ${tag}`, dueDate: daysFromToday(-13), overdue: true, uid: PROJECT, documentId: ids.project });
    expect(byKind['gate-condition']).toMatchObject({ title: `Sign the supplier contract ${tag}`, dueDate: daysFromToday(-2), overdue: true, documentId: ids.condition });
    expect(byKind['action-item']).toMatchObject({ title: `Map the stakeholders ${tag}`, dueDate: daysFromToday(-1), overdue: true, documentId: ids.session });
    expect(byKind['gate-review']).toMatchObject({ dueDate: daysFromToday(3), overdue: false, uid: GATE_REVIEW, documentId: ids.review });
    expect(byKind['gate-review'].title).toMatch(/^Gate 4 \(readiness for service\) review of Mine/);
    expect(byKind['document-review']).toMatchObject({ title: `Benefits plan ${tag}`, dueDate: daysFromToday(5), overdue: false, uid: DOCUMENT, documentId: ids.document });
    expect(byKind.vote).toMatchObject({ overdue: false, uid: CHANGE, documentId: ids.cr });
    expect(byKind.vote.title).toContain(`Small change ${tag}`);
    expect(byKind.vote.dueDate! > daysFromToday(0)).toBe(true);

    // Not mine to do: the mentor's item, a condition done, a superseded document, one due in 3 months.
    expect(all.some((item) => item.title.includes(`Send the reading list ${tag}`))).toBe(false);
    expect(all.map((item) => item.documentId)).not.toContain(ids.doneCondition);
    expect(all.map((item) => item.documentId)).not.toContain(ids.superseded);
    expect(all.map((item) => item.documentId)).not.toContain(ids.later);

    // Overdue first, then by due date (undated last).
    const key = (item: Item) => `${item.overdue ? 0 : 1}|${item.dueDate ?? '9999-99-99'}`;
    expect(all.map(key)).toEqual(all.map(key).sort());
    expect(items.slice(0, 3).map((item) => item.kind)).toEqual(['status-report', 'gate-condition', 'action-item']);
  });

  it('links each item to a page that opens it', async () => {
    const items = ours(await myWork(me.agent));
    const admin = await asSuperAdmin();
    for (const item of items) {
      const page = /^\/admin\/(?:plugins\/pmo\/(change-requests|governance\/reviews|mentoring\/relationships)|content-manager\/collection-types\/([^/]+))\/([^/]+)$/.exec(item.url);
      expect([item.kind, item.url, !!page]).toEqual([item.kind, item.url, true]);
      const [, plugin, uid, documentId] = page!;
      const api =
        plugin === 'change-requests'
          ? me.agent.get(`/pmo/change-requests/${documentId}`)
          : plugin === 'governance/reviews'
            ? me.agent.get(`/pmo/gate-reviews/${documentId}`)
            : plugin === 'mentoring/relationships'
              ? me.agent.get(`/pmo/mentoring/relationships/${documentId}`)
              : admin.get(`/content-manager/collection-types/${uid}/${documentId}`);
      const res = await api;
      expect([item.kind, res.status]).toEqual([item.kind, 200]);
    }
    const byKind = Object.fromEntries(items.map((item) => [item.kind, item.url]));
    expect(byKind['gate-condition']).toBe(`/admin/plugins/pmo/governance/reviews/${ids.held}`);
    expect(byKind['action-item']).toBe(`/admin/plugins/pmo/mentoring/relationships/${ids.relationship}`);
    expect(byKind['status-report']).toBe(`/admin/content-manager/collection-types/${PROJECT}/${ids.project}`);
  });

  it('never carries confidential mentoring content', async () => {
    const res = await me.agent.get('/pmo/my-work');
    expect(JSON.stringify(res.body)).not.toContain(MARKER);
  });

  it('shows someone else none of it', async () => {
    const theirs = await myWork(other.agent);
    expect(theirs.filter((item) => Object.values(ids).includes(item.documentId))).toEqual([]);
    const mentors = await myWork(mentor.agent);
    expect(mentors.filter((item) => item.title.includes(`Map the stakeholders ${tag}`))).toEqual([]);
    expect(mentors.filter((item) => item.title.includes(`Send the reading list ${tag}`))).toHaveLength(1);
  });

  it('answers the super admin and every PMO role, and nobody without a session', async () => {
    expect((await (await asSuperAdmin()).get('/pmo/my-work')).status).toBe(200);
    for (const role of ['pmo-director', 'pmo-manager', 'pmo-analyst', 'pmo-administrator', 'project-manager', 'change-board', 'finance'] as const) {
      expect([role, (await (await asRole(role)).get('/pmo/my-work')).status]).toEqual([role, 200]);
    }
    expect((await http().get('/pmo/my-work')).status).toBe(401);
    // An admin user with no PMO role (Strapi's Editor) has no work here to see.
    expect((await (await asAdmin(`editor.${tag}@test.pmo`, ['strapi-editor'])).get('/pmo/my-work')).status).toBe(403);
  });

  it('refuses a query with the one 400', async () => {
    const res = await me.agent.get('/pmo/my-work?kind=vote');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: ['kind'], message: expect.any(String) })]);
  });
});
