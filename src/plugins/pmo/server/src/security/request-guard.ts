/**
 * Two global Strapi middlewares in front of every route (config/middlewares.ts):
 *
 * - `plugin::pmo.request-errors` (before the body parser): gives each request an id (the
 *   `X-Request-Id` it came with, or a new one), answers a body that is not JSON with the one 400
 *   shape, keeps a 403 that a handler already answered before failing (Strapi's Content Manager
 *   relations route reads its own `ctx.forbidden()` result and throws), answers 503 in words
 *   when the database could not be reached (a restart, a lost connection: never a 500), and logs
 *   any error that would be a 500 with the request id.
 * - `plugin::pmo.request-guard` (after it): refuses prototype-named keys at any depth of the
 *   query and body, ill-typed filters and built-ins named as fields in a list's query (the query
 *   in one walk), bodies that are not objects where PMO Hub, the Content API and the Content
 *   Manager expect one, and malformed relation references or out-of-range integers in Content
 *   Manager and Content API writes, before Strapi's own code sees them.
 */
import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { DATABASE_RETRY_AFTER_SECONDS, databaseUnavailable, errors, invalidFields, isDatabaseUnavailable, withProblems } from '../platform/errors';
import { findHostileInput, type Problem } from './hostile-input';
import { refuseProtectedFieldChanges } from './protected-fields';
import { schemaLookup } from './schema';
import { checkWriteShape } from './write-shape';
import { checkQuery, checkRelationsQuery } from './query-shape';
import { readTarget, writeTarget } from './write-target';
import { problemsInWords, unknownReference } from './strapi-words';

type Context = {
  method: string;
  path: string;
  query: unknown;
  status: number;
  body: unknown;
  is(type: string): string | false | null;
  get(header: string): string;
  set(header: string, value: string): void;
  querystring: string;
  request: { body?: unknown };
  state: Record<string, unknown>;
};
type Next = () => Promise<unknown>;

/**
 * The query string's keys as written, bracket by bracket (`filters[name][constructor]` →
 * filters → name → constructor): Strapi's query parser silently drops prototype-named parts,
 * which would turn a hostile filter into no filter at all.
 */
function queryKeys(querystring: string): Record<string, unknown> {
  const tree: Record<string, unknown> = Object.create(null);
  for (const pair of querystring.split('&')) {
    let key: string;
    try {
      key = decodeURIComponent(pair.split('=')[0].replace(/\+/g, ' '));
    } catch {
      continue;
    }
    let node = tree;
    for (const part of key.split(/[[\]]+/).filter(Boolean)) {
      node[part] = Object.prototype.hasOwnProperty.call(node, part) ? node[part] : Object.create(null);
      node = node[part] as Record<string, unknown>;
    }
  }
  return tree;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Routes whose JSON bodies are always objects of fields. */
const OBJECT_BODIES = /^\/(pmo|api|content-manager)(\/|$)/;
const WRITES = new Set(['POST', 'PUT', 'PATCH']);

const isServerError = (error: unknown) => {
  const status = (error as { status?: unknown; statusCode?: unknown })?.status ?? (error as { statusCode?: unknown })?.statusCode;
  return !(error instanceof errors.ApplicationError) && !(typeof status === 'number' && status < 500);
};

/** Answered 403 by the handler itself (`ctx.forbidden()`), whatever it threw afterwards. */
const answeredForbidden = (ctx: Context) =>
  ctx.status === 403 && (ctx.body as { error?: { status?: number } } | undefined)?.error?.status === 403;

/** A write's fields as sent: the Content API's `data`, any other route's body. */
function sentFields(ctx: Context): unknown {
  const body = ctx.request.body;
  return ctx.path.startsWith('/api/') && body && typeof body === 'object' ? (body as { data?: unknown }).data : body;
}

/** Strapi's validation refusals in words, naming the field (security/strapi-words.ts). */
function inWords(error: unknown, sent: unknown): unknown {
  if (!(error instanceof errors.ValidationError)) return error;
  const unknownDocument = /^Document with id "([^"]*)".* not found/.exec(error.message);
  if (unknownDocument) return invalidFields([unknownReference(unknownDocument[1], sent)]);
  const problems = (error.details as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(problems) || !problems.every((problem) => problem && Array.isArray(problem.path) && typeof problem.message === 'string')) return error;
  const worded = problemsInWords(problems as Problem[]);
  return worded.every((problem, index) => problem === problems[index]) && worded.length === problems.length ? error : invalidFields(worded);
}

export const requestErrors = (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    const given = ctx.get('x-request-id');
    const requestId = REQUEST_ID.test(given) ? given : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    try {
      await next();
    } catch (error) {
      if (answeredForbidden(ctx)) return;
      if (isDatabaseUnavailable(error)) {
        strapi.log.warn(`Request ${requestId} (${ctx.method} ${ctx.path}) could not reach the database: ${(error as Error)?.message ?? error}`);
        ctx.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
        throw databaseUnavailable();
      }
      const status = (error as { status?: unknown })?.status;
      if (status === 400 && error instanceof Error && 'body' in error && !(error instanceof errors.ApplicationError)) {
        // The body parser's refusals, in the one 400 shape: a `__proto__` key, or not JSON at all.
        if (/prototype property/.test(error.message)) {
          throw invalidFields([{ path: ['__proto__'], message: 'The body holds a "__proto__" key, which PMO Hub never accepts' }]);
        }
        throw invalidFields([{ path: [], message: 'The body must be a JSON object (it could not be read as JSON)' }]);
      }
      if (status === 413 && !(error instanceof errors.ApplicationError)) {
        // The body parser's refusal of a body above PMO_MAX_BODY, in words.
        throw new errors.PayloadTooLargeError('What you sent is larger than PMO Hub accepts in one request; send less at a time (a long text or a smaller file)');
      }
      if (isServerError(error)) {
        strapi.log.error(`Request ${requestId} (${ctx.method} ${ctx.path}) failed: ${(error as Error)?.stack ?? error}`);
      }
      throw withProblems(inWords(error, sentFields(ctx)));
    }
  };

export const requestGuard = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const lookup = schemaLookup(strapi);
  // The Content API's `/api/<plural>` → uid, built once on the first request (types are fixed by then)
  // rather than scanned on every request.
  let byPlural: Map<string, string> | null = null;
  const plural = (pluralName: string) => {
    byPlural ??= new Map(
      Object.values(strapi.contentTypes as unknown as Record<string, { uid: string; info: { pluralName: string } }>)
        .filter((type) => type.uid.startsWith('api::'))
        .map((type) => [type.info.pluralName, type.uid])
    );
    return byPlural.get(pluralName);
  };

  return async (ctx: Context, next: Next) => {
    // The query in one walk: its hostile input and, on a list or read of a content type, its shape.
    const query = ctx.path.startsWith('/content-manager/relations/')
      ? checkRelationsQuery(ctx.query)
      : checkQuery(lookup, readTarget(ctx.method, ctx.path, plural), ctx.query);
    const problems: Problem[] = [...findHostileInput(queryKeys(ctx.querystring)), ...query];
    const body = ctx.request.body;
    if (WRITES.has(ctx.method) && OBJECT_BODIES.test(ctx.path) && body !== undefined) {
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        problems.push({ path: [], message: `The body must be a JSON object of fields, not ${Array.isArray(body) ? 'a list' : 'a single value'}` });
      }
    }
    problems.push(...findHostileInput(body));
    if (problems.length) throw invalidFields(problems);

    const target = writeTarget(ctx.method, ctx.path, body, plural);
    if (target) {
      const shape = checkWriteShape(lookup, target.uid, target.data);
      if (shape.length) throw invalidFields(shape);
      // Before Strapi's permission sanitizer, which would drop a role's forged value silently.
      await refuseProtectedFieldChanges(strapi, target.uid, target.documentId, target.data as Record<string, unknown>);
    }
    await next();
  };
};
