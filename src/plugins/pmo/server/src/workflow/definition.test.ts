import type { WorkflowDefinition } from '../../../shared/workflow-types';
import { removedStates, validateDefinition, type ValidationContext } from './definition';

// ---------------------------------------------------------------------------------------------
// A context like the running application's: a small guard and effect catalogue, the PMO roles,
// and two target content types.
// ---------------------------------------------------------------------------------------------

const OPS = ['exists', 'eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in'];

const context: ValidationContext = {
  guards: {
    field: (config) => {
      const problems: string[] = [];
      if (typeof config.path !== 'string' || !config.path)
        problems.push('path must be a field path such as "impact.cost"');
      if (!OPS.includes(config.op as string))
        problems.push(`op ${JSON.stringify(config.op)} is not one of ${OPS.join(', ')}`);
      return problems;
    },
    noOpen: () => [],
    children: () => [],
  },
  effects: {
    set: (config) =>
      typeof config.field === 'string' ? [] : ['field must name a field of the item'],
    notify: (config) =>
      Array.isArray(config.to)
        ? []
        : [`to ${JSON.stringify(config.to)} must be a list of recipients`],
    boom: () => {
      throw new Error('validator exploded');
    },
  },
  roles: [
    'pmo-director',
    'pmo-manager',
    'pmo-analyst',
    'pmo-administrator',
    'project-manager',
    'change-board',
    'finance',
  ],
  contentTypes: {
    'plugin::pmo.change-request': {
      attributes: {
        title: { type: 'string' },
        impact: { type: 'component' },
        raisedBy: { type: 'relation', relation: 'manyToOne', target: 'api::person.person' },
        implementer: { type: 'relation', relation: 'manyToOne', target: 'api::person.person' },
        owner: { type: 'relation', relation: 'manyToOne', target: 'admin::user' },
        project: { type: 'relation', relation: 'manyToOne', target: 'plugin::pmo.project' },
        supplier: { type: 'relation', relation: 'manyToOne', target: 'api::supplier.supplier' },
        workflowState: { type: 'string' },
      },
    },
    'plugin::pmo.project': {
      attributes: {
        name: { type: 'string' },
        manager: { type: 'relation', relation: 'manyToOne', target: 'api::person.person' },
      },
    },
  },
};

/** The ITIL change-control lifecycle of DESIGN.md. */
const changeControl = (): Record<string, any> => ({
  key: 'change-control',
  name: 'Change control',
  description: 'ITIL normal change: assess, authorize, schedule, implement, review.',
  appliesTo: 'plugin::pmo.change-request',
  initial: 'new',
  states: [
    { key: 'new', name: 'New', color: '#4945FF' }, // 0
    { key: 'assess', name: 'Assessment', color: '#0C75AF' }, // 1
    { key: 'authorize', name: 'Authorization' }, // 2
    { key: 'scheduled', name: 'Scheduled' }, // 3
    { key: 'implement', name: 'Implementation' }, // 4
    { key: 'review', name: 'Post-implementation review' }, // 5
    { key: 'closed', name: 'Closed', color: '#328048', terminal: true }, // 6
    { key: 'rejected', name: 'Rejected', color: '#D02B20', terminal: true }, // 7
    { key: 'cancelled', name: 'Cancelled', terminal: true }, // 8
  ],
  transitions: [
    {
      key: 'submit',
      label: 'Submit',
      from: ['new'],
      to: 'assess',
      actors: [{ field: 'raisedBy' }],
    }, // 0
    {
      key: 'assessed',
      label: 'Send for authorization',
      from: ['assess'],
      to: 'authorize',
      actors: [{ role: 'pmo-analyst' }],
      guards: [{ type: 'field', path: 'impact.cost', op: 'exists' }],
    }, // 1
    {
      key: 'authorize',
      label: 'Authorize',
      from: ['authorize'],
      to: 'scheduled',
      actors: [{ role: 'change-board' }],
      approvals: { quorum: 2, excludeRequester: true },
      guards: [{ type: 'field', path: 'impact.cost', op: 'exists' }],
      effects: [{ type: 'notify', to: ['field:raisedBy'], template: 'change-authorized' }],
      requireComment: false,
    }, // 2
    {
      key: 'reject',
      label: 'Reject',
      from: ['assess', 'authorize'],
      to: 'rejected',
      actors: [{ role: 'change-board' }],
      requireComment: true,
    }, // 3
    {
      key: 'start',
      label: 'Start implementation',
      from: ['scheduled'],
      to: 'implement',
      actors: [{ field: 'implementer' }],
    }, // 4
    {
      key: 'implemented',
      label: 'Implemented',
      from: ['implement'],
      to: 'review',
      effects: [{ type: 'set', field: 'implementedAt', value: 'now' }],
    }, // 5
    {
      key: 'close',
      label: 'Close',
      from: ['review'],
      to: 'closed',
      actors: [{ role: 'pmo-manager' }],
    }, // 6
    {
      key: 'cancel',
      label: 'Cancel',
      from: ['new', 'assess', 'authorize', 'scheduled'],
      to: 'cancelled',
      actors: [{ field: 'raisedBy' }, { role: 'pmo-manager' }],
      requireComment: true,
    }, // 7
  ],
});

const T = 8; // index of a transition appended to the example
const S = 9; // index of a state appended to the example

type Def = Record<string, any>;

const withTransition = (extra: Def) => (d: Def) => {
  d.transitions.push({ key: 'extra', label: 'Extra', from: ['new'], to: 'closed', ...extra });
  return d;
};
const withState = (extra: Def) => (d: Def) => {
  d.states.push({ key: 'on-hold', name: 'On hold', ...extra });
  return d;
};
/** A one-state or two-state lifecycle, for rules the example cannot show without side effects. */
const tiny = (d: Def): Def => ({
  key: 'tiny',
  name: 'Tiny',
  appliesTo: 'plugin::pmo.project',
  initial: 'open',
  states: [{ key: 'open', name: 'Open' }],
  transitions: [],
  ...d,
});

function problemsOf(input: unknown) {
  const result = validateDefinition(input, context);
  if (result.ok) throw new Error(`expected problems, got a valid definition`);
  return result.problems;
}

describe('validateDefinition: the ITIL change-control example', () => {
  it('is valid', () => {
    const result = validateDefinition(changeControl(), context);
    expect(result).toEqual({ ok: true, definition: expect.any(Object) });
  });

  it('is returned in canonical form, with defaults filled in', () => {
    const result = validateDefinition(changeControl(), context);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const d = result.definition;
    expect(d.states[0]).toEqual({ key: 'new', name: 'New', color: '#4945FF', terminal: false });
    expect(d.states[6]).toEqual({
      key: 'closed',
      name: 'Closed',
      color: '#328048',
      terminal: true,
    });
    expect(d.transitions[0]).toEqual({
      key: 'submit',
      label: 'Submit',
      from: ['new'],
      to: 'assess',
      actors: [{ field: 'raisedBy' }],
      guards: [],
      effects: [],
      requireComment: false,
    });
    expect(d.transitions[2]).toEqual({
      key: 'authorize',
      label: 'Authorize',
      from: ['authorize'],
      to: 'scheduled',
      actors: [{ role: 'change-board' }],
      approvals: { quorum: 2, excludeRequester: true },
      guards: [{ type: 'field', path: 'impact.cost', op: 'exists' }],
      effects: [{ type: 'notify', to: ['field:raisedBy'], template: 'change-authorized' }],
      requireComment: false,
    });
    expect(d.transitions[5].actors).toEqual([]);
    // Canonical: validating the canonical form gives it back unchanged.
    expect(validateDefinition(JSON.parse(JSON.stringify(d)), context)).toEqual({
      ok: true,
      definition: d,
    });
  });

  it('trims strings, drops null optional properties and fills every default', () => {
    const result = validateDefinition(
      {
        key: ' tiny ',
        name: '  Tiny flow ',
        description: '   ',
        appliesTo: ' plugin::pmo.project',
        initial: ' open ',
        states: [
          { key: 'open ', name: ' Open ', color: null, description: ' Just opened ' },
          { key: 'done', name: 'Done', terminal: true, color: ' #00ff00 ' },
        ],
        transitions: [
          {
            key: ' finish',
            label: ' Finish ',
            from: [' open'],
            to: 'done ',
            actors: [{ role: ' project-manager ' }, { field: ' manager ' }],
            approvals: { quorum: 1 },
            guards: [{ type: ' noOpen ', uid: 'plugin::pmo.risk' }],
            effects: null,
            requireComment: null,
          },
        ],
      },
      context
    );
    expect(result).toEqual({
      ok: true,
      definition: {
        key: 'tiny',
        name: 'Tiny flow',
        appliesTo: 'plugin::pmo.project',
        initial: 'open',
        states: [
          { key: 'open', name: 'Open', terminal: false, description: 'Just opened' },
          { key: 'done', name: 'Done', terminal: true, color: '#00ff00' },
        ],
        transitions: [
          {
            key: 'finish',
            label: 'Finish',
            from: ['open'],
            to: 'done',
            actors: [{ role: 'project-manager' }, { field: 'manager' }],
            approvals: { quorum: 1, excludeRequester: false },
            guards: [{ type: 'noOpen', uid: 'plugin::pmo.risk' }],
            effects: [],
            requireComment: false,
          },
        ],
      },
    });
  });

  it('accepts a single terminal initial state with no transitions', () => {
    const result = validateDefinition(
      tiny({ states: [{ key: 'open', name: 'Open', terminal: true }] }),
      context
    );
    expect(result.ok).toBe(true);
  });

  it('accepts a self-loop next to a real way out, and uses a custom person content type', () => {
    const ctx: ValidationContext = {
      ...context,
      personUid: 'plugin::pmo.person',
      contentTypes: {
        'plugin::pmo.project': {
          attributes: {
            lead: { type: 'relation', relation: 'manyToOne', target: 'plugin::pmo.person' },
          },
        },
      },
    };
    const result = validateDefinition(
      tiny({
        states: [
          { key: 'open', name: 'Open' },
          { key: 'done', name: 'Done', terminal: true },
        ],
        transitions: [
          { key: 'note', label: 'Add note', from: ['open'], to: 'open', requireComment: true },
          {
            key: 'finish',
            label: 'Finish',
            from: ['open'],
            to: 'done',
            actors: [{ field: 'lead' }],
          },
        ],
      }),
      ctx
    );
    expect(result.ok).toBe(true);
  });

  it('accepts actor fields through a relation (project.manager) and people excluded from approving', () => {
    const result = validateDefinition(
      withTransition({
        actors: [{ field: 'project.manager' }],
        approvals: { quorum: 1, excludeFields: [' raisedBy ', 'project.manager', 'raisedBy'] },
      })(changeControl()),
      context
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.definition.transitions[T]).toMatchObject({
      actors: [{ field: 'project.manager' }],
      approvals: { quorum: 1, excludeRequester: false, excludeFields: ['raisedBy', 'project.manager'] },
    });
  });

  it('does not alias the input: changing the input afterwards leaves the definition alone', () => {
    const input = changeControl();
    const result = validateDefinition(input, context);
    if (!result.ok) throw new Error('expected valid');
    input.transitions[1].guards[0].op = 'eq';
    input.states[0].name = 'Changed';
    expect(result.definition.transitions[1].guards?.[0].op).toBe('exists');
    expect(result.definition.states[0].name).toBe('New');
  });
});

// ---------------------------------------------------------------------------------------------
// One row per rule: [rule, make the invalid input, exact problem paths, text every message names]
// ---------------------------------------------------------------------------------------------

/** `named`: text every message contains, or one text per problem. */
type Row = [string, (d: Def) => unknown, string[], string | string[]];

const rows: Row[] = [
  // the definition itself
  ['input is an array', () => [changeControl()], [''], 'a list'],
  ['input is a string', () => 'change-control', [''], '"change-control"'],
  ['key is missing', (d) => (delete d.key, d), ['key'], 'workflow key is required'],
  [
    'key has capitals and spaces',
    (d) => ({ ...d, key: 'Change Control' }),
    ['key'],
    '"Change Control"',
  ],
  ['key is one character', (d) => ({ ...d, key: 'c' }), ['key'], '"c"'],
  ['key starts with a digit', (d) => ({ ...d, key: '1-change' }), ['key'], '"1-change"'],
  ['key is 64 characters', (d) => ({ ...d, key: 'k'.repeat(64) }), ['key'], 'k'.repeat(40)],
  ['key is a number', (d) => ({ ...d, key: 7 }), ['key'], '7'],
  ['name is missing', (d) => (delete d.name, d), ['name'], 'workflow name is required'],
  ['name is blank', (d) => ({ ...d, name: '   ' }), ['name'], 'workflow name must not be empty'],
  ['name is too long', (d) => ({ ...d, name: 'N'.repeat(121) }), ['name'], '121 characters'],
  ['name is not text', (d) => ({ ...d, name: { en: 'Change' } }), ['name'], '{"en":"Change"}'],
  ['description is not text', (d) => ({ ...d, description: 42 }), ['description'], '42'],
  [
    'appliesTo is missing',
    (d) => (delete d.appliesTo, d),
    ['appliesTo'],
    '"plugin::pmo.change-request"',
  ],
  [
    'appliesTo is unknown',
    (d) => ({ ...d, appliesTo: 'api::nope.nope' }),
    ['appliesTo'],
    '"api::nope.nope"',
  ],
  [
    'appliesTo is an inherited name',
    (d) => ({ ...d, appliesTo: 'constructor' }),
    ['appliesTo'],
    '"constructor"',
  ],
  ['initial is missing', (d) => (delete d.initial, d), ['initial'], 'initial is required'],
  ['initial is unknown', (d) => ({ ...d, initial: 'draft' }), ['initial'], '"draft"'],
  ['initial is not text', (d) => ({ ...d, initial: ['new'] }), ['initial'], '["new"]'],
  [
    'definition has a typo property',
    (d) => ({ ...d, inital: 'new' }),
    ['inital'],
    'did you mean "initial"',
  ],

  // states
  ['states are missing', (d) => (delete d.states, d), ['states'], 'states are required'],
  ['states are empty', (d) => ({ ...d, states: [] }), ['states'], 'at least one state'],
  ['states are not a list', (d) => ({ ...d, states: { new: 'New' } }), ['states'], '{"new":"New"}'],
  ['a state is not an object', (d) => (d.states.push('on-hold'), d), [`states[${S}]`], '"on-hold"'],
  [
    'a state key is duplicated',
    withState({ key: 'closed', terminal: true }),
    [`states[${S}].key`],
    '"closed"',
  ],
  [
    'a state key breaks the pattern',
    withState({ key: 'On Hold' }),
    [`states[${S}].key`],
    '"On Hold"',
  ],
  [
    'a state key is missing',
    (d) => (d.states.push({ name: 'Nameless' }), d),
    [`states[${S}].key`],
    'key is required',
  ],
  [
    'a state name is blank',
    (d) => ((d.states[1].name = ' '), d),
    ['states[1].name'],
    'state "assess": name must not be empty',
  ],
  [
    'a state name is too long',
    (d) => ((d.states[1].name = 'x'.repeat(200)), d),
    ['states[1].name'],
    '200 characters',
  ],
  [
    'a state color is not hex',
    (d) => ((d.states[0].color = 'blue'), d),
    ['states[0].color'],
    '"blue"',
  ],
  [
    'a state color is short hex',
    (d) => ((d.states[0].color = '#fff'), d),
    ['states[0].color'],
    '"#fff"',
  ],
  [
    'a state terminal flag is text',
    (d) => ((d.states[6].terminal = 'yes'), d),
    ['states[6].terminal'],
    '"yes"',
  ],
  [
    'a state description is not text',
    (d) => ((d.states[0].description = 1), d),
    ['states[0].description'],
    'state "new"',
  ],
  [
    'a state has a typo property',
    (d) => ((d.states[0].colour = '#FFFFFF'), d),
    ['states[0].colour'],
    'did you mean "color"',
  ],

  // transitions
  [
    'transitions are missing',
    (d) => (delete d.transitions, d),
    ['transitions'],
    'transitions are required',
  ],
  [
    'transitions are not a list',
    (d) => ({ ...d, transitions: 'submit' }),
    ['transitions'],
    '"submit"',
  ],
  ['transitions are empty under a non-terminal initial', () => tiny({}), ['states[0]'], '"open"'],
  [
    'a transition is not an object',
    (d) => (d.transitions.push(['new', 'closed']), d),
    [`transitions[${T}]`],
    '["new","closed"]',
  ],
  [
    'a transition key is duplicated',
    withTransition({ key: 'cancel' }),
    [`transitions[${T}].key`],
    '"cancel"',
  ],
  [
    'a transition key breaks the pattern',
    withTransition({ key: 'Fast_Track' }),
    [`transitions[${T}].key`],
    '"Fast_Track"',
  ],
  [
    'a transition label is missing',
    withTransition({ label: undefined }),
    [`transitions[${T}].label`],
    'transition "extra": label is required',
  ],
  [
    'a transition label is blank',
    withTransition({ label: '' }),
    [`transitions[${T}].label`],
    'transition "extra": label must not be empty',
  ],
  [
    'from is missing',
    withTransition({ from: undefined }),
    [`transitions[${T}].from`],
    'transition "extra"',
  ],
  ['from is empty', withTransition({ from: [] }), [`transitions[${T}].from`], 'transition "extra"'],
  ['from is a string', withTransition({ from: 'new' }), [`transitions[${T}].from`], '"new"'],
  [
    'from names an unknown state',
    withTransition({ from: ['new', 'nwe'] }),
    [`transitions[${T}].from[1]`],
    'transition "extra" starts from unknown state "nwe"',
  ],
  [
    'from repeats a state',
    withTransition({ from: ['new', 'new'] }),
    [`transitions[${T}].from[1]`],
    '"new" twice',
  ],
  [
    'from holds a non-key',
    withTransition({ from: ['new', 3] }),
    [`transitions[${T}].from[1]`],
    '3',
  ],
  [
    'from includes a terminal state',
    withTransition({ from: ['closed'], to: 'review' }),
    [`transitions[${T}].from[0]`],
    'terminal state "closed"',
  ],
  [
    'to is missing',
    withTransition({ to: undefined }),
    [`transitions[${T}].to`],
    'transition "extra"',
  ],
  [
    'to names an unknown state',
    withTransition({ key: 'approve', to: 'aproved' }),
    [`transitions[${T}].to`],
    'transition "approve" goes to unknown state "aproved"',
  ],
  ['to is a list', withTransition({ to: ['closed'] }), [`transitions[${T}].to`], '["closed"]'],

  // actors
  [
    'actors are not a list',
    withTransition({ actors: { role: 'finance' } }),
    [`transitions[${T}].actors`],
    '{"role":"finance"}',
  ],
  [
    'an actor role is unknown',
    withTransition({ actors: [{ role: 'change-bored' }] }),
    [`transitions[${T}].actors[0].role`],
    '"change-bored"',
  ],
  [
    'an actor role is inherited',
    withTransition({ actors: [{ role: 'toString' }] }),
    [`transitions[${T}].actors[0].role`],
    '"toString"',
  ],
  [
    'an actor field is not an attribute',
    withTransition({ actors: [{ field: 'sponsor' }] }),
    [`transitions[${T}].actors[0].field`],
    '"sponsor"',
  ],
  [
    'an actor field is inherited',
    withTransition({ actors: [{ field: 'hasOwnProperty' }] }),
    [`transitions[${T}].actors[0].field`],
    '"hasOwnProperty"',
  ],
  [
    'an actor field is not a relation',
    withTransition({ actors: [{ field: 'title' }] }),
    [`transitions[${T}].actors[0].field`],
    '"title"',
  ],
  [
    'an actor field relates to admin users',
    withTransition({ actors: [{ field: 'owner' }] }),
    [`transitions[${T}].actors[0].field`],
    '"owner"',
  ],
  [
    'a dotted actor field names a missing relation of the related type',
    withTransition({ actors: [{ field: 'project.sponsor' }] }),
    [`transitions[${T}].actors[0].field`],
    'plugin::pmo.project has no field "sponsor" (in "project.sponsor")',
  ],
  [
    'a dotted actor field goes through a field that is not a relation',
    withTransition({ actors: [{ field: 'title.manager' }] }),
    [`transitions[${T}].actors[0].field`],
    'field "title" of plugin::pmo.change-request (in "title.manager") is a "string" attribute, not a relation',
  ],
  [
    'a dotted actor field goes through a type whose fields are unknown',
    withTransition({ actors: [{ field: 'supplier.contact' }] }),
    [`transitions[${T}].actors[0].field`],
    'relates to "api::supplier.supplier", whose fields are unknown',
  ],
  [
    'a dotted actor field ends on a field that is not a person',
    withTransition({ actors: [{ field: 'project.name' }] }),
    [`transitions[${T}].actors[0].field`],
    'field "name" of plugin::pmo.project (in "project.name") is a "string" attribute, not a relation to api::person.person',
  ],
  [
    'a dotted actor field has an empty part',
    withTransition({ actors: [{ field: 'project..manager' }] }),
    [`transitions[${T}].actors[0].field`],
    'relation names joined by dots',
  ],
  [
    'approvals exclude a field that is not a person',
    withTransition({ actors: [{ role: 'change-board' }], approvals: { quorum: 1, excludeFields: ['raisedBy', 'owner'] } }),
    [`transitions[${T}].approvals.excludeFields[1]`],
    'approvals.excludeFields: field "owner" of plugin::pmo.change-request relates to "admin::user"',
  ],
  [
    'approvals exclude fields given as text',
    withTransition({ actors: [{ role: 'change-board' }], approvals: { quorum: 1, excludeFields: 'raisedBy' } }),
    [`transitions[${T}].approvals.excludeFields`],
    'must be a list of person fields',
  ],
  [
    'an actor has both role and field',
    withTransition({ actors: [{ role: 'finance', field: 'raisedBy' }] }),
    [`transitions[${T}].actors[0]`],
    '{"role":"finance","field":"raisedBy"}',
  ],
  [
    'an actor has neither role nor field',
    withTransition({ actors: [{}] }),
    [`transitions[${T}].actors[0]`],
    '{}',
  ],
  [
    'an actor is a bare string',
    withTransition({ actors: ['finance'] }),
    [`transitions[${T}].actors[0]`],
    '"finance"',
  ],
  [
    'an actor has a typo property',
    withTransition({ actors: [{ role: 'finance', roel: 'x' }] }),
    [`transitions[${T}].actors[0].roel`],
    '"roel"',
  ],

  // approvals
  [
    'approvals are not an object',
    withTransition({ actors: [{ role: 'finance' }], approvals: 2 }),
    [`transitions[${T}].approvals`],
    '2',
  ],
  [
    'quorum is zero',
    withTransition({ actors: [{ role: 'finance' }], approvals: { quorum: 0 } }),
    [`transitions[${T}].approvals.quorum`],
    'quorum 0',
  ],
  [
    'quorum is fractional',
    withTransition({ actors: [{ role: 'finance' }], approvals: { quorum: 1.5 } }),
    [`transitions[${T}].approvals.quorum`],
    'quorum 1.5',
  ],
  [
    'quorum is above 50',
    withTransition({ actors: [{ role: 'finance' }], approvals: { quorum: 51 } }),
    [`transitions[${T}].approvals.quorum`],
    'quorum 51',
  ],
  [
    'quorum is text',
    withTransition({ actors: [{ role: 'finance' }], approvals: { quorum: '2' } }),
    [`transitions[${T}].approvals.quorum`],
    'quorum "2"',
  ],
  [
    'quorum is missing',
    withTransition({ actors: [{ role: 'finance' }], approvals: {} }),
    [`transitions[${T}].approvals.quorum`],
    'approvals need a quorum',
  ],
  [
    'excludeRequester is text',
    withTransition({
      actors: [{ role: 'finance' }],
      approvals: { quorum: 2, excludeRequester: 'yes' },
    }),
    [`transitions[${T}].approvals.excludeRequester`],
    '"yes"',
  ],
  [
    'approvals have a typo property',
    withTransition({
      actors: [{ role: 'finance' }],
      approvals: { quorum: 2, excludeRequestor: true },
    }),
    [`transitions[${T}].approvals.excludeRequestor`],
    'did you mean "excludeRequester"',
  ],
  [
    'approvals without actors',
    withTransition({ approvals: { quorum: 2 } }),
    [`transitions[${T}].approvals`],
    'transition "extra": approvals need actors',
  ],
  [
    'approvals with an empty actor list',
    withTransition({ actors: [], approvals: { quorum: 1 } }),
    [`transitions[${T}].approvals`],
    'transition "extra": approvals need actors',
  ],

  // guards and effects
  [
    'guards are not a list',
    withTransition({ guards: { type: 'field' } }),
    [`transitions[${T}].guards`],
    '{"type":"field"}',
  ],
  [
    'a guard type is unknown',
    withTransition({ guards: [{ type: 'fild' }] }),
    [`transitions[${T}].guards[0].type`],
    'unknown guard type "fild"; known guard types: "children", "field", "noOpen"',
  ],
  [
    'a guard type is inherited',
    withTransition({ guards: [{ type: 'constructor' }] }),
    [`transitions[${T}].guards[0].type`],
    '"constructor"',
  ],
  [
    'a guard has no type',
    withTransition({ guards: [{ path: 'x', op: 'exists' }] }),
    [`transitions[${T}].guards[0].type`],
    '"field"',
  ],
  [
    'a guard is not an object',
    withTransition({ guards: ['field'] }),
    [`transitions[${T}].guards[0]`],
    '"field"',
  ],
  [
    'a guard config is invalid',
    withTransition({
      guards: [{ type: 'noOpen' }, { type: 'field', path: 'impact.cost', op: 'approx' }],
    }),
    [`transitions[${T}].guards[1]`],
    'guard "field": op "approx"',
  ],
  [
    'an effects list is not a list',
    withTransition({ effects: 'notify' }),
    [`transitions[${T}].effects`],
    '"notify"',
  ],
  [
    'an effect type is unknown',
    withTransition({ effects: [{ type: 'email' }] }),
    [`transitions[${T}].effects[0].type`],
    'unknown effect type "email"; known effect types: "boom", "notify", "set"',
  ],
  [
    'an effect config is invalid',
    withTransition({ effects: [{ type: 'notify', to: 'raisedBy' }] }),
    [`transitions[${T}].effects[0]`],
    'effect "notify": to "raisedBy"',
  ],
  [
    'an effect validator throws',
    withTransition({ effects: [{ type: 'boom' }] }),
    [`transitions[${T}].effects[0]`],
    'validator exploded',
  ],

  // other transition properties
  [
    'requireComment is text',
    withTransition({ requireComment: 'no' }),
    [`transitions[${T}].requireComment`],
    '"no"',
  ],
  [
    'a transition has a typo property',
    withTransition({ requireComent: true }),
    [`transitions[${T}].requireComent`],
    '"requireComent" (did you mean "requireComment"?)',
  ],

  // graph
  [
    'a terminal state is unreachable',
    withState({ terminal: true }),
    [`states[${S}]`],
    'state "on-hold" cannot be reached from the initial state "new"',
  ],
  [
    'a state is a dead end',
    (d) => withTransition({ key: 'hold', from: ['implement'], to: 'on-hold' })(withState({})(d)),
    [`states[${S}]`],
    'state "on-hold" is a dead end',
  ],
  [
    'a state is a dead end and unreachable',
    withState({}),
    [`states[${S}]`, `states[${S}]`],
    '"on-hold"',
  ],
  [
    'a state only loops back to itself',
    (d) =>
      withTransition({ key: 'hold', from: ['implement'], to: 'on-hold' })(
        withTransition({ key: 'ping', from: ['on-hold'], to: 'on-hold' })(withState({})(d))
      ),
    [`states[${S}]`],
    'state "on-hold" is a dead end',
  ],
  [
    'a terminal initial state is the only reachable one',
    (d) => ({ ...d, initial: 'closed' }),
    [
      'states[0]',
      'states[1]',
      'states[2]',
      'states[3]',
      'states[4]',
      'states[5]',
      'states[7]',
      'states[8]',
    ],
    'from the initial state "closed"',
  ],
  [
    'a state is only reachable through a terminal state',
    () =>
      tiny({
        states: [
          { key: 'open', name: 'Open' },
          { key: 'done', name: 'Done', terminal: true },
          { key: 'gone', name: 'Gone', terminal: true },
        ],
        transitions: [
          { key: 'finish', label: 'Finish', from: ['open'], to: 'done' },
          { key: 'bury', label: 'Bury', from: ['done'], to: 'gone' },
        ],
      }),
    ['transitions[1].from[0]', 'states[2]'],
    ['terminal state "done"', 'state "gone" cannot be reached'],
  ],
];

describe('validateDefinition: one rule per row', () => {
  it.each(rows)('%s', (_rule, make, paths, named) => {
    const problems = problemsOf(make(changeControl()));
    expect(problems.map((p) => p.path)).toEqual(paths);
    problems.forEach((problem, i) =>
      expect(problem.message).toContain(typeof named === 'string' ? named : named[i])
    );
  });
});

describe('validateDefinition: every problem at once', () => {
  it('reports all five separate problems of one definition', () => {
    const d = changeControl();
    d.key = 'Change Control';
    d.states[1].color = 'teal';
    d.transitions[1].guards = [{ type: 'fieldd', path: 'impact.cost', op: 'exists' }];
    d.transitions[2].actors = [{ role: 'change-bored' }];
    d.transitions[6].to = 'closd';
    d.transitions.push({ key: 'end', label: 'End', from: ['review'], to: 'closed' }); // keeps review open
    const problems = problemsOf(d);
    expect(problems).toEqual([
      { path: 'key', message: expect.stringContaining('"Change Control"') },
      { path: 'states[1].color', message: expect.stringContaining('"teal"') },
      { path: 'transitions[1].guards[0].type', message: expect.stringContaining('"fieldd"') },
      { path: 'transitions[2].actors[0].role', message: expect.stringContaining('"change-bored"') },
      {
        path: 'transitions[6].to',
        message: expect.stringContaining('transition "close" goes to unknown state "closd"'),
      },
    ]);
  });

  it('reports the consequences of a problem too, rather than hiding them', () => {
    const d = changeControl();
    d.transitions[4].to = 'implemnt'; // "scheduled" still has "cancel" as a way out
    expect(problemsOf(d)).toEqual([
      {
        path: 'transitions[4].to',
        message: expect.stringContaining('transition "start" goes to unknown state "implemnt"'),
      },
      {
        path: 'states[4]',
        message: expect.stringContaining('state "implement" cannot be reached'),
      },
      { path: 'states[5]', message: expect.stringContaining('state "review" cannot be reached') },
      { path: 'states[6]', message: expect.stringContaining('state "closed" cannot be reached') },
    ]);
  });

  it('reports several problems of one transition together', () => {
    const problems = problemsOf(
      withTransition({
        key: 'Bad Key',
        label: '',
        from: ['nowhere'],
        to: 'void',
        actors: [{ role: 'ceo' }],
        approvals: { quorum: 0 },
        guards: [{ type: 'magic' }],
        effects: [{ type: 'email' }],
        requireComment: 1,
        extra: true,
      })(changeControl())
    );
    expect(problems.map((p) => p.path)).toEqual([
      `transitions[${T}].extra`,
      `transitions[${T}].key`,
      `transitions[${T}].label`,
      `transitions[${T}].from[0]`,
      `transitions[${T}].to`,
      `transitions[${T}].actors[0].role`,
      `transitions[${T}].approvals.quorum`,
      `transitions[${T}].guards[0].type`,
      `transitions[${T}].effects[0].type`,
      `transitions[${T}].requireComment`,
    ]);
  });

  it('reports every problem of an empty object, without cascading into the graph', () => {
    expect(problemsOf({}).map((p) => p.path)).toEqual([
      'key',
      'name',
      'appliesTo',
      'states',
      'initial',
      'transitions',
    ]);
  });

  it('names the known roles, content types and states in its hints', () => {
    const d = changeControl();
    d.appliesTo = 'plugin::pmo.chnage-request';
    const [appliesTo] = problemsOf(d);
    expect(appliesTo.message).toContain('"plugin::pmo.change-request", "plugin::pmo.project"');
    const [role] = problemsOf(withTransition({ actors: [{ role: 'cab' }] })(changeControl()));
    expect(role.message).toContain('"change-board"');
    const [field] = problemsOf(withTransition({ actors: [{ field: 'owner' }] })(changeControl()));
    expect(field.message).toContain('"implementer", "raisedBy"');
    const [to] = problemsOf(withTransition({ to: 'done' })(changeControl()));
    expect(to.message).toContain('"new", "assess"');
  });
});

describe('validateDefinition: garbage never throws', () => {
  const circular: Record<string, unknown> = { key: 'loop', name: 'Loop' };
  circular.self = circular;
  circular.states = [circular];
  circular.transitions = [
    { key: 'x', label: 'X', from: [circular], to: circular, guards: [circular] },
  ];
  const throwing = Object.defineProperty({}, 'states', {
    enumerable: true,
    get() {
      throw new Error('getter exploded');
    },
  });
  const proxy = new Proxy(
    {},
    {
      get() {
        throw new Error('proxy exploded');
      },
      ownKeys() {
        throw new Error('proxy exploded');
      },
    }
  );
  let deep: unknown = 'bottom';
  for (let i = 0; i < 10_000; i++) deep = { states: [deep], transitions: [deep] };

  const garbage: Array<[string, unknown]> = [
    ['null', null],
    ['undefined', undefined],
    ['zero', 0],
    ['NaN', NaN],
    ['a number', 42],
    ['a bigint', BigInt(7)],
    ['a symbol', Symbol('x')],
    ['a function', () => 1],
    ['an empty string', ''],
    ['a JSON string', JSON.stringify(changeControl())],
    ['true', true],
    ['an empty array', []],
    ['an array of numbers', [1, 2, 3]],
    ['an empty object', {}],
    ['a date', new Date(0)],
    ['a regexp', /x/],
    ['a map', new Map([['key', 'x']])],
    [
      'a null-prototype object',
      Object.assign(Object.create(null), { key: 'x', states: [Object.create(null)] }),
    ],
    [
      '__proto__ keys from JSON',
      JSON.parse(
        '{"__proto__":{"key":"x"},"states":[{"__proto__":1,"key":"a"}],"transitions":[{"__proto__":[]}]}'
      ),
    ],
    [
      'inherited names everywhere',
      {
        key: 'constructor',
        appliesTo: '__proto__',
        initial: 'toString',
        states: [{ key: 'valueOf', name: 'hasOwnProperty' }],
        transitions: [
          {
            key: 'constructor',
            label: 'x',
            from: ['__proto__'],
            to: 'constructor',
            actors: [{ role: '__proto__' }, { field: '__proto__' }],
            guards: [{ type: '__proto__' }],
            effects: [{ type: 'hasOwnProperty' }],
          },
        ],
      },
    ],
    [
      'wrong types everywhere',
      {
        key: [],
        name: {},
        appliesTo: 1,
        initial: null,
        description: [],
        states: 'x',
        transitions: 5,
      },
    ],
    [
      'states of garbage',
      {
        states: [null, 1, 'x', [], { key: {} }, { key: 'a', name: ['x'], color: 5, terminal: {} }],
      },
    ],
    [
      'transitions of garbage',
      {
        ...changeControl(),
        transitions: [
          null,
          1,
          [],
          { from: {}, to: {} },
          {
            key: 'a',
            from: [null, {}, []],
            actors: 'x',
            guards: {},
            effects: [null, { type: {} }, { type: 'set', field: {} }],
          },
          {
            actors: [null, 1, [], { role: {} }, { field: [] }],
            approvals: { quorum: Infinity },
            guards: [{ type: 'field', path: {}, op: Symbol('op') }],
          },
        ],
      },
    ],
    ['a circular structure', circular],
    ['a throwing getter', throwing],
    ['a throwing proxy', proxy],
    ['a very deep structure', deep],
    [
      'huge strings',
      {
        key: 'k'.repeat(1e6),
        name: 'n'.repeat(1e6),
        states: [{ key: 's', name: 'x'.repeat(1e6) }],
        transitions: [{ requireComentt: 1, ['y'.repeat(1e5)]: 1 }],
      },
    ],
  ];

  it.each(garbage)('%s gives problems, not an exception', (_name, input) => {
    let result: ReturnType<typeof validateDefinition> | undefined;
    expect(() => {
      result = validateDefinition(input, context);
    }).not.toThrow();
    expect(result?.ok).toBe(false);
    if (result && !result.ok) {
      expect(result.problems.length).toBeGreaterThan(0);
      for (const problem of result.problems) {
        expect(typeof problem.path).toBe('string');
        expect(typeof problem.message).toBe('string');
        expect(problem.message.length).toBeGreaterThan(0);
        expect(problem.message.length).toBeLessThan(1000);
      }
    }
  });

  it.each([
    ['an empty context', { guards: {}, effects: {}, roles: [], contentTypes: {} }],
    ['a null context', null],
    [
      'a context of wrong shapes',
      {
        guards: [],
        effects: 'x',
        roles: {},
        contentTypes: { 'plugin::pmo.change-request': { attributes: null } },
      },
    ],
    [
      'a catalogue of non-functions',
      {
        guards: { field: 1 },
        effects: { notify: null },
        roles: ['change-board'],
        contentTypes: { 'plugin::pmo.change-request': 5 },
      },
    ],
  ])('the example against %s gives problems, not an exception', (_name, ctx) => {
    const result = validateDefinition(changeControl(), ctx as unknown as ValidationContext);
    expect(result.ok).toBe(false);
  });
});

describe('removedStates', () => {
  const def = (...keys: string[]): WorkflowDefinition => ({
    key: 'w',
    name: 'W',
    appliesTo: 'plugin::pmo.project',
    initial: keys[0] ?? 'a',
    states: keys.map((key) => ({ key, name: key })),
    transitions: [],
  });

  it.each<[string, WorkflowDefinition, WorkflowDefinition, string[]]>([
    ['nothing removed', def('a', 'b'), def('a', 'b'), []],
    ['a state added', def('a', 'b'), def('a', 'b', 'c'), []],
    ['states reordered', def('a', 'b', 'c'), def('c', 'a', 'b'), []],
    ['one removed', def('a', 'b', 'c'), def('a', 'c'), ['b']],
    ['several removed, in the previous order', def('a', 'b', 'c', 'd'), def('d', 'b'), ['a', 'c']],
    ['a state renamed by key', def('new', 'done'), def('new', 'closed'), ['done']],
    ['all removed', def('a', 'b'), def(), ['a', 'b']],
    ['from no states', def(), def('a'), []],
  ])('%s', (_name, previous, next, removed) => {
    expect(removedStates(previous, next)).toEqual(removed);
  });

  it('changing display names is not a removal', () => {
    const next = def('a', 'b');
    next.states[1].name = 'Renamed';
    expect(removedStates(def('a', 'b'), next)).toEqual([]);
  });

  it('tolerates malformed stored definitions', () => {
    const broken = { states: null } as unknown as WorkflowDefinition;
    expect(removedStates(broken, def('a'))).toEqual([]);
    expect(removedStates(def('a'), broken)).toEqual(['a']);
    expect(removedStates(null as unknown as WorkflowDefinition, def('a'))).toEqual([]);
  });
});
