/**
 * The change budget: authorising a change draws its cost impact exactly and adds a `change`
 * budget line in the same transaction; a budget that does not cover it is a 422 naming the
 * shortfall; two changes drawing at once never take it below zero.
 */
import { getStrapi } from '../helpers/strapi';
import { actors, expectFire, fire, project, projectRow, raise, stored, type Actors } from './change-control-fixtures';

let people: Actors;
beforeAll(async () => {
  people = await actors();
});

const changeLines = (projectDocumentId: string) =>
  getStrapi().db.query('api::budget-line.budget-line').findMany({ where: { project: { documentId: projectDocumentId }, category: 'change' } });

const thisMonth = () => `${new Date().toISOString().slice(0, 7)}-01`;

async function recommended(p: { documentId: string; code: string }, cost: string) {
  const cr = await raise(p, { cost });
  await expectFire(people.raiser, cr, 'submit', 200);
  await expectFire(people.analyst, cr, 'recommend', 200);
  return cr;
}

describe('authorising a change with a cost impact', () => {
  it('draws the cost from the change budget to the cent and adds a change budget line for it', async () => {
    const p = await project({ changeBudget: '5000.00' });
    const cr = await recommended(p, '1234.50');
    await expectFire(people.board1, cr, 'authorize', 202);
    expect(String((await projectRow(p)).changeBudget)).toBe('500000'); // nothing drawn on a vote
    // The server's current month is one of these two (they differ only across a month end).
    const monthBefore = thisMonth();
    await expectFire(people.board2, cr, 'authorize', 200);
    const months = [...new Set([monthBefore, thisMonth()])];
    expect(String((await projectRow(p)).changeBudget)).toBe('376550');
    const lines = await changeLines(p.documentId);
    expect(lines).toHaveLength(1);
    const reference = (await stored(cr)).reference;
    expect(lines[0]).toMatchObject({ category: 'change', note: `${reference}: Add single sign-on` });
    expect(months).toContain(lines[0].period);
    expect(String(lines[0].amount)).toBe('123450');

    const evm = await people.director.get(`/pmo/change-requests/${cr.documentId}`);
    expect(evm.body).toMatchObject({ reference, state: 'scheduled', costImpact: '1234.50', changeBudget: { remaining: '3765.50', shortfall: null } });
  });

  it('can take the budget to exactly zero', async () => {
    const p = await project({ changeBudget: '1000.00' });
    const cr = await recommended(p, '1000.00');
    await expectFire(people.pm, cr, 'authorize-pm', 200);
    expect(String((await projectRow(p)).changeBudget)).toBe('0');
  });

  it('is refused with 422 naming the shortfall when the budget is short, and changes nothing', async () => {
    const p = await project({ changeBudget: '1000.00' });
    const cr = await recommended(p, '2234.50');
    const res = await fire(people.board1, cr, 'authorize');
    expect(res.status).toBe(422);
    expect(res.body.error.details.failures).toEqual([
      { guard: 'budget', message: "The project's change budget has 1,000.00 EUR left and this change needs 2,234.50 EUR: 1,234.50 EUR short" },
    ]);
    expect(res.body.error.message).toContain('1,234.50 EUR short');
    expect((await stored(cr)).workflowState).toBe('authorize');
    expect(String((await projectRow(p)).changeBudget)).toBe('100000');
    expect(await changeLines(p.documentId)).toHaveLength(0);
    const detail = await people.director.get(`/pmo/change-requests/${cr.documentId}`);
    expect(detail.body.changeBudget).toEqual({ remaining: '1000.00', shortfall: '1234.50' });
  });

  it('lets only one of two changes that each fit, but not together, draw at the same moment', async () => {
    const p = await project({ changeBudget: '1000.00' });
    const first = await recommended(p, '600.00');
    const second = await recommended(p, '600.00');
    const answers = await Promise.all([fire(people.pm, first, 'authorize-pm'), fire(people.pm, second, 'authorize-pm')]);
    expect(answers.map((res) => res.status).sort()).toEqual([200, 422]);
    const refused = answers.find((res) => res.status === 422)!;
    expect(refused.body.error.message).toContain('200.00 EUR short');
    expect(String((await projectRow(p)).changeBudget)).toBe('40000');
    expect(await changeLines(p.documentId)).toHaveLength(1);
  });

  it('draws nothing and adds no line for a change without cost', async () => {
    const p = await project({ changeBudget: '0.00' });
    const cr = await recommended(p, '0.00');
    await expectFire(people.pm, cr, 'authorize-pm', 200);
    expect(String((await projectRow(p)).changeBudget)).toBe('0');
    expect(await changeLines(p.documentId)).toHaveLength(0);
  });
});
