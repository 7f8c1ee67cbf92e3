/**
 * The workflow definition format (DESIGN.md, "The workflow engine"): a lifecycle as data. This
 * schema checks the shape of every part (keys, names, flags, lists, actors, approvals, guard and
 * effect items) and gives the canonical form: text trimmed, defaults filled (`terminal`,
 * `actors`, `guards`, `effects`, `requireComment`, `approvals.excludeRequester` false or empty),
 * null optional properties dropped. What needs the running application or the whole graph (known
 * content types, roles and guard types, state references, reachability) is checked on top of it
 * by the server (server/src/workflow/definition.ts).
 *
 * Its messages are for a PMO administrator: they name each part in words ("the first state", "who
 * may fire it", "its colour"), never by a JSON key or a list index. A message about a state or a
 * transition starts with its position (`State 2 needs a name`); the server, which has the whole
 * definition, puts the item's name in its place (`The state “Assessment” needs …`). Pure: no
 * Strapi import.
 */
import { z } from './common';
import { entryOf, isRecord, show, subjectOf, unknownProperty, type Issue, type Part } from './workflow-words';

export { SHOW_LIMIT, describeType, itemName, itemSubject, positionSubject, show, type ItemKind } from './workflow-words';

export const KEY_PATTERN = /^[a-z][a-z0-9-]{1,62}$/;
export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
export const MAX_NAME_LENGTH = 120;
export const MAX_QUORUM = 50;
const KEY_RULE =
  'a key starts with a lowercase letter and uses only lowercase letters, digits and hyphens (2 to 63 characters), e.g. "in-review"';

/** The `field` guard's operators. */
export const FIELD_OPS = ['exists', 'eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in'] as const;
export type FieldOp = (typeof FIELD_OPS)[number];

/* ---------------------------------------------------------------------------------------------
 * Building blocks
 * -------------------------------------------------------------------------------------------*/

/** Where withoutNulls carries a `__proto__` property (see there). */
const PROTO_KEY = '\u0000__proto__';

/** An optional property given as null reads as not given; so does a required one (then it is missing). */
function withoutNulls(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const entry = value[key];
    if (entry === null || entry === undefined) continue;
    // A `__proto__` key (JSON.parse makes one) would be lost in the parsed copy: carried under a
    // name of its own, it is reported as the unknown property it is.
    Object.defineProperty(kept, key === '__proto__' ? PROTO_KEY : key, { value: entry, enumerable: true, writable: true, configurable: true });
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

/**
 * A part: an object with these properties and no other (each unknown one is a problem at its own
 * path, in words); `notObject` words any other value.
 */
const item = <S extends z.core.$ZodLooseShape>(shape: S, part: Part, notObject: (issue: Issue) => string) => {
  const allowed = Object.keys(shape);
  return z.preprocess(
    withoutNulls,
    z
      .looseObject(shape, { error: (issue) => (issue.code === 'invalid_type' ? notObject(issue) : undefined) })
      .superRefine(
        (value, ctx) => {
          for (const property of Object.keys(value)) {
            if (allowed.includes(property)) continue;
            const typed = property === PROTO_KEY ? '__proto__' : property;
            ctx.addIssue({ code: 'custom', path: [typed], params: { property: typed } });
          }
        },
        // Reported beside the problems of the known properties (`when`). Zod words an issue added
        // without a message with the check's `error`, which its types leave out of these params.
        { error: (issue: Issue) => unknownProperty(part, issue), when: (payload) => isRecord(payload.value) } as z.core.$ZodSuperRefineParams
      ) as unknown as z.ZodObject<S, z.core.$strict> // what it lets through: the shape's properties only
  );
};

/** A property an item needs: `Transition 9 needs a label`, `The workflow needs a name`. */
const needs = (words: string) => (issue: Issue) => `${subjectOf(issue)} needs ${words}`;

/** Text naming something (a key, a name, a label): `State 2 needs a name` or `… needs its name as text, not 7`. */
const textError = (words: string) => (issue: Issue) =>
  issue.input === undefined ? needs(`a ${words}`)(issue) : `${subjectOf(issue)} needs its ${words} as text, not ${show(issue.input)}`;

/** A stable identifier: `in-review`. */
const key = () =>
  z
    .string({ error: textError('key') })
    .trim()
    .regex(KEY_PATTERN, { error: (issue) => `${subjectOf(issue)} has the key ${show(issue.input)}; ${KEY_RULE}` });

/** A display text: a name or a label. */
const displayText = (words: 'name' | 'label') =>
  z
    .string({ error: textError(words) })
    .trim()
    .min(1, { error: needs(`a ${words}`) })
    .max(MAX_NAME_LENGTH, {
      error: (issue) => `${subjectOf(issue)} has a ${words} of ${String(issue.input).length} characters; use at most ${MAX_NAME_LENGTH}`,
    });

/** Optional free text, left out when blank. */
const description = () =>
  z
    .string({ error: (issue) => `${subjectOf(issue)} needs its description as text, not ${show(issue.input)}` })
    .trim()
    .transform((text) => text || undefined)
    .optional();

/** true or false (false when not given: see `canonical`); `words` say what it tells ("whether it is terminal"). */
const flag = (words: string) =>
  z.boolean({ error: (issue) => `${subjectOf(issue)} must say with true or false ${words}, not ${show(issue.input)}` }).optional();

/** Non-empty text naming something (a state, a role, a relation); `wrong` words any other value. */
const refersTo = (wrong: (issue: Issue) => string, missing: (issue: Issue) => string = wrong) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? missing(issue) : wrong(issue)) })
    .trim()
    .min(1, { error: missing });

/** A list of `entry`; `wrong` words any other value, `missing` a value not given. */
const list = <T extends z.ZodType>(entry: T, wrong: (issue: Issue) => string, missing: (issue: Issue) => string = wrong) =>
  z.array(entry, { error: (issue) => (issue.input === undefined ? missing(issue) : wrong(issue)) });

/* ---------------------------------------------------------------------------------------------
 * The parts of a definition
 * -------------------------------------------------------------------------------------------*/

const colorError = (issue: Issue) =>
  `${subjectOf(issue)} has the colour ${show(issue.input)}; write a colour as # and six hex digits, e.g. #4945FF`;

const stateShape = {
  key: key(),
  name: displayText('name'),
  color: z.string({ error: colorError }).trim().regex(COLOR_PATTERN, { error: colorError }).optional(),
  terminal: flag('whether it is terminal'),
  description: description(),
};

export const workflowState = item(
  stateShape,
  'state',
  (issue) => `${subjectOf(issue)} must be a state with a key and a name, not ${show(issue.input)}`
).transform(canonical(stateShape, () => ({ terminal: false })));
export type WorkflowState = z.output<typeof workflowState>;

/**
 * `{ role }`: a PMO role key (admin role code). `{ field }`: a relation to a person on the target,
 * or a dotted path through related items to one (`project.manager`: the manager of its project).
 */
export type ActorRule = { role: string } | { field: string };

const actorSays = (words: string) => (issue: Issue) => `${subjectOf(issue)}: ${entryOf(issue, 'actors')} ${words}`;

const actorShape = {
  role: refersTo((issue) => actorSays(`must name a role, not ${show(issue.input)}`)(issue)).optional(),
  field: refersTo((issue) => actorSays(`must name a person field, not ${show(issue.input)}`)(issue)).optional(),
};

export const actorRule = item(actorShape, 'actor', (issue) =>
  actorSays(`must be a role or a person field, not ${show(issue.input)}`)(issue)
)
  .refine((actor) => actor.role === undefined || actor.field === undefined, {
    error: actorSays('names both a role and a person field; use one actor for each'),
  })
  .refine((actor) => actor.role !== undefined || actor.field !== undefined, { error: actorSays('needs a role or a person field') })
  .transform((actor): ActorRule => (actor.role !== undefined ? { role: actor.role } : { field: actor.field as string }));

const quorumError = (issue: Issue) =>
  issue.input === undefined
    ? `${subjectOf(issue)} needs a quorum for its approvals: how many different people must approve, a whole number from 1 to ${MAX_QUORUM}`
    : `${subjectOf(issue)} has a quorum of ${show(issue.input)}; the quorum, how many different people must approve, is a whole number from 1 to ${MAX_QUORUM}`;

const approvalsShape = {
  /** Distinct eligible actors needed to fire the transition. */
  // A refinement rather than `.int()`: zod's integer check stops every later check of the whole
  // definition, the unknown properties' included.
  quorum: z
    .number({ error: quorumError })
    .refine(Number.isInteger, { error: quorumError })
    .min(1, { error: quorumError })
    .max(MAX_QUORUM, { error: quorumError }),
  /** Whoever moved the item into the current state (or raised it) cannot vote. */
  excludeRequester: flag('whether whoever raised the item or moved it here is kept from approving'),
  /** People in these person fields of the item (e.g. `raisedBy`) cannot vote either. */
  excludeFields: list(
    refersTo((issue) => `${subjectOf(issue)}: each of the people who may not approve must be a person field, not ${show(issue.input)}`),
    (issue) => `${subjectOf(issue)} must list the people who may not approve as person fields, not ${show(issue.input)}`
  ).optional(),
};

export type Approvals = { quorum: number; excludeRequester?: boolean; excludeFields?: string[] };

export const approvals = item(
  approvalsShape,
  'approvals',
  (issue) => `${subjectOf(issue)} must give its approvals as a quorum (how many must approve), not ${show(issue.input)}`
).transform(({ quorum, excludeRequester, excludeFields }): Approvals => {
  const unique = [...new Set(excludeFields ?? [])];
  const canonical = { quorum, excludeRequester: excludeRequester ?? false };
  return unique.length ? { ...canonical, excludeFields: unique } : canonical;
});

/** A guard or effect: a catalogue type configured by data, its options beside `type`. */
const catalogueItem = (list: 'guards' | 'effects') => {
  const says = (issue: Issue, words: string) => `${subjectOf(issue)}: ${entryOf(issue, list)} ${words}`;
  const missing = (issue: Issue) => says(issue, 'needs a type');
  return z.looseObject(
    {
      type: z
        .string({ error: (issue) => (issue.input === undefined ? missing(issue) : says(issue, `needs its type as text, not ${show(issue.input)}`)) })
        .trim()
        .min(1, { error: missing }),
    },
    {
      error: (issue) =>
        issue.code === 'invalid_type' ? says(issue, `must be ${list === 'guards' ? 'a guard' : 'an effect'} with a type, not ${show(issue.input)}`) : undefined,
    }
  );
};

export const guardConfig = catalogueItem('guards');
export type GuardConfig = z.output<typeof guardConfig>;
export const effectConfig = catalogueItem('effects');
export type EffectConfig = z.output<typeof effectConfig>;

const transitionShape = {
  key: key(),
  label: displayText('label'),
  from: list(
    refersTo((issue) => `${subjectOf(issue)} starts from ${show(issue.input)}, which is not a state`),
    (issue) => `${subjectOf(issue)} must list the states it starts from, not ${show(issue.input)}`,
    needs('the states it starts from')
  ).min(1, { error: (issue) => `${subjectOf(issue)} must start from at least one state` }),
  to: refersTo((issue) => `${subjectOf(issue)} goes to ${show(issue.input)}, which is not a state`, needs('the state it goes to')),
  actors: list(actorRule, (issue) => `${subjectOf(issue)} must list who may fire it, not ${show(issue.input)}`).optional(),
  approvals: approvals.optional(),
  guards: list(guardConfig, (issue) => `${subjectOf(issue)} must list its guards, not ${show(issue.input)}`).optional(),
  effects: list(effectConfig, (issue) => `${subjectOf(issue)} must list its effects, not ${show(issue.input)}`).optional(),
  requireComment: flag('whether a comment is required'),
};

export const workflowTransition = item(
  transitionShape,
  'transition',
  (issue) =>
    `${subjectOf(issue)} must be a transition with a key, a label, the states it starts from and the state it goes to, not ${show(issue.input)}`
).transform(canonical(transitionShape, () => ({ actors: [], guards: [], effects: [], requireComment: false })));
export type WorkflowTransition = z.output<typeof workflowTransition>;

/** In the order a person reads a definition (problems are listed in this order too). */
const definitionShape = {
  key: key(),
  name: displayText('name'),
  description: description(),
  appliesTo: refersTo(
    (issue) => `The workflow governs ${show(issue.input)}, which is not a content type`,
    () => 'Choose the content type the workflow governs'
  ),
  states: list(
    workflowState,
    (issue) => `The workflow's states must be a list, not ${show(issue.input)}`,
    () => 'The workflow needs at least one state'
  ).min(1, { error: 'The workflow needs at least one state' }),
  initial: refersTo(
    (issue) => `The first state must be one of the states, not ${show(issue.input)}`,
    () => 'Choose the first state, where new items start'
  ),
  transitions: list(
    workflowTransition,
    (issue) => `The workflow's transitions must be a list, not ${show(issue.input)}`,
    () => 'The workflow needs its transitions: a list, empty when its first state is terminal'
  ),
  /**
   * On a draft & publish type: the states in which an item may be published (anywhere else,
   * publishing is refused). Not given: the workflow leaves publishing alone.
   */
  publishRequires: list(
    refersTo((issue) => `The states an item must be in to be published must each be a state, not ${show(issue.input)}`),
    (issue) => `The states an item must be in to be published must be a list of states, not ${show(issue.input)}`
  )
    .min(1, { error: 'Name at least one state in which an item may be published, or leave publishing out of the workflow' })
    .optional(),
  /** On a draft & publish type: where an item goes when its published version gets a new draft (default: the first state). */
  onNewDraft: refersTo(
    (issue) => `The state a new draft goes back to must be one of the states, not ${show(issue.input)}`
  ).optional(),
};

/** A workflow definition, checked for shape and returned in canonical form. */
export const workflowDefinition = item(
  definitionShape,
  'definition',
  (issue) =>
    `A workflow definition must be a set of fields (its key, name, content type, states, first state and transitions), not ${show(issue.input)}`
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
export const definitionParts = { key: key(), reference: refersTo(() => 'Give a reference as text') };

/** One problem of a definition, located by a JSON path such as `transitions[2].to`. */
export const definitionProblem = z.object({ path: z.string(), message: z.string() });
export type DefinitionProblem = z.infer<typeof definitionProblem>;
