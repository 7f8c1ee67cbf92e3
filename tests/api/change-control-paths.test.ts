/**
 * The ITIL path matrix of change control: from every state, every transition of the workflow
 * either succeeds for its right actor or is refused with the right status code; rejection,
 * standard and emergency paths.
 */
import { asRole, getStrapi } from '../helpers/strapi';
import {
  CHANGE,
  EMAILS,
  actors,
  expectFire,
  fire,
  project,
  raise,
  stored,
  type Actors,
} from './change-control-fixtures';

const TRANSITIONS = [
  'submit',
  'submit-emergency',
  'schedule-standard',
  'recommend',
  'authorize-pm',
  'authorize',
  'authorize-director',
  'reject',
  'implement',
  'complete',
  'close',
  'cancel',
] as const;
type Transition = (typeof TRANSITIONS)[number];

const COMMENTED: Transition[] = ['reject', 'cancel'];

/** Who fires each transition in the matrix (its right actor). */
const RIGHT_ACTOR: Record<Transition, keyof Actors> = {
  submit: 'raiser',
  'submit-emergency': 'raiser',
  'schedule-standard': 'raiser',
  recommend: 'analyst',
  'authorize-pm': 'pm',
  authorize: 'board1',
  'authorize-director': 'director',
  reject: 'manager',
  implement: 'pm',
  complete: 'pm',
  close: 'manager',
  cancel: 'raiser',
};

/** A normal change within the project manager's tolerance, from each state: what each transition answers. */
const MATRIX: Record<string, Partial<Record<Transition, number>>> = {
  new: { submit: 200, 'submit-emergency': 422, 'schedule-standard': 422, cancel: 200 },
  assess: { recommend: 200, reject: 200, cancel: 200 },
  authorize: { 'authorize-pm': 200, authorize: 202, 'authorize-director': 200, reject: 200, cancel: 200 },
  scheduled: { implement: 200, cancel: 200 },
  implement: { complete: 200, cancel: 200 },
  review: { close: 200 },
  closed: {},
  canceled: {},
};

const PATH: Array<[string, Transition]> = [
  ['assess', 'submit'],
  ['authorize', 'recommend'],
  ['scheduled', 'authorize-pm'],
  ['implement', 'implement'],
  ['review', 'complete'],
  ['closed', 'close'],
];

let people: Actors;
beforeAll(async () => {
  people = await actors();
});

const act = (cr: { documentId: string }, transition: Transition) =>
  fire(people[RIGHT_ACTOR[transition]], cr as any, transition, COMMENTED.includes(transition) ? `Because: ${transition}` : undefined);

/** A normal change (cost 100.00, within tolerance) taken along the happy path to `state`. */
async function changeIn(state: string) {
  const p = await project();
  const cr = await raise(p);
  if (state === 'canceled') {
    await expectFire(people.raiser, cr, 'cancel', 200, 'No longer needed');
    return cr;
  }
  for (const [reached, transition] of PATH) {
    if (state === 'new') break;
    const res = await act(cr, transition);
    expect([transition, res.status]).toEqual([transition, 200]);
    if (reached === state) break;
  }
  return cr;
}

describe('the ITIL path matrix', () => {
  describe.each(Object.keys(MATRIX).map((state) => [state]))('from %s', (state) => {
    const expected = MATRIX[state];

    it('refuses every transition that does not start here with 409, and the allowed ones to anyone else with 403', async () => {
      const cr = await changeIn(state);
      expect((await stored(cr)).workflowState).toBe(state);
      for (const transition of TRANSITIONS) {
        if (expected[transition] !== undefined) continue;
        const res = await act(cr, transition);
        expect([transition, res.status]).toEqual([transition, 409]);
      }
      for (const [transition, status] of Object.entries(expected)) {
        if (status === 422) continue;
        const res = await fire(people.outsider, cr, transition, 'Trying my luck');
        expect([transition, res.status]).toEqual([transition, 403]);
        expect(res.body.error.message).toMatch(/^Only /);
      }
      expect((await stored(cr)).workflowState).toBe(state);
    });

    const allowed = Object.entries(expected).map(([transition, status]) => [transition, status]);
    if (allowed.length === 0) return; // a terminal state: nothing leaves it
    it.each(allowed)('answers %s with %s for its right actor', async (transition, status) => {
      const cr = await changeIn(state);
      const res = await act(cr, transition as Transition);
      expect([transition, res.status, res.status === status ? '' : JSON.stringify(res.body)]).toEqual([transition, status, '']);
    });
  });
});

describe('refusals in words', () => {
  /** A field key in camelCase, a documentId or a role code: what no message may hold. */
  const CODE = /documentId|[a-z]+[A-Z][a-zA-Z]*\b|pmo-[a-z]+/;

  it('names who may act by their place on the item and roles by their names, never keys or codes', async () => {
    const cr = await raise(await project());
    const res = await fire(people.outsider, cr, 'submit');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'Only the person who raised it, the project\'s manager or a PMO manager may "Submit for assessment"'
    );
  });

  it('keeps keys, codes and documentIds out of a sample of refusals (400, 403, 404, 409, 422)', async () => {
    const p = await project();
    const cr = await raise(p);
    const standard = await raise(p, { type: 'standard' });
    const answers = [
      await people.raiser.post('/pmo/change-requests').send({ title: 'No project' }),
      await people.raiser.post('/pmo/change-requests').send({ project: p.documentId, title: 'x', impact: { cost: '12.50', scheduleDays: 'soon' } }),
      await people.raiser.post('/pmo/change-requests').send({ project: p.documentId, title: 'x', authorityLevel: 'change-board' }),
      await fire(people.outsider, cr, 'submit'),
      await fire(people.board1, cr, 'authorize'),
      await fire(people.raiser, standard, 'submit'),
      await fire(people.raiser, cr, 'no-such-step'),
      await people.raiser.post('/pmo/transitions').send({ uid: CHANGE, documentId: 'no-such-item', transition: 'submit' }),
      await people.raiser.post('/pmo/transitions').send({ uid: CHANGE, documentId: cr.documentId, transition: 'submit', expectedVersion: 99 }),
      await people.raiser.get('/pmo/change-requests/no-such-item'),
    ];
    expect(answers.map((res) => res.status)).toEqual([400, 400, 400, 403, 409, 422, 404, 404, 409, 404]);
    const messages = answers.flatMap((res) => [res.body.error.message, ...(res.body.error.details?.errors ?? []).map((e: { message: string }) => e.message)]);
    for (const message of messages) expect(message).not.toMatch(CODE);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Choose a project',
        'The authority level is not sent: PMO Hub works it out from the cost impact',
        'There is no such change request (it may have been deleted)',
      ])
    );
  });
});

describe('rejection', () => {
  it('needs a comment, sends the change back to New, records the decision and resets the votes', async () => {
    const p = await project({ bac: '100.00' }); // a 250.00 change is above tolerance: the change board decides
    const cr = await raise(p, { cost: '250.00' });
    await expectFire(people.raiser, cr, 'submit', 200);
    await expectFire(people.analyst, cr, 'recommend', 200);
    await expectFire(people.board1, cr, 'authorize', 202);

    const bare = await fire(people.board2, cr, 'reject');
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toBe('Give a comment: "Reject" needs one');
    expect(bare.body.error.details.errors[0].path).toEqual(['comment']);

    const rejected = await fire(people.board2, cr, 'reject', 'No rollback plan');
    expect(rejected.status).toBe(200);
    expect(rejected.body.state).toBe('new');
    const after = await stored(cr);
    expect(after).toMatchObject({ workflowState: 'new', decision: 'rejected' });
    expect(after.decisionDate).toBeTruthy();
    expect(after.decidedBy.map((d: { email: string }) => d.email)).toEqual([EMAILS.board2]);

    await expectFire(people.raiser, cr, 'submit', 200);
    await expectFire(people.analyst, cr, 'recommend', 200);
    const view = await people.board1.get(`/pmo/workflow-instances?uid=${CHANGE}&documentId=${cr.documentId}`);
    expect(view.body.transitions.find((t: { key: string }) => t.key === 'authorize').approvals).toMatchObject({ votes: 0, voters: [] });
    // board1's earlier vote is gone: voting again is a first vote, not a repeat (409)
    await expectFire(people.board1, cr, 'authorize', 202);
  });

  it('is possible from Assess too, and from nowhere else', async () => {
    const cr = await changeIn('assess');
    await expectFire(people.manager, cr, 'reject', 200, 'Out of scope');
    const scheduled = await changeIn('scheduled');
    await expectFire(people.manager, scheduled, 'reject', 409, 'Too late');
  });
});

describe('a standard change', () => {
  it('is pre-authorised: new → scheduled, never assessed nor authorised, and draws its cost', async () => {
    const p = await project({ changeBudget: '1000.00' });
    const cr = await raise(p, { type: 'standard', cost: '40.00' });
    const submit = await fire(people.raiser, cr, 'submit');
    expect(submit.status).toBe(422);
    expect(submit.body.error.details.failures[0].message).toContain('Only normal changes are assessed');
    await expectFire(people.raiser, cr, 'submit-emergency', 422);
    await expectFire(people.raiser, cr, 'schedule-standard', 200);
    const after = await stored(cr);
    expect(after).toMatchObject({ workflowState: 'scheduled', decision: 'approved' });
    expect(after.decidedBy.map((d: { email: string }) => d.email)).toEqual([EMAILS.raiser]);
    expect(String((await getStrapi().documents('api::project.project').findOne({ documentId: p.documentId }))!.changeBudget)).toBe('96000');
    await expectFire(people.pm, cr, 'implement', 200);
    await expectFire(people.pm, cr, 'complete', 200);
    await expectFire(people.manager, cr, 'close', 200);
  });
});

describe('an emergency change', () => {
  it('skips assessment but never authorisation', async () => {
    const p = await project();
    const cr = await raise(p, { type: 'emergency', cost: '300.00' });
    await expectFire(people.raiser, cr, 'submit', 422);
    await expectFire(people.raiser, cr, 'schedule-standard', 422);
    const res = await expectFire(people.raiser, cr, 'submit-emergency', 200);
    expect(res.body.state).toBe('authorize');
    // from authorize the only ways on are the authorize transitions (or reject / cancel)
    await expectFire(people.pm, cr, 'implement', 409);
    await expectFire(people.pm, cr, 'authorize-pm', 200);
    expect((await stored(cr)).workflowState).toBe('scheduled');
  });

  it('states its cost impact before it goes for authorisation', async () => {
    const p = await project();
    const cr = await raise(p, { type: 'emergency', cost: null });
    const res = await fire(people.raiser, cr, 'submit-emergency');
    expect(res.status).toBe(422);
    expect(res.body.error.details.failures[0].message).toContain('State the cost impact');
  });
});

describe('actors', () => {
  it("lets the project's manager, the raiser and a PMO manager submit, and no one else", async () => {
    const p = await project();
    const other = await asRole('project-manager');
    const cr = await raise(p);
    await expectFire(other, cr, 'submit', 403);
    await expectFire(people.pm, cr, 'submit', 200);
    const second = await raise(p, { raisedBy: 'cc.someone@test.pmo' });
    await expectFire(people.manager, second, 'submit', 200);
  });
});
