/** The validator, one rule per row (who may act, guards and effects, the graph): each row breaks one rule of the example and names the problem. */
import { changeControl, expectRows, S, T, tiny, withState, withTransition, type Row } from './definition.fixtures';

const rows: Row[] = [
  // actors
  [
    'actors are not a list',
    withTransition({ actors: { role: 'finance' } }),
    [`transitions[${T}].actors`],
    'The transition “Extra” must list who may fire it, not a set of fields',
  ],
  [
    'an actor role is unknown',
    withTransition({ actors: [{ role: 'change-bored' }] }),
    [`transitions[${T}].actors[0].role`],
    'The transition “Extra” lets someone with the role "change-bored" fire it, but there is no such role (did you mean a member of the change board?)',
  ],
  [
    'an actor role is inherited',
    withTransition({ actors: [{ role: 'toString' }] }),
    [`transitions[${T}].actors[0].role`],
    'The transition “Extra” lets someone with the role "toString" fire it, but there is no such role; choose a PMO director,',
  ],
  [
    'an actor field is not an attribute',
    withTransition({ actors: [{ field: 'sponsor' }] }),
    [`transitions[${T}].actors[0].field`],
    'The transition “Extra” names "sponsor" among who may fire it, but a change request has no field "sponsor"; the fields of a change request that name a person are the person implementing it and the person who raised it',
  ],
  [
    'an actor field is inherited',
    withTransition({ actors: [{ field: 'hasOwnProperty' }] }),
    [`transitions[${T}].actors[0].field`],
    'but a change request has no field "hasOwnProperty"',
  ],
  [
    'an actor field is not a relation',
    withTransition({ actors: [{ field: 'title' }] }),
    [`transitions[${T}].actors[0].field`],
    'The transition “Extra” names "title" among who may fire it, but the title of a change request is text, not a person',
  ],
  [
    'an actor field relates to admin users',
    withTransition({ actors: [{ field: 'owner' }] }),
    [`transitions[${T}].actors[0].field`],
    'but the owner of a change request is an admin user, not a person',
  ],
  [
    'a dotted actor field names a missing relation of the related type',
    withTransition({ actors: [{ field: 'project.sponsor' }] }),
    [`transitions[${T}].actors[0].field`],
    'names "project.sponsor" among who may fire it, but a project has no field "sponsor"; the fields of a project that name a person are the manager',
  ],
  [
    'a dotted actor field goes through a field that is not a relation',
    withTransition({ actors: [{ field: 'title.manager' }] }),
    [`transitions[${T}].actors[0].field`],
    'but the title of a change request is text, not a relation to other items',
  ],
  [
    'a dotted actor field goes through a type whose fields are unknown',
    withTransition({ actors: [{ field: 'supplier.contact' }] }),
    [`transitions[${T}].actors[0].field`],
    'but the supplier of a change request is a supplier, whose fields PMO Hub does not know',
  ],
  [
    'a dotted actor field ends on a field that is not a person',
    withTransition({ actors: [{ field: 'project.name' }] }),
    [`transitions[${T}].actors[0].field`],
    'but the name of a project is text, not a person',
  ],
  [
    'a dotted actor field has an empty part',
    withTransition({ actors: [{ field: 'project..manager' }] }),
    [`transitions[${T}].actors[0].field`],
    'but a person field is written as relations joined by single dots, such as project.manager',
  ],
  [
    'approvals exclude a field that is not a person',
    withTransition({ actors: [{ role: 'change-board' }], approvals: { quorum: 1, excludeFields: ['raisedBy', 'owner'] } }),
    [`transitions[${T}].approvals.excludeFields[1]`],
    'The transition “Extra” names "owner" among the people who may not approve, but the owner of a change request is an admin user, not a person',
  ],
  [
    'approvals exclude fields given as text',
    withTransition({ actors: [{ role: 'change-board' }], approvals: { quorum: 1, excludeFields: 'raisedBy' } }),
    [`transitions[${T}].approvals.excludeFields`],
    'The transition “Extra” must list the people who may not approve as person fields, not "raisedBy"',
  ],
  [
    'an actor has both role and field',
    withTransition({ actors: [{ role: 'finance', field: 'raisedBy' }] }),
    [`transitions[${T}].actors[0]`],
    'The transition “Extra”: actor 1 names both a role and a person field; use one actor for each',
  ],
  [
    'an actor has neither role nor field',
    withTransition({ actors: [{}] }),
    [`transitions[${T}].actors[0]`],
    'The transition “Extra”: actor 1 needs a role or a person field',
  ],
  [
    'an actor is a bare string',
    withTransition({ actors: ['finance'] }),
    [`transitions[${T}].actors[0]`],
    'The transition “Extra”: actor 1 must be a role or a person field, not "finance"',
  ],
  [
    'an actor has a typo property',
    withTransition({ actors: [{ role: 'finance', roel: 'x' }] }),
    [`transitions[${T}].actors[0].roel`],
    'The transition “Extra”: actor 1 has no field "roel"; an actor is a role or a person field',
  ],

  // approvals
  [
    'approvals are not an object',
    withTransition({ actors: [{ role: 'finance' }], approvals: 2 }),
    [`transitions[${T}].approvals`],
    'The transition “Extra” must give its approvals as a quorum (how many must approve), not 2',
  ],
  [
    'quorum is zero',
    withTransition({ actors: [{ role: 'finance' }], approvals: { quorum: 0 } }),
    [`transitions[${T}].approvals.quorum`],
    'The transition “Extra” has a quorum of 0; the quorum, how many different people must approve, is a whole number from 1 to 50',
  ],
  [
    'quorum is fractional',
    withTransition({ actors: [{ role: 'finance' }], approvals: { quorum: 1.5 } }),
    [`transitions[${T}].approvals.quorum`],
    'The transition “Extra” has a quorum of 1.5;',
  ],
  [
    'quorum is above 50',
    withTransition({ actors: [{ role: 'finance' }], approvals: { quorum: 51 } }),
    [`transitions[${T}].approvals.quorum`],
    'The transition “Extra” has a quorum of 51;',
  ],
  [
    'quorum is text',
    withTransition({ actors: [{ role: 'finance' }], approvals: { quorum: '2' } }),
    [`transitions[${T}].approvals.quorum`],
    'The transition “Extra” has a quorum of "2";',
  ],
  [
    'quorum is missing',
    withTransition({ actors: [{ role: 'finance' }], approvals: {} }),
    [`transitions[${T}].approvals.quorum`],
    'The transition “Extra” needs a quorum for its approvals: how many different people must approve',
  ],
  [
    'excludeRequester is text',
    withTransition({
      actors: [{ role: 'finance' }],
      approvals: { quorum: 2, excludeRequester: 'yes' },
    }),
    [`transitions[${T}].approvals.excludeRequester`],
    'The transition “Extra” must say with true or false whether whoever raised the item or moved it here is kept from approving, not "yes"',
  ],
  [
    'approvals have a typo property',
    withTransition({
      actors: [{ role: 'finance' }],
      approvals: { quorum: 2, excludeRequestor: true },
    }),
    [`transitions[${T}].approvals.excludeRequestor`],
    'The transition “Extra”: its approvals have no field "excludeRequestor" (did you mean whether whoever raised the item or moved it here may approve, written excludeRequester?)',
  ],
  [
    'approvals without actors',
    withTransition({ approvals: { quorum: 2 } }),
    [`transitions[${T}].approvals`],
    'The transition “Extra” needs approvals but lists nobody who may vote; add at least one role or person field to who may fire it',
  ],
  [
    'approvals with an empty actor list',
    withTransition({ actors: [], approvals: { quorum: 1 } }),
    [`transitions[${T}].approvals`],
    'The transition “Extra” needs approvals but lists nobody who may vote',
  ],

  // guards and effects
  [
    'guards are not a list',
    withTransition({ guards: { type: 'field' } }),
    [`transitions[${T}].guards`],
    'The transition “Extra” must list its guards, not a set of fields',
  ],
  [
    'a guard type is unknown',
    withTransition({ guards: [{ type: 'fild' }] }),
    [`transitions[${T}].guards[0].type`],
    'The transition “Extra”: guard 1 has the type "fild", which PMO Hub does not know (did you mean "field"?); the guard types are "children", "field" and "noOpen"',
  ],
  [
    'a guard type is inherited',
    withTransition({ guards: [{ type: 'constructor' }] }),
    [`transitions[${T}].guards[0].type`],
    'guard 1 has the type "constructor", which PMO Hub does not know',
  ],
  [
    'a guard has no type',
    withTransition({ guards: [{ path: 'x', op: 'exists' }] }),
    [`transitions[${T}].guards[0].type`],
    'The transition “Extra”: guard 1 needs a type; the guard types are "children", "field" and "noOpen"',
  ],
  [
    'a guard is not an object',
    withTransition({ guards: ['field'] }),
    [`transitions[${T}].guards[0]`],
    'The transition “Extra”: guard 1 must be a guard with a type, not "field"',
  ],
  [
    'a guard config is invalid',
    withTransition({
      guards: [{ type: 'noOpen' }, { type: 'field', path: 'impact.cost', op: 'approx' }],
    }),
    [`transitions[${T}].guards[1]`],
    'The transition “Extra”: in guard 2, the comparison "approx" is not one PMO Hub knows; it can check that the field is filled in, equals a value,',
  ],
  [
    'an effects list is not a list',
    withTransition({ effects: 'notify' }),
    [`transitions[${T}].effects`],
    'The transition “Extra” must list its effects, not "notify"',
  ],
  [
    'an effect type is unknown',
    withTransition({ effects: [{ type: 'email' }] }),
    [`transitions[${T}].effects[0].type`],
    'The transition “Extra”: effect 1 has the type "email", which PMO Hub does not know; the effect types are "boom", "notify" and "set"',
  ],
  [
    'an effect config is invalid',
    withTransition({ effects: [{ type: 'notify', to: 'raisedBy' }] }),
    [`transitions[${T}].effects[0]`, `transitions[${T}].effects[0]`],
    ['The transition “Extra”: in effect 1, choose whom to email', 'The transition “Extra”: in effect 1, choose the email to send'],
  ],
  [
    'an effect validator throws',
    withTransition({ effects: [{ type: 'boom' }] }),
    [`transitions[${T}].effects[0]`],
    'The transition “Extra”: effect 1 could not be checked (validator exploded)',
  ],

  // other transition properties
  [
    'requireComment is text',
    withTransition({ requireComment: 'no' }),
    [`transitions[${T}].requireComment`],
    'The transition “Extra” must say with true or false whether a comment is required, not "no"',
  ],
  [
    'a transition has a typo property',
    withTransition({ requireComent: true }),
    [`transitions[${T}].requireComent`],
    'The transition “Extra” has no field "requireComent" (did you mean whether a comment is required, written requireComment?)',
  ],

  // graph
  [
    'a terminal state is unreachable',
    withState({ terminal: true }),
    [`states[${S}]`],
    'The state “On hold” cannot be reached from “New”, the first state; add a transition into it or remove it',
  ],
  [
    'a state is a dead end',
    (d) => withTransition({ key: 'hold', from: ['implement'], to: 'on-hold' })(withState({})(d)),
    [`states[${S}]`],
    'The state “On hold” is a dead end: no transition leads out of it to another state; add one or mark it terminal',
  ],
  [
    'a state is a dead end and unreachable',
    withState({}),
    [`states[${S}]`, `states[${S}]`],
    ['The state “On hold” is a dead end', 'The state “On hold” cannot be reached'],
  ],
  [
    'a state only loops back to itself',
    (d) =>
      withTransition({ key: 'hold', from: ['implement'], to: 'on-hold' })(
        withTransition({ key: 'ping', from: ['on-hold'], to: 'on-hold' })(withState({})(d))
      ),
    [`states[${S}]`],
    'The state “On hold” is a dead end',
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
    'cannot be reached from “Closed”, the first state',
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
    ['The transition “Bury” starts from the state “Done”, which is terminal', 'The state “Gone” cannot be reached from “Open”, the first state'],
  ],
];

describe('validateDefinition: one rule per row (actors, approvals, guards, effects, graph)', () => {
  it.each(rows)('%s', (_rule, make, paths, named) => expectRows(make(changeControl()), paths, named));
});
