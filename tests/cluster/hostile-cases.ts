/**
 * The write routes of the running app and, for each, a fast-check arbitrary of requests that are
 * invalid by construction: each carries at least one defect the route must refuse, whatever else
 * it carries (real or unknown ids, noise fields with hostile values).
 *
 * - every route: a body that is not JSON, or JSON that is not an object; `__proto__` or
 *   `constructor` keys in the body or the query; unknown ids in the path.
 * - plugin routes (/pmo, /api/pmo): an unknown query parameter (their query contracts are
 *   strict), or a body its contract refuses (wrong types, missing and extra fields).
 * - app Content API routes (/api/<type>): a value a field can never hold (wrong type, impossible
 *   date, money fractional or out of range, 100 KB in a short text, unknown relation), an
 *   unknown field, no `data`, `data` that is not an object, a create without a required field.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { hostileValue, HOSTILE_KEYS, impossibleValue, UNKNOWN_DOCUMENT, notAnObject, notJson, PROTOTYPE_KEYS, unknownIds, unknownKey } from '../helpers/hostile';
import { appTypes, models, type Model } from '../helpers/models';
import { getStrapi } from '../helpers/strapi';

export type RouteKind = 'plugin admin' | 'plugin Content API' | 'app Content API';
export type WriteRoute = { kind: RouteKind; method: string; path: string; contract?: { body?: z.ZodType }; model?: Model };
export type HostileRequest = {
  /** The defect that makes the request invalid, in words (for the failure message). */
  defect: string;
  method: string;
  url: string;
  body?: string;
  contentType?: string;
  /** A key the refusal must name (in an error's path or message); `field:<key>`: a field, this one or another. */
  names?: string;
};

const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

type PluginRoute = { method: string; path: string; config?: { middlewares?: unknown[] } };
const contractOf = (route: PluginRoute | undefined) =>
  (route?.config?.middlewares ?? []).find((m): m is { contract: { body?: z.ZodType } } => typeof m === 'function' && 'contract' in m)?.contract;

/** The write routes of the app's route table (`strapi.server.listRoutes()`): the plugin's and the app's Content API types'. */
export function writeRoutes(): WriteRoute[] {
  const strapi = getStrapi();
  const routes = strapi.plugin('pmo').routes as unknown as Record<'admin' | 'content-api', { routes: PluginRoute[] }>;
  const plugin = (kind: 'admin' | 'content-api', method: string, path: string) =>
    routes[kind].routes.find((route) => route.method === method && path === `${kind === 'admin' ? '/pmo' : '/api/pmo'}${route.path}`);
  const byPlural = new Map(appTypes().map((model) => [model.info.pluralName, model]));
  const found = new Map<string, WriteRoute>();
  for (const layer of strapi.server.listRoutes() as Array<{ path: string; methods: string[] }>) {
    for (const method of layer.methods.filter((name) => WRITE_METHODS.includes(name))) {
      const { path } = layer;
      let route: WriteRoute | undefined;
      if (path.startsWith('/pmo/')) route = { kind: 'plugin admin', method, path, contract: contractOf(plugin('admin', method, path)) };
      else if (path.startsWith('/api/pmo/')) route = { kind: 'plugin Content API', method, path, contract: contractOf(plugin('content-api', method, path)) };
      else {
        const model = byPlural.get(path.split('/')[2] ?? '');
        if (path.startsWith('/api/') && model) route = { kind: 'app Content API', method, path, model };
      }
      if (route) found.set(`${method} ${path}`, route);
    }
  }
  return [...found.values()];
}

/** Ids and keys that exist: a few documentIds of every type and the keys of keyed types (workflows, templates, jobs). */
export async function realIds(): Promise<string[]> {
  const strapi = getStrapi();
  const ids = new Set<string>(['1', 'dispatch-outbox', 'reminders']);
  for (const model of models().filter((type) => type.uid.startsWith('api::') || type.uid.startsWith('plugin::pmo.'))) {
    const fields = ['documentId', ...('key' in model.attributes ? ['key'] : [])];
    const rows = await strapi.db.query(model.uid as never).findMany({ select: fields, limit: 3 } as never);
    for (const row of rows as Array<Record<string, unknown>>) for (const field of fields) if (typeof row[field] === 'string') ids.add(row[field] as string);
  }
  return [...ids];
}

const json = (value: unknown) => JSON.stringify(value);
/** A JSON object with `key` in it (JSON.stringify keeps an own `__proto__` key, written as computed). */
const withKey = (object: Record<string, unknown>, key: string, value: unknown) => json({ ...object, [key]: value });
const noise = (keys: string[]) =>
  fc.dictionary(fc.oneof(fc.constantFrom(...keys, ...HOSTILE_KEYS.filter((key) => !PROTOTYPE_KEYS.includes(key))), unknownKey), hostileValue, { maxKeys: 4 });

type Draft = Omit<HostileRequest, 'method' | 'url'> & { query?: string; ids?: 'unknown' };

/** Defects every route refuses, whatever it is. */
function anyRouteDefects(keys: string[]): fc.Arbitrary<Draft> {
  return fc.oneof(
    notJson.map((body) => ({ defect: 'a body that is not JSON', body, contentType: 'application/json' })),
    fc.string({ minLength: 1, maxLength: 50 }).map((body) => ({ defect: 'a plain-text body', body, contentType: 'text/plain' })),
    notAnObject.map((body) => ({ defect: 'a JSON body that is not an object', body })),
    fc.tuple(noise(keys), fc.constantFrom(...PROTOTYPE_KEYS), fc.boolean()).map(([fields, key, deep]) => ({
      defect: `a "${key}" key in the body`,
      body: deep ? json({ ...fields, data: JSON.parse(withKey({ a: 1 }, key, { polluted: true })) }) : withKey(fields, key, { polluted: true }),
    })),
    fc.constantFrom(...PROTOTYPE_KEYS).map((key) => ({ defect: `a "${key}" key in the query`, query: `${key}[polluted]=true`, body: '{}' })),
    fc.constant({ defect: 'unknown ids in the path', ids: 'unknown' as const, body: '{}' })
  );
}

function pluginDefects(route: WriteRoute): fc.Arbitrary<Draft> {
  const schema = route.contract?.body as (z.ZodType & { shape?: Record<string, unknown> }) | undefined;
  const keys = Object.keys(schema?.shape ?? {});
  const defects: Array<fc.Arbitrary<Draft>> = [
    anyRouteDefects(keys),
    // Path parameters are checked first (a real id of another type may be refused by its name): the key is named on routes without them.
    unknownKey.map((key) => ({ defect: `an unknown query parameter "${key}"`, query: `${key}=1`, body: '{}', names: route.path.includes(':') ? undefined : key })),
  ];
  // Bodies of noise fields its contract refuses; left out where the contract takes almost any object (a workflow draft).
  const refused = (fields: Record<string, unknown>) => !schema!.safeParse(fields).success;
  if (schema && fc.sample(noise(keys), { numRuns: 40, seed: 1 }).filter(refused).length >= 20)
    defects.push(
      noise(keys)
        .filter(refused)
        .map((fields) => ({ defect: 'a body its contract refuses', body: json(fields) }))
    );
  return fc.oneof(...defects);
}

function contentApiDefects(route: WriteRoute): fc.Arbitrary<Draft> {
  const model = route.model!;
  const attributes = Object.entries(model.attributes).filter(([name]) => !['createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations'].includes(name));
  const keys = attributes.map(([name]) => name);
  const impossible = attributes.flatMap(([name, attribute]) => {
    const value = impossibleValue(attribute);
    // Named on an update: a create is refused for its missing required fields too, and an unknown
    // relation document is refused by Strapi without its field's name.
    // A rule across fields may refuse the item first by another field's name (a RAID item's project): `field:` asks for any field named.
    const named = (bad: unknown) => (route.method === 'PUT' && !json(bad).includes(UNKNOWN_DOCUMENT) ? `field:${name}` : undefined);
    return value ? [value.map((bad) => ({ defect: `an impossible value for "${name}"`, body: json({ data: { [name]: bad } }), names: named(bad) }))] : [];
  });
  const required = attributes.filter(([, attribute]) => attribute.required).map(([name]) => name);
  const defects: Array<fc.Arbitrary<Draft>> = [
    anyRouteDefects(keys),
    fc.oneof(...impossible),
    fc.tuple(unknownKey, hostileValue).map(([key, value]) => ({ defect: `an unknown field "${key}"`, body: json({ data: { [key]: value } }), names: key })),
    noise(keys).map((fields) => ({ defect: 'no "data"', body: json(fields) })),
    fc.constantFrom('x', 5, true, null, [], [{ name: 'x' }]).map((data) => ({ defect: '"data" that is not an object', body: json({ data }) })),
  ];
  if (route.method === 'POST' && required.length)
    defects.push(fc.constant({ defect: `a new ${model.info.pluralName} item without "${required[0]}"`, body: json({ data: {} }) }));
  return fc.oneof(...defects);
}

/** Requests to `route`, each invalid by construction; path parameters are real ids (`real`) or unknown ones. */
export function hostileRequests(route: WriteRoute, real: string[]): fc.Arbitrary<HostileRequest> {
  const params = route.path.match(/:[A-Za-z]+/g) ?? [];
  // A DELETE with a real id is a valid request: it is sent with unknown ids only.
  const realOrUnknown = route.method === 'DELETE' ? unknownIds : fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: unknownIds });
  const drafts = route.kind === 'app Content API' ? contentApiDefects(route) : pluginDefects(route);
  return fc
    .tuple(drafts, fc.array(realOrUnknown, { minLength: params.length, maxLength: params.length }), fc.array(unknownIds, { minLength: params.length, maxLength: params.length }))
    // A route without path parameters has no unknown id to refuse.
    .filter(([draft]) => draft.ids !== 'unknown' || params.length > 0)
    .map(([{ query, ids, ...draft }, realIds, unknown]) => {
      const values = ids === 'unknown' ? unknown : realIds;
      const path = params.reduce((url, param, n) => url.replace(param, encodeURIComponent(values[n])), route.path);
      // An unknown id may be refused first, by its own name: the field is named only when the ids are real.
      const names = values.every((value) => real.includes(value)) ? draft.names : undefined;
      return { ...draft, names, method: route.method, url: query ? `${path}?${query}` : path };
    });
}
