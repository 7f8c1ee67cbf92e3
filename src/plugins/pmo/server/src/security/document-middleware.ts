import type { Core } from '@strapi/strapi';
import { invalidFields } from '../platform/errors';
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
