/**
 * GET /pmo/search (DESIGN.md, "Search and lists"): people, projects, programmes and portfolios
 * by name, code or email, case and accents aside, best matches first, among what the caller may
 * read; a query shorter than two characters is a 400 naming `q`.
 */
import { asAdmin, asRole, getStrapi, uniqueCode, type Agent } from '../helpers/strapi';

const PERSON = 'api::person.person';
const PROJECT = 'api::project.project';
const READ = 'plugin::content-manager.explorer.read';

const documents = (uid: string) => getStrapi().documents(uid as any) as any;

/** Letters no other test writes, so a test's query finds only its own items. */
const stem = () => `Q${Math.random().toString(36).slice(2, 10).toUpperCase()}`;

const createPerson = (fullName: string, email: string) => documents(PERSON).create({ data: { fullName, email } });
const createProject = (code: string, name: string) => documents(PROJECT).create({ data: { code, name } });

type Result = { uid: string; documentId: string; label: string; code?: string };
const search = (agent: Agent, query: Record<string, string>) => agent.get(`/pmo/search?${new URLSearchParams(query)}`);
const ids = (res: { body: { results: Result[] } }) => res.body.results.map((result) => result.documentId);
const problems = (res: { body: any }) => res.body.error.details.errors.map((e: { path: string[]; message: string }) => ({ path: e.path, message: e.message }));

/** An admin role made for these tests: PMO Hub access and the given Content Manager reads (type → fields). */
async function customRole(code: string, reads: Record<string, string[]>) {
  const strapi = getStrapi();
  const roles = strapi.service('admin::role') as any;
  const role =
    (await strapi.db.query('admin::role').findOne({ where: { code } })) ??
    (await roles.create({ name: code, code, description: 'Made by the search tests' }));
  await roles.assignPermissions(role.id, [
    { action: 'plugin::pmo.access', subject: null, properties: {}, conditions: [] },
    ...Object.entries(reads).map(([subject, fields]) => ({ action: READ, subject, properties: { fields }, conditions: [] })),
  ]);
  return code;
}

let manager: Agent;
beforeAll(async () => {
  manager = await asRole('pmo-manager');
});

describe('GET /pmo/search ranking', () => {
  const s = stem();
  const q = s.toLowerCase();
  let expected: string[];

  beforeAll(async () => {
    // Created in an order and with names that the alphabet would put the other way round.
    const inside = await createProject(uniqueCode('SRCH'), `Archive pre${s} work`);
    const wordStart = await createProject(uniqueCode('SRCH'), `Borealis ${s} rollout`);
    const nameStart = await createProject(uniqueCode('SRCH'), `${s} data hub`);
    const codeStart = await createProject(`${s}-2`, 'Yankee platform');
    const exact = await createProject(s, 'Zulu platform');
    await createProject(uniqueCode('SRCH'), 'Unrelated');
    expected = [exact, codeStart, nameStart, wordStart, inside].map((project) => project.documentId);
  });

  it('answers the exact code first, then a code that starts with the query, then names that start with it, then the rest', async () => {
    const res = await search(manager, { type: 'project', q });
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual(expected);
    expect(res.body.results[0]).toEqual({ uid: PROJECT, documentId: expected[0], label: 'Zulu platform', code: s });
    expect(res.body.results.map((result: Result) => result.label)).toEqual([
      'Zulu platform',
      'Yankee platform',
      `${s} data hub`,
      `Borealis ${s} rollout`,
      `Archive pre${s} work`,
    ]);
  });

  it('answers at most `limit` results, the best ones', async () => {
    const res = await search(manager, { type: 'project', q, limit: '2' });
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual(expected.slice(0, 2));
  });
});

describe('GET /pmo/search matching', () => {
  it('finds "Zoë Ångström" by "zoe angstrom", in any case, and an unaccented name by an accented query', async () => {
    const s = stem();
    const zoe = await createPerson(`Zoë Ångström ${s}`, `z.${s.toLowerCase()}@search.test`);
    const noel = await createPerson(`Noel Lefevre ${s}`, `n.${s.toLowerCase()}@search.test`);

    for (const q of [`zoe angstrom ${s}`, `ZOË ÅNGSTRÖM ${s.toLowerCase()}`, 'Zoe Angstrom']) {
      const res = await search(manager, { type: 'person', q, limit: '50' });
      expect(res.status).toBe(200);
      expect(ids(res)).toContain(zoe.documentId);
      expect(ids(res)).not.toContain(noel.documentId);
    }
    const res = await search(manager, { type: 'person', q: `Noël Lefèvre ${s}` });
    expect(res.body.results).toEqual([{ uid: PERSON, documentId: noel.documentId, label: `Noel Lefevre ${s}` }]);
  });

  it('finds a person by their email and answers their name', async () => {
    const s = stem();
    const person = await createPerson('Rita Reviewer', `rita.${s.toLowerCase()}@search.test`);
    const res = await search(manager, { type: 'person', q: `rita.${s}@` });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([{ uid: PERSON, documentId: person.documentId, label: 'Rita Reviewer' }]);
  });

  it('reads the wildcards of a query as themselves', async () => {
    const s = stem();
    await createProject(uniqueCode('SRCH'), `${s} wave one`);
    expect((await search(manager, { type: 'project', q: `${s}%one` })).body.results).toEqual([]);
    expect((await search(manager, { type: 'project', q: `${s}_wave` })).body.results).toEqual([]);
    expect((await search(manager, { type: 'project', q: `${s} wave` })).body.results).toHaveLength(1);
  });
});

describe('GET /pmo/search refusals', () => {
  it.each([
    ['a one-letter query', { type: 'person', q: 'a' }, 'Type at least 2 characters to search'],
    ['a query that is one letter once trimmed', { type: 'person', q: '  a ' }, 'Type at least 2 characters to search'],
    ['no query', { type: 'person' }, 'Type at least 2 characters to search'],
  ])('answers 400 naming q for %s', async (_case, query, message) => {
    const res = await search(manager, query as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(problems(res)).toEqual([{ path: ['q'], message }]);
  });

  it.each([
    ['an unknown type', { type: 'team', q: 'atlas' }, 'type', 'The type must be one of "person", "project", "programme" or "portfolio"'],
    ['a limit of 0', { type: 'project', q: 'atlas', limit: '0' }, 'limit', 'The limit must be a whole number from 1 to 50'],
    ['a limit above 50', { type: 'project', q: 'atlas', limit: '51' }, 'limit', 'The limit must be a whole number from 1 to 50'],
    ['an unknown parameter', { type: 'project', q: 'atlas', sort: 'name' }, 'sort', 'This address has no query parameter "sort"'],
  ])('answers 400 for %s, naming it', async (_case, query, path, message) => {
    const res = await search(manager, query as Record<string, string>);
    expect(res.status).toBe(400);
    expect(problems(res)).toEqual([{ path: [path], message }]);
  });

  it('refuses a role that may not read people, with a sentence, and still searches what it may read', async () => {
    const role = await customRole('search-projects-only', { [PROJECT]: ['name', 'code'] });
    const reader = await asAdmin('search.projects-only@test.pmo', [role]);
    const s = stem();
    await createPerson(`Hidden ${s}`, `hidden.${s.toLowerCase()}@search.test`);
    const project = await createProject(s, 'Visible project');

    const people = await search(reader, { type: 'person', q: s });
    expect(people.status).toBe(403);
    expect(people.body.error.message).toBe('You may not read people, so you cannot search them.');
    const projects = await search(reader, { type: 'project', q: s });
    expect(projects.status).toBe(200);
    expect(ids(projects)).toEqual([project.documentId]);
  });

  it('matches only the fields the role may read: no finding people by an email it cannot see', async () => {
    const role = await customRole('search-names-only', { [PERSON]: ['fullName'] });
    const reader = await asAdmin('search.names-only@test.pmo', [role]);
    const s = stem();
    const person = await createPerson(`Olga ${s}`, `secret.${s.toLowerCase()}@search.test`);

    expect((await search(reader, { type: 'person', q: `secret.${s}` })).body.results).toEqual([]);
    expect((await search(manager, { type: 'person', q: `secret.${s}` })).body.results).toHaveLength(1);
    expect(ids(await search(reader, { type: 'person', q: `olga ${s}` }))).toEqual([person.documentId]);
  });

  it('refuses a user without PMO Hub access', async () => {
    const author = await asAdmin('search.author@test.pmo', ['strapi-author']);
    expect((await search(author, { type: 'project', q: 'atlas' })).status).toBe(403);
  });
});
