/**
 * Hostile input through nginx, over both instances (docs/hostile-input.md): fast-check sends
 * every write route of the running route table (the plugin's admin and Content API routes, the
 * app's Content API) requests that are invalid by construction (tests/cluster/hostile-cases.ts).
 * Admin routes are called as the super admin, Content API routes with a full-access API token:
 * callers who may write, so each refusal comes from validation, not permissions. Every answer is
 * a 4xx in the DESIGN.md "Errors" shape with a message in words, never a 5xx; afterwards no
 * table changed (row counts and a checksum per table) and both instances answer /pmo/health.
 *
 * PMO_HOSTILE_RUNS sets the requests per route (default 13: over 1,000 in all); PMO_HOSTILE_SEED replays a run.
 */
import fc from 'fast-check';
import request from 'supertest';
import { existingDocument } from '../helpers/hostile';
import { appTypes } from '../helpers/models';
import { asSuperAdmin, withApiToken } from '../helpers/strapi';
import { startTestCluster, type Cluster } from './cluster';
import { hostileRequests, realIds, writeRoutes, type HostileRequest, type RouteKind, type WriteRoute } from './hostile-cases';
import { rowsNotIn, tableChanges, tableSums } from './tables';

const RUNS = Number(process.env.PMO_HOSTILE_RUNS ?? 13);
const SEED = Number(process.env.PMO_HOSTILE_SEED ?? Date.now() % 2 ** 31);

let cluster: Cluster;
let adminToken: string;
let apiToken: string;

beforeAll(async () => {
  cluster = await startTestCluster();
  adminToken = (await asSuperAdmin()).token;
  apiToken = (await withApiToken('full-access')).token;
  // One document of every app type, so updates reach real items (made before the tables are summed).
  for (const model of appTypes()) await existingDocument(model);
});

afterAll(async () => {
  const exits = await cluster?.stop();
  expect(exits?.map((exit) => exit.code)).toEqual([0, 0]);
});

function send(route: WriteRoute, input: HostileRequest) {
  const token = route.kind === 'plugin admin' ? adminToken : apiToken;
  const method = input.method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete';
  let test = request(cluster.url)[method](input.url).set('Authorization', `Bearer ${token}`).timeout(30_000);
  if (input.body !== undefined) test = test.set('Content-Type', input.contentType ?? 'application/json').send(input.body);
  return test;
}

const WORDS = /[A-Za-z]{2,}(\s+[A-Za-z"'(]+)+/;

/** Why the answer is not a refusal in the one error shape, or null when it is. */
function refusalProblem(input: HostileRequest, res: { status: number; body: any; text: string }): string | null {
  if (res.status < 400 || res.status >= 500) return `answered ${res.status}`;
  const error = res.body?.error;
  if (!error || typeof error !== 'object') return `a ${res.status} without { error }`;
  if (error.status !== res.status) return `error.status ${error.status} on a ${res.status}`;
  if (typeof error.name !== 'string' || !error.name) return 'an error without a name';
  if (typeof error.message !== 'string' || !WORDS.test(error.message)) return `an error message not in words: ${JSON.stringify(error.message)}`;
  if (res.status === 400) {
    const problems = error.details?.errors;
    if (!Array.isArray(problems) || !problems.length) return 'a 400 without details.errors';
    for (const problem of problems) {
      if (!Array.isArray(problem?.path)) return `a problem without a path: ${JSON.stringify(problem)}`;
      if (typeof problem.message !== 'string' || !WORDS.test(problem.message)) return `a problem not in words: ${JSON.stringify(problem)}`;
    }
    const named = input.names?.startsWith('field:') ? problems.some((problem: { path: unknown[] }) => problem.path.length > 0) : !input.names || JSON.stringify(problems).includes(input.names);
    if (!named) return `the refusal does not name "${input.names}"`;
  }
  return null;
}

describe('hostile input over every write route, through nginx', () => {
  it('refuses each generated request with a 4xx in words, never a 5xx, and changes no row of any table', async () => {
    const started = Date.now();
    const routes = writeRoutes();
    const real = await realIds();
    // The route table is the source: a route added to the plugin or a type added to the app is fuzzed too.
    expect(routes.some((route) => route.kind === 'plugin admin')).toBe(true);
    expect(routes.some((route) => route.kind === 'app Content API')).toBe(true);

    const before = await tableSums();
    const counts: Record<RouteKind, number> = { 'plugin admin': 0, 'plugin Content API': 0, 'app Content API': 0 };
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    for (const [index, route] of routes.entries()) {
      await fc.assert(
        fc.asyncProperty(hostileRequests(route, real), async (input) => {
          const res = await send(route, input);
          counts[route.kind] += 1;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const problem = refusalProblem(input, res);
          if (problem) {
            throw new Error(`${input.method} ${input.url} with ${input.defect}: ${problem}\nbody sent: ${(input.body ?? '').slice(0, 300)}\nanswer: ${res.text.slice(0, 400)}`);
          }
        }),
        { numRuns: RUNS, seed: SEED + index, endOnFailure: true }
      ).catch((error: Error & { cause?: Error }) => {
        // Every route is tried; the first failure of each is reported at the end.
        failures.push(`${route.method} ${route.path}: ${(error.cause?.message ?? error.message).slice(0, 1500)}\n${error.message.split('\n')[1]?.slice(0, 200) ?? ''}`);
      });
    }
    const after = await tableSums();
    const changes = tableChanges(before, after);
    // What changed, row by row (new or changed rows as JSON), for the failure message.
    for (const name of changes.map((change) => change.split(':')[0]).filter((name) => after.has(name))) {
      console.log(`${name}, rows new or changed:\n${(await rowsNotIn(name, before.get(name)!.hashes)).map((row) => row.slice(0, 500)).join('\n')}`);
    }

    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    console.log(
      [
        `hostile input: ${total} requests over ${routes.length} write routes in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${SEED})`,
        ...Object.entries(counts).map(([kind, n]) => `  ${kind}: ${n} requests, ${routes.filter((route) => route.kind === kind).length} routes`),
        `  answers: ${[...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status} × ${n}`).join(', ')}`,
      ].join('\n')
    );
    if (failures.length) console.log(failures.join('\n\n'));
    expect(failures.map((failure) => failure.split(':')[0])).toEqual([]);
    expect(changes).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(Math.min(1000, routes.length * RUNS));
    for (const instance of cluster.instances) expect((await request(instance.url).get('/pmo/health')).status).toBe(200);
  });
});

