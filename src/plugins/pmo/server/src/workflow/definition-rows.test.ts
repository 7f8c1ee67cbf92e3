/** The validator, one rule per row (the definition, its states and transitions): each row breaks one rule of the example and names the problem. */
import { changeControl, expectRows, S, T, tiny, withState, withTransition, type Row } from './definition.fixtures';

const rows: Row[] = [
  // the definition itself
  ['input is an array', () => [changeControl()], [''], 'A workflow definition must be a set of fields (its key, name, content type, states, first state and transitions), not a list'],
  ['input is a string', () => 'change-control', [''], 'not "change-control"'],
  ['key is missing', (d) => (delete d.key, d), ['key'], 'The workflow needs a key'],
  [
    'key has capitals and spaces',
    (d) => ({ ...d, key: 'Change Control' }),
    ['key'],
    'The workflow has the key "Change Control"; a key starts with a lowercase letter',
  ],
  ['key is one character', (d) => ({ ...d, key: 'c' }), ['key'], 'The workflow has the key "c"; a key starts'],
  ['key starts with a digit', (d) => ({ ...d, key: '1-change' }), ['key'], 'The workflow has the key "1-change"'],
  ['key is 64 characters', (d) => ({ ...d, key: 'k'.repeat(64) }), ['key'], 'k'.repeat(40)],
  ['key is a number', (d) => ({ ...d, key: 7 }), ['key'], 'The workflow needs its key as text, not 7'],
  ['name is missing', (d) => (delete d.name, d), ['name'], 'The workflow needs a name'],
  ['name is blank', (d) => ({ ...d, name: '   ' }), ['name'], 'The workflow needs a name'],
  ['name is too long', (d) => ({ ...d, name: 'N'.repeat(121) }), ['name'], 'The workflow has a name of 121 characters; use at most 120'],
  ['name is not text', (d) => ({ ...d, name: { en: 'Change' } }), ['name'], 'The workflow needs its name as text, not a set of fields'],
  ['description is not text', (d) => ({ ...d, description: 42 }), ['description'], 'The workflow needs its description as text, not 42'],
  [
    'appliesTo is missing',
    (d) => (delete d.appliesTo, d),
    ['appliesTo'],
    'Choose the content type the workflow governs; the content types are Change request and Project',
  ],
  [
    'appliesTo is unknown',
    (d) => ({ ...d, appliesTo: 'api::nope.nope' }),
    ['appliesTo'],
    'There is no content type “Nope” for the workflow to govern; choose Change request or Project',
  ],
  [
    'appliesTo is an inherited name',
    (d) => ({ ...d, appliesTo: 'constructor' }),
    ['appliesTo'],
    'There is no content type “Constructor”',
  ],
  ['initial is missing', (d) => (delete d.initial, d), ['initial'], 'Choose the first state, where new items start; the states are New, Assessment,'],
  ['initial is unknown', (d) => ({ ...d, initial: 'draft' }), ['initial'], 'The first state "draft" is not one of the states; choose New, Assessment,'],
  ['initial is not text', (d) => ({ ...d, initial: ['new'] }), ['initial'], 'The first state must be one of the states, not a list'],
  [
    'definition has a typo property',
    (d) => ({ ...d, inital: 'new' }),
    ['inital'],
    'The workflow has no field "inital" (did you mean the first state, written initial?)',
  ],

  // states
  ['states are missing', (d) => (delete d.states, d), ['states'], 'The workflow needs at least one state'],
  ['states are empty', (d) => ({ ...d, states: [] }), ['states'], 'The workflow needs at least one state'],
  ['states are not a list', (d) => ({ ...d, states: { new: 'New' } }), ['states'], "The workflow's states must be a list, not a set of fields"],
  ['a state is not an object', (d) => (d.states.push('on-hold'), d), [`states[${S}]`], 'State 10 must be a state with a key and a name, not "on-hold"'],
  [
    'a state key is duplicated',
    withState({ key: 'closed', terminal: true }),
    [`states[${S}].key`],
    'The state “On hold” has the key "closed", which the state “Closed” already has; each state needs a key of its own',
  ],
  [
    'a state key breaks the pattern',
    withState({ key: 'On Hold' }),
    [`states[${S}].key`],
    'The state “On hold” has the key "On Hold"',
  ],
  [
    'a state key is missing',
    (d) => (d.states.push({ name: 'Nameless' }), d),
    [`states[${S}].key`],
    'The state “Nameless” needs a key',
  ],
  [
    'a state name is blank',
    (d) => ((d.states[1].name = ' '), d),
    ['states[1].name'],
    'State 2 needs a name',
  ],
  [
    'a state name is too long',
    (d) => ((d.states[1].name = 'x'.repeat(200)), d),
    ['states[1].name'],
    `The state “${'x'.repeat(60)}…” has a name of 200 characters; use at most 120`,
  ],
  [
    'a state color is not hex',
    (d) => ((d.states[0].color = 'blue'), d),
    ['states[0].color'],
    'The state “New” has the colour "blue"; write a colour as # and six hex digits',
  ],
  [
    'a state color is short hex',
    (d) => ((d.states[0].color = '#fff'), d),
    ['states[0].color'],
    'The state “New” has the colour "#fff"',
  ],
  [
    'a state terminal flag is text',
    (d) => ((d.states[6].terminal = 'yes'), d),
    ['states[6].terminal'],
    'The state “Closed” must say with true or false whether it is terminal, not "yes"',
  ],
  [
    'a state description is not text',
    (d) => ((d.states[0].description = 1), d),
    ['states[0].description'],
    'The state “New” needs its description as text, not 1',
  ],
  [
    'a state has a typo property',
    (d) => ((d.states[0].colour = '#FFFFFF'), d),
    ['states[0].colour'],
    'The state “New” has no field "colour" (did you mean its colour, written color?); a state has a key, a name, a colour, whether it is terminal and a description',
  ],

  // transitions
  [
    'transitions are missing',
    (d) => (delete d.transitions, d),
    ['transitions'],
    'The workflow needs its transitions: a list, empty when its first state is terminal',
  ],
  [
    'transitions are not a list',
    (d) => ({ ...d, transitions: 'submit' }),
    ['transitions'],
    "The workflow's transitions must be a list, not \"submit\"",
  ],
  ['transitions are empty under a non-terminal initial', () => tiny({}), ['states[0]'], 'The state “Open” is a dead end'],
  [
    'a transition is not an object',
    (d) => (d.transitions.push(['new', 'closed']), d),
    [`transitions[${T}]`],
    'Transition 9 must be a transition with a key, a label, the states it starts from and the state it goes to, not a list',
  ],
  [
    'a transition key is duplicated',
    withTransition({ key: 'cancel' }),
    [`transitions[${T}].key`],
    'The transition “Extra” has the key "cancel", which the transition “Cancel” already has; each transition needs a key of its own',
  ],
  [
    'a transition key breaks the pattern',
    withTransition({ key: 'Fast_Track' }),
    [`transitions[${T}].key`],
    'The transition “Extra” has the key "Fast_Track"',
  ],
  [
    'a transition label is missing',
    withTransition({ label: undefined }),
    [`transitions[${T}].label`],
    'Transition 9 needs a label',
  ],
  [
    'a transition label is blank',
    withTransition({ label: '' }),
    [`transitions[${T}].label`],
    'Transition 9 needs a label',
  ],
  [
    'from is missing',
    withTransition({ from: undefined }),
    [`transitions[${T}].from`],
    'The transition “Extra” needs the states it starts from',
  ],
  ['from is empty', withTransition({ from: [] }), [`transitions[${T}].from`], 'The transition “Extra” must start from at least one state'],
  ['from is a string', withTransition({ from: 'new' }), [`transitions[${T}].from`], 'The transition “Extra” must list the states it starts from, not "new"'],
  [
    'from names an unknown state',
    withTransition({ from: ['new', 'nwe'] }),
    [`transitions[${T}].from[1]`],
    'The transition “Extra” starts from "nwe", which is not one of the states; choose New, Assessment,',
  ],
  [
    'from repeats a state',
    withTransition({ from: ['new', 'new'] }),
    [`transitions[${T}].from[1]`],
    'The transition “Extra” lists the state “New” twice among the states it starts from',
  ],
  [
    'from holds a non-key',
    withTransition({ from: ['new', 3] }),
    [`transitions[${T}].from[1]`],
    'The transition “Extra” starts from 3, which is not a state',
  ],
  [
    'from includes a terminal state',
    withTransition({ from: ['closed'], to: 'review' }),
    [`transitions[${T}].from[0]`],
    'The transition “Extra” starts from the state “Closed”, which is terminal',
  ],
  [
    'to is missing',
    withTransition({ to: undefined }),
    [`transitions[${T}].to`],
    'The transition “Extra” needs the state it goes to',
  ],
  [
    'to names an unknown state',
    withTransition({ key: 'approve', to: 'aproved' }),
    [`transitions[${T}].to`],
    'The transition “Extra” goes to "aproved", which is not one of the states',
  ],
  ['to is a list', withTransition({ to: ['closed'] }), [`transitions[${T}].to`], 'The transition “Extra” goes to a list, which is not a state'],

];

describe('validateDefinition: one rule per row (definition, states, transitions)', () => {
  it.each(rows)('%s', (_rule, make, paths, named) => expectRows(make(changeControl()), paths, named));
});
