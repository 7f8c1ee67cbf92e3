/** The validator, one rule per row (the definition, its states and transitions): each row breaks one rule of the example and names the problem. */
import { changeControl, expectRows, S, T, tiny, withState, withTransition, type Row } from './definition.fixtures';

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

];

describe('validateDefinition: one rule per row (definition, states, transitions)', () => {
  it.each(rows)('%s', (_rule, make, paths, named) => expectRows(make(changeControl()), paths, named));
});
