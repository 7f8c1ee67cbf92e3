/**
 * Property: whatever body an attacker sends to the Content API or the Content Manager to create
 * or update any PMO type, the answer is never a 5xx, the server answers the next request, and a
 * refused request leaves the type's row count as it was.
 */
import fc from 'fast-check';
import { existingDocument as makeDocument, HOSTILE_KEYS, hostileValue } from '../helpers/hostile';
import { appTypes, managerTypes, rowCount as count, type Model } from '../helpers/models';
import { asSuperAdmin, getStrapi, withApiToken, type Agent } from '../helpers/strapi';

const strapi = () => getStrapi();

function bodies(model: Model) {
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...Object.keys(model.attributes)) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }
  );
  return fc.dictionary(key, hostileValue, { maxKeys: 6 });
}

let api: Agent;
let admin: Agent;
beforeAll(async () => {
  api = await withApiToken('full-access');
  admin = await asSuperAdmin();
});

/** What the properties created, removed afterwards so other test files see the worker's data as they left it. */
const created: Array<[string, string]> = [];
afterAll(async () => {
  for (const [uid, documentId] of created) await strapi().db.query(uid as never).deleteMany({ where: { documentId } });
});

async function probe(send: () => Promise<{ status: number; text: string; body?: any }>, uid: string, body: unknown) {
  const before = await count(uid);
  const res = await send();
  const documentId = res.status < 300 ? res.body?.data?.documentId : undefined;
  if (typeof documentId === 'string') created.push([uid, documentId]);
  if (res.status >= 500) throw new Error(`${res.status} for ${uid} ${JSON.stringify(body).slice(0, 300)}: ${res.text.slice(0, 300)}`);
  const next = await api.get('/api/projects?pagination[pageSize]=1');
  if (next.status !== 200) throw new Error(`the server did not answer the next request (${next.status})`);
  if (res.status >= 400 && (await count(uid)) !== before) throw new Error(`refused (${res.status}) but rows changed for ${uid}`);
}

const RUNS = Number(process.env.PMO_FUZZ_RUNS ?? 25);
/** Each property sends RUNS requests per type; allow well over what a slow machine needs. */
const TIMEOUT = Math.max(120_000, RUNS * 4_000);

describe('hostile bodies, generated', () => {
  it('never get a 5xx from the Content API, on create or update of any app type', async () => {
    for (const model of appTypes()) {
      const existing = await makeDocument(model, created);
      await fc.assert(
        fc.asyncProperty(bodies(model), fc.boolean(), async (data, update) => {
          const url = `/api/${model.info.pluralName}${update ? `/${existing.documentId}` : ''}`;
          await probe(() => (update ? api.put(url) : api.post(url)).send({ data }), model.uid, data);
        }),
        { numRuns: RUNS }
      );
    }
  }, TIMEOUT);

  it('never get a 5xx from the Content Manager, on create or update of any type it edits', async () => {
    for (const model of managerTypes()) {
      const existing = await makeDocument(model, created);
      await fc.assert(
        fc.asyncProperty(bodies(model), fc.boolean(), async (data, update) => {
          const url = `/content-manager/collection-types/${model.uid}${update ? `/${existing.documentId}` : ''}`;
          await probe(() => (update ? admin.put(url) : admin.post(url)).send(data), model.uid, data);
        }),
        { numRuns: RUNS }
      );
    }
  }, TIMEOUT);
});

describe('hostile queries, generated', () => {
  const PARAMS = ['asOf', 'programme', 'project', 'portfolio', 'from', 'to', 'uid', 'documentId', 'state', 'type', 'olderThanDays', 'q', 'page', 'pageSize', 'status', 'delimiter', 'bom', 'gate', 'mentor', 'mentee'];
  const value = fc.oneof(
    fc.constantFrom('1.5', '-1', '99999999999999999999', '2026-02-31', '', 'constructor', '%00', "'; DROP TABLE projects; --", 'api::project.project'),
    fc.string({ maxLength: 12 }),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('$gt', '$in', 'a', '0'), fc.string({ maxLength: 5 }), { maxKeys: 2 })
  );
  const queries = fc.dictionary(fc.constantFrom(...PARAMS), value, { maxKeys: 4 });

  it('never get a 5xx from any PMO Hub read route', async () => {
    const routes = (strapi().plugin('pmo').routes as any).admin.routes.filter((route: { method: string }) => route.method === 'GET');
    for (const route of routes as Array<{ path: string }>) {
      await fc.assert(
        fc.asyncProperty(queries, fc.constantFrom('abc', '1', 'project-lifecycle', '0.5'), async (query, id) => {
          const url = `/pmo${route.path.replace(/:[^/]+/g, id)}`;
          const res = await admin.get(url).query(query);
          if (res.status >= 500) throw new Error(`${res.status} for GET ${url} ${JSON.stringify(query)}: ${res.text.slice(0, 300)}`);
        }),
        { numRuns: Math.max(5, Math.round(RUNS / 3)) }
      );
    }
  }, TIMEOUT);
});
