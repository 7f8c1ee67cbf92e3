/** The validator, one rule per row (who may act, guards and effects, the graph): each row breaks one rule of the example and names the problem. */
import { changeControl, expectRows, S, T, tiny, withState, withTransition, type Row } from './definition.fixtures';

const rows: Row[] = [
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

describe('validateDefinition: one rule per row (actors, approvals, guards, effects, graph)', () => {
  it.each(rows)('%s', (_rule, make, paths, named) => expectRows(make(changeControl()), paths, named));
});
