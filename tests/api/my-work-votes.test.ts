/**
 * The votes in `GET /pmo/my-work` (docs/notifications.md, "My work"): the database narrows the
 * items before the evaluator judges them, and pages them itself where it alone decides. Each vote
 * listed is one the item's own page lets the user cast, and each one it lets them cast is listed:
 * a voter named by a person field (the project's manager) or by a role (a PMO manager), never the
 * one who moved the item to review, nor someone an excluded field names, nor one who has voted;
 * a change above the project manager's tolerance is not theirs (the authority guard), nor a change the
 * project's change budget does not cover (the budget guard), for the board and PMO directors too. A PMO
 * manager's votes come a page at a time, merged with their other work, the pages adding up to the
 * whole list with the same total and overdue count.
 */
import type { Core } from '@strapi/strapi';
import { DOCUMENT, documentInState } from '../helpers/documents';
import { putInState } from '../helpers/workflow-state';
import { asCapability, asSuperAdmin, getStrapi, type Agent } from '../helpers/strapi';
import { actors, CHANGE, EMAILS, project as changingProject, raise, type Actors } from './change-control-fixtures';
import { daysFromToday, member, type Member } from './mentoring-fixtures';

type Item = { kind: string; title: string; dueDate: string | null; overdue: boolean; uid: string; documentId: string; url: string };
type Answer = { results: Item[]; pagination: { page: number; pageSize: number; total: number }; overdue: number };
type Definition = { key: string; transitions: Array<Record<string, any>> } & Record<string, any>;

const PROJECT = 'api::project.project';
const INSTANCE = 'plugin::pmo.workflow-instance';
const tag = `mwv${process.pid}`;
const strapi = (): Core.Strapi => getStrapi();
const documents = (uid: string) => strapi().documents(uid as never) as any;

async function get(agent: Agent, query = ''): Promise<Answer> {
  const res = await agent.get(`/pmo/my-work${query}`);
  expect([res.status, res.status === 200 ? '' : res.text]).toEqual([200, '']);
  return res.body as Answer;
}

/** The items of `ids` my work lists as votes for this user. */
async function votesOn(agent: Agent, ids: string[]): Promise<string[]> {
  const { results, pagination } = await get(agent, '?pageSize=100');
  expect(pagination.total).toBeLessThanOrEqual(100);
  return results.filter((item) => item.kind === 'vote' && ids.includes(item.documentId)).map((item) => item.documentId).sort();
}

/** The items of `ids` whose page lets this user cast `transition` now (the evaluator and the guards, as a vote would be decided). */
async function mayCast(agent: Agent, uid: string, ids: string[], transition: string): Promise<string[]> {
  const allowed: string[] = [];
  for (const documentId of ids) {
    const view = await agent.get(`/pmo/workflow-instances?uid=${uid}&documentId=${documentId}`);
    expect(view.status).toBe(200);
    if ((view.body.transitions as Array<{ key: string; allowed: boolean }>).some((t) => t.key === transition && t.allowed)) allowed.push(documentId);
  }
  return allowed.sort();
}

const submit = (agent: Agent, documentId: string) => agent.post('/pmo/transitions').send({ uid: DOCUMENT, documentId, transition: 'submit' });
const vote = (agent: Agent, uid: string, documentId: string, transition: string) => agent.post('/pmo/transitions').send({ uid, documentId, transition });

describe('votes in my work', () => {
  let managerA: Member;
  let managerB: Member;
  let pm: Member;
  const docs: Record<string, string> = {};

  beforeAll(async () => {
    managerA = await member(tag, 'ma', ['pmo-manager'], `Ann Manager ${tag}`);
    managerB = await member(tag, 'mb', ['pmo-manager'], `Bob Manager ${tag}`);
    pm = await member(tag, 'pm', ['project-manager'], `Pam Project ${tag}`);
    const mine = await documents(PROJECT).create({ data: { name: `Pam's ${tag}`, code: `MWV-${process.pid}-1`, manager: pm.personId } });
    const theirs = await documents(PROJECT).create({ data: { name: `Not Pam's ${tag}`, code: `MWV-${process.pid}-2` } });
    const plan = (title: string, project: string, owner?: string) => ({ title: `${title} ${tag}`, documentType: 'project-plan', project, ...(owner ? { owner } : {}) });
    docs.mine = (await documentInState('in-review', plan('Plan on mine', mine.documentId))).documentId;
    docs.theirs = (await documentInState('in-review', plan('Plan on theirs', theirs.documentId))).documentId;
    // Moved to review by Ann, and by Pam: neither may approve what they submitted.
    docs.byAnn = (await documentInState('draft', plan('Ann submitted', mine.documentId))).documentId;
    expect((await submit(managerA.agent, docs.byAnn)).status).toBe(200);
    docs.byPam = (await documentInState('draft', plan('Pam submitted', mine.documentId))).documentId;
    expect((await submit(pm.agent, docs.byPam)).status).toBe(200);
    docs.ownedByAnn = (await documentInState('in-review', plan('Owned by Ann', theirs.documentId, managerA.personId))).documentId;
  }, 120_000);

  it('lists a document for its project manager (a person field) and for the PMO managers (a role), never for who submitted it', async () => {
    const ids = Object.values(docs);
    expect(await votesOn(pm.agent, ids)).toEqual([docs.mine, docs.byAnn].sort());
    expect(await votesOn(managerA.agent, ids)).toEqual([docs.mine, docs.theirs, docs.byPam, docs.ownedByAnn].sort());
    expect(await votesOn(managerB.agent, ids)).toEqual(ids.sort());
    for (const who of [pm, managerA, managerB]) {
      expect([who.name, await votesOn(who.agent, ids)]).toEqual([who.name, await mayCast(who.agent, DOCUMENT, ids, 'approve')]);
    }
  });

  it('leaves out, once approval needs two votes and not the owner, the document Ann owns and the one Bob has voted on', async () => {
    const admin = await asSuperAdmin();
    const read = await admin.get('/pmo/workflows/document-review');
    expect(read.status).toBe(200);
    const original = read.body.definition as Definition;
    const definition = structuredClone(original);
    const approve = definition.transitions.find((t) => t.key === 'approve')!;
    approve.approvals = { ...approve.approvals, quorum: 2, excludeFields: ['owner'] };
    expect((await admin.put('/pmo/workflows/document-review').send(definition)).status).toBe(200);
    try {
      expect((await vote(managerB.agent, DOCUMENT, docs.mine, 'approve')).status).toBe(202);
      const ids = Object.values(docs);
      expect(await votesOn(managerB.agent, ids)).toEqual([docs.theirs, docs.byAnn, docs.byPam, docs.ownedByAnn].sort());
      expect(await votesOn(managerA.agent, ids)).toEqual([docs.mine, docs.theirs, docs.byPam].sort());
      for (const who of [pm, managerA, managerB]) {
        expect([who.name, await votesOn(who.agent, ids)]).toEqual([who.name, await mayCast(who.agent, DOCUMENT, ids, 'approve')]);
      }
    } finally {
      expect((await admin.put('/pmo/workflows/document-review').send(original)).status).toBe(200);
    }
  });

  it('leaves out, once approval is guarded by field checks (the code of its project, its title and type), the documents of the other project', async () => {
    const admin = await asSuperAdmin();
    const original = (await admin.get('/pmo/workflows/document-review')).body.definition as Definition;
    const definition = structuredClone(original);
    definition.transitions.find((t) => t.key === 'approve')!.guards = [
      { type: 'field', path: 'project.code', op: 'eq', value: `MWV-${process.pid}-1` },
      { type: 'field', path: 'title', op: 'exists' },
      { type: 'field', path: 'documentType', op: 'in', value: ['project-plan', 'business-case'] },
    ];
    expect((await admin.put('/pmo/workflows/document-review').send(definition)).status).toBe(200);
    try {
      const ids = Object.values(docs);
      // Bob has voted on the plan on Pam's project (above).
      expect(await votesOn(managerB.agent, ids)).toEqual([docs.byAnn, docs.byPam].sort());
      expect(await votesOn(managerA.agent, ids)).toEqual([docs.mine, docs.byPam].sort());
      for (const who of [pm, managerA, managerB]) {
        expect([who.name, await votesOn(who.agent, ids)]).toEqual([who.name, await mayCast(who.agent, DOCUMENT, ids, 'approve')]);
      }
      const all = await get(managerB.agent, '?pageSize=100');
      const first = await get(managerB.agent, '?pageSize=1');
      expect([first.pagination.total, first.overdue, first.results]).toEqual([all.pagination.total, all.overdue, all.results.slice(0, 1)]);
    } finally {
      expect((await admin.put('/pmo/workflows/document-review').send(original)).status).toBe(200);
    }
  });
});

describe('change-board votes in my work', () => {
  let people: Actors;
  const crs: Record<string, string> = {};

  beforeAll(async () => {
    people = await actors();
    // BAC 10,000.00, tolerance 1,000.00, change authority limit 100,000.00; change budgets 50,000.00 and 500,000.00.
    const project = await changingProject();
    const rich = await changingProject({ changeBudget: '500000.00' });
    const waiting = async (cost: string | null, raisedBy?: string, of = project) => {
      const cr = await raise(of, { cost, title: `Change of ${cost ?? 'unknown cost'} ${tag}`, ...(raisedBy ? { raisedBy } : {}) });
      await putInState(strapi(), CHANGE, cr.documentId, 'authorize');
      return cr.documentId as string;
    };
    crs.small = await waiting('500.00');
    crs.large = await waiting('5000.00');
    crs.raisedByCarl = await waiting('6000.00', EMAILS.boardRaiser);
    // The board's level, but beyond the project's change budget (the budget guard).
    crs.boardOverBudget = await waiting('60000.00');
    // Above the limit: a PMO director's, within the rich project's budget and beyond the other's.
    crs.director = await waiting('120000.00', undefined, rich);
    crs.directorOverBudget = await waiting('150000.00');
    // Not assessed: no authority level, no one's to decide.
    crs.unassessed = await waiting(null);
    // Within the rich project's tolerance and budget, raised by the board member Carl.
    crs.richSmall = await waiting('900.00', EMAILS.boardRaiser, rich);
  }, 120_000);

  it('gives the project manager only the changes within tolerance (the authority guard), the board all up to its level that the budget covers, but what its member raised or voted on', async () => {
    const ids = Object.values(crs);
    // The project manager is named by the project's manager field, but the larger ones are not theirs to decide.
    expect(await votesOn(people.pm, ids)).toEqual([crs.small, crs.richSmall].sort());
    expect(await votesOn(people.board1, ids)).toEqual([crs.small, crs.large, crs.raisedByCarl, crs.richSmall].sort());
    expect(await votesOn(people.boardRaiser, ids)).toEqual([crs.small, crs.large].sort());
    // A PMO director decides at every level, but not beyond the budget either.
    expect(await votesOn(people.director, ids)).toEqual([crs.small, crs.large, crs.raisedByCarl, crs.director, crs.richSmall].sort());
    expect((await vote(people.board1, CHANGE, crs.large, 'authorize')).status).toBe(202);
    expect(await votesOn(people.board1, ids)).toEqual([crs.small, crs.raisedByCarl, crs.richSmall].sort());
    expect(await votesOn(people.board2, ids)).toEqual([crs.small, crs.large, crs.raisedByCarl, crs.richSmall].sort());
    const voters = [['pm', people.pm], ['board1', people.board1], ['board2', people.board2], ['boardRaiser', people.boardRaiser], ['director', people.director]] as const;
    for (const [who, agent] of voters) {
      const castable: string[] = [];
      for (const transition of ['authorize', 'authorize-pm', 'authorize-director']) castable.push(...(await mayCast(agent, CHANGE, ids, transition)));
      expect([who, await votesOn(agent, ids)]).toEqual([who, castable.sort()]);
    }
  });

  it('counts the votes of the board and of a PMO director as it lists them, a page at a time', async () => {
    for (const [who, agent] of [['board2', people.board2], ['director', people.director]] as const) {
      const all = await get(agent, '?pageSize=100');
      const votes = all.results.filter((item) => item.kind === 'vote' && Object.values(crs).includes(item.documentId));
      for (const pageSize of [1, 2]) {
        const first = await get(agent, `?pageSize=${pageSize}`);
        expect([who, pageSize, first.pagination.total, first.overdue, first.results]).toEqual([who, pageSize, all.pagination.total, all.overdue, all.results.slice(0, pageSize)]);
      }
      expect([who, votes.length]).toEqual([who, who === 'director' ? 5 : 4]);
    }
  });
});

describe('a PMO manager with more votes than a page', () => {
  let manager: Member;
  const ours: string[] = [];

  /** A day counted from today (server time), `YYYY-MM-DD`. */
  function day(offset: number): string {
    const at = new Date();
    at.setDate(at.getDate() + offset);
    return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
  }

  beforeAll(async () => {
    manager = await member(tag, 'mp', ['pmo-manager'], `Paula Pages ${tag}`);
    // Monday to Sunday of the week before last.
    const monday = -((new Date().getDay() + 6) % 7) - 14;
    const week = Array.from({ length: 7 }, (_, i) => day(monday + i));
    // Waiting since (server time) these moments, titled so that title order is not the order they came in.
    const waits: Array<[string, string]> = [
      [`${week[4]}T23:00:00`, 'zeta'], // Friday, Saturday and Sunday fall due on the same Tuesday
      [`${week[5]}T12:00:00`, 'Beta'],
      [`${week[6]}T01:00:00`, 'alpha'],
      [`${week[6]}T02:00:00`, 'Alpha'],
      [`${week[0]}T09:00:00`, 'omega'],
      [`${week[0]}T09:00:00`, 'Delta'],
      [`${day(-40)}T10:00:00`, 'kappa'],
      [`${day(0)}T00:30:00`, 'eta'],
      [`${day(0)}T00:40:00`, 'Eta'],
      [`${day(0)}T00:50:00`, 'theta'],
      [`${day(-1)}T08:00:00`, 'iota'],
      [`${day(-1)}T08:00:00`, 'Gamma'],
    ];
    for (const [at, title] of waits) {
      const doc = await documentInState('in-review', { title: `${title} ${tag}`, documentType: 'project-plan' });
      ours.push(doc.documentId);
      await strapi()
        .db.query(INSTANCE as never)
        .update({ where: { targetUid: DOCUMENT, targetDocumentId: doc.documentId }, data: { enteredAt: new Date(at).toISOString() } });
    }
    // Other work of hers, due among the votes: a condition of a held gate review, overdue.
    const asGovernance = (work: () => Promise<any>) => asCapability('governance', work) as Promise<{ documentId: string }>;
    const project = await documents(PROJECT).create({ data: { name: `Paula's ${tag}`, code: `MWV-${process.pid}-3` } });
    const held = await asGovernance(() =>
      documents('plugin::pmo.gate-review').create({ data: { project: project.documentId, gate: 3, decision: 'conditional-go', heldDate: daysFromToday(-30) } })
    );
    const condition = await asGovernance(() =>
      documents('plugin::pmo.gate-condition').create({ data: { gateReview: held.documentId, text: `Sign the contract ${tag}`, owner: manager.personId, dueDate: week[3] } })
    );
    ours.push(condition.documentId);
  }, 120_000);

  it('comes a page at a time in the order of the whole list, each page with its total and overdue count', async () => {
    const all = await get(manager.agent, '?pageSize=100');
    expect(all.results.filter((item) => ours.includes(item.documentId))).toHaveLength(ours.length);
    expect(all.pagination.total).toBe(all.results.length);
    expect(all.overdue).toBe(all.results.filter((item) => item.overdue).length);
    const mine = all.results.filter((item) => ours.includes(item.documentId));
    const named = (item: Item) => item.title.replace(/^Approve: /, '').replace(` ${tag}`, '');
    // Overdue first, then by due date, then by title as people read it (not as the database sorts).
    expect(mine.map(named).slice(0, 8)).toEqual(['kappa', 'Delta', 'omega', 'Sign the contract', 'alpha', 'Alpha', 'Beta', 'zeta']);
    expect(mine.slice(0, 8).map((item) => item.overdue)).toEqual(Array(8).fill(true));
    expect(mine.slice(8).map((item) => item.overdue)).toEqual(Array(5).fill(false));
    const rank = (item: Item) => [item.overdue ? 0 : 1, item.dueDate ?? '9999-99-99'].join('|');
    for (let i = 1; i < all.results.length; i++) {
      const [before, after] = [all.results[i - 1], all.results[i]];
      expect(rank(before) < rank(after) || (rank(before) === rank(after) && before.title.localeCompare(after.title) <= 0)).toBe(true);
    }

    for (const pageSize of [1, 2, 5, 7]) {
      const pages: Item[] = [];
      for (let page = 1; page <= Math.ceil(all.pagination.total / pageSize); page++) {
        const answer = await get(manager.agent, `?page=${page}&pageSize=${pageSize}`);
        expect([pageSize, page, answer.pagination, answer.overdue]).toEqual([pageSize, page, { page, pageSize, total: all.pagination.total }, all.overdue]);
        pages.push(...answer.results);
      }
      expect([pageSize, pages]).toEqual([pageSize, all.results]);
    }
    expect((await get(manager.agent, '?page=2')).results).toEqual(all.results.slice(50, 100));
  }, 120_000);
});
