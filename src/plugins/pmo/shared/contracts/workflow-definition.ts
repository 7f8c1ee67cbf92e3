/**
 * The workflow definition format (DESIGN.md, "The workflow engine"): a lifecycle as data. This
 * schema checks the shape of every part (keys, names, flags, lists, actors, approvals, guard and
 * effect items) and gives the canonical form: text trimmed, defaults filled (`terminal`,
 * `actors`, `guards`, `effects`, `requireComment`, `approvals.excludeRequester` false or empty),
 * null optional properties dropped. What needs the running application or the whole graph (known
 * content types, roles and guard types, state references, reachability) is checked on top of it
 * by the server (server/src/workflow/definition.ts), which also names each item in the messages
 * (`state "assess": name must not be empty`). Pure: no Strapi import.
 */
import { z } from './common';

export const KEY_PATTERN = /^[a-z][a-z0-9-]{1,62}$/;
export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
export const MAX_NAME_LENGTH = 120;
export const MAX_QUORUM = 50;
const KEY_RULE = 'must start with a lowercase letter and use only lowercase letters, digits and hyphens (2 to 63 characters)';

/** The `field` guard's operators. */
export const FIELD_OPS = ['exists', 'eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in'] as const;
export type FieldOp = (typeof FIELD_OPS)[number];

/* ---------------------------------------------------------------------------------------------
 * Values in words
 * -------------------------------------------------------------------------------------------*/

export const SHOW_LIMIT = 60;

const hasOwn = (object: object, property: string) => Object.prototype.hasOwnProperty.call(object, property);

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
    else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') text += String(v);
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
        walk((v as Record<string, unknown>)[k], depth + 1);
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

/** `a list ([1,2])`, `an object ({"en":"Change"})`, `"text"`, `42`. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list (${show(value)})`;
  if (typeof value === 'object') return `an object (${show(value)})`;
  return show(value);
}

/* ---------------------------------------------------------------------------------------------
 * Building blocks
 * -------------------------------------------------------------------------------------------*/

type Issue = { input?: unknown; path?: PropertyKey[] };

/** An optional property given as null reads as not given; so does a required one (then "is required"). */
function withoutNulls(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const entry = (value as Record<string, unknown>)[key];
    if (entry === null || entry === undefined) continue;
    Object.defineProperty(kept, key, { value: entry, enumerable: true, writable: true, configurable: true });
  }
  return kept;
}

/**
 * The canonical form of a part: its properties in the shape's order, defaults filled, blanks left
 * out. The types keep the defaulted properties optional: a seed or a draft may leave them out.
 */
const canonical =
  (shape: object, defaults: () => Record<string, unknown> = () => ({})) =>
  <T extends object>(value: T): T => {
    const result: Record<string, unknown> = {};
    const fallback = defaults();
    for (const property of Object.keys(shape)) {
      const entry = (value as Record<string, unknown>)[property] ?? fallback[property];
      if (entry !== undefined) result[property] = entry;
    }
    return result as T;
  };

/** `state 3`: the position of the item an issue's path ends at (or its parent's, `atParent`). */
const position = (issue: Issue, atParent = false) => {
  const index = issue.path?.[issue.path.length - (atParent ? 2 : 1)];
  return typeof index === 'number' ? ` ${index + 1}` : '';
};

/** An object with exactly these properties; `notObject` words any other value. */
const item = <S extends z.core.$ZodLooseShape>(shape: S, notObject: (issue: Issue) => string) =>
  z.preprocess(
    withoutNulls,
    z.strictObject(shape, { error: (issue) => (issue.code === 'invalid_type' ? notObject(issue) : undefined) })
  );

const textError = (what: string) => (issue: Issue) =>
  issue.input === undefined ? `${what} is required` : `${what} must be text, not ${describeType(issue.input)}`;

/** A stable identifier: `in-review`. */
const key = (what: string) =>
  z
    .string({ error: textError(what) })
    .trim()
    .regex(KEY_PATTERN, { error: (issue) => `${what} ${show(issue.input)} ${KEY_RULE}, e.g. "in-review"` });

/** A display text: a name or a label. */
const displayText = (what: string) =>
  z
    .string({ error: textError(what) })
    .trim()
    .min(1, { error: `${what} must not be empty` })
    .max(MAX_NAME_LENGTH, {
      error: (issue) => `${what} ${show(issue.input)} is ${String(issue.input).length} characters long; use at most ${MAX_NAME_LENGTH}`,
    });

/** Optional free text, left out when blank. */
const description = (what: string) =>
  z
    .string({ error: (issue) => `${what} must be text, not ${describeType(issue.input)}` })
    .trim()
    .transform((text) => text || undefined)
    .optional();

/** true or false (false when not given: see `canonical`). */
const flag = (what: string) =>
  z.boolean({ error: (issue) => `${what} must be true or false, not ${describeType(issue.input)}` }).optional();

/** Non-empty text naming something (a state, a role, a relation); `wrong` is what it must be. */
const refersTo = (wrong: string, required = wrong) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? required : `${wrong}, not ${describeType(issue.input)}`) })
    .trim()
    .min(1, { error: `${wrong}, not ""` });

/** A list of `entry`; `wrong` words any other value, `required` a missing one. */
const list = <T extends z.ZodType>(entry: T, wrong: string, required = `${wrong}, not nothing`) =>
  z.array(entry, { error: (issue) => (issue.input === undefined ? required : `${wrong}, not ${describeType(issue.input)}`) });

/* ---------------------------------------------------------------------------------------------
 * The parts of a definition
 * -------------------------------------------------------------------------------------------*/

const colorError = (issue: Issue) => `color ${show(issue.input)} must be a hex colour like "#4945FF"`;

const stateShape = {
  key: key('key'),
  name: displayText('name'),
  color: z.string({ error: colorError }).trim().regex(COLOR_PATTERN, { error: colorError }).optional(),
  terminal: flag('terminal'),
  description: description('description'),
};

export const workflowState = item(
  stateShape,
  (issue) => `state${position(issue)} must be an object like { "key": "new", "name": "New" }, not ${describeType(issue.input)}`
).transform(canonical(stateShape, () => ({ terminal: false })));
export type WorkflowState = z.output<typeof workflowState>;

/**
 * `{ role }`: a PMO role key (admin role code). `{ field }`: a relation to a person on the target,
 * or a dotted path through related items to one (`project.manager`: the manager of its project).
 */
export type ActorRule = { role: string } | { field: string };

const actorShape = {
  role: refersTo('actor role must be a role key').optional(),
  field: refersTo('actor field must be the name of a relation to a person').optional(),
};

export const actorRule = item(
  actorShape,
  (issue) => `actor ${show(issue.input)} must be { "role": "<role key>" } or { "field": "<relation to a person>" }`
)
  .superRefine((actor, ctx) => {
    if (actor.role !== undefined && actor.field !== undefined) {
      ctx.addIssue({ code: 'custom', message: `actor ${show(actor)} names both a role and a field; use one actor for each` });
    } else if (actor.role === undefined && actor.field === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `actor ${show(actor)} needs a "role" (a PMO role key) or a "field" (a relation to a person)`,
      });
    }
  })
  .transform((actor): ActorRule => (actor.role !== undefined ? { role: actor.role } : { field: actor.field as string }));

const quorumError = (issue: Issue) =>
  issue.input === undefined
    ? `approvals need a quorum: how many distinct actors must approve, a whole number from 1 to ${MAX_QUORUM}`
    : `approval quorum ${show(issue.input)} must be a whole number from 1 to ${MAX_QUORUM}`;

const approvalsShape = {
  /** Distinct eligible actors needed to fire the transition. */
  quorum: z.number({ error: quorumError }).int({ error: quorumError }).min(1, { error: quorumError }).max(MAX_QUORUM, { error: quorumError }),
  /** Whoever moved the item into the current state (or raised it) cannot vote. */
  excludeRequester: flag('approvals.excludeRequester'),
  /** People in these person fields of the item (e.g. `raisedBy`) cannot vote either. */
  excludeFields: list(
    refersTo('approvals.excludeFields entries must name a relation to a person'),
    'approvals.excludeFields must be a list of person fields like ["raisedBy"]'
  ).optional(),
};

export type Approvals = { quorum: number; excludeRequester?: boolean; excludeFields?: string[] };

export const approvals = item(
  approvalsShape,
  (issue) => `approvals must be an object like { "quorum": 2 }, not ${describeType(issue.input)}`
).transform(({ quorum, excludeRequester, excludeFields }): Approvals => {
  const unique = [...new Set(excludeFields ?? [])];
  const canonical = { quorum, excludeRequester: excludeRequester ?? false };
  return unique.length ? { ...canonical, excludeFields: unique } : canonical;
});

/** A guard or effect: a catalogue type configured by data, its options beside `type`. */
const catalogueItem = (singular: 'guard' | 'effect') =>
  z.looseObject(
    {
      type: z
        .string({ error: (issue) => `${singular}${position(issue, true)} needs a "type"; got ${describeType(issue.input)}` })
        .trim()
        .min(1, { error: (issue) => `${singular}${position(issue, true)} needs a "type"; got ""` }),
    },
    {
      error: (issue) =>
        issue.code === 'invalid_type'
          ? `${singular}${position(issue)} must be an object with a "type", not ${describeType(issue.input)}`
          : undefined,
    }
  );

export const guardConfig = catalogueItem('guard');
export type GuardConfig = z.output<typeof guardConfig>;
export const effectConfig = catalogueItem('effect');
export type EffectConfig = z.output<typeof effectConfig>;

const transitionShape = {
  key: key('key'),
  label: displayText('label'),
  from: list(
    refersTo('"from" entries must be state keys'),
    '"from" must be a list of state keys like ["new"]',
    '"from" is required: list the states it starts from, e.g. ["new"]'
  ).min(1, { error: '"from" must list at least one state' }),
  to: refersTo('"to" must be a state key', '"to" is required: the state it leads to'),
  actors: list(actorRule, 'actors must be a list like [{ "role": "change-board" }]').optional(),
  approvals: approvals.optional(),
  guards: list(guardConfig, 'guards must be a list like [{ "type": "field", ... }]').optional(),
  effects: list(effectConfig, 'effects must be a list like [{ "type": "notify", ... }]').optional(),
  requireComment: flag('requireComment'),
};

export const workflowTransition = item(
  transitionShape,
  (issue) =>
    `transition${position(issue)} must be an object like { "key": "approve", "label": "Approve", "from": ["new"], "to": "approved" }, not ${describeType(issue.input)}`
).transform(canonical(transitionShape, () => ({ actors: [], guards: [], effects: [], requireComment: false })));
export type WorkflowTransition = z.output<typeof workflowTransition>;

/** In the order a person reads a definition (problems are listed in this order too). */
const definitionShape = {
  key: key('workflow key'),
  name: displayText('workflow name'),
  description: description('workflow description'),
  appliesTo: refersTo('appliesTo must be a content type uid', 'appliesTo is required: the content type the workflow governs'),
  states: list(
    workflowState,
    'states must be a list of states',
    'states are required: list at least one state, e.g. [{ "key": "new", "name": "New" }]'
  ).min(1, { error: 'states must list at least one state' }),
  initial: refersTo('initial must be a state key', 'initial is required: the state new items start in'),
  transitions: list(
    workflowTransition,
    'transitions must be a list of transitions',
    'transitions are required: give a list, e.g. [] for a single terminal state'
  ),
};

/** A workflow definition, checked for shape and returned in canonical form. */
export const workflowDefinition = item(
  definitionShape,
  (issue) =>
    `a workflow definition must be an object with key, name, appliesTo, initial, states and transitions, not ${describeType(issue.input)}`
).transform(canonical(definitionShape));
export type WorkflowDefinition = z.output<typeof workflowDefinition>;

/** The properties each part allows, in reading order (for unknown-property hints and problem order). */
export const DEFINITION_PROPERTIES = Object.keys(definitionShape);
export const STATE_PROPERTIES = Object.keys(stateShape);
export const TRANSITION_PROPERTIES = Object.keys(transitionShape);
export const APPROVAL_PROPERTIES = Object.keys(approvalsShape);
export const ACTOR_PROPERTIES = Object.keys(actorShape);

/**
 * The pieces the server reads a draft with, part by part, to check what it can of a draft whose
 * whole does not parse: a key as states and transitions take it, a reference (a state, a role, a
 * relation: non-empty text).
 */
export const definitionParts = { key: key('key'), reference: refersTo('a reference must be text') };

/** One problem of a definition, located by a JSON path such as `transitions[2].to`. */
export const definitionProblem = z.object({ path: z.string(), message: z.string() });
export type DefinitionProblem = z.infer<typeof definitionProblem>;
