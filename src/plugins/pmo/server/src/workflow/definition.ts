/**
 * The workflow definition validator (DESIGN.md, "The workflow engine (low-code)").
 *
 * Pure: no Strapi, no I/O. Given any input (a draft from the editor, a JSON body, a seed file)
 * and what the running application knows (guard and effect catalogues, PMO roles, content types),
 * it either returns the canonical definition to store or every problem found, each located by a
 * JSON path (`states[1].key`, `transitions[0].from[1]`, `transitions[2].guards[0].type`) and
 * worded so that a PMO administrator can fix it. It never throws.
 */
import type {
  ActorRule,
  Approvals,
  DefinitionProblem,
  EffectConfig,
  GuardConfig,
  WorkflowDefinition,
  WorkflowState,
  WorkflowTransition,
} from '../../../shared/workflow-types';
import { PERSON_UID as DEFAULT_PERSON_UID } from '../../../shared/contracts/uids';

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

export const KEY_PATTERN = /^[a-z][a-z0-9-]{1,62}$/;
export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
export const MAX_NAME_LENGTH = 120;
export const MAX_QUORUM = 50;

const DEFINITION_PROPERTIES = [
  'key',
  'name',
  'appliesTo',
  'initial',
  'states',
  'transitions',
  'description',
];
const STATE_PROPERTIES = ['key', 'name', 'color', 'terminal', 'description'];
const TRANSITION_PROPERTIES = [
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
const APPROVAL_PROPERTIES = ['quorum', 'excludeRequester', 'excludeFields'];
const KEY_RULE =
  'must start with a lowercase letter and use only lowercase letters, digits and hyphens (2 to 63 characters)';

type Obj = Record<string, unknown>;

const hasOwn = (object: object, property: string): boolean =>
  Object.prototype.hasOwnProperty.call(object, property);

const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An optional property: absent, undefined or null all mean "not given". */
const given = (object: Obj, property: string): boolean =>
  hasOwn(object, property) && object[property] !== undefined && object[property] !== null;

const SHOW_LIMIT = 60;

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

const describeType = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list (${show(value)})`;
  if (typeof value === 'object') return `an object (${show(value)})`;
  return `${show(value)}`;
};

const quoteList = (values: string[]): string => {
  if (!values.length) return '(none)';
  const shown = values
    .slice(0, 20)
    .map((v) => show(v))
    .join(', ');
  return values.length > 20 ? `${shown} and ${values.length - 20} more` : shown;
};

const ownKeys = (record: Record<string, unknown> | undefined | null): string[] => {
  if (!isObject(record)) return [];
  return Object.keys(record).sort();
};

class Problems {
  readonly list: DefinitionProblem[] = [];
  add(path: string, message: string): void {
    this.list.push({ path, message });
  }
}

/** Reports properties outside `allowed`; `what` names the object in the message. */
function checkUnknownProperties(
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
function closest(typo: string, allowed: string[]): string | undefined {
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

function editDistance(a: string, b: string): number {
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
function readText(
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
function readKey(
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
function readFlag(
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
function readDescription(
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

/** `terminal` is null when the flag was given but unreadable: the graph checks then do not guess. */
type StateEntry = { key: string; index: number; terminal: boolean | null };

function validateStates(
  input: unknown,
  problems: Problems
): { states: WorkflowState[]; byKey: Map<string, StateEntry> } {
  const states: WorkflowState[] = [];
  const byKey = new Map<string, StateEntry>();
  if (input === undefined || input === null) {
    problems.add(
      'states',
      'states are required: list at least one state, e.g. [{ "key": "new", "name": "New" }]'
    );
    return { states, byKey };
  }
  if (!Array.isArray(input)) {
    problems.add('states', `states must be a list of states, not ${describeType(input)}`);
    return { states, byKey };
  }
  if (input.length === 0) {
    problems.add('states', 'states must list at least one state');
    return { states, byKey };
  }
  input.forEach((raw: unknown, index: number) => {
    const path = `states[${index}]`;
    if (!isObject(raw)) {
      problems.add(
        path,
        `state ${index + 1} must be an object like { "key": "new", "name": "New" }, not ${describeType(raw)}`
      );
      return;
    }
    const label =
      typeof raw.key === 'string' && raw.key.trim()
        ? `state ${show(raw.key.trim())}`
        : `state ${index + 1}`;
    checkUnknownProperties(raw, STATE_PROPERTIES, path, label, problems);
    const key = readKey(raw, 'key', `${path}.key`, `${label}: key`, problems);
    const name = readText(raw, 'name', `${path}.name`, `${label}: name`, problems);
    let color: string | undefined;
    if (given(raw, 'color')) {
      const value = raw.color;
      if (typeof value !== 'string' || !COLOR_PATTERN.test(value.trim())) {
        problems.add(
          `${path}.color`,
          `${label}: color ${show(value)} must be a hex colour like "#4945FF"`
        );
      } else {
        color = value.trim();
      }
    }
    const before = problems.list.length;
    const terminal = readFlag(raw, 'terminal', `${path}.terminal`, `${label}: terminal`, problems);
    const terminalKnown = problems.list.length === before;
    const description = readDescription(
      raw,
      `${path}.description`,
      `${label}: description`,
      problems
    );

    if (key !== undefined) {
      const first = byKey.get(key);
      if (first) {
        problems.add(
          `${path}.key`,
          `state key ${show(key)} is used twice (first at states[${first.index}]); state keys must be unique`
        );
      } else {
        byKey.set(key, { key, index, terminal: terminalKnown ? terminal : null });
      }
    }
    const state: WorkflowState = { key: key ?? '', name: name ?? '', terminal };
    if (color !== undefined) state.color = color;
    if (description !== undefined) state.description = description;
    states.push(state);
  });
  return { states, byKey };
}

type TargetType = ValidationContext['contentTypes'][string] | undefined;

/**
 * Why `path` is not a relation to a person on the target, or null when it is. A path is a
 * relation name (`raisedBy`) or relations followed through related types (`project.manager`:
 * the manager of the item's project).
 */
function personPathProblem(
  path: string,
  context: ValidationContext,
  appliesTo: string | undefined,
  target: TargetType
): string | null {
  if (!target || appliesTo === undefined) return null;
  const personUid = context.personUid ?? DEFAULT_PERSON_UID;
  const contentTypes = isObject(context.contentTypes) ? context.contentTypes : {};
  const segments = path.split('.');
  let uid = appliesTo;
  let type: TargetType = target;
  for (let i = 0; i < segments.length; i++) {
    const name = segments[i];
    const last = i === segments.length - 1;
    const attributes: Record<string, { type: string; relation?: string; target?: string }> =
      type && isObject(type.attributes) ? type.attributes : {};
    const attribute: { type: string; target?: string } | undefined = hasOwn(attributes, name) ? attributes[name] : undefined;
    const personFields = Object.keys(attributes)
      .filter((key) => {
        const a = attributes[key];
        return isObject(a) && a.type === 'relation' && a.target === personUid;
      })
      .sort();
    const hint = last ? `; relations to ${personUid} on ${uid}: ${quoteList(personFields)}` : '';
    const where = segments.length > 1 ? ` (in ${show(path)})` : '';
    if (!name) return `actor field ${show(path)} must be relation names joined by dots, e.g. "project.manager"`;
    if (!isObject(attribute)) return `${uid} has no field ${show(name)}${where}${hint}`;
    if (attribute.type !== 'relation') {
      return `field ${show(name)} of ${uid}${where} is a ${show(attribute.type)} attribute, not a relation${last ? ` to ${personUid}` : ''}${hint}`;
    }
    if (last) {
      if (attribute.target !== personUid) {
        return `field ${show(name)} of ${uid}${where} relates to ${show(attribute.target)}, not to ${personUid}${hint}`;
      }
      return null;
    }
    const next: string = typeof attribute.target === 'string' ? attribute.target : '';
    if (!hasOwn(contentTypes, next) || !isObject(contentTypes[next])) {
      return `field ${show(name)} of ${uid}${where} relates to ${show(next)}, whose fields are unknown`;
    }
    uid = next;
    type = contentTypes[next];
  }
  return null;
}

function validateActors(
  raw: Obj,
  path: string,
  label: string,
  context: ValidationContext,
  appliesTo: string | undefined,
  target: TargetType,
  problems: Problems
): ActorRule[] {
  const actors: ActorRule[] = [];
  if (!given(raw, 'actors')) return actors;
  const list = raw.actors;
  if (!Array.isArray(list)) {
    problems.add(
      `${path}.actors`,
      `${label}: actors must be a list like [{ "role": "change-board" }], not ${describeType(list)}`
    );
    return actors;
  }
  const roles = Array.isArray(context.roles) ? context.roles : [];
  list.forEach((actor: unknown, index: number) => {
    const actorPath = `${path}.actors[${index}]`;
    if (!isObject(actor)) {
      problems.add(
        actorPath,
        `${label}: actor ${show(actor)} must be { "role": "<role key>" } or { "field": "<relation to a person>" }`
      );
      return;
    }
    const hasRole = given(actor, 'role');
    const hasField = given(actor, 'field');
    const extra = Object.keys(actor).filter((k) => k !== 'role' && k !== 'field');
    for (const property of extra) {
      problems.add(
        `${actorPath}.${property}`,
        `${label}: actor has an unknown property ${show(property)}; an actor is { "role": ... } or { "field": ... }`
      );
    }
    if (hasRole && hasField) {
      problems.add(
        actorPath,
        `${label}: actor ${show(actor)} names both a role and a field; use one actor for each`
      );
      return;
    }
    if (!hasRole && !hasField) {
      problems.add(
        actorPath,
        `${label}: actor ${show(actor)} needs a "role" (a PMO role key) or a "field" (a relation to a person)`
      );
      return;
    }
    if (hasRole) {
      const value = actor.role;
      if (typeof value !== 'string' || !value.trim()) {
        problems.add(
          `${actorPath}.role`,
          `${label}: actor role must be a role key, not ${describeType(value)}`
        );
        return;
      }
      const role = value.trim();
      if (!roles.includes(role)) {
        problems.add(
          `${actorPath}.role`,
          `${label}: unknown role ${show(role)}; known roles: ${quoteList([...roles].sort())}`
        );
        return;
      }
      actors.push({ role });
      return;
    }
    const value = actor.field;
    if (typeof value !== 'string' || !value.trim()) {
      problems.add(
        `${actorPath}.field`,
        `${label}: actor field must be the name of a relation to a person, not ${describeType(value)}`
      );
      return;
    }
    const field = value.trim();
    const problem = personPathProblem(field, context, appliesTo, target);
    if (problem) {
      problems.add(`${actorPath}.field`, `${label}: ${problem}`);
      return;
    }
    actors.push({ field });
  });
  return actors;
}

function validateApprovals(
  raw: Obj,
  path: string,
  label: string,
  actorsGiven: boolean,
  context: ValidationContext,
  appliesTo: string | undefined,
  target: TargetType,
  problems: Problems
): Approvals | undefined {
  if (!given(raw, 'approvals')) return undefined;
  const value = raw.approvals;
  const approvalsPath = `${path}.approvals`;
  if (!isObject(value)) {
    problems.add(
      approvalsPath,
      `${label}: approvals must be an object like { "quorum": 2 }, not ${describeType(value)}`
    );
    return undefined;
  }
  checkUnknownProperties(
    value,
    APPROVAL_PROPERTIES,
    approvalsPath,
    `${label}: approvals`,
    problems
  );
  const quorum = value.quorum;
  let ok = true;
  if (!given(value, 'quorum')) {
    problems.add(
      `${approvalsPath}.quorum`,
      `${label}: approvals need a quorum: how many distinct actors must approve, a whole number from 1 to ${MAX_QUORUM}`
    );
    ok = false;
  } else if (
    typeof quorum !== 'number' ||
    !Number.isInteger(quorum) ||
    quorum < 1 ||
    quorum > MAX_QUORUM
  ) {
    problems.add(
      `${approvalsPath}.quorum`,
      `${label}: approval quorum ${show(quorum)} must be a whole number from 1 to ${MAX_QUORUM}`
    );
    ok = false;
  }
  const excludeRequester = readFlag(
    value,
    'excludeRequester',
    `${approvalsPath}.excludeRequester`,
    `${label}: approvals.excludeRequester`,
    problems
  );
  const excludeFields: string[] = [];
  if (given(value, 'excludeFields')) {
    const list = value.excludeFields;
    if (!Array.isArray(list)) {
      problems.add(
        `${approvalsPath}.excludeFields`,
        `${label}: approvals.excludeFields must be a list of person fields like ["raisedBy"], not ${describeType(list)}`
      );
      ok = false;
    } else {
      list.forEach((entry: unknown, i: number) => {
        const entryPath = `${approvalsPath}.excludeFields[${i}]`;
        if (typeof entry !== 'string' || !entry.trim()) {
          problems.add(entryPath, `${label}: approvals.excludeFields entries must name a relation to a person, not ${describeType(entry)}`);
          ok = false;
          return;
        }
        const problem = personPathProblem(entry.trim(), context, appliesTo, target);
        if (problem) {
          problems.add(entryPath, `${label}: approvals.excludeFields: ${problem}`);
          ok = false;
          return;
        }
        if (!excludeFields.includes(entry.trim())) excludeFields.push(entry.trim());
      });
    }
  }
  if (!actorsGiven) {
    problems.add(
      approvalsPath,
      `${label}: approvals need actors who may vote; add at least one actor (a role or a person field)`
    );
  }
  if (!ok) return undefined;
  return excludeFields.length
    ? { quorum: quorum as number, excludeRequester, excludeFields }
    : { quorum: quorum as number, excludeRequester };
}

function validateCatalogueItems(
  raw: Obj,
  property: 'guards' | 'effects',
  path: string,
  label: string,
  catalogue: Record<string, ConfigValidator>,
  problems: Problems
): Array<GuardConfig | EffectConfig> {
  const items: Array<GuardConfig | EffectConfig> = [];
  if (!given(raw, property)) return items;
  const list = raw[property];
  const singular = property === 'guards' ? 'guard' : 'effect';
  const known = ownKeys(catalogue).filter((k) => typeof catalogue[k] === 'function');
  const example =
    property === 'guards' ? '[{ "type": "field", ... }]' : '[{ "type": "notify", ... }]';
  if (!Array.isArray(list)) {
    problems.add(
      `${path}.${property}`,
      `${label}: ${property} must be a list like ${example}, not ${describeType(list)}`
    );
    return items;
  }
  list.forEach((item: unknown, index: number) => {
    const itemPath = `${path}.${property}[${index}]`;
    if (!isObject(item)) {
      problems.add(
        itemPath,
        `${label}: ${singular} ${index + 1} must be an object with a "type" (one of ${quoteList(known)}), not ${describeType(item)}`
      );
      return;
    }
    const type = item.type;
    if (typeof type !== 'string' || !type.trim()) {
      problems.add(
        `${itemPath}.type`,
        `${label}: ${singular} ${index + 1} needs a "type", one of ${quoteList(known)}; got ${describeType(type)}`
      );
      return;
    }
    const trimmed = type.trim();
    if (!known.includes(trimmed)) {
      problems.add(
        `${itemPath}.type`,
        `${label}: unknown ${singular} type ${show(trimmed)}; known ${singular} types: ${quoteList(known)}`
      );
      return;
    }
    const config: Obj = { ...item, type: trimmed };
    let messages: unknown;
    try {
      messages = catalogue[trimmed](config);
    } catch (error) {
      const reason = error instanceof Error ? error.message : show(error);
      problems.add(
        itemPath,
        `${label}: ${singular} ${show(trimmed)} has an invalid configuration (${reason})`
      );
      return;
    }
    const found = Array.isArray(messages)
      ? messages.filter((m) => m !== undefined && m !== null && m !== '')
      : [];
    for (const message of found) {
      problems.add(itemPath, `${label}: ${singular} ${show(trimmed)}: ${String(message)}`);
    }
    if (!found.length) items.push(config as GuardConfig);
  });
  return items;
}

type TransitionEntry = { index: number; key?: string; from: string[]; to?: string };

function validateTransitions(
  input: unknown,
  byKey: Map<string, StateEntry>,
  statesKnown: boolean,
  context: ValidationContext,
  appliesTo: string | undefined,
  target: TargetType,
  problems: Problems
): { transitions: WorkflowTransition[]; edges: TransitionEntry[] } {
  const transitions: WorkflowTransition[] = [];
  const edges: TransitionEntry[] = [];
  if (input === undefined || input === null) {
    problems.add(
      'transitions',
      'transitions are required: give a list, e.g. [] for a single terminal state'
    );
    return { transitions, edges };
  }
  if (!Array.isArray(input)) {
    problems.add(
      'transitions',
      `transitions must be a list of transitions, not ${describeType(input)}`
    );
    return { transitions, edges };
  }
  const seen = new Map<string, number>();
  const guards = isObject(context.guards)
    ? (context.guards as Record<string, ConfigValidator>)
    : {};
  const effects = isObject(context.effects)
    ? (context.effects as Record<string, ConfigValidator>)
    : {};
  input.forEach((raw: unknown, index: number) => {
    const path = `transitions[${index}]`;
    if (!isObject(raw)) {
      problems.add(
        path,
        `transition ${index + 1} must be an object like { "key": "approve", "label": "Approve", "from": ["new"], "to": "approved" }, not ${describeType(raw)}`
      );
      return;
    }
    const label =
      typeof raw.key === 'string' && raw.key.trim()
        ? `transition ${show(raw.key.trim())}`
        : `transition ${index + 1}`;
    checkUnknownProperties(raw, TRANSITION_PROPERTIES, path, label, problems);
    const key = readKey(raw, 'key', `${path}.key`, `${label}: key`, problems);
    if (key !== undefined) {
      const first = seen.get(key);
      if (first !== undefined) {
        problems.add(
          `${path}.key`,
          `transition key ${show(key)} is used twice (first at transitions[${first}]); transition keys must be unique`
        );
      } else {
        seen.set(key, index);
      }
    }
    const text = readText(raw, 'label', `${path}.label`, `${label}: label`, problems);

    // from
    const from: string[] = [];
    if (!given(raw, 'from')) {
      problems.add(
        `${path}.from`,
        `${label}: "from" is required: list the states it starts from, e.g. ["new"]`
      );
    } else if (!Array.isArray(raw.from)) {
      problems.add(
        `${path}.from`,
        `${label}: "from" must be a list of state keys like ["new"], not ${describeType(raw.from)}`
      );
    } else if (raw.from.length === 0) {
      problems.add(`${path}.from`, `${label}: "from" must list at least one state`);
    } else {
      raw.from.forEach((value: unknown, i: number) => {
        const fromPath = `${path}.from[${i}]`;
        if (typeof value !== 'string' || !value.trim()) {
          problems.add(
            fromPath,
            `${label}: "from" entries must be state keys, not ${describeType(value)}`
          );
          return;
        }
        const state = value.trim();
        if (from.includes(state)) {
          problems.add(fromPath, `${label} lists state ${show(state)} twice in "from"`);
          return;
        }
        from.push(state);
        const entry = byKey.get(state);
        if (!entry) {
          if (statesKnown) {
            problems.add(
              fromPath,
              `${label} starts from unknown state ${show(state)}; states: ${quoteList([...byKey.keys()])}`
            );
          }
        } else if (entry.terminal) {
          problems.add(
            fromPath,
            `${label} starts from terminal state ${show(state)}; a terminal state has no way out (unmark it as terminal or remove it from "from")`
          );
        }
      });
    }

    // to
    let to: string | undefined;
    if (!given(raw, 'to')) {
      problems.add(`${path}.to`, `${label}: "to" is required: the state it leads to`);
    } else if (typeof raw.to !== 'string' || !raw.to.trim()) {
      problems.add(`${path}.to`, `${label}: "to" must be a state key, not ${describeType(raw.to)}`);
    } else {
      to = raw.to.trim();
      if (!byKey.has(to) && statesKnown) {
        problems.add(
          `${path}.to`,
          `${label} goes to unknown state ${show(to)}; states: ${quoteList([...byKey.keys()])}`
        );
      }
    }

    const actors = validateActors(raw, path, label, context, appliesTo, target, problems);
    const actorsGiven = Array.isArray(raw.actors) && raw.actors.length > 0;
    const approvals = validateApprovals(raw, path, label, actorsGiven, context, appliesTo, target, problems);
    const guardList = validateCatalogueItems(raw, 'guards', path, label, guards, problems);
    const effectList = validateCatalogueItems(raw, 'effects', path, label, effects, problems);
    const requireComment = readFlag(
      raw,
      'requireComment',
      `${path}.requireComment`,
      `${label}: requireComment`,
      problems
    );

    edges.push({ index, key, from, to });
    const transition: WorkflowTransition = {
      key: key ?? '',
      label: text ?? '',
      from,
      to: to ?? '',
      actors,
      guards: guardList as GuardConfig[],
      effects: effectList as EffectConfig[],
      requireComment,
    };
    if (approvals) transition.approvals = approvals;
    transitions.push(transition);
  });
  return { transitions, edges };
}

/** Reachability from `initial` and a way out of every non-terminal state. */
function checkGraph(
  initial: string | undefined,
  byKey: Map<string, StateEntry>,
  edges: TransitionEntry[],
  problems: Problems
): void {
  if (!byKey.size) return;
  // Ways out (a transition from the state to a different, known state), whatever `initial` is.
  for (const state of byKey.values()) {
    if (state.terminal !== false) continue;
    const out = edges.some(
      (e) =>
        e.from.includes(state.key) && e.to !== undefined && e.to !== state.key && byKey.has(e.to)
    );
    if (!out) {
      problems.add(
        `states[${state.index}]`,
        `state ${show(state.key)} is a dead end: no transition leads out of it to another state; add one or mark it terminal`
      );
    }
  }
  if (initial === undefined || !byKey.has(initial)) return;
  const reached = new Set<string>([initial]);
  const queue = [initial];
  while (queue.length) {
    const current = queue.shift() as string;
    if (byKey.get(current)?.terminal) continue; // nothing leaves a terminal state
    for (const edge of edges) {
      if (edge.to === undefined || !byKey.has(edge.to) || reached.has(edge.to)) continue;
      if (!edge.from.includes(current)) continue;
      reached.add(edge.to);
      queue.push(edge.to);
    }
  }
  for (const state of byKey.values()) {
    if (reached.has(state.key)) continue;
    problems.add(
      `states[${state.index}]`,
      `state ${show(state.key)} cannot be reached from the initial state ${show(initial)}; add a transition into it or remove it`
    );
  }
}

function validate(input: unknown, context: ValidationContext): ValidationResult {
  const problems = new Problems();
  if (!isObject(input)) {
    problems.add(
      '',
      `a workflow definition must be an object with key, name, appliesTo, initial, states and transitions, not ${describeType(input)}`
    );
    return { ok: false, problems: problems.list };
  }
  const ctx: ValidationContext = isObject(context)
    ? context
    : { guards: {}, effects: {}, roles: [], contentTypes: {} };

  checkUnknownProperties(input, DEFINITION_PROPERTIES, '', 'the workflow definition', problems);
  const key = readKey(input, 'key', 'key', 'workflow key', problems);
  const name = readText(input, 'name', 'name', 'workflow name', problems);
  const description = readDescription(input, 'description', 'workflow description', problems);

  let appliesTo: string | undefined;
  let target: TargetType;
  const contentTypes = isObject(ctx.contentTypes) ? ctx.contentTypes : {};
  const knownTypes = ownKeys(contentTypes);
  if (!given(input, 'appliesTo')) {
    problems.add(
      'appliesTo',
      `appliesTo is required: the content type the workflow governs, one of ${quoteList(knownTypes)}`
    );
  } else if (typeof input.appliesTo !== 'string' || !input.appliesTo.trim()) {
    problems.add(
      'appliesTo',
      `appliesTo must be a content type uid, not ${describeType(input.appliesTo)}`
    );
  } else {
    const uid = input.appliesTo.trim();
    if (!hasOwn(contentTypes, uid) || !isObject(contentTypes[uid])) {
      problems.add(
        'appliesTo',
        `appliesTo names unknown content type ${show(uid)}; known content types: ${quoteList(knownTypes)}`
      );
    } else {
      appliesTo = uid;
      target = contentTypes[uid];
    }
  }

  const { states, byKey } = validateStates(input.states, problems);
  const statesKnown = Array.isArray(input.states) && input.states.length > 0;

  let initial: string | undefined;
  if (!given(input, 'initial')) {
    problems.add(
      'initial',
      `initial is required: the state new items start in, one of ${quoteList([...byKey.keys()])}`
    );
  } else if (typeof input.initial !== 'string' || !input.initial.trim()) {
    problems.add('initial', `initial must be a state key, not ${describeType(input.initial)}`);
  } else {
    initial = input.initial.trim();
    if (!byKey.has(initial) && statesKnown) {
      problems.add(
        'initial',
        `initial state ${show(initial)} is not one of the states: ${quoteList([...byKey.keys()])}`
      );
    }
  }

  const { transitions, edges } = validateTransitions(
    input.transitions,
    byKey,
    statesKnown,
    ctx,
    appliesTo,
    target,
    problems
  );

  // Without a list of transitions every state would be a dead end: that is one problem, not many.
  if (Array.isArray(input.transitions)) checkGraph(initial, byKey, edges, problems);

  if (problems.list.length) return { ok: false, problems: problems.list };
  const definition: WorkflowDefinition = {
    key: key as string,
    name: name as string,
    appliesTo: appliesTo as string,
    initial: initial as string,
    states,
    transitions,
  };
  if (description !== undefined) definition.description = description;
  return { ok: true, definition };
}

/**
 * Validates a workflow definition and returns its canonical form (trimmed strings; defaults
 * `terminal: false`, `actors: []`, `guards: []`, `effects: []`, `requireComment: false`,
 * `approvals.excludeRequester: false`; null optional properties dropped), or every problem.
 * Never throws.
 */
export function validateDefinition(input: unknown, context: ValidationContext): ValidationResult {
  try {
    return validate(input, context);
  } catch (error) {
    // Last resort (e.g. a getter or proxy that throws): still an answer, never an exception.
    const reason = error instanceof Error ? error.message : 'unreadable value';
    return {
      ok: false,
      problems: [{ path: '', message: `the workflow definition could not be read (${reason})` }],
    };
  }
}

/** States of `previous` that `next` removes (by key). */
export function removedStates(previous: WorkflowDefinition, next: WorkflowDefinition): string[] {
  const keysOf = (definition: WorkflowDefinition | null | undefined): string[] =>
    definition && Array.isArray(definition.states)
      ? definition.states.filter((s) => isObject(s) && typeof s.key === 'string').map((s) => s.key)
      : [];
  const kept = new Set(keysOf(next));
  const removed: string[] = [];
  for (const key of keysOf(previous)) {
    if (!kept.has(key) && !removed.includes(key)) removed.push(key);
  }
  return removed;
}
