/**
 * `GET /pmo/my-work` at scale: the votes waiting for a project manager are found with the same
 * number of SQL queries whether 5 or 50 change requests wait for authorisation (the guards answer
 * for all of them at once), the answer is the same as item by item, and it comes a page at a time
 * with `pagination` and the overdue count of all of it.
 */
import { putInState } from '../helpers/workflow-state';
import { getStrapi, type Agent } from '../helpers/strapi';
import { project, raise } from './change-control-fixtures';
import { member, type Member } from './mentoring-fixtures';

type Item = { kind: string; title: string; dueDate: string | null; overdue: boolean; uid: string; documentId: string; url: string };
type Doc = { documentId: string; code: string };

const tag = `mws${process.pid}`;
let me: Member;
let projects: Doc[];
/** Change requests waiting for authorisation: within the tolerance (mine to vote on) and above it (the change board's). */
const mine: string[] = [];
const board: string[] = [];

/** Raises `count` more change requests on my projects, alternately within and above the tolerance, all waiting for authorisation. */
async function waiting(count: number) {
  for (let made = 0; made < count; made++) {
    const n = mine.length + board.length;
    const within = n % 2 === 0;
    const cr = await raise(projects[n % projects.length], { cost: within ? '500.00' : '5000.00', title: `${within ? 'Small' : 'Large'} change ${n + 1} ${tag}` });
    await putInState(getStrapi(), 'plugin::pmo.change-request', cr.documentId, 'authorize');
    (within ? mine : board).push(cr.documentId);
  }
}

async function get(agent: Agent, query = '') {
  const res = await agent.get(`/pmo/my-work${query}`);
  expect([res.status, res.status === 200 ? '' : res.text]).toEqual([200, '']);
  return res.body as { results: Item[]; pagination: { page: number; pageSize: number; total: number }; overdue: number };
}

/** The SQL queries one `GET /pmo/my-work` issues (the fewest of two runs: a session may be refreshed in one). */
async function queriesOf(agent: Agent): Promise<number> {
  const counts: number[] = [];
  for (let run = 0; run < 2; run++) {
    let count = 0;
    const listen = () => void count++;
    getStrapi().db.connection.on('query', listen);
    try {
      await get(agent, '?pageSize=100');
    } finally {
      getStrapi().db.connection.off('query', listen);
    }
    counts.push(count);
  }
  return Math.min(...counts);
}

const votes = (items: Item[]) => items.filter((item) => item.kind === 'vote').map((item) => item.documentId).sort();

beforeAll(async () => {
  me = await member(tag, 'pm', ['project-manager'], `Pia Manager ${tag}`);
  projects = [];
  for (let i = 0; i < 3; i++) projects.push(await project({ bac: '10000.00', costPercent: 10 }));
  // My projects: the fixture's are managed by another project manager.
  for (const each of projects) await (getStrapi().documents('api::project.project' as any) as any).update({ documentId: each.documentId, data: { manager: me.personId } });
}, 120_000);

describe('GET /pmo/my-work with many change requests waiting', () => {
  it('finds my votes with as many queries for 50 waiting change requests as for 5', async () => {
    await waiting(5);
    const few = await get(me.agent, '?pageSize=100');
    // Mine are the ones within my tolerance; the others are the change board's (the authority guard).
    expect(votes(few.results)).toEqual([...mine].sort());
    expect(few.results.find((item) => item.documentId === mine[0])).toMatchObject({ kind: 'vote', uid: 'plugin::pmo.change-request', overdue: false });
    const atFive = await queriesOf(me.agent);

    await waiting(45);
    const many = await get(me.agent, '?pageSize=100');
    expect(votes(many.results)).toEqual([...mine].sort());
    expect([mine.length, board.length]).toEqual([25, 25]);
    expect(votes(many.results).filter((documentId) => board.includes(documentId))).toEqual([]);
    const atFifty = await queriesOf(me.agent);

    expect(atFive).toBeGreaterThan(0);
    expect({ atFive, atFifty }).toEqual({ atFive, atFifty: atFive });
  }, 240_000);

  it('comes a page at a time, 50 by default, the pages adding up to all of it in order', async () => {
    const all = await get(me.agent, '?pageSize=100');
    expect(all.pagination).toEqual({ page: 1, pageSize: 100, total: all.results.length });
    expect(all.results.length).toBeGreaterThanOrEqual(25);
    expect(all.overdue).toBe(all.results.filter((item) => item.overdue).length);

    const first = await get(me.agent);
    expect(first.pagination).toEqual({ page: 1, pageSize: 50, total: all.results.length });
    expect(first.results).toEqual(all.results.slice(0, 50));

    const pages: Item[] = [];
    for (let page = 1; page <= Math.ceil(all.results.length / 10); page++) {
      const answer = await get(me.agent, `?page=${page}&pageSize=10`);
      expect(answer.pagination).toEqual({ page, pageSize: 10, total: all.results.length });
      expect(answer.overdue).toBe(all.overdue);
      pages.push(...answer.results);
    }
    expect(pages).toEqual(all.results);
    expect((await get(me.agent, '?page=99&pageSize=10')).results).toEqual([]);
  });

  it('refuses a page size above 100 or a page below 1 with a 400 naming it', async () => {
    for (const [query, field] of [['?pageSize=101', 'pageSize'], ['?page=0', 'page'], ['?pageSize=ten', 'pageSize']]) {
      const res = await me.agent.get(`/pmo/my-work${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: [field] })]);
    }
  });
});
