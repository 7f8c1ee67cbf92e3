/**
 * The project lifecycle's gates: each needs a go or conditional-go review, gate 3 a baselined
 * budget; hold and recycle leave the project where it is; stop leaves only cancellation; a held
 * project resumes to the state it was held in.
 */
import { formatDay } from '../../src/plugins/pmo/shared/calendar';
import { asCapability, asRole, asSuperAdmin, getStrapi, type Agent } from '../helpers/strapi';
import {
  GATE_REVIEW,
  addDays,
  budgetLine,
  fire,
  lesson,
  person,
  project,
  review,
  stateOf,
  throughGates,
  today,
} from './governance-fixtures';

describe('a gate', () => {
  it('is refused without a review, naming the gate', async () => {
    const p = await project();
    const res = await fire(await asRole('pmo-manager'), p, 'gate-1');
    expect(res.status).toBe(422);
    expect(res.body.error.details.failures).toEqual([
      { guard: 'gateReview', message: 'Gate 1 (business justification) has no review yet' },
    ]);
    expect(await stateOf(p)).toBe('proposed');
  });

  it('is refused while its review is only scheduled, saying when it is', async () => {
    const p = await project();
    await review(p, 1, null, null, { scheduledDate: '2026-06-10' });
    const res = await fire(await asRole('pmo-manager'), p, 'gate-1');
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('Gate 1 (business justification) has no review yet; its review is scheduled for 10 Jun 2026');
  });

  it.each([['hold'], ['recycle']])('is refused after a %s decision, naming the gate and the decision; the project stays', async (decision) => {
    const manager = await asRole('pmo-manager');
    const p = await project();
    await throughGates(manager, p, 2);
    await budgetLine(p, 'labour', '500000');
    await review(p, 3, decision, '2026-05-02');
    const res = await fire(manager, p, 'gate-3');
    expect(res.status).toBe(422);
    expect(res.body.error.details.failures).toEqual([
      { guard: 'gateReview', message: `Gate 3 (investment decision) was decided ${decision} on 2 May 2026` },
    ]);
    expect(await stateOf(p)).toBe('planning');
  });

  it('opens with a go or a conditional go, and the latest decision counts', async () => {
    const manager = await asRole('pmo-manager');
    const first = await project();
    await review(first, 1, 'hold', '2026-04-01');
    await review(first, 1, 'conditional-go', '2026-04-20');
    expect((await fire(manager, first, 'gate-1')).status).toBe(200);

    const second = await project();
    await review(second, 1, 'go', '2026-04-01');
    await review(second, 1, 'recycle', '2026-04-20');
    const refused = await fire(manager, second, 'gate-1');
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('Gate 1 (business justification) was decided recycle on 20 Apr 2026');
  });

  it('needs a baselined budget at gate 3: budget lines with a BAC above zero, management reserve excluded', async () => {
    const manager = await asRole('pmo-manager');
    const p = await project();
    await throughGates(manager, p, 2);
    await review(p, 3, 'go');
    await budgetLine(p, 'management-reserve', '900000');
    const refused = await fire(manager, p, 'gate-3');
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.failures).toEqual([
      { guard: 'baselinedBudget', message: expect.stringContaining('Gate 3 (investment decision) needs a baselined budget') },
    ]);
    expect(refused.body.error.details.failures[0].message).toContain('total 0.00 EUR (management reserve excluded)');
    await budgetLine(p, 'capex', '1');
    expect((await fire(manager, p, 'gate-3')).status).toBe(200);
    expect(await stateOf(p)).toBe('executing');
  });

  it("schedules the next gate's review when a gate is passed, with the passed review's reviewers", async () => {
    const manager = await asRole('pmo-manager');
    const p = await project();
    const reviewer = await person('gov.reviewer@test.pmo', 'Rae Reviewer');
    await review(p, 1, 'go', '2026-05-02', { reviewers: [reviewer.documentId] });
    // The server's "today" is one of these two (they differ only across UTC midnight).
    const before = today();
    expect((await fire(manager, p, 'gate-1')).status).toBe(200);
    const inThirtyDays = [...new Set([addDays(before, 30), addDays(today(), 30)])];
    const scheduled = await getStrapi()
      .db.query(GATE_REVIEW as any)
      .findMany({ where: { project: { documentId: p.documentId }, gate: 2 }, populate: ['reviewers'] });
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]).toMatchObject({ decision: null });
    expect(inThirtyDays).toContain(scheduled[0].scheduledDate);
    expect(scheduled[0].reviewers.map((r: { documentId: string }) => r.documentId)).toEqual([reviewer.documentId]);
    // …which is not a decision: gate 2 stays shut until it is held
    const gate2 = await fire(manager, p, 'gate-2');
    expect(gate2.status).toBe(422);
    expect(gate2.body.error.message).toContain(`Gate 2 (delivery strategy) has no review yet; its review is scheduled for ${formatDay(scheduled[0].scheduledDate)}`);
  });
});

describe('gate 5', () => {
  const CHANGE = 'plugin::pmo.change-request';
  // Change control's states (its workflow `change-control`): all open but the two terminal ones.
  const OPEN = ['new', 'assess', 'authorize', 'scheduled', 'implement', 'review'];
  const TERMINAL = ['closed', 'canceled'];

  /** A change request of the project, left in `workflowState` as change control would have left it. */
  async function change(of: { documentId: string }, workflowState: string) {
    const strapi = getStrapi();
    const created: { documentId: string } = await asCapability('change-control', () =>
      (strapi.documents(CHANGE as any) as any).create({ data: { project: of.documentId, title: `Change ${workflowState}`, type: 'normal' } })
    );
    // Its own transitions are tested elsewhere; here only the state matters.
    await moveChange(created.documentId, workflowState);
    return created.documentId;
  }
  const moveChange = (documentId: string, workflowState: string) =>
    getStrapi().db.query(CHANGE as any).updateMany({ where: { documentId }, data: { workflowState } });

  /** A project in closing whose gate 5 review decided go, with a lesson learned: only the change requests can stop it. */
  async function closingProject(manager: Agent) {
    const p = await project();
    await throughGates(manager, p, 4);
    await review(p, 5, 'go');
    await lesson(p);
    return p;
  }

  it("lists as open every state of change control's workflow but its terminal ones", async () => {
    const res = await (await asRole('pmo-analyst')).get('/pmo/workflows/change-control');
    const states: Array<{ key: string; terminal?: boolean }> = res.body.definition.states;
    expect(states.filter((state) => !state.terminal).map((state) => state.key)).toEqual(OPEN);
    expect(states.filter((state) => state.terminal).map((state) => state.key)).toEqual(TERMINAL);
  });

  it.each(OPEN.map((state) => [state]))('is refused (noOpen) while a change request of the project is %s, and opens once it is closed or canceled', async (state) => {
    const manager = await asRole('pmo-manager');
    const p = await closingProject(manager);
    // A closed and a canceled change request never block; another project's open one neither.
    await change(p, 'closed');
    await change(p, 'canceled');
    await change(await project(), 'assess');
    const open = await change(p, state);

    const refused = await fire(manager, p, 'gate-5');
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.failures).toEqual([
      { guard: 'noOpen', message: "Close or cancel the project's open change requests first" },
    ]);
    expect(await stateOf(p)).toBe('closing');

    await moveChange(open, state === 'new' ? 'canceled' : 'closed');
    const passed = await fire(manager, p, 'gate-5');
    expect(passed.status).toBe(200);
    expect(await stateOf(p)).toBe('closed');
  });

  it('passes (noOpen) for a project that never had a change request', async () => {
    const manager = await asRole('pmo-manager');
    const p = await closingProject(manager);
    expect((await fire(manager, p, 'gate-5')).status).toBe(200);
    expect(await stateOf(p)).toBe('closed');
  });

  it('with a children guard instead (every change request of the project closed or canceled), is refused while one is open and passes once none is', async () => {
    // The seeded lifecycle guards gate 5 with noOpen; a PMO administrator may use the children
    // guard on the project's changeRequests relation instead. Without its message, the guard
    // words the refusal itself.
    const admin = await asRole('pmo-administrator');
    const { definition } = (await admin.get('/pmo/workflows/project-lifecycle')).body;
    const withChildren = {
      ...definition,
      transitions: definition.transitions.map((transition: { key: string }) =>
        transition.key === 'gate-5'
          ? { ...transition, guards: [{ type: 'gateReview', gate: 5 }, { type: 'children', relation: 'changeRequests', states: TERMINAL }] }
          : transition
      ),
    };
    expect((await admin.put('/pmo/workflows/project-lifecycle').send(withChildren)).status).toBe(200);
    try {
      const manager = await asRole('pmo-manager');
      const p = await closingProject(manager);
      await change(p, 'closed');
      await change(p, 'canceled');
      await change(await project(), 'implement'); // another project's
      const first = await change(p, 'review');
      const second = await change(p, 'new');

      const refused = await fire(manager, p, 'gate-5');
      expect(refused.status).toBe(422);
      expect(refused.body.error.details.failures).toEqual([
        { guard: 'children', message: '2 of 4 change requests are not yet Closed or Cancelled' },
      ]);
      await moveChange(first, 'closed');
      const stillOne = await fire(manager, p, 'gate-5');
      expect(stillOne.status).toBe(422);
      expect(stillOne.body.error.details.failures).toEqual([
        { guard: 'children', message: '1 of 4 change requests is not yet Closed or Cancelled' },
      ]);
      expect(await stateOf(p)).toBe('closing');

      await moveChange(second, 'canceled');
      expect((await fire(manager, p, 'gate-5')).status).toBe(200);
      expect(await stateOf(p)).toBe('closed');

      // No change requests at all: nothing is pending.
      const none = await closingProject(manager);
      expect((await fire(manager, none, 'gate-5')).status).toBe(200);
    } finally {
      // Other test files of this worker share project-lifecycle: put the seeded guards back.
      const restored = await (await asSuperAdmin()).put('/pmo/workflows/project-lifecycle').send(definition);
      expect(restored.status).toBe(200);
    }
  });
});

describe('a stop decision', () => {
  it('leaves only cancellation: the gate and putting on hold are refused, cancelling is not', async () => {
    const manager = await asRole('pmo-manager');
    const director = await asRole('pmo-director');
    const p = await project();
    await throughGates(manager, p, 1);
    await review(p, 2, 'stop', '2026-05-02');
    const gate = await fire(manager, p, 'gate-2');
    expect(gate.status).toBe(422);
    expect(gate.body.error.message).toContain('Gate 2 (delivery strategy) was decided stop on 2 May 2026: the project can only be cancelled');
    const hold = await fire(manager, p, 'hold', 'Waiting for funding');
    expect(hold.status).toBe(422);
    expect(hold.body.error.details.failures).toEqual([
      { guard: 'notStopped', message: 'Gate 2 (delivery strategy) was decided stop on 2 May 2026: the project can only be cancelled' },
    ]);
    const view = await manager.get(`/pmo/workflow-instances?uid=api::project.project&documentId=${p.documentId}`);
    expect(view.body.transitions.filter((t: { allowed: boolean }) => t.allowed).map((t: { key: string }) => t.key)).toEqual([]);
    const directorView = await director.get(`/pmo/workflow-instances?uid=api::project.project&documentId=${p.documentId}`);
    expect(directorView.body.transitions.filter((t: { allowed: boolean }) => t.allowed).map((t: { key: string }) => t.key)).toEqual(['cancel']);
    expect((await fire(director, p, 'cancel', 'Stopped at gate 2')).status).toBe(200);
    expect(await stateOf(p)).toBe('cancelled');
  });
});

describe('on hold', () => {
  it.each([
    ['initiating', 1],
    ['planning', 2],
    ['executing', 3],
    ['closing', 4],
  ])('returns a project held in %s (after gate %i) to that state when it resumes', async (state, gates) => {
    const manager = await asRole('pmo-manager');
    const p = await project();
    await throughGates(manager, p, gates);
    expect(await stateOf(p)).toBe(state);
    expect((await fire(manager, p, 'hold')).status).toBe(400); // a comment is required
    expect((await fire(manager, p, 'hold', 'Sponsor review')).status).toBe(200);
    expect(await stateOf(p)).toBe('on-hold');

    const elsewhere = ['initiating', 'planning', 'executing', 'closing'].filter((other) => other !== state);
    for (const other of elsewhere) {
      const refused = await fire(manager, p, `resume-${other}`);
      expect([other, refused.status]).toEqual([other, 422]);
      expect(refused.body.error.details.failures[0]).toMatchObject({ guard: 'enteredFrom' });
      expect(refused.body.error.details.failures[0].message).toMatch(/^It came to On hold from \w+, so it returns to \w+/);
    }
    const resumed = await fire(manager, p, `resume-${state}`);
    expect(resumed.status).toBe(200);
    expect(resumed.body.state).toBe(state);
  });

  it('resumes where it was held for an item put on hold before instances remembered their previous state', async () => {
    const manager = await asRole('pmo-manager');
    const p = await project();
    await throughGates(manager, p, 2);
    await fire(manager, p, 'hold', 'Budget freeze');
    // Instances written before `previousState` existed have it empty: the history tells instead.
    await getStrapi()
      .db.query('plugin::pmo.workflow-instance')
      .updateMany({ where: { targetDocumentId: p.documentId }, data: { previousState: null } });
    const wrong = await fire(manager, p, 'resume-executing');
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details.failures[0].message).toBe(
      'It came to On hold from Planning, so it returns to Planning, not to Executing'
    );
    expect((await fire(manager, p, 'resume-planning')).status).toBe(200);
    expect(await stateOf(p)).toBe('planning');
  });

  it('cannot be entered from proposed, closed or cancelled', async () => {
    const manager = await asRole('pmo-manager');
    const director = await asRole('pmo-director');
    const proposed = await project();
    const closed = await project();
    await throughGates(manager, closed, 5);
    const cancelled = await project();
    expect((await fire(director, cancelled, 'cancel', 'Not funded')).status).toBe(200);
    const states = { proposed: await stateOf(proposed), closed: await stateOf(closed), cancelled: await stateOf(cancelled) };
    expect(states).toEqual({ proposed: 'proposed', closed: 'closed', cancelled: 'cancelled' });

    for (const [state, p] of [['proposed', proposed], ['closed', closed], ['cancelled', cancelled]] as const) {
      const res = await fire(manager, p, 'hold', 'Too early or too late');
      expect([state, res.status]).toEqual([state, 409]);
      expect([state, await stateOf(p)]).toEqual([state, state]);
    }
  });

  it('shows the one way back on the project', async () => {
    const manager = await asRole('pmo-manager');
    const p = await project();
    await throughGates(manager, p, 2);
    await fire(manager, p, 'hold', 'Budget freeze');
    const view = await manager.get(`/pmo/workflow-instances?uid=api::project.project&documentId=${p.documentId}`);
    const allowed = view.body.transitions.filter((t: { allowed: boolean }) => t.allowed).map((t: { key: string }) => t.key);
    expect(allowed).toEqual(['resume-planning']);
  });
});
