/**
 * Gate review routes: scheduling and holding reviews with a checklist from the standards,
 * decisions and conditions; condition tracking; the governance board; RBAC.
 */
import { asAdmin, asRole, getStrapi } from '../helpers/strapi';
import { passedAssessment,
  addDays,
  fire,
  person,
  project,
  review,
  standard,
  statusReport,
  throughGates,
  today,
} from './governance-fixtures';

/** Every criterion of a review's checklist answered "yes" (other test files publish standards too). */
const allMet = (checklist: Array<{ key: string }>) => checklist.map((item) => ({ key: item.key, met: 'yes' }));

describe('POST /pmo/gate-reviews', () => {
  it.each([
    ['no project', { project: undefined, gate: 1 }, 'project'],
    ['a gate out of range', { gate: 7 }, 'gate'],
    ['a gate that is text', { gate: 'three' }, 'gate'],
    ['a malformed scheduled date', { gate: 1, scheduledDate: '2026-02-30' }, 'scheduledDate'],
    ['an unknown decision', { gate: 1, decision: 'maybe' }, 'decision'],
    ['an unknown field', { gate: 1, verdict: 'go' }, 'verdict'],
    ['a condition without an owner', { gate: 1, decision: 'conditional-go', conditions: [{ text: 'Fix it', dueDate: '2026-07-01' }] }, 'owner'],
    ['a checklist answer that is neither yes nor no', { gate: 1, checklist: [{ key: 'X#1', met: 'perhaps' }] }, 'met'],
  ])('answers 400 for %s, naming the field', async (_label, body, field) => {
    const p = await project();
    const manager = await asRole('pmo-manager');
    const res = await manager.post('/pmo/gate-reviews').send({ project: p.documentId, ...body });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain(field);
    expect(await getStrapi().db.query('plugin::pmo.gate-review').count({ where: { project: { documentId: p.documentId } } })).toBe(0);
  });

  it('answers 400 naming the project when it does not exist, and the reviewer that does not', async () => {
    const manager = await asRole('pmo-manager');
    const missing = await manager.post('/pmo/gate-reviews').send({ project: 'no-such-project', gate: 1 });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.errors[0].path).toEqual(['project']);
    const p = await project();
    const known = await person('gov.known@test.pmo');
    const reviewer = await manager.post('/pmo/gate-reviews').send({ project: p.documentId, gate: 1, reviewers: [known.documentId, 'ghost'] });
    expect(reviewer.status).toBe(400);
    expect(reviewer.body.error.details.errors[0].path).toEqual(['reviewers', '1']);
  });

  it('schedules a review with the checklist of the standards that apply to the state the gate leads to', async () => {
    const manager = await asRole('pmo-manager');
    const initiating = await standard({
      appliesToStates: ['initiating'],
      mandatory: true,
      checklist: [
        { text: 'Business case approved by the sponsor', mustMeet: true },
        { text: 'Options appraised', mustMeet: false },
      ],
    });
    await standard({ appliesToStates: ['executing'], mandatory: true, checklist: [{ text: 'Baseline agreed', mustMeet: true }] });
    const p = await project();
    const reviewer = await person('gov.reviewer@test.pmo', 'Rae Reviewer');
    const res = await manager
      .post('/pmo/gate-reviews')
      .send({ project: p.documentId, gate: 1, scheduledDate: '2026-06-10', reviewers: [reviewer.documentId] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      project: { documentId: p.documentId, code: p.code },
      gate: 1,
      gateName: 'business justification',
      status: 'scheduled',
      scheduledDate: '2026-06-10',
      decision: null,
      reviewers: [{ documentId: reviewer.documentId, fullName: 'Rae Reviewer' }],
    });
    const mine = res.body.checklist.filter((item: { standard: string }) => item.standard === initiating.code);
    expect(mine).toEqual([
      expect.objectContaining({ key: `${initiating.code}#1`, criterion: 'Business case approved by the sponsor', mustMeet: true, mandatory: true, met: null }),
      expect.objectContaining({ key: `${initiating.code}#2`, criterion: 'Options appraised', mustMeet: false, met: null }),
    ]);
    expect(res.body.checklist.some((item: { criterion: string }) => item.criterion === 'Baseline agreed')).toBe(false);

    const again = await manager.post('/pmo/gate-reviews').send({ project: p.documentId, gate: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('already has a review awaiting its decision (scheduled for 10 Jun 2026)');
  });

  it('is for those who manage governance: a project manager reads but may not schedule', async () => {
    const p = await project();
    const pm = await asRole('project-manager');
    expect((await pm.post('/pmo/gate-reviews').send({ project: p.documentId, gate: 1 })).status).toBe(403);
    expect((await pm.get(`/pmo/gate-reviews?project=${p.documentId}`)).status).toBe(200);
    const author = await asAdmin('gov.author@test.pmo', ['strapi-author']);
    expect((await author.get(`/pmo/gate-reviews?project=${p.documentId}`)).status).toBe(403);
    expect((await author.get('/pmo/governance/board')).status).toBe(403);
  });
});

describe('holding a review: PUT /pmo/gate-reviews/:documentId', () => {
  async function scheduledWithCriteria() {
    const manager = await asRole('pmo-manager');
    const std = await standard({
      appliesToStates: ['planning'],
      mandatory: true,
      checklist: [
        { text: 'Delivery strategy documented', mustMeet: true },
        { text: 'Suppliers shortlisted', mustMeet: false },
      ],
    });
    const p = await project();
    await throughGates(manager, p, 1);
    const scheduled = (await manager.get(`/pmo/gate-reviews?project=${p.documentId}&gate=2`)).body.results[0];
    return { manager, p, std, scheduled };
  }

  it('refuses a go while a must-meet criterion of a mandatory standard is not met (422 naming it)', async () => {
    const { manager, std, scheduled } = await scheduledWithCriteria();
    const res = await manager.put(`/pmo/gate-reviews/${scheduled.documentId}`).send({
      decision: 'go',
      checklist: [{ key: `${std.code}#1`, met: 'no', notes: 'Draft only' }],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain(`Gate 2 (delivery strategy) cannot be decided go`);
    expect(res.body.error.message).toContain(`"Delivery strategy documented", ${std.code} criterion 1`);
    expect((await manager.get(`/pmo/gate-reviews/${scheduled.documentId}`)).body.decision).toBeNull();
  });

  it('answers 400 naming a checklist key that is not a criterion of the review', async () => {
    const { manager, scheduled } = await scheduledWithCriteria();
    const res = await manager.put(`/pmo/gate-reviews/${scheduled.documentId}`).send({ checklist: [{ key: 'NOPE#9', met: 'yes' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['checklist', '0', 'key']);
  });

  it('records a conditional go with conditions, checklist results and notes; the gate then opens', async () => {
    const { manager, p, std, scheduled } = await scheduledWithCriteria();
    const owner = await person('gov.owner@test.pmo', 'Olu Owner');
    const noConditions = await manager.put(`/pmo/gate-reviews/${scheduled.documentId}`).send({ decision: 'conditional-go' });
    expect(noConditions.status).toBe(400);
    expect(noConditions.body.error.details.errors[0].path).toEqual(['conditions']);

    const checklist = allMet((await manager.get(`/pmo/gate-reviews/${scheduled.documentId}`)).body.checklist);
    const res = await manager.put(`/pmo/gate-reviews/${scheduled.documentId}`).send({
      decision: 'conditional-go',
      heldDate: '2026-05-02',
      notes: 'Go, once the supplier list is final',
      checklist: [...checklist, { key: `${std.code}#2`, met: 'no', notes: 'Two suppliers still to assess' }],
      conditions: [{ text: 'Finalise the supplier shortlist', dueDate: '2026-06-01', owner: owner.documentId }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'held',
      decision: 'conditional-go',
      heldDate: '2026-05-02',
      notes: 'Go, once the supplier list is final',
      recordedBy: expect.stringContaining('Test'),
      conditions: [
        { text: 'Finalise the supplier shortlist', dueDate: '2026-06-01', done: false, owner: { documentId: owner.documentId, fullName: 'Olu Owner' } },
      ],
    });
    expect(res.body.checklist.find((item: { key: string }) => item.key === `${std.code}#2`)).toMatchObject({ met: 'no', notes: 'Two suppliers still to assess' });
    // The mandatory standard for Planning also needs a passed compliance assessment (the standards guard).
    expect((await fire(manager, p, 'gate-2')).body.error.details.failures.map((f: { guard: string }) => f.guard)).toEqual(['standards']);
    await passedAssessment(manager, p, std, 2);
    expect((await fire(manager, p, 'gate-2')).status).toBe(200);
  });

  it('keeps a decided review: only its notes can change (409 otherwise)', async () => {
    const manager = await asRole('pmo-manager');
    const p = await project();
    const held = await manager.post('/pmo/gate-reviews').send({ project: p.documentId, gate: 1, decision: 'hold', heldDate: '2026-05-02' });
    expect(held.status).toBe(201);
    const change = await manager.put(`/pmo/gate-reviews/${held.body.documentId}`).send({ decision: 'go' });
    expect(change.status).toBe(409);
    expect(change.body.error.message).toContain('Gate 1 (business justification) was decided hold on 2 May 2026');
    const notes = await manager.put(`/pmo/gate-reviews/${held.body.documentId}`).send({ notes: 'Revisit after the budget round' });
    expect(notes.status).toBe(200);
    expect(notes.body).toMatchObject({ decision: 'hold', notes: 'Revisit after the budget round' });
  });

  it('refuses conditions with a decision other than a conditional go', async () => {
    const manager = await asRole('pmo-manager');
    const p = await project();
    const owner = await person('gov.owner@test.pmo', 'Olu Owner');
    const res = await manager.post('/pmo/gate-reviews').send({
      project: p.documentId,
      gate: 1,
      decision: 'go',
      conditions: [{ text: 'Something', dueDate: '2026-06-01', owner: owner.documentId }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('Conditions come only with a conditional go, not with go');
  });
});

describe('conditions of a conditional go', () => {
  async function conditionalGo() {
    const manager = await asRole('pmo-manager');
    const p = await project();
    const owner = await person('gov.condition-owner@test.pmo', 'Cora Owner');
    const scheduled = await manager.post('/pmo/gate-reviews').send({ project: p.documentId, gate: 1 });
    expect(scheduled.status).toBe(201);
    const held = await manager.put(`/pmo/gate-reviews/${scheduled.body.documentId}`).send({
      decision: 'conditional-go',
      heldDate: addDays(today(), -20),
      checklist: allMet(scheduled.body.checklist),
      conditions: [
        { text: 'Sign the supplier contract', dueDate: addDays(today(), -3), owner: owner.documentId },
        { text: 'Appoint a benefits owner', dueDate: addDays(today(), 10), owner: owner.documentId },
      ],
    });
    expect(held.status).toBe(200);
    return { manager, p, held: held.body };
  }

  it('are overdue once past due and not done, on the project and on the board', async () => {
    const { manager, p, held } = await conditionalGo();
    expect(held.conditions.map((c: { overdue: boolean }) => c.overdue)).toEqual([true, false]);
    const governance = await manager.get(`/pmo/governance/projects/${p.documentId}`);
    expect(governance.status).toBe(200);
    expect(governance.body.conditions.open).toBe(2);
    expect(governance.body.conditions.overdue).toEqual([
      expect.objectContaining({ text: 'Sign the supplier contract', gate: 1, overdue: true, owner: expect.objectContaining({ fullName: 'Cora Owner' }) }),
    ]);
    expect(governance.body.gates[0]).toMatchObject({ gate: 1, name: 'business justification', reviews: [expect.objectContaining({ decision: 'conditional-go' })] });
  });

  it("may be marked done by their owner, who may change nothing else; others need governance.manage", async () => {
    const { held } = await conditionalGo();
    const [overdue] = held.conditions;
    const ownerAgent = await asAdmin('gov.condition-owner@test.pmo', ['project-manager']);
    const stranger = await asRole('project-manager');
    expect((await stranger.put(`/pmo/gate-conditions/${overdue.documentId}`).send({ done: true })).status).toBe(403);
    expect((await ownerAgent.put(`/pmo/gate-conditions/${overdue.documentId}`).send({ dueDate: '2027-01-01' })).status).toBe(403);
    const dayBefore = today(); // the server's today is this day or the next (across UTC midnight)
    const done = await ownerAgent.put(`/pmo/gate-conditions/${overdue.documentId}`).send({ done: true });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ done: true, overdue: false });
    expect([...new Set([dayBefore, today()])]).toContain(done.body.doneOn);
    const manager = await asRole('pmo-manager');
    const bad = await manager.put(`/pmo/gate-conditions/${overdue.documentId}`).send({ dueDate: 'tomorrow' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('dueDate');
    const redated = await manager.put(`/pmo/gate-conditions/${overdue.documentId}`).send({ done: false, dueDate: addDays(today(), 5) });
    expect(redated.body).toMatchObject({ done: false, doneOn: null, overdue: false });
  });
});

describe('GET /pmo/governance/board', () => {
  it('gives each project its state, RAG, next gate with its review date, overdue conditions and the transitions the caller may fire', async () => {
    const director = await asRole('pmo-director');
    const manager = await asRole('pmo-manager');
    const programme = await getStrapi().documents('api::programme.programme').create({ data: { name: 'Board programme', code: `BRD-${Date.now()}` } as any });
    const ready = await project({ programme: programme.documentId });
    await review(ready, 1, 'go');
    await statusReport(ready, '2026-03-01', 'green');
    await statusReport(ready, '2026-04-01', 'amber', { ragCost: 'red' });
    const planning = await project({ programme: programme.documentId });
    const dayBefore = today(); // gate 2 schedules gate 3's review for the server's today + 30
    await throughGates(manager, planning, 2);
    const gate3Dates = [...new Set([addDays(dayBefore, 30), addDays(today(), 30)])];
    const owner = await person('gov.board-owner@test.pmo', 'Bo Owner');
    const late = await getStrapi().documents('plugin::pmo.gate-review').findFirst({ filters: { project: { documentId: planning.documentId }, gate: 2 } } as any);
    await getStrapi().documents('plugin::pmo.gate-condition').create({
      data: { gateReview: late!.documentId, text: 'Close the risk actions', dueDate: addDays(today(), -1), owner: owner.documentId, done: false } as any,
    });
    const held = await project({ programme: programme.documentId });
    await throughGates(manager, held, 1);
    await fire(manager, held, 'hold', 'Waiting for the sponsor');

    const res = await director.get(`/pmo/governance/board?programme=${programme.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.lifecycle).toMatchObject({ key: 'project-lifecycle' });
    expect(res.body.lifecycle.states.map((s: { key: string }) => s.key)).toContain('on-hold');
    const card = (doc: { documentId: string }) => res.body.projects.find((p: { documentId: string }) => p.documentId === doc.documentId);
    expect(res.body.projects).toHaveLength(3);

    expect(card(ready)).toMatchObject({
      state: { key: 'proposed', name: 'Proposed' },
      rag: { overall: 'amber', cost: 'red', asOf: '2026-04-01' },
      nextGate: { gate: 1, name: 'business justification', review: null, lastDecision: { decision: 'go' } },
      conditions: { open: 0, overdue: [] },
    });
    expect(card(ready).transitions.filter((t: { allowed: boolean }) => t.allowed).map((t: { key: string }) => t.key).sort()).toEqual(['cancel', 'gate-1']);

    expect(card(planning)).toMatchObject({
      state: { key: 'planning' },
      rag: null,
      nextGate: { gate: 3, name: 'investment decision', review: { scheduledDate: expect.any(String) } },
      conditions: { open: 1, overdue: [expect.objectContaining({ text: 'Close the risk actions', gate: 2, dueDate: addDays(today(), -1) })] },
    });
    expect(gate3Dates).toContain(card(planning).nextGate.review.scheduledDate);
    const gate3 = card(planning).transitions.find((t: { key: string }) => t.key === 'gate-3');
    expect(gate3.allowed).toBe(false);
    expect(gate3.blockers).toEqual([
      expect.objectContaining({ kind: 'guard', guard: 'gateReview', message: expect.stringContaining('Gate 3 (investment decision) has no review yet') }),
      expect.objectContaining({ kind: 'guard', guard: 'baselinedBudget', message: expect.stringContaining('needs a baselined budget') }),
    ]);

    expect(card(held)).toMatchObject({ state: { key: 'on-hold' }, heldFrom: 'initiating', nextGate: { gate: 2 } });
    expect(card(held).transitions.filter((t: { allowed: boolean }) => t.allowed).map((t: { key: string }) => t.key).sort()).toEqual([
      'cancel',
      'resume-initiating',
    ]);

    const analyst = await asRole('pmo-analyst');
    const analystView = await analyst.get(`/pmo/governance/board?programme=${programme.code}&state=proposed`);
    expect(analystView.body.projects.map((p: { documentId: string }) => p.documentId)).toEqual([ready.documentId]);
    expect(card(ready)).toBeTruthy();
    expect(analystView.body.projects[0].transitions.every((t: { allowed: boolean }) => !t.allowed)).toBe(true);
    expect((await analyst.get('/pmo/governance/board?colour=red')).status).toBe(400);
  });
});
