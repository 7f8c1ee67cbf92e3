/**
 * The change-request and gate-review lists page, filter and sort in SQL (DESIGN.md "Search and
 * lists"): `{ results, pagination: { page, pageSize, total } }`, at most 100 a page, the same
 * number of queries whatever the page's size.
 */
import { asRole, getStrapi, type Agent } from '../helpers/strapi';
import { CHANGE, project, raise } from './change-control-fixtures';
import { project as governedProject, review } from './governance-fixtures';

const DAY = 86400000;

/** Sets what PMO Hub records itself (when it was raised, its state), as time and the workflow would have. */
async function age(cr: { documentId: string }, daysAgo: number, workflowState?: string) {
  await getStrapi()
    .db.query(CHANGE as any)
    .update({ where: { documentId: cr.documentId }, data: { createdAt: new Date(Date.now() - daysAgo * DAY).toISOString(), ...(workflowState ? { workflowState } : {}) } });
}

const titles = (res: { body: { results: Array<{ title: string }> } }) => res.body.results.map((row) => row.title);

describe('GET /pmo/change-requests pages, filters and sorts', () => {
  let reader: Agent;
  let p: Awaited<ReturnType<typeof project>>;
  const list = (query: string) => reader.get(`/pmo/change-requests?project=${p.code}&${query}`);

  beforeAll(async () => {
    reader = await asRole('pmo-analyst');
    p = await project();
    // Raised one a day, Alpha seven days ago to Golf yesterday; costs in no particular order, Echo not assessed.
    const made: Array<[string, string | null, string, string?]> = [
      ['Alpha', '300.00', 'normal'],
      ['Bravo', '50.00', 'emergency', 'closed'],
      ['Charlie', '7000.00', 'normal', 'assess'],
      ['Delta', '10.00', 'emergency'],
      ['Echo', null, 'normal', 'canceled'],
      ['Foxtrot', '900.00', 'emergency'],
      ['Golf', '20.00', 'normal', 'assess'],
    ];
    for (const [index, [title, cost, type, state]] of made.entries()) {
      await age(await raise(p, { title, cost, type }), 7 - index, state);
    }
  });

  it('answers one page, newest first, with the total, and page 2 holds the next rows', async () => {
    const first = await list('pageSize=3');
    expect(first.status).toBe(200);
    expect(first.body.pagination).toEqual({ page: 1, pageSize: 3, total: 7 });
    expect(titles(first)).toEqual(['Golf', 'Foxtrot', 'Echo']);
    const second = await list('pageSize=3&page=2');
    expect(second.body.pagination).toEqual({ page: 2, pageSize: 3, total: 7 });
    expect(titles(second)).toEqual(['Delta', 'Charlie', 'Bravo']);
    expect(titles(await list('pageSize=3&page=3'))).toEqual(['Alpha']);
    const beyond = await list('pageSize=3&page=4');
    expect([beyond.body.results, beyond.body.pagination.total]).toEqual([[], 7]);
    // Without a size, a page is 25.
    expect((await list('')).body.pagination).toEqual({ page: 1, pageSize: 25, total: 7 });
  });

  it('sorts oldest first, by reference, title, state and cost (not yet assessed last)', async () => {
    expect(titles(await list('sort=oldest&pageSize=3'))).toEqual(['Alpha', 'Bravo', 'Charlie']);
    const byReference = await list('sort=reference&pageSize=2&page=2');
    expect(byReference.body.results.map((row: { reference: string }) => row.reference)).toEqual([`CR-${p.code}-003`, `CR-${p.code}-004`]);
    expect(titles(await list('sort=title&pageSize=4&page=2'))).toEqual(['Echo', 'Foxtrot', 'Golf']);
    // By state key, the newest first within a state.
    expect(titles(await list('sort=state'))).toEqual(['Golf', 'Charlie', 'Echo', 'Bravo', 'Foxtrot', 'Delta', 'Alpha']);
    const byCost = await list('sort=cost');
    expect(byCost.body.results.map((row: { costImpact: string | null }) => row.costImpact)).toEqual([
      '7000.00',
      '900.00',
      '300.00',
      '50.00',
      '20.00',
      '10.00',
      null,
    ]);
    expect(titles(await list('sort=cost&pageSize=3&page=3'))).toEqual(['Echo']);
  });

  it('pages what the filters leave: type, state, age and open ones, counted before paging', async () => {
    const emergencies = await list('type=emergency&pageSize=2&page=2');
    expect(emergencies.body.pagination).toEqual({ page: 2, pageSize: 2, total: 3 });
    expect(titles(emergencies)).toEqual(['Bravo']);
    const assessing = await list('state=assess&sort=oldest');
    expect([titles(assessing), assessing.body.pagination.total]).toEqual([['Charlie', 'Golf'], 2]);
    // Raised at least four days ago: Alpha to Delta.
    const old = await list('olderThanDays=4&pageSize=3');
    expect([titles(old), old.body.pagination.total]).toEqual([['Delta', 'Charlie', 'Bravo'], 4]);
    // Open: not closed nor cancelled (the workflow's terminal states).
    const open = await list('open=true&sort=oldest');
    expect([titles(open), open.body.pagination.total]).toEqual([['Alpha', 'Charlie', 'Delta', 'Foxtrot', 'Golf'], 5]);
    const both = await list('open=true&type=normal&olderThanDays=2');
    expect(titles(both)).toEqual(['Charlie', 'Alpha']);
  });

  it('finds the project by code or documentId and names it; an unknown project lists nothing', async () => {
    const byId = await reader.get(`/pmo/change-requests?project=${p.documentId}&pageSize=1`);
    expect(byId.body.project).toEqual({ documentId: p.documentId, code: p.code, name: p.name });
    expect(byId.body.pagination.total).toBe(7);
    const unknown = await reader.get('/pmo/change-requests?project=NO-SUCH-PROJECT');
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual({ results: [], pagination: { page: 1, pageSize: 25, total: 0 }, project: null });
    const everyProject = await reader.get('/pmo/change-requests?pageSize=100');
    expect(everyProject.body.project).toBeNull();
    expect(everyProject.body.pagination.total).toBeGreaterThanOrEqual(7);
  });

  it('refuses a page larger than 100, a page 0 and an unknown order, naming the parameter', async () => {
    for (const [bad, field] of [
      ['pageSize=101', 'page size'],
      ['pageSize=0', 'page size'],
      ['page=0', 'page'],
      ['sort=colour', 'Sort by newest'],
      ['open=yes', 'open'],
    ]) {
      const refused = await reader.get(`/pmo/change-requests?${bad}`);
      expect([bad, refused.status]).toEqual([bad, 400]);
      expect([bad, refused.body.error.message]).toEqual([bad, expect.stringContaining(field)]);
    }
  });

  it('reads a page of 7 with as many queries as a page of 1', async () => {
    const knex = getStrapi().db.connection;
    const counted = async (query: string) => {
      let queries = 0;
      const count = () => (queries += 1);
      knex.on('query', count);
      try {
        expect((await list(query)).status).toBe(200);
      } finally {
        knex.removeListener('query', count);
      }
      return queries;
    };
    expect(await counted('pageSize=7&sort=cost')).toBe(await counted('pageSize=1&sort=cost'));
  });
});

describe('GET /pmo/gate-reviews pages and sorts', () => {
  it('answers one page by gate, the total, the next page, a gate filter and the newest first', async () => {
    const reader = await asRole('project-manager');
    const p = await governedProject();
    for (const gate of [1, 2, 3, 4, 5]) await review(p, gate, gate < 4 ? 'go' : null);
    const list = (query: string) => reader.get(`/pmo/gate-reviews?project=${p.documentId}&${query}`);
    const gates = (res: { body: { results: Array<{ gate: number }> } }) => res.body.results.map((row) => row.gate);

    const first = await list('pageSize=2');
    expect(first.status).toBe(200);
    expect(first.body.pagination).toEqual({ page: 1, pageSize: 2, total: 5 });
    expect(gates(first)).toEqual([1, 2]);
    expect(gates(await list('pageSize=2&page=2'))).toEqual([3, 4]);
    expect(gates(await list('pageSize=2&page=3'))).toEqual([5]);
    expect(gates(await list('sort=newest&pageSize=3'))).toEqual([5, 4, 3]);
    const gateFour = await reader.get(`/pmo/gate-reviews?project=${p.code}&gate=4`);
    expect([gates(gateFour), gateFour.body.pagination]).toEqual([[4], { page: 1, pageSize: 25, total: 1 }]);
    expect(gateFour.body.results[0]).toMatchObject({ project: { documentId: p.documentId }, decision: null, status: 'scheduled' });

    for (const [bad, words] of [
      ['pageSize=101', 'page size'],
      ['sort=date', 'Sort by gate or newest'],
    ]) {
      const refused = await reader.get(`/pmo/gate-reviews?${bad}`);
      expect([bad, refused.status, refused.body.error.message]).toEqual([bad, 400, expect.stringContaining(words)]);
    }
  });
});
