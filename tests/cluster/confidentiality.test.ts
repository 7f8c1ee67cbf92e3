/**
 * The confidentiality crawl: a confidential mentoring note reaches only the mentor, the mentee and
 * PMO directors, on every path (DESIGN.md, Security rules). Through nginx over two instances.
 *
 * A unique marker is planted in the confidential notes of a session (the one confidential text
 * field of mentoring; the session's topics, shared notes and action items are not confidential).
 * Then every caller who may not read it — another project manager, the mentee's department
 * leader, the PMO manager, analyst and administrator, the change board, finance, the super admin,
 * anonymous and the three API tokens — reads every route the access matrix lets them read (the
 * route table of access-support.ts, with real ids; the Content API with `populate=*` and one level
 * deeper on every relation; exports as CSV, workbook cells and PDF text; search, my work, person
 * pages, mentoring lists, a few Content Manager reads of the mentoring types), and the marker must
 * be in no answer. The oracle: searching or filtering on the confidential field with a part of the
 * marker, and sorting on it, must answer exactly as with a value that matches nothing. The marker
 * is visible to the mentor, the mentee and the director, and the mentor's search finds it, so the
 * crawl and the oracle can fail.
 */
import { randomUUID } from 'node:crypto';
import { asSuperAdmin, getStrapi, withApiToken } from '../helpers/strapi';
import { startTestCluster, type Cluster } from './cluster';
import { EXPECTATIONS, type Caller } from './access-expectations';
import { accessFixtures, type Cast } from './access-fixtures';
import { CUSTOM_TOKEN_ACTIONS, fillPath, inPool, queryFor, readableText, routeTable, send, since, type Ids } from './access-support';

const MARKER = randomUUID().replace(/-/g, '');
/** What the oracle searches for: a part of the marker, and a value of the same length that matches nothing. */
const PART = MARKER.slice(6, 22);
const NOTHING = randomUUID().replace(/-/g, '').slice(0, 16);

type Reader = { name: string; as: Caller; token: string | null };

let cluster: Cluster;
let ids: Ids;
let cast: Cast;
let outsiders: Reader[];
let insiders: Reader[];
let adminUrls: string[];
let apiUrls: string[];

/** The Content Manager's own routes for the mentoring types (Strapi's, outside the route table). */
const contentManager = (ids: Ids) => [
  '/content-manager/collection-types/plugin::pmo.mentoring-session',
  `/content-manager/collection-types/plugin::pmo.mentoring-session/${ids.session}`,
  '/content-manager/collection-types/plugin::pmo.mentoring-relationship',
  `/content-manager/collection-types/api::person.person/${ids.person}`,
  `/content-manager/collection-types/api::person.person/${ids.mentor}`,
];

/** Strapi's own relations, which the Content API does not populate. */
const SYSTEM = ['createdBy', 'updatedBy', 'localizations'];

/** `populate=*` and, on every relation and component, one level deeper. */
function populated(path: string, plural: string): string[] {
  const type = Object.values(getStrapi().contentTypes as Record<string, any>).find((t) => t.uid?.startsWith('api::') && t.info.pluralName === plural);
  if (!type) return [path];
  const nested = Object.entries(type.attributes as Record<string, { type: string; private?: boolean }>)
    .filter(([name, attribute]) => ['relation', 'component', 'media'].includes(attribute.type) && !attribute.private && !SYSTEM.includes(name))
    .map(([name, attribute]) => (attribute.type === 'media' ? `populate[${name}]=true` : `populate[${name}][populate]=*`));
  return [path, `${path}?populate=*`, ...(nested.length ? [`${path}?${nested.join('&')}`] : [])];
}

/** Every read of the route table, with its ids and required queries, and the extra reads of mentoring, search and people. */
function crawlUrls() {
  const routes = routeTable().filter((route) => route.method === 'GET');
  const admin: string[] = [];
  const api: string[] = [];
  for (const route of routes) {
    const path = fillPath(route, ids);
    const query = queryFor(route.path, ids);
    if (route.path.startsWith('/pmo/')) admin.push(query ? `${path}?${query}` : path);
    else api.push(...populated(path, route.path.split('/')[2]));
  }
  for (const person of [ids.person, ids.mentor]) {
    admin.push(`/pmo/capacity/people/${person}`, `/pmo/mentoring/ratings?mentee=${person}`);
    api.push(...populated(`/api/people/${person}`, 'people'));
  }
  admin.push(
    `/pmo/mentoring/sessions?relationship=${ids.relationship}`,
    `/pmo/mentoring/action-items?relationship=${ids.relationship}`,
    '/pmo/mentoring/action-items?status=overdue',
    '/pmo/mentoring/relationships?as=mentee',
    '/pmo/mentoring/relationships?status=active',
    `/pmo/mentoring/relationships/${ids.relationship}/next-session`,
    '/pmo/mentoring/exports/hours.csv?bom=1',
    ...['person', 'project', 'programme', 'portfolio'].map((type) => `/pmo/search?type=${type}&q=access`),
    ...contentManager(ids)
  );
  return { admin, api };
}

let getTable: ReturnType<typeof routeTable>;

/** May `reader` use this route, by the access matrix's expectations (the matrix proves the rest are refused)? */
function reads(reader: Reader, url: string) {
  if (reader.as === 'anonymous') return true; // anonymous is refused everywhere but health: cheap, and asked anyway
  const path = url.split('?')[0];
  if (path.startsWith('/content-manager/')) return !reader.as.endsWith('-token');
  const route = getTable.find((r) => r.method === 'GET' && new RegExp(`^${r.path.replace(/:\w+/g, '[^/]+')}$`).test(path));
  return route ? (EXPECTATIONS[route.key] ?? []).includes(reader.as) : false;
}

beforeAll(async () => {
  const start = Date.now();
  cluster = await startTestCluster();
  const booted = Date.now();
  ({ ids, cast } = await accessFixtures(MARKER));
  ids.mentor = cast.mentor.personId;
  const member = (name: string, as: Caller, key: keyof Cast): Reader => ({ name, as, token: cast[key].agent.token });
  outsiders = [
    member('another project manager', 'project-manager', 'otherPm'),
    member("the mentee's department leader", 'project-manager', 'leader'),
    member('the PMO manager', 'pmo-manager', 'manager'),
    member('a PMO analyst', 'pmo-analyst', 'analyst'),
    member('a PMO administrator', 'pmo-administrator', 'administrator'),
    member('the change board', 'change-board', 'changeBoard'),
    member('finance', 'finance', 'finance'),
    { name: 'the super admin', as: 'super-admin', token: (await asSuperAdmin()).token },
    { name: 'anonymous', as: 'anonymous', token: null },
    { name: 'a read-only API token', as: 'read-only-token', token: (await withApiToken('read-only')).token },
    { name: 'a full-access API token', as: 'full-access-token', token: (await withApiToken('full-access')).token },
    { name: 'a custom API token', as: 'custom-token', token: (await withApiToken('custom', CUSTOM_TOKEN_ACTIONS)).token },
  ];
  insiders = [member('the mentor', 'project-manager', 'mentor'), member('the mentee', 'project-manager', 'mentee'), member('the PMO director', 'pmo-director', 'director')];
  getTable = routeTable().filter((route) => route.method === 'GET');
  ({ admin: adminUrls, api: apiUrls } = crawlUrls());
  console.log(`confidentiality: cluster boot ${((booted - start) / 1000).toFixed(1)} s, fixtures ${since(booted)}; ${adminUrls.length} admin and ${apiUrls.length} Content API reads`);
});

afterAll(async () => {
  const exits = await cluster?.stop();
  expect(exits?.map((exit) => exit.code)).toEqual([0, 0]);
});

describe('the marker can be found', () => {
  it('is in the session as the mentor, the mentee and the PMO director read it', async () => {
    for (const reader of insiders) {
      const answer = await send(cluster.url, reader.token, 'GET', `/pmo/mentoring/sessions/${ids.session}`);
      expect({ reader: reader.name, status: answer.status, found: answer.bytes.toString('utf8').includes(MARKER) }).toEqual({ reader: reader.name, status: 200, found: true });
    }
  });
});

describe('as every caller who may not read it', () => {
  it('is in no answer of any route they may read: admin routes, Content API with populate, exports, search, my work, person pages', async () => {
    const start = Date.now();
    const visits = outsiders.flatMap((reader) => [...adminUrls, ...apiUrls].filter((url) => reads(reader, url)).map((url) => ({ reader, url })));
    const leaks: string[] = [];
    const statuses = new Map<string, number>();
    const slowest: Array<[number, string]> = [];
    await inPool(visits, 12, async ({ reader, url }) => {
      const began = Date.now();
      const answer = await send(cluster.url, reader.token, 'GET', url);
      if (answer.status >= 500) leaks.push(`${url} as ${reader.name}: ${answer.status}`);
      statuses.set(`${answer.status}`, (statuses.get(`${answer.status}`) ?? 0) + 1);
      const text = answer.status === 200 ? await readableText(answer) : answer.bytes.toString('utf8');
      if (text.includes(PART)) leaks.push(`${url} as ${reader.name}: the confidential note is in the answer`);
      slowest.push([Date.now() - began, `${url.split('?')[0]} as ${reader.name}`]);
    });
    slowest.sort((a, b) => b[0] - a[0]);
    console.log(`confidentiality crawl: ${visits.length} reads in ${since(start)} (statuses ${JSON.stringify(Object.fromEntries(statuses))}); slowest: ${slowest.slice(0, 5).map(([ms, what]) => `${what} ${ms} ms`).join('; ')}`);
    expect(leaks).toEqual([]);
    // The crawl read real answers, not only refusals.
    expect(statuses.get('200') ?? 0).toBeGreaterThan(visits.length / 2);
  });
});

describe('the oracle: filters and sorts on the confidential field', () => {
  const SESSIONS = '/pmo/mentoring/sessions';
  const CM_SESSIONS = '/content-manager/collection-types/plugin::pmo.mentoring-session';
  /** Pairs of reads that differ only in the value compared with the confidential notes. */
  const pairs = (value: string, direction: 'ASC' | 'DESC') => [
    `${SESSIONS}?q=${value}`,
    `${SESSIONS}?relationship=${ids.relationship}&q=${value}`,
    `${SESSIONS}?filters[confidentialNotes][$containsi]=${value}`,
    `${CM_SESSIONS}?filters[confidentialNotes][$contains]=${value}`,
    `${CM_SESSIONS}?sort=confidentialNotes:${direction}`,
    `/pmo/search?type=person&q=${value}`,
    `/pmo/mentoring/action-items?relationship=${ids.relationship}&q=${value}`,
  ];
  /** What an answer says, without the value asked for: its status and the items it lists, in order. */
  const gist = async (token: string | null, url: string, value: string) => {
    const answer = await send(cluster.url, token, 'GET', url);
    const text = answer.bytes.toString('utf8').split(value).join('<value>');
    return { status: answer.status, items: [...text.matchAll(/"documentId":"(\w+)"/g)].map((match) => match[1]), text: answer.status === 200 ? '' : text };
  };

  it('answers exactly as for a value that matches nothing, for every caller who may not read the note', async () => {
    const differences: string[] = [];
    const matching = pairs(PART, 'ASC');
    const other = pairs(NOTHING, 'DESC');
    await inPool(
      outsiders.flatMap((reader) => matching.map((url, index) => ({ reader, url, index }))),
      8,
      async ({ reader, url, index }) => {
        const [hit, miss] = await Promise.all([gist(reader.token, url, PART), gist(reader.token, other[index], NOTHING)]);
        if (hit.status >= 500 || JSON.stringify(hit) !== JSON.stringify(miss)) {
          differences.push(`${url} as ${reader.name}: ${JSON.stringify(hit).slice(0, 200)} ≠ ${JSON.stringify(miss).slice(0, 200)}`);
        }
      }
    );
    expect(differences).toEqual([]);
  });

  it('tells the mentor apart: their search finds the session by its confidential note (so the oracle above can fail)', async () => {
    const mentor = insiders[0];
    const hit = await gist(mentor.token, `${SESSIONS}?q=${PART}`, PART);
    const miss = await gist(mentor.token, `${SESSIONS}?q=${NOTHING}`, NOTHING);
    expect(hit.items).toContain(ids.session);
    expect(miss.items).not.toContain(ids.session);
  });
});
