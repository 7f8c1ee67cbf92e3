/**
 * The validator's vocabulary: what it knows of the running application (the context), what it
 * answers, the problem list, and the words its messages share (a content type by its display
 * name, lists of names, the closest allowed name to a typo). Pure, like the rest of the validator.
 */
import type { Problem } from '../../../shared/contracts/common';
import { SHOW_LIMIT, show, type WorkflowDefinition } from '../../../shared/contracts/workflow';
import { OWNED_TYPES } from '../../../shared/contracts/protected-fields';
import { PERSON_UID } from '../../../shared/contracts/uids';
import { capitalise, inSentence, keyWords, listWords, withArticle } from '../../../shared/words';

export { show };
export { closest, editDistance } from '../../../shared/words';

/**
 * Problems of one guard/effect config, [] when fine: clauses in words, read after "in guard 2,"
 * ("choose the field to check"). Receives the whole item, `type` included.
 */
export type ConfigValidator = (config: Record<string, unknown>) => string[];

export type ContentTypeShape = {
  attributes: Record<string, { type: string; relation?: string; target?: string }>;
  /** How the admin panel names the type (Strapi's `info.displayName`), e.g. "Change request". */
  displayName?: string;
  /** Whether the type has draft & publish (only then may a workflow govern publishing). */
  draftAndPublish?: boolean;
};

export type ValidationContext = {
  /** Known guard types → their config validator. */
  guards: Record<string, ConfigValidator>;
  /** Known effect types → their config validator. */
  effects: Record<string, ConfigValidator>;
  /** Known PMO role keys (admin role codes), e.g. 'pmo-director', 'change-board'. */
  roles: string[];
  /** The admin roles' own names by code, for roles PMO Hub has no words for (e.g. one an administrator created). */
  roleNames?: Record<string, string>;
  /** Known target content types by uid. */
  contentTypes: Record<string, ContentTypeShape>;
  /** The person content type that `{ field }` actors must point to. Default 'api::person.person'. */
  personUid?: string;
};

export type ValidationResult = { ok: true; definition: WorkflowDefinition } | { ok: false; problems: Problem[] };

export const DEFAULT_PERSON_UID = PERSON_UID;

export type Obj = Record<string, unknown>;

export const hasOwn = (object: object, property: string): boolean => Object.prototype.hasOwnProperty.call(object, property);

export const isObject = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Values as typed, quoted: `"children", "field" and "noOpen"`; the first 20, then how many more. */
export const quoteList = (values: string[]): string => namesList(values.map((v) => show(v)));

/** Names for a message: "New, Assessment and Closed"; the first 20, then how many more; "none" for none. */
export function namesList(names: string[], last: 'and' | 'or' = 'and'): string {
  if (!names.length) return 'none';
  if (names.length <= 20) return listWords(names, last);
  return `${names.slice(0, 20).join(', ')} ${last} ${names.length - 20} more`;
}

/** Types the admin panel knows but the validator's context does not list. */
const OTHER_TYPE_WORDS: Record<string, string> = { 'admin::user': 'admin user' };

/** A content type as the admin panel names it: "Change request"; from its uid when the context has no name for it. */
export function typeName(uid: string, contentTypes: unknown): string {
  const known = isObject(contentTypes) && hasOwn(contentTypes, uid) && isObject(contentTypes[uid]) ? contentTypes[uid].displayName : undefined;
  if (typeof known === 'string' && known.trim()) return known.trim();
  if (hasOwn(OTHER_TYPE_WORDS, uid)) return capitalise(OTHER_TYPE_WORDS[uid]);
  const name = uid.slice(0, 200).split('::').pop()?.split('.').pop() || uid.slice(0, 200);
  const words = keyWords(name);
  return words.length > SHOW_LIMIT ? `${words.slice(0, SHOW_LIMIT)}…` : words;
}

/** One item of a content type, inside a sentence: "a change request", "an admin user". */
export const oneOf = (uid: string, contentTypes: unknown): string => withArticle(inSentence(typeName(uid, contentTypes)));

export const ownKeys = (record: Record<string, unknown> | undefined | null): string[] => (isObject(record) ? Object.keys(record).sort() : []);

/**
 * The content types a workflow may govern: those with a state field (every known one when none
 * has), never one the engine or notifications keep themselves (OWNED_TYPES).
 */
export function workflowTypes(context: ValidationContext): string[] {
  const uids = ownKeys(context.contentTypes).filter((uid) => !hasOwn(OWNED_TYPES, uid));
  const withState = uids.filter((uid) => {
    const attributes = (context.contentTypes[uid] as { attributes?: unknown } | null)?.attributes;
    return isObject(attributes) && hasOwn(attributes, 'workflowState');
  });
  return withState.length ? withState : uids;
}

export class Problems {
  readonly list: Problem[] = [];
  add(path: Problem['path'], message: string): void {
    this.list.push({ path, message });
  }
}
