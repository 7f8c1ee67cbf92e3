import type { Core } from '@strapi/strapi';
import { errors, invalidFields } from '../platform/errors';
import { schemaLookup } from './schema';
import { checkWriteShape } from './write-shape';

const WRITES = new Set(['create', 'update', 'clone', 'publish']);

/**
 * The request guard's shape check on every Document Service write too (plugin code, and any path
 * that does not come through the Content Manager or the Content API): a malformed relation
 * reference or an integer out of its column's range is a 400 before any query runs.
 */
export function registerWriteShapeMiddleware(strapi: Core.Strapi) {
  const lookup = schemaLookup(strapi);
  strapi.documents.use(async (context, next) => {
    const data = (context.params as { data?: unknown } | undefined)?.data;
    if (WRITES.has(context.action) && data !== undefined) {
      const problems = checkWriteShape(lookup, context.uid, data);
      if (problems.length) throw invalidFields(problems);
    }
    return next();
  });
}

/** What a documentId can be: anything else names no document (and a NUL byte would break a PostgreSQL query). */
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const CONTENT_API_DELETE = /^\/api\/[^/]+\/[^/]+$/;

/**
 * A Content API delete of a document that does not exist is a 404 (Strapi's controller answers
 * 204, as if something had been deleted). Checked in the Document Service, after the caller's
 * token and permission, so a caller without the right learns nothing about which ids exist.
 */
export function registerDeleteNotFound(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const request = context.action === 'delete' ? (strapi.requestContext.get() as { method?: string; path?: string } | undefined) : undefined;
    if (!request || request.method !== 'DELETE' || !CONTENT_API_DELETE.test(request.path ?? '')) return next();
    const missing = () => new errors.NotFoundError('There is no such item to delete: it may have been deleted already, or its address is wrong');
    const documentId = (context.params as { documentId?: unknown } | undefined)?.documentId;
    if (typeof documentId !== 'string' || !DOCUMENT_ID.test(documentId)) throw missing();
    const result = await next();
    const entries = (result as { entries?: unknown[] } | null)?.entries;
    if (Array.isArray(entries) && entries.length === 0) throw missing();
    return result;
  });
}
