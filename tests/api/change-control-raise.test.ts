/**
 * Raising a change from PMO Hub's change-control pages: `POST /pmo/change-requests` records the
 * acting admin's person as the raiser, numbers the reference and derives the authority; bad input
 * is a 400 naming the field and creates nothing; only the roles that raise changes may.
 */
import { asAdmin, asRole, getStrapi } from '../helpers/strapi';
import { CHANGE, EMAILS, actors, expectFire, minor, person, project, stored, type Actors } from './change-control-fixtures';

let people: Actors;
beforeAll(async () => {
  people = await actors();
});

const count = () => getStrapi().db.query(CHANGE as any).count();

const body = (projectId: string, extra: Record<string, unknown> = {}) => ({
  project: projectId,
  title: 'Add a second data centre',
  type: 'normal',
  category: 'request-for-change',
  description: 'Mirror production in Frankfurt',
  reason: 'The regulator asks for a recovery site',
  priority: 'high',
  severity: 'major',
  impact: { cost: minor('1500.00'), scheduleDays: 10, scope: 'Second site', quality: 'None', risk: 'Lower outage risk', benefits: 'Compliance' },
  ...extra,
});

/** How each refusal names its field, in words (the key is only in the problem's path). */
const FIELD_WORDS: Record<string, RegExp> = {
  project: /^Choose a project/,
  title: /^(The title|Give a title)/,
  type: /^The type/,
  category: /^The category/,
  priority: /^The priority/,
  severity: /^The severity/,
  'impact.cost': /^The cost impact/,
  'impact.scheduleDays': /^The schedule impact/,
  impact: /^The impact/,
  colour: /has no field "colour"/,
  raisedBy: /^Who raised it is not sent/,
  reference: /^The reference is not sent/,
  authorityLevel: /^The authority level is not sent/,
};

describe('POST /pmo/change-requests', () => {
  it('raises a change as the acting admin’s person, numbered and routed to the change board above tolerance', async () => {
    const p = await project(); // BAC 10000.00, tolerance 10 % (1000.00), change budget 50000.00
    const res = await people.raiser.post('/pmo/change-requests').send(body(p.documentId));
    expect([res.status, res.status === 201 ? '' : JSON.stringify(res.body)]).toEqual([201, '']);
    const raiser = await person(EMAILS.raiser);
    expect(res.body).toMatchObject({
      reference: `CR-${p.code}-001`,
      title: 'Add a second data centre',
      state: 'new',
      type: 'normal',
      priority: 'high',
      severity: 'major',
      costImpact: '1500.00',
      scheduleDays: 10,
      authorityLevel: 'change-board',
      raisedBy: { documentId: raiser.documentId, fullName: raiser.fullName },
      project: { documentId: p.documentId, code: p.code },
      impact: expect.objectContaining({ cost: '150000', scope: 'Second site', benefits: 'Compliance' }),
      changeBudget: { remaining: '50000.00', shortfall: null },
      changeBudgetAfter: '48500.00',
      budgetLine: null,
    });
    const saved = await stored(res.body);
    expect(saved).toMatchObject({ reference: `CR-${p.code}-001`, workflowState: 'new', authorityLevel: 'change-board' });
    const withRaiser = await getStrapi().documents(CHANGE as any).findOne({ documentId: res.body.documentId, populate: ['raisedBy'] } as any);
    expect((withRaiser as any).raisedBy.documentId).toBe(raiser.documentId);
    // It is under change control: the raiser may submit it.
    await expectFire(people.raiser, res.body, 'submit', 200);
  });

  it('after authorisation shows the change budget line it added and no longer what it would leave', async () => {
    const p = await project({ changeBudget: '5000.00' });
    const res = await people.raiser.post('/pmo/change-requests').send(body(p.documentId, { impact: { cost: minor('1234.50') } }));
    expect(res.status).toBe(201);
    expect(res.body.changeBudgetAfter).toBe('3765.50');
    await expectFire(people.raiser, res.body, 'submit', 200);
    await expectFire(people.analyst, res.body, 'recommend', 200);
    await expectFire(people.board1, res.body, 'authorize', 202);
    // The server's current month is one of these two (they differ only across a month end).
    const monthOf = () => `${new Date().toISOString().slice(0, 7)}-01`;
    const monthBefore = monthOf();
    await expectFire(people.board2, res.body, 'authorize', 200);
    const monthAfter = monthOf();
    const detail = await people.board1.get(`/pmo/change-requests/${res.body.documentId}`);
    expect([monthBefore, monthAfter]).toContain(detail.body.budgetLine?.period);
    const month = detail.body.budgetLine.period;
    expect(detail.body).toMatchObject({
      state: 'scheduled',
      decision: 'approved',
      changeBudget: { remaining: '3765.50', shortfall: null },
      changeBudgetAfter: null,
      budgetLine: { amount: '1234.50', period: month },
    });
  });

  it('refuses bad input with a 400 naming the field, and creates nothing', async () => {
    const p = await project();
    const before = await count();
    const cases: Array<[string, unknown]> = [
      ['project', { title: 'No project' }],
      ['project', body('no-such-project')],
      ['title', body(p.documentId, { title: '' })],
      ['title', body(p.documentId, { title: 'x'.repeat(201) })],
      ['type', body(p.documentId, { type: 'minor' })],
      ['category', body(p.documentId, { category: 'wish' })],
      ['priority', body(p.documentId, { priority: 'urgent' })],
      ['severity', body(p.documentId, { severity: 'fatal' })],
      ['impact.cost', body(p.documentId, { impact: { cost: '12.50' } })],
      ['impact.cost', body(p.documentId, { impact: { cost: '-100' } })],
      ['impact.cost', body(p.documentId, { impact: { cost: 1500 } })],
      ['impact.scheduleDays', body(p.documentId, { impact: { scheduleDays: 'soon' } })],
      ['impact.scheduleDays', body(p.documentId, { impact: { scheduleDays: 1.5 } })],
      ['impact', body(p.documentId, { impact: 'expensive' })],
      ['colour', body(p.documentId, { impact: { colour: 'red' } })],
      ['raisedBy', body(p.documentId, { raisedBy: (await person(EMAILS.board1)).documentId })],
      ['reference', body(p.documentId, { reference: 'CR-MINE-001' })],
      ['authorityLevel', body(p.documentId, { authorityLevel: 'project-manager' })],
    ];
    for (const [field, input] of cases) {
      const res = await people.raiser.post('/pmo/change-requests').send(input as object);
      expect([field, res.status]).toEqual([field, 400]);
      // In words naming the field as a person would, never its key (the path names it for machines).
      expect([field, res.body.error.message]).toEqual([field, expect.stringMatching(FIELD_WORDS[field])]);
      expect([field, res.body.error.message]).toEqual([field, expect.not.stringMatching(/documentId|[a-z]+[A-Z][a-zA-Z]*\b|pmo-[a-z]+/)]);
      // The one 400 shape: each problem at its field's path.
      const paths = (res.body.error.details?.errors ?? []).map((error: { path: string[] }) => error.path.join('.'));
      expect([field, paths.some((path: string) => path === field || path.endsWith(`.${field}`))]).toEqual([field, true]);
    }
    const missing = await people.raiser.post('/pmo/change-requests').send({ title: 'No project' });
    expect(missing.body.error.details.errors).toEqual([expect.objectContaining({ path: ['project'], message: 'Choose a project' })]);
    expect(missing.body.error.message).toBe('Choose a project');
    const array = await people.raiser.post('/pmo/change-requests').send([1, 2]);
    expect(array.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('takes a cost impact up to the largest amount, 90,071,992,547,409.91, exactly, and refuses one cent more', async () => {
    const p = await project();
    const before = await count();
    const past = await people.raiser.post('/pmo/change-requests').send(body(p.documentId, { impact: { cost: '9007199254740992' } }));
    expect(past.status).toBe(400);
    expect(past.body.error.message).toBe('The cost impact must be at most 90,071,992,547,409.91');
    expect(await count()).toBe(before);

    const atMax = await people.raiser.post('/pmo/change-requests').send(body(p.documentId, { impact: { cost: '9007199254740991' } }));
    expect(atMax.status).toBe(201);
    expect(atMax.body).toMatchObject({ costImpact: '90071992547409.91', impact: expect.objectContaining({ cost: '9007199254740991' }) });
    const read = await people.board1.get(`/pmo/change-requests/${atMax.body.documentId}`);
    expect(read.body).toMatchObject({ costImpact: '90071992547409.91', impact: expect.objectContaining({ cost: '9007199254740991' }) });
  });

  it('is for the roles that raise changes, and for people in the directory', async () => {
    const p = await project();
    const before = await count();
    for (const agent of [people.board1, people.director, people.outsider]) {
      const res = await agent.post('/pmo/change-requests').send(body(p.documentId));
      expect(res.status).toBe(403);
    }
    // A project manager with no person of their email: who raised it could not be recorded.
    const stranger = await asAdmin('cc.no-person@test.pmo', ['project-manager']);
    const res = await stranger.post('/pmo/change-requests').send(body(p.documentId));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^No one in the people directory has your email \(cc\.no-person@test\.pmo\)/);
    expect(await count()).toBe(before);
    // PMO managers and analysts raise changes too.
    const analystPerson = await person('pmo-analyst@test.pmo', 'Ann Analyst');
    const analyst = await (await asRole('pmo-analyst')).post('/pmo/change-requests').send(body(p.documentId, { type: 'standard' }));
    expect(analyst.status).toBe(201);
    expect(analyst.body).toMatchObject({ reference: `CR-${p.code}-001`, type: 'standard', raisedBy: { documentId: analystPerson.documentId } });
  });
});
