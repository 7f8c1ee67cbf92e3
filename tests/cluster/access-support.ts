/**
 * What the access matrix (access.test.ts) and the confidentiality crawl (confidentiality.test.ts)
 * share: the route table read from the running app, the callers, how each route is probed with a
 * harmless request, and a small pool that sends requests through nginx a few at a time.
 */
import request from 'supertest';
import ExcelJS from 'exceljs';
import { asRole, asSuperAdmin, getStrapi, withApiToken, PMO_ROLES } from '../helpers/strapi';
import { readPdf } from '../helpers/pdf';
import { CALLERS, type Caller } from './access-expectations';

export type Route = { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: string; key: string };

type Layer = { path: string; methods: string[] };
type RouteConfig = { method: string; path: string; config?: { prefix?: string } };
type Router = { prefix?: string; routes?: RouteConfig[] };

const layersOf = (type: 'admin' | 'content-api'): Layer[] => (getStrapi().server as any).api(type).listRoutes();
const routersOf = (routes: unknown): Router[] => (Array.isArray(routes) ? [{ routes: routes as RouteConfig[] }] : Object.values((routes ?? {}) as Record<string, Router>));

/**
 * Every route of PMO Hub as the running app mounted it: the plugin's admin routes (`/pmo/...`) and
 * the Content API routes of the app's types (`/api/<type>`) and of the plugin (`/api/pmo/...`).
 * Strapi's own routes (/admin, the Content Manager, upload, users-permissions, i18n) are not in it.
 */
export function routeTable(): Route[] {
  const strapi = getStrapi() as any;
  const ours = new Set<string>();
  for (const api of Object.values(strapi.apis) as Array<{ routes: unknown }>) {
    for (const router of routersOf(api.routes)) for (const route of router.routes ?? []) ours.add(`${route.method} /api${route.config?.prefix ?? router.prefix ?? ''}${route.path}`);
  }
  const pmoContentApi = strapi.plugin('pmo').routes['content-api'] as Router;
  for (const route of pmoContentApi.routes ?? []) ours.add(`${route.method} /api/pmo${route.path}`);

  const mounted = (type: 'admin' | 'content-api') =>
    layersOf(type).flatMap((layer) => layer.methods.filter((method) => method !== 'HEAD').map((method) => ({ method, path: layer.path })));
  const admin = mounted('admin').filter((route) => route.path.startsWith('/pmo/'));
  const contentApi = mounted('content-api').filter((route) => ours.has(`${route.method} ${route.path}`));
  const seen = new Map<string, Route>();
  for (const route of [...admin, ...contentApi]) {
    const key = `${route.method} ${route.path}`;
    seen.set(key, { method: route.method as Route['method'], path: route.path, key });
  }
  return [...seen.values()];
}

/** Ids of real items the probes read (GET); writes always name an item that does not exist. */
export type Ids = Record<string, string>;
export const MADE_UP_ID = 'accessprobenosuchitem0000';

/** Which id a `:documentId`/`:id` stands for, by the path segment before it. */
const ID_BY_SEGMENT: Record<string, string> = {
  projects: 'project',
  programmes: 'programme',
  portfolios: 'portfolio',
  people: 'person',
  relationships: 'relationship',
  sessions: 'session',
  documents: 'document',
  allocations: 'allocation',
  'change-requests': 'changeRequest',
  'gate-reviews': 'gateReview',
  assessments: 'assessment',
};

/** The route's path with its parameters filled in: real ids for reads, made-up ones for writes. */
export function fillPath(route: Route, ids: Ids): string {
  const segments = route.path.split('/');
  const read = route.method === 'GET';
  return segments
    .map((segment, index) =>
      segment.replace(/^:(\w+)(.*)$/, (_match, name: string, suffix: string) => {
        const before = segments[index - 1];
        if (name === 'report') return `financial-summary${suffix}`;
        if (name === 'itemId') return `no-such-item${suffix}`;
        if (name === 'key') return `${before === 'jobs' ? 'access-probe-no-such-job' : before === 'notification-templates' ? ids.templateKey : 'project-lifecycle'}${suffix}`;
        if (!read) return `${MADE_UP_ID}${suffix}`;
        const kind = ID_BY_SEGMENT[before];
        const id = (kind && ids[kind]) || ids[`api:${before}`];
        return `${id ?? MADE_UP_ID}${suffix}`;
      })
    )
    .join('/');
}

/** The query a read needs to answer with something (routes that require one); none otherwise. */
export function queryFor(path: string, ids: Ids): string {
  const target = `uid=api::project.project&documentId=${ids.project}`;
  const queries: Record<string, string> = {
    '/pmo/history': target,
    '/pmo/workflow-instances': target,
    '/pmo/search': 'type=person&q=mentee',
    '/pmo/mentoring/ratings': `relationship=${ids.relationship}`,
    '/pmo/milestones/slip-trend': `project=${ids.project}`,
    '/pmo/roadmap': `programme=${ids.programme}`,
    '/pmo/raid/heatmap': `scope=project&documentId=${ids.project}`,
    '/pmo/raid/summary': `scope=programme&documentId=${ids.programme}`,
    '/pmo/raid/dependencies': `project=${ids.project}`,
  };
  return queries[path] ?? '';
}

/** A write's body: one that no route accepts (an unknown field), so an allowed caller gets a 4xx and nothing changes. */
export function probeBody(route: Route) {
  return route.path.startsWith('/api/') && !route.path.startsWith('/api/pmo/') ? { data: { accessProbe: true } } : { accessProbe: true };
}

export type Answer = { status: number; type: string; bytes: Buffer };

/** Sends one request through `base` as `token` (none: anonymous) and keeps the raw answer. */
export async function send(base: string, token: string | null, method: Route['method'], url: string, body?: unknown): Promise<Answer> {
  const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
  let test = request(base)[verb](url);
  if (token) test = test.set('Authorization', `Bearer ${token}`);
  if (body !== undefined) test = test.send(body as object);
  const res = await test.buffer(true).parse((stream, done) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
    stream.on('end', () => done(null, Buffer.concat(chunks)));
  });
  return { status: res.status, type: String(res.headers['content-type'] ?? ''), bytes: res.body as Buffer };
}

/** What a person would read in an answer: JSON and CSV as text, a workbook's cells, a PDF's text. */
export async function readableText(answer: Answer): Promise<string> {
  if (answer.type.includes('spreadsheetml')) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(answer.bytes as any);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
    return cells.join('\n');
  }
  if (answer.type.includes('pdf')) return (await readPdf(answer.bytes)).text;
  return answer.bytes.toString('utf8');
}

/** Runs `work` over `items`, `width` at a time. */
export async function inPool<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** The custom API token's actions: the finance exports and reading projects, nothing else. */
export const CUSTOM_TOKEN_ACTIONS = ['plugin::pmo.exports.download', 'api::project.project.find', 'api::project.project.findOne'];

/** A bearer token for every caller of the matrix (null: anonymous). */
export async function callerTokens(): Promise<Record<Caller, string | null>> {
  const tokens = {} as Record<Caller, string | null>;
  for (const caller of CALLERS) {
    if (caller === 'anonymous') tokens[caller] = null;
    else if (caller === 'super-admin') tokens[caller] = (await asSuperAdmin()).token;
    else if (caller === 'read-only-token') tokens[caller] = (await withApiToken('read-only')).token;
    else if (caller === 'full-access-token') tokens[caller] = (await withApiToken('full-access')).token;
    else if (caller === 'custom-token') tokens[caller] = (await withApiToken('custom', CUSTOM_TOKEN_ACTIONS)).token;
    else if ((PMO_ROLES as readonly string[]).includes(caller)) tokens[caller] = (await asRole(caller as (typeof PMO_ROLES)[number])).token;
  }
  return tokens;
}

/** Milliseconds since `start`, for the timings the suites print. */
export const since = (start: number) => `${((Date.now() - start) / 1000).toFixed(1)} s`;
