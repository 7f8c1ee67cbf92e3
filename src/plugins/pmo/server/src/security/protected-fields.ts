/**
 * Fields only the engine or a capability may write (shared/contracts/protected-fields.ts) are
 * protected on every Document Service path: the Content Manager (a super admin's too), the
 * Content API and plugin code. Anyone else's change is refused with a 400 naming the field;
 * a value equal to the stored one (the Content Manager re-sends read-only values) is taken out
 * of the write. Owning capabilities mark their own writes with `asCapability`. Writes through
 * `strapi.db.query` (the engine's conditional update, the recordDecision effect) never pass
 * Document Service middlewares and need no mark.
 */
import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import {
  OWNED_TYPES,
  hasProtectedFields,
  protectionOf,
  refusalOf,
  type FieldOwner,
} from '../../../shared/contracts/protected-fields';
import { forbidden, invalidField } from '../platform/errors';
import { isEmptyValue, isUnchanged, type Attribute } from './field-values';

const writer = new AsyncLocalStorage<FieldOwner>();

/** Runs `work` as the capability that owns some protected fields: its writes of them pass. */
export function asCapability<T>(owner: FieldOwner, work: () => T): T {
  return writer.run(owner, work);
}

/** The Document Service of a type, every call made as `owner` (e.g. governance writing its reviews). */
export function documentsAs(strapi: Core.Strapi, owner: FieldOwner, uid: string) {
  const service = strapi.documents(uid as never) as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(service).map(([name, member]) => [
      name,
      typeof member === 'function' ? (...args: unknown[]) => asCapability(owner, () => member(...args)) : member,
    ])
  ) as any;
}

/** Attributes Strapi keeps itself: never a caller's value to judge. */
const STRAPI_MANAGED = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);

async function storedValues(strapi: Core.Strapi, uid: string, documentId: string, fields: string[], attributes: Record<string, Attribute>) {
  const relations = fields.filter((field) => attributes[field].type === 'relation');
  const nested = fields.filter((field) => ['component', 'dynamiczone', 'media'].includes(attributes[field].type ?? ''));
  const scalars = fields.filter((field) => !relations.includes(field) && !nested.includes(field));
  const draftAndPublish = !!(strapi.contentType(uid as never) as { options?: { draftAndPublish?: boolean } })?.options?.draftAndPublish;
  return (await strapi.db.query(uid as never).findOne({
    where: { documentId, ...(draftAndPublish ? { publishedAt: null } : {}) },
    select: ['id', ...scalars],
    populate: {
      ...Object.fromEntries(relations.map((field) => [field, { select: ['id', 'documentId'] }])),
      ...Object.fromEntries(nested.map((field) => [field, true])),
    },
  } as never)) as Record<string, unknown> | null;
}

/**
 * Refuses, with a 400 naming the field, a change to a protected field of `uid` that the calling
 * capability does not own: a non-empty value on a create (`documentId` null), or on an update
 * (or a clone, `documentId` being its source) a value that differs from the stored one. Values
 * that pass are removed from `data`, so the write leaves those fields to their owner.
 */
export async function refuseProtectedFieldChanges(
  strapi: Core.Strapi,
  uid: string,
  documentId: string | null,
  data: Record<string, unknown>
): Promise<void> {
  if (!hasProtectedFields(uid) || !data || typeof data !== 'object') return;
  const attributes = ((strapi.contentType(uid as never) as { attributes?: Record<string, Attribute> } | undefined)?.attributes ?? {});
  const owner = writer.getStore();
  const fields = Object.keys(data).filter((field) => {
    if (!(field in attributes) || STRAPI_MANAGED.has(field)) return false;
    const protection = protectionOf(uid, field);
    return !!protection && protection.owner !== owner;
  });
  if (fields.length === 0) return;

  const stored = documentId ? await storedValues(strapi, uid, documentId, fields, attributes) : null;
  for (const field of fields) {
    const attribute = attributes[field];
    const passes = stored ? isUnchanged(attribute, data[field], stored[field]) : isEmptyValue(attribute, data[field]);
    if (!passes) {
      const message = refusalOf(field, protectionOf(uid, field)!);
      throw invalidField([field], message);
    }
    delete data[field];
  }
}

const WRITES = new Set(['create', 'update', 'clone']);
const READS = new Set(['findOne', 'findMany', 'findFirst', 'count']);

/** Registers the check; register it before every other Document Service middleware (see register.ts). */
export function registerProtectedFields(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context;
    if (!hasProtectedFields(uid) || READS.has(action)) return next();
    const params = context.params as { data?: Record<string, unknown>; documentId?: string };
    if (WRITES.has(action) && params.data) {
      await refuseProtectedFieldChanges(strapi, uid, action === 'create' ? null : params.documentId ?? null, params.data);
    }
    const owned = OWNED_TYPES[uid];
    if (owned && writer.getStore() !== owned.owner) {
      const reason = owned.reason.charAt(0).toLowerCase() + owned.reason.slice(1);
      throw forbidden(`${owned.name} are ${reason}; they cannot be created, changed or deleted directly`);
    }
    return next();
  });
}
