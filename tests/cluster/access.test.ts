/**
 * The access matrix: every route of PMO Hub × every kind of caller, through nginx over two
 * instances, against the declared expectations (access-expectations.ts).
 *
 * Routes: read from the running app (access-support.ts `routeTable`): the plugin's admin routes
 * (`/pmo/...`) and the Content API routes of the app's types (`/api/<type>`) and of the plugin
 * (`/api/pmo/...`). Left out: Strapi's own routes (`/admin/...`, the Content Manager, upload,
 * users-permissions, i18n, email), whose permissions are Strapi's and tested by it.
 * Callers: anonymous; an admin user holding each PMO role; the super admin; a read-only, a
 * full-access and a custom API token (the custom one holds CUSTOM_TOKEN_ACTIONS).
 *
 * A route with no expectation fails the suite (naming the route and what each caller got, to
 * check against the README's roles before adding it), and so does an expectation naming a route
 * that no longer exists. Refused means 401 or 403: a 400 to a caller who may not use the route
 * would say the input was judged before the permission, and counts as a failure (every route
 * checks permission first: the contract is the first route middleware, after the policy).
 * Allowed means anything else but never a 5xx: reads use real ids, writes a made-up id or a body
 * no route accepts (an unknown field), so an allowed write answers 4xx and changes nothing; a
 * write answering 2xx fails unless it is one of SAFE_WRITES (they compute and store nothing) or
 * Strapi's core delete (204 for a made-up id); and every type holds as many rows after as before.
 */
import { getStrapi } from '../helpers/strapi';
import { startTestCluster, type Cluster } from './cluster';
import { CALLERS, EXPECTATIONS, SAFE_WRITES, type Caller } from './access-expectations';
import { accessFixtures } from './access-fixtures';
import { callerTokens, fillPath, inPool, probeBody, queryFor, routeTable, send, since, type Ids, type Route } from './access-support';

let cluster: Cluster;
let routes: Route[];
let ids: Ids;
/** route key → caller → status */
const observed = new Map<string, Map<Caller, number>>();

let rowsBefore: Record<string, number>;
let rowsAfter: Record<string, number>;

const refused = (status: number) => status === 401 || status === 403;
/** Strapi's core delete answers 204 for an id that does not exist (the row counts below show nothing went). */
const coreDelete = (route: Route) => route.method === 'DELETE' && route.path.startsWith('/api/') && !route.path.startsWith('/api/pmo/');

/** Rows of every app type and every plugin type. */
async function rowCounts() {
  const strapi = getStrapi() as any;
  const uids = Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::') || uid.startsWith('plugin::pmo.'));
  return Object.fromEntries(await Promise.all(uids.map(async (uid) => [uid, await strapi.db.query(uid).count()])));
}

beforeAll(async () => {
  const start = Date.now();
  cluster = await startTestCluster();
  const booted = Date.now();
  ({ ids } = await accessFixtures(`marker-${Date.now().toString(36)}`));
  const tokens = await callerTokens();
  routes = routeTable();
  const probes = routes.flatMap((route) => CALLERS.map((caller) => ({ route, caller })));
  const fixtures = Date.now();
  rowsBefore = await rowCounts();
  await inPool(probes, 16, async ({ route, caller }) => {
    const query = route.method === 'GET' ? queryFor(route.path, ids) : '';
    const url = `${fillPath(route, ids)}${query ? `?${query}` : ''}`;
    const answer = await send(cluster.url, tokens[caller], route.method, url, route.method === 'GET' || route.method === 'DELETE' ? undefined : probeBody(route));
    if (!observed.has(route.key)) observed.set(route.key, new Map());
    observed.get(route.key)!.set(caller, answer.status);
  });
  rowsAfter = await rowCounts();
  console.log(
    `access matrix: cluster ${since(start)} (boot ${((booted - start) / 1000).toFixed(1)} s, fixtures ${((fixtures - booted) / 1000).toFixed(1)} s), ` +
      `${probes.length} requests (${routes.length} routes × ${CALLERS.length} callers) in ${since(fixtures)}`
  );
});

afterAll(async () => {
  const exits = await cluster?.stop();
  expect(exits?.map((exit) => exit.code)).toEqual([0, 0]);
});

/** What each caller got on a route, as the line to add to the expectations once checked. */
function observedLine(key: string) {
  const statuses = observed.get(key)!;
  const allowed = CALLERS.filter((caller) => !refused(statuses.get(caller)!));
  const detail = CALLERS.map((caller) => `${caller} ${statuses.get(caller)}`).join(', ');
  return `'${key}': [${allowed.map((caller) => `'${caller}'`).join(', ')}], // observed: ${detail}`;
}

describe('the route table', () => {
  it('is read from the running app: the plugin admin routes and the Content API routes, the public health route among them', () => {
    const keys = routes.map((route) => route.key);
    expect(keys).toContain('GET /pmo/health');
    expect(keys).toContain('GET /api/projects/:id');
    expect(keys).toContain('GET /api/pmo/exports/:report.csv');
    expect(keys.filter((key) => key.includes(' /pmo/')).length).toBeGreaterThan(80);
    expect(keys.filter((key) => key.includes(' /api/')).length).toBeGreaterThan(80);
  });

  it('has an expectation for every route, and every expectation names a route that exists', () => {
    const keys = new Set(routes.map((route) => route.key));
    const missing = [...keys].filter((key) => !(key in EXPECTATIONS)).map(observedLine);
    const stale = Object.keys(EXPECTATIONS).filter((key) => !keys.has(key));
    const unknownSafe = SAFE_WRITES.filter((key) => !keys.has(key));
    expect({ 'routes without an expectation (add them to access-expectations.ts)': missing, 'expectations for routes that no longer exist': stale, 'safe writes that no longer exist': unknownSafe }).toEqual({
      'routes without an expectation (add them to access-expectations.ts)': [],
      'expectations for routes that no longer exist': [],
      'safe writes that no longer exist': [],
    });
  });
});

describe('every route × every caller, through nginx', () => {
  it('allows exactly the declared callers, refuses the others with 401 or 403, and never answers 5xx', () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const allowed = EXPECTATIONS[route.key];
      if (!allowed) continue; // reported by the test above
      for (const caller of CALLERS) {
        const status = observed.get(route.key)!.get(caller)!;
        const may = allowed.includes(caller);
        if (status >= 500) wrong.push(`${route.key} as ${caller}: ${status}`);
        else if (may && refused(status)) wrong.push(`${route.key} as ${caller}: refused (${status}), expected allowed`);
        else if (!may && !refused(status)) wrong.push(`${route.key} as ${caller}: ${status}, expected refused (401/403)`);
        else if (may && route.method !== 'GET' && status < 300 && !SAFE_WRITES.includes(route.key) && !coreDelete(route)) {
          wrong.push(`${route.key} as ${caller}: ${status} to a probe that should change nothing`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses every admin route to API tokens and every Content API route to admin sessions', () => {
    // Held by the table too; said here in words, so a table edited to allow it still fails.
    const crossed: string[] = [];
    for (const route of routes) {
      if (route.key === 'GET /pmo/health') continue;
      const statuses = observed.get(route.key)!;
      const strangers: Caller[] = route.path.startsWith('/api/')
        ? CALLERS.filter((caller) => !caller.endsWith('-token') && caller !== 'anonymous')
        : ['anonymous', 'read-only-token', 'full-access-token', 'custom-token'];
      for (const caller of strangers) if (!refused(statuses.get(caller)!)) crossed.push(`${route.key} as ${caller}: ${statuses.get(caller)}`);
    }
    expect(crossed).toEqual([]);
  });

  it('changed nothing: every PMO Hub type holds as many rows as before the probes', () => {
    expect(rowsAfter).toEqual(rowsBefore);
  });
});
