/**
 * PRINCE2 authority: the derived authorityLevel and who may authorize, at the boundaries
 * (exactly at the tolerance, one cent above, exactly at the limit, one cent above); segregation
 * of duties.
 */
import { adminUser, getStrapi, uniqueCode } from '../helpers/strapi';
import {
  CHANGE,
  EMAILS,
  actors,
  expectFire,
  fire,
  minor,
  project,
  raise,
  stored,
  type Actors,
} from './change-control-fixtures';

let people: Actors;
beforeAll(async () => {
  people = await actors();
});

/** Raised and recommended: waiting for authorisation. */
async function awaitingAuthorisation(cost: string, options: Parameters<typeof project>[0] = {}) {
  const p = await project({ changeBudget: '500000.00', ...options });
  const cr = await raise(p, { cost });
  await expectFire(people.raiser, cr, 'submit', 200);
  await expectFire(people.analyst, cr, 'recommend', 200);
  return { p, cr };
}

describe('authorityLevel', () => {
  it.each([
    ['0.00', 'project-manager'],
    ['1000.00', 'project-manager'],
    ['1000.01', 'change-board'],
    ['100000.00', 'change-board'],
    ['100000.01', 'pmo-director'],
  ])('is derived on create: a cost impact of %s goes to %s (BAC 10000.00, tolerance 10 %, limit 100000.00)', async (cost, level) => {
    const cr = await raise(await project(), { cost });
    expect(cr.authorityLevel).toBe(level);
  });

  it('is empty while the cost impact is not assessed, and a value sent by a client is refused', async () => {
    const p = await project();
    const unassessed = await raise(p, { cost: null });
    expect(unassessed.authorityLevel).toBeNull();
    const forced = getStrapi()
      .documents(CHANGE as any)
      .create({ data: { project: p.documentId, title: 'Sneaky', authorityLevel: 'project-manager', impact: { cost: minor('5000.00') } } as any });
    await expect(forced).rejects.toThrow(/^"Authority level" is derived by change control/);
  });

  it('follows the cost impact on update, and the tolerance of the project', async () => {
    const p = await project({ costPercent: 2.5 }); // 2.5 % of 10000.00 = 250.00
    const cr = await raise(p, { cost: '250.00' });
    expect(cr.authorityLevel).toBe('project-manager');
    const updated = await getStrapi()
      .documents(CHANGE as any)
      .update({ documentId: cr.documentId, data: { impact: { cost: minor('250.01') } } as any });
    expect(updated!.authorityLevel).toBe('change-board');
  });

  it('is derived again when the change goes for authorisation (the budget may have moved)', async () => {
    const p = await project();
    const cr = await raise(p, { cost: '1500.00' });
    expect(cr.authorityLevel).toBe('change-board');
    await getStrapi()
      .documents('api::budget-line.budget-line')
      .create({ data: { project: p.documentId, period: '2026-02-01', category: 'capex', amount: minor('10000.00') } as any });
    await expectFire(people.raiser, cr, 'submit', 200);
    await expectFire(people.analyst, cr, 'recommend', 200);
    expect((await stored(cr)).authorityLevel).toBe('project-manager');
  });
});

describe('authorisation is routed by authority', () => {
  it("lets the project's manager authorize exactly at the tolerance", async () => {
    const { cr } = await awaitingAuthorisation('1000.00');
    await expectFire(people.pm, cr, 'authorize-pm', 200);
    const after = await stored(cr);
    expect(after).toMatchObject({ workflowState: 'scheduled', decision: 'approved' });
    expect(after.decidedBy.map((p: { email: string }) => p.email)).toEqual([EMAILS.pm]);
  });

  it('sends one cent above the tolerance to the change board: two members, and the project manager is refused', async () => {
    const { cr } = await awaitingAuthorisation('1000.01');
    const refused = await fire(people.pm, cr, 'authorize-pm');
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.failures).toEqual([
      {
        guard: 'authority',
        message:
          "The change board decides this change: its cost impact of 1,000.01 EUR is above the project's cost tolerance of 1,000.00 EUR (10% of a budget of 10,000.00 EUR) and within the change authority limit of 100,000.00 EUR",
      },
    ]);
    await expectFire(people.board1, cr, 'authorize', 202);
    await expectFire(people.board2, cr, 'authorize', 200);
    const after = await stored(cr);
    expect(after.decidedBy.map((p: { email: string }) => p.email).sort()).toEqual([EMAILS.board1, EMAILS.board2].sort());
  });

  it('keeps exactly the change authority limit with the change board', async () => {
    const { cr } = await awaitingAuthorisation('100000.00');
    expect((await stored(cr)).authorityLevel).toBe('change-board');
    await expectFire(people.board1, cr, 'authorize', 202);
    await expectFire(people.board2, cr, 'authorize', 200);
  });

  it('sends one cent above the limit to a PMO director; the change board is refused', async () => {
    const { cr } = await awaitingAuthorisation('100000.01');
    const refused = await fire(people.board1, cr, 'authorize');
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.failures[0]).toEqual({
      guard: 'authority',
      message: 'A PMO director decides this change: its cost impact of 100,000.01 EUR is above the change authority limit of 100,000.00 EUR',
    });
    await expectFire(people.pm, cr, 'authorize-pm', 422);
    await expectFire(people.director, cr, 'authorize-director', 200);
    expect((await stored(cr)).decidedBy.map((p: { email: string }) => p.email)).toEqual([EMAILS.director]);
  });

  it('lets a higher authority decide a lower level: the change board may decide within tolerance', async () => {
    const { cr } = await awaitingAuthorisation('10.00');
    await expectFire(people.board1, cr, 'authorize', 202);
    await expectFire(people.board2, cr, 'authorize', 200);
  });

  it('reads the limit from the plugin configuration (changeAuthorityLimit, minor units)', async () => {
    const strapi = getStrapi();
    const before = strapi.config.get('plugin::pmo.changeAuthorityLimit');
    strapi.config.set('plugin::pmo.changeAuthorityLimit', minor('2000.00'));
    try {
      const p = await project();
      expect((await raise(p, { cost: '2000.00' })).authorityLevel).toBe('change-board');
      expect((await raise(p, { cost: '2000.01' })).authorityLevel).toBe('pmo-director');
      const view = await people.director.get(`/pmo/change-requests/${(await raise(p, { cost: '2000.01' })).documentId}`);
      expect(view.status).toBe(200);
      expect(view.body.authority).toMatchObject({ level: 'pmo-director', changeAuthorityLimit: '2000.00', limitSource: 'configuration' });
    } finally {
      strapi.config.set('plugin::pmo.changeAuthorityLimit', before);
    }
  });
});

describe("a programme's changeAuthorityLimit", () => {
  /**
   * Runs `work` with the organisation's limit set. PMO_CHANGE_AUTHORITY_LIMIT reaches the app as
   * the plugin's `changeAuthorityLimit` (config/plugins.ts, read at boot), so that is what is set.
   */
  async function withOrganisationLimit(limit: string, work: () => Promise<void>) {
    const strapi = getStrapi();
    const before = strapi.config.get('plugin::pmo.changeAuthorityLimit');
    strapi.config.set('plugin::pmo.changeAuthorityLimit', minor(limit));
    try {
      await work();
    } finally {
      strapi.config.set('plugin::pmo.changeAuthorityLimit', before);
    }
  }

  const programme = async (limit: string | null) =>
    (await getStrapi()
      .documents('api::programme.programme')
      .create({ data: { name: 'Limited programme', code: uniqueCode('PRG'), changeAuthorityLimit: limit === null ? null : minor(limit) } as any }))
      .documentId as string;

  it('overrides the organisation limit, upwards and downwards, for its projects only', async () => {
    await withOrganisationLimit('2000.00', async () => {
      const higher = await project({ programme: await programme('5000.00') });
      expect((await raise(higher, { cost: '2000.01' })).authorityLevel).toBe('change-board');
      expect((await raise(higher, { cost: '5000.00' })).authorityLevel).toBe('change-board');
      const above = await raise(higher, { cost: '5000.01' });
      expect(above.authorityLevel).toBe('pmo-director');
      const view = await people.director.get(`/pmo/change-requests/${above.documentId}`);
      expect(view.status).toBe(200);
      expect(view.body.authority).toMatchObject({ level: 'pmo-director', changeAuthorityLimit: '5000.00', limitSource: 'programme' });

      const lower = await project({ programme: await programme('1500.00') });
      expect((await raise(lower, { cost: '1500.00' })).authorityLevel).toBe('change-board');
      expect((await raise(lower, { cost: '1500.01' })).authorityLevel).toBe('pmo-director');

      // A programme without a limit, and a project without a programme, follow the organisation's.
      for (const p of [await project({ programme: await programme(null) }), await project()]) {
        expect((await raise(p, { cost: '2000.00' })).authorityLevel).toBe('change-board');
        const beyond = await raise(p, { cost: '2000.01' });
        expect(beyond.authorityLevel).toBe('pmo-director');
        const beyondView = await people.director.get(`/pmo/change-requests/${beyond.documentId}`);
        expect(beyondView.body.authority).toMatchObject({ changeAuthorityLimit: '2000.00', limitSource: 'configuration' });
      }
    });
  });

  it('lets only a PMO director authorise above the programme limit', async () => {
    const p = await project({ changeBudget: '500000.00', programme: await programme('1500.00') });
    const cr = await raise(p, { cost: '1500.01' });
    await expectFire(people.raiser, cr, 'submit', 200);
    await expectFire(people.analyst, cr, 'recommend', 200);
    expect((await fire(people.board1, cr, 'authorize')).status).toBe(422);
    await expectFire(people.director, cr, 'authorize-director', 200);
  });
});

describe('segregation of duties', () => {
  it('never lets the raiser approve: not on the change board, not as the project manager', async () => {
    const p = await project({ changeBudget: '500000.00' });
    const boardRaised = await raise(p, { cost: '5000.00', raisedBy: EMAILS.boardRaiser });
    await expectFire(people.manager, boardRaised, 'submit', 200);
    await expectFire(people.analyst, boardRaised, 'recommend', 200);
    const own = await fire(people.boardRaiser, boardRaised, 'authorize');
    expect(own.status).toBe(403);
    expect(own.body.error.message).toBe('You are the person who raised it, so you cannot approve "Authorise (change board)"');

    const pmRaised = await raise(p, { cost: '10.00', raisedBy: EMAILS.pm });
    await expectFire(people.pm, pmRaised, 'submit', 200);
    await expectFire(people.analyst, pmRaised, 'recommend', 200);
    const mine = await fire(people.pm, pmRaised, 'authorize-pm');
    expect(mine.status).toBe(403);
    expect(mine.body.error.message).toContain('You are the person who raised it, so you cannot approve');
    // escalation decides it instead
    await expectFire(people.board1, pmRaised, 'authorize', 202);
    await expectFire(people.board2, pmRaised, 'authorize', 200);
  });

  it('does not let whoever sent it for authorisation vote on the change board', async () => {
    const { cr } = await awaitingAuthorisation('5000.00');
    const recommender = await fire(people.analyst, cr, 'authorize');
    expect(recommender.status).toBe(403);
  });
});

describe('the cost impact', () => {
  it('is frozen once the change went for authorisation, and is never negative', async () => {
    const documents = getStrapi().documents(CHANGE as any);
    const { cr } = await awaitingAuthorisation('100.00');
    await expect(
      documents.update({ documentId: cr.documentId, data: { impact: { cost: minor('90.00') } } as any })
    ).rejects.toThrow(/The cost impact can change only while the change request is New or in Assess/);
    await expect(
      documents.update({ documentId: cr.documentId, data: { impact: { cost: minor('100.00'), risk: 'Low' } } as any })
    ).resolves.toBeTruthy();
    await expect(raise(await project(), { cost: '-5.00' })).rejects.toThrow(/The cost impact must be zero or more, in whole cents/);
    await expect(raise(await project(), { cost: '90071992547409.92' })).rejects.toThrow(/^The cost impact must be at most 90,071,992,547,409.91$/);
  });
});

describe('the reasons a list or "my work" gives, checking many change requests at once', () => {
  it('are the ones the engine gives when it refuses each', async () => {
    const board = await awaitingAuthorisation('1000.01');
    const director = await awaitingAuthorisation('100000.01');
    const short = await awaitingAuthorisation('500.00', { changeBudget: '100.00' });
    // Set at the change board when it went for authorisation; the budget grew since.
    const moved = await awaitingAuthorisation('1500.00');
    await getStrapi()
      .documents('api::budget-line.budget-line')
      .create({ data: { project: moved.p.documentId, period: '2026-02-01', category: 'capex', amount: minor('10000.00') } as any });
    const crs = [board.cr, director.cr, short.cr, moved.cr];

    const refusals = [];
    for (const cr of crs) {
      const res = await fire(people.pm, cr, 'authorize-pm');
      expect(res.status).toBe(422);
      refusals.push(res.body.error.details.failures);
    }
    expect(refusals.map((failures) => failures.map((failure: { guard: string }) => failure.guard))).toEqual([['authority'], ['authority'], ['budget'], ['authority']]);
    expect(refusals[3][0].message).toBe('The change board decides this change (as set when it went for authorisation)');

    const engine = getStrapi().plugin('pmo').service('workflow') as { viewMany(uid: string, ids: string[], user: unknown): Promise<any[]> };
    const views = await engine.viewMany(CHANGE, crs.map((cr) => cr.documentId), await adminUser(EMAILS.pm));
    const shown = views.map((view) =>
      view.transitions
        .find((transition: { key: string }) => transition.key === 'authorize-pm')
        .blockers.filter((blocker: { kind: string }) => blocker.kind === 'guard')
        .map(({ guard, message }: { guard: string; message: string }) => ({ guard, message }))
    );
    expect(shown).toEqual(refusals);
  });
});
