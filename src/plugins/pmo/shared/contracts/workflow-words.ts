/**
 * The words of the workflow definition's messages (workflow-definition.ts): a value as typed, a
 * state or transition by its name or position, whom an issue is about, and an unknown property
 * with what the part may hold. Pure.
 */
import { capitalise, closest, humanise, listWords } from '../words';

/* ---------------------------------------------------------------------------------------------
 * Values in words
 * -------------------------------------------------------------------------------------------*/

export const SHOW_LIMIT = 60;

const hasOwn = (object: object, property: string) => Object.prototype.hasOwnProperty.call(object, property);

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A value as a person typed it, for a message: text quoted and cut short (`"teal"`), numbers and
 * flags as they are (`1.5`, `true`), anything else by what it is ("a list", "a set of fields"),
 * never dumped as JSON. Bounded work whatever the input (huge text, proxies, throwing getters).
 */
export function show(value: unknown): string {
  try {
    if (value === undefined || value === null) return 'nothing';
    if (typeof value === 'string') return JSON.stringify(value.length > SHOW_LIMIT ? `${value.slice(0, SHOW_LIMIT)}…` : value);
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
    if (typeof value === 'symbol') return 'a symbol';
    if (typeof value === 'function') return 'a function';
    if (Array.isArray(value)) return value.length ? 'a list' : 'an empty list';
    return 'a set of fields';
  } catch {
    return 'an unreadable value';
  }
}

/** What a value of the wrong kind is: `"done"`, `7`, "a list", "a set of fields". */
export const describeType = show;

/* ---------------------------------------------------------------------------------------------
 * Naming states and transitions
 * -------------------------------------------------------------------------------------------*/

export type ItemKind = 'state' | 'transition';

/** A state or a transition by its position, as a message names one without a name: `State 2`. */
export const positionSubject = (kind: ItemKind, index: number): string => `${capitalise(kind)} ${index + 1}`;

/** What names an item: a state's name, a transition's label. */
const NAME_PROPERTY: Record<ItemKind, string> = { state: 'name', transition: 'label' };

/** A state's name or a transition's label as given (trimmed, cut short), or '' when it has none that reads. */
export function itemName(kind: ItemKind, raw: unknown): string {
  try {
    if (!isRecord(raw) || !hasOwn(raw, NAME_PROPERTY[kind])) return '';
    const text = raw[NAME_PROPERTY[kind]];
    const name = typeof text === 'string' ? text.slice(0, SHOW_LIMIT + 1).replace(/\s+/g, ' ').trim() : '';
    return name.length > SHOW_LIMIT ? `${name.slice(0, SHOW_LIMIT)}…` : name;
  } catch {
    return '';
  }
}

/** How a message names a state or a transition: `The state “Assessment”`, or `State 2` without a name. */
export function itemSubject(kind: ItemKind, raw: unknown, index: number): string {
  const name = itemName(kind, raw);
  return name ? `The ${kind} “${name}”` : positionSubject(kind, index);
}

export type Issue = { input?: unknown; path?: PropertyKey[]; params?: Record<string, unknown> };

/**
 * Whom an issue is about, the first words of its message: `State 2`, `Transition 9` (by position:
 * the server puts the name in their place), or `The workflow`.
 */
export function subjectOf(issue: Issue): string {
  const [kind, index] = issue.path ?? [];
  if (typeof index === 'number' && kind === 'states') return positionSubject('state', index);
  if (typeof index === 'number' && kind === 'transitions') return positionSubject('transition', index);
  return 'The workflow';
}

/** The entry of a transition's list an issue lies in: `actor 1`, `guard 2`. */
export function entryOf(issue: Issue, list: 'actors' | 'guards' | 'effects'): string {
  const path = issue.path ?? [];
  const index = path[path.indexOf(list) + 1];
  const singular = list.slice(0, -1);
  return typeof index === 'number' ? `${singular} ${index + 1}` : singular;
}

/** The parts of a definition, each with what it holds as a person says it (for unknown properties). */
export type Part = 'definition' | 'state' | 'transition' | 'approvals' | 'actor';

const PART_WORDS: Record<Part, Record<string, string>> = {
  definition: {
    key: 'a key',
    name: 'a name',
    description: 'a description',
    appliesTo: 'the content type it governs',
    states: 'its states',
    initial: 'the first state',
    transitions: 'its transitions',
  },
  state: { key: 'a key', name: 'a name', color: 'a colour', terminal: 'whether it is terminal', description: 'a description' },
  transition: {
    key: 'a key',
    label: 'a label',
    from: 'the states it starts from',
    to: 'the state it goes to',
    actors: 'who may fire it',
    approvals: 'its approvals',
    guards: 'its guards',
    effects: 'its effects',
    requireComment: 'whether a comment is required',
  },
  approvals: {
    quorum: 'a quorum',
    excludeRequester: 'whether whoever raised the item or moved it here may approve',
    excludeFields: 'the people who may not approve',
  },
  actor: { role: 'a role', field: 'a person field' },
};

const PART_HOLDS: Record<Part, string> = {
  definition: 'a workflow has',
  state: 'a state has',
  transition: 'a transition has',
  approvals: 'approvals have',
  actor: 'an actor is',
};

/** "its colour, written color": the words for a property, with its spelling where the words differ. */
function meaning(property: string, words: string): string {
  const its = words.replace(/^an? /, 'its ');
  return words.endsWith(humanise(property)) ? its : `${its}, written ${property}`;
}

/** `State 1 has no field "colour" (did you mean its colour, written color?); a state has …`. */
export function unknownProperty(part: Part, issue: Issue): string {
  const typed = String(issue.params?.property ?? issue.path?.[issue.path.length - 1] ?? '');
  const words = PART_WORDS[part];
  const suggestion = closest(typed, Object.keys(words));
  const did = suggestion ? ` (did you mean ${meaning(suggestion, words[suggestion])}?)` : '';
  const owner =
    part === 'approvals'
      ? `${subjectOf(issue)}: its approvals have`
      : part === 'actor'
        ? `${subjectOf(issue)}: ${entryOf(issue, 'actors')} has`
        : `${subjectOf(issue)} has`;
  return `${owner} no field ${show(typed)}${did}; ${PART_HOLDS[part]} ${listWords(Object.values(words), part === 'actor' ? 'or' : 'and')}`;
}
