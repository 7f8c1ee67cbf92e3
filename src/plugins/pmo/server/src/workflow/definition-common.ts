/**
 * The validator's vocabulary: the context and result types, the limits, the problem list and
 * the readers every part shares (text, keys, flags, descriptions, unknown properties, `show`).
 * Pure, like the rest of the validator.
 */
import { PERSON_UID } from '../../../shared/contracts/uids';
import type { DefinitionProblem, WorkflowDefinition } from '../../../shared/workflow-types';

/** Problems of one guard/effect config, [] when fine. Receives the whole item, `type` included. */
export type ConfigValidator = (config: Record<string, unknown>) => string[];

export type ValidationContext = {
  /** Known guard types → their config validator. */
  guards: Record<string, ConfigValidator>;
  /** Known effect types → their config validator. */
  effects: Record<string, ConfigValidator>;
  /** Known PMO role keys (admin role codes), e.g. 'pmo-director', 'change-board'. */
  roles: string[];
  /** Known target content types by uid. */
  contentTypes: Record<
    string,
    { attributes: Record<string, { type: string; relation?: string; target?: string }> }
  >;
  /** The person content type that `{ field }` actors must point to. Default 'api::person.person'. */
  personUid?: string;
};

export type ValidationResult =
  | { ok: true; definition: WorkflowDefinition }
  | { ok: false; problems: DefinitionProblem[] };

export const DEFAULT_PERSON_UID = PERSON_UID;
export const KEY_PATTERN = /^[a-z][a-z0-9-]{1,62}$/;
export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
export const MAX_NAME_LENGTH = 120;
export const MAX_QUORUM = 50;

export const DEFINITION_PROPERTIES = [
  'key',
  'name',
  'appliesTo',
  'initial',
  'states',
  'transitions',
  'description',
];
export const STATE_PROPERTIES = ['key', 'name', 'color', 'terminal', 'description'];
export const TRANSITION_PROPERTIES = [
  'key',
  'label',
  'from',
  'to',
  'actors',
  'approvals',
  'guards',
  'effects',
  'requireComment',
];
export const APPROVAL_PROPERTIES = ['quorum', 'excludeRequester', 'excludeFields'];
export const KEY_RULE =
  'must start with a lowercase letter and use only lowercase letters, digits and hyphens (2 to 63 characters)';

export type Obj = Record<string, unknown>;

export const hasOwn = (object: object, property: string): boolean =>
  Object.prototype.hasOwnProperty.call(object, property);

export const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An optional property: absent, undefined or null all mean "not given". */
export const given = (object: Obj, property: string): boolean =>
  hasOwn(object, property) && object[property] !== undefined && object[property] !== null;

export const SHOW_LIMIT = 60;

/**
 * A value as a person would read it in a message: strings quoted, others JSON-like, cut short.
 * Bounded work whatever the input (huge, deep, shared or circular structures, throwing getters).
 */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text = '';
  const walk = (v: unknown, depth: number): void => {
    if (text.length > SHOW_LIMIT) return;
    if (typeof v === 'string') text += JSON.stringify(v.slice(0, SHOW_LIMIT + 1));
    else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint')
      text += String(v);
    else if (v === null) text += 'null';
    else if (v === undefined) text += 'undefined';
    else if (typeof v === 'symbol') text += v.toString();
    else if (typeof v === 'function') text += 'a function';
    else if (depth > 4) text += '...';
    else if (Array.isArray(v)) {
      text += '[';
      for (let i = 0; i < v.length && text.length <= SHOW_LIMIT; i++) {
        if (i) text += ',';
        walk(v[i], depth + 1);
      }
      text += ']';
    } else {
      text += '{';
      let first = true;
      for (const k in v as object) {
        if (text.length > SHOW_LIMIT) break;
        if (!hasOwn(v as object, k)) continue;
        text += `${first ? '' : ','}${JSON.stringify(k.slice(0, SHOW_LIMIT + 1))}:`;
        first = false;
        walk((v as Obj)[k], depth + 1);
      }
      text += '}';
    }
  };
  try {
    walk(value, 0);
  } catch {
    return Array.isArray(value) ? 'a list' : `an unreadable ${typeof value}`;
  }
  return text.length > SHOW_LIMIT ? `${text.slice(0, SHOW_LIMIT - 3)}...` : text;
}

export const describeType = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list (${show(value)})`;
  if (typeof value === 'object') return `an object (${show(value)})`;
  return `${show(value)}`;
};

export const quoteList = (values: string[]): string => {
  if (!values.length) return '(none)';
  const shown = values
    .slice(0, 20)
    .map((v) => show(v))
    .join(', ');
  return values.length > 20 ? `${shown} and ${values.length - 20} more` : shown;
};

export const ownKeys = (record: Record<string, unknown> | undefined | null): string[] => {
  if (!isObject(record)) return [];
  return Object.keys(record).sort();
};

export class Problems {
  readonly list: DefinitionProblem[] = [];
  add(path: string, message: string): void {
    this.list.push({ path, message });
  }
}

/** Reports properties outside `allowed`; `what` names the object in the message. */
export function checkUnknownProperties(
  object: Obj,
  allowed: string[],
  path: string,
  what: string,
  problems: Problems
): void {
  for (const property of Object.keys(object)) {
    if (allowed.includes(property)) continue;
    const suggestion = closest(property, allowed);
    problems.add(
      path ? `${path}.${property}` : property,
      `${what} has an unknown property ${show(property)}` +
        (suggestion ? ` (did you mean ${JSON.stringify(suggestion)}?)` : '') +
        `; allowed: ${allowed.join(', ')}`
    );
  }
}

/** The allowed name closest to a typo, if it is close enough to be a likely intent. */
export function closest(typo: string, allowed: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const distance = editDistance(typo.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 4))
    ? best
    : undefined;
}

export function editDistance(a: string, b: string): number {
  if (a.length > 100 || b.length > 100) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * A required non-empty display text (trimmed, at most MAX_NAME_LENGTH characters).
 * Returns the trimmed text, or undefined after reporting.
 */
export function readText(
  object: Obj,
  property: string,
  path: string,
  what: string,
  problems: Problems
): string | undefined {
  const value = object[property];
  if (!given(object, property)) {
    problems.add(path, `${what} is required`);
    return undefined;
  }
  if (typeof value !== 'string') {
    problems.add(path, `${what} must be text, not ${describeType(value)}`);
    return undefined;
  }
  const text = value.trim();
  if (!text) {
    problems.add(path, `${what} must not be empty`);
    return undefined;
  }
  if (text.length > MAX_NAME_LENGTH) {
    problems.add(
      path,
      `${what} ${show(text)} is ${text.length} characters long; use at most ${MAX_NAME_LENGTH}`
    );
    return undefined;
  }
  return text;
}

/** A required key (trimmed, KEY_PATTERN). Returns it, or undefined after reporting. */
export function readKey(
  object: Obj,
  property: string,
  path: string,
  what: string,
  problems: Problems
): string | undefined {
  const value = object[property];
  if (!given(object, property)) {
    problems.add(path, `${what} is required`);
    return undefined;
  }
  if (typeof value !== 'string') {
    problems.add(path, `${what} must be text, not ${describeType(value)}`);
    return undefined;
  }
  const key = value.trim();
  if (!KEY_PATTERN.test(key)) {
    problems.add(path, `${what} ${show(value)} ${KEY_RULE}, e.g. "in-review"`);
    return undefined;
  }
  return key;
}

/** An optional boolean; returns it (default false), reporting anything else. */
export function readFlag(
  object: Obj,
  property: string,
  path: string,
  what: string,
  problems: Problems
): boolean {
  if (!given(object, property)) return false;
  const value = object[property];
  if (typeof value !== 'boolean') {
    problems.add(path, `${what} must be true or false, not ${describeType(value)}`);
    return false;
  }
  return value;
}

/** An optional description: text, trimmed, omitted when empty. */
export function readDescription(
  object: Obj,
  path: string,
  what: string,
  problems: Problems
): string | undefined {
  if (!given(object, 'description')) return undefined;
  const value = object.description;
  if (typeof value !== 'string') {
    problems.add(path, `${what} must be text, not ${describeType(value)}`);
    return undefined;
  }
  return value.trim() || undefined;
}
