/** What the editor suggests from the content types' schemas (the Content Manager's /init). Pure. */
import type { ComponentInfo, ContentTypeInfo } from '../../../api/client';

import { OWNED_TYPES } from '../../../../../shared/contracts/protected-fields';
import { PERSON_UID } from '../../../../../shared/contracts/uids';

export { PERSON_UID };

const SCALAR = new Set([
  'string', 'text', 'richtext', 'email', 'enumeration', 'boolean', 'integer', 'biginteger',
  'decimal', 'float', 'date', 'datetime', 'time', 'uid',
]);
/** Fields a `set` effect may not write (server/src/workflow/effects). */
const PROTECTED = new Set(['id', 'documentId', 'workflowState', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale']);

const isScalar = (type: string) => SCALAR.has(type) || type === 'customField';

export const findType = (contentTypes: ContentTypeInfo[], uid: string) =>
  contentTypes.find((type) => type.uid === uid);

/**
 * Content types a workflow can govern: they have the `workflowState` mirror field (every
 * collection type of the app and the plugin), but for those the engine keeps itself.
 */
export const governableTypes = (contentTypes: ContentTypeInfo[]) =>
  contentTypes.filter((type) => 'workflowState' in (type.attributes ?? {}) && !(type.uid in OWNED_TYPES));

/**
 * Whether the type's items are published (draft & publish): only then may a workflow say which
 * states publishing needs. The Content Manager's /init gives each type its schema options.
 */
export const hasDraftAndPublish = (type: ContentTypeInfo | undefined) =>
  Boolean((type as { options?: { draftAndPublish?: boolean } } | undefined)?.options?.draftAndPublish);

const directPersonRelations = (type: ContentTypeInfo | undefined) =>
  Object.entries(type?.attributes ?? {})
    .filter(([, a]) => a.type === 'relation' && a.target === PERSON_UID)
    .map(([name]) => name);

/**
 * The people an item points to: the `{ field }` actors and approval exclusions. Its own person
 * relations (`sponsor`), then one step through its other relations (`project.manager` on a change
 * request), as the engine reads dotted paths.
 */
export const personRelations = (type: ContentTypeInfo | undefined, contentTypes: ContentTypeInfo[] = []) => [
  ...directPersonRelations(type),
  ...Object.entries(type?.attributes ?? {})
    .filter(([, a]) => a.type === 'relation' && a.target && a.target !== PERSON_UID)
    .flatMap(([name, a]) => directPersonRelations(findType(contentTypes, a.target as string)).map((field) => `${name}.${field}`)),
];

const isToOne = (attribute: { type: string; relation?: string }) =>
  attribute.type === 'relation' && (attribute.relation === 'manyToOne' || attribute.relation === 'oneToOne');

/**
 * The people a `notify` effect can write to (`field:<path>`): the actors' paths (personRelations),
 * then two steps through related items each one of a kind (`project.programme.manager` on a risk:
 * the programme's manager of the risk's project), as the engine follows dotted paths.
 */
export function recipientPaths(type: ContentTypeInfo | undefined, contentTypes: ContentTypeInfo[] = []) {
  const paths = personRelations(type, contentTypes);
  for (const [first, a] of Object.entries(type?.attributes ?? {})) {
    if (!isToOne(a) || a.target === PERSON_UID) continue;
    const middle = findType(contentTypes, a.target as string);
    for (const [second, b] of Object.entries(middle?.attributes ?? {})) {
      if (!isToOne(b) || b.target === PERSON_UID || b.target === type?.uid) continue;
      for (const field of directPersonRelations(findType(contentTypes, b.target as string))) paths.push(`${first}.${second}.${field}`);
    }
  }
  return [...new Set(paths)];
}

/** Every relation of the type (the `children` guard). */
export const relations = (type: ContentTypeInfo | undefined) =>
  Object.entries(type?.attributes ?? {})
    .filter(([, a]) => a.type === 'relation')
    .map(([name]) => name);

/** Relations on `type` that point at `targetUid` (the `noOpen` guard's `via`). */
export const relationsTo = (type: ContentTypeInfo | undefined, targetUid: string) =>
  Object.entries(type?.attributes ?? {})
    .filter(([, a]) => a.type === 'relation' && a.target === targetUid)
    .map(([name]) => name);

/** Paths a field guard can read: plain fields, relations, and one level into components. */
export function fieldPaths(type: ContentTypeInfo | undefined, components: ComponentInfo[]) {
  const paths: string[] = [];
  for (const [name, attribute] of Object.entries(type?.attributes ?? {})) {
    if (attribute.type === 'component' && attribute.component) {
      const component = components.find((c) => c.uid === attribute.component);
      for (const [inner, innerAttribute] of Object.entries(component?.attributes ?? {})) {
        if (isScalar(innerAttribute.type)) paths.push(`${name}.${inner}`);
      }
    } else if (isScalar(attribute.type) || attribute.type === 'relation') {
      paths.push(name);
    }
  }
  return paths.sort();
}

/** Plain fields a `set` effect may write. */
export const settableFields = (type: ContentTypeInfo | undefined) =>
  Object.entries(type?.attributes ?? {})
    .filter(([name, a]) => isScalar(a.type) && !PROTECTED.has(name))
    .map(([name]) => name)
    .sort();
