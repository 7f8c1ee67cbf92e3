/**
 * The validator's messages are a PMO administrator's words: a definition broken in every way it
 * can be reads with states and transitions by name, content types and roles by their names, and
 * no JSON key, list index, uid or dumped object.
 */
import { pathLabel } from '../../../shared/contracts/common';
import { validateDefinition, type ValidationContext } from './definition';
import { changeControl, context, S, T, type Def } from './definition.fixtures';
import { notifyEffect, setEffect } from './effects';
import { validateFieldGuard } from './guards/field';
import { childrenGuard, noOpenGuard } from './guards/relations';

/** The engine's own guards and effects, every one with its real validator. */
const realContext: ValidationContext = {
  ...context,
  guards: { field: validateFieldGuard, noOpen: noOpenGuard.validate, children: childrenGuard.validate },
  effects: { set: setEffect.validate, notify: notifyEffect.validate },
};

/** Shape problems, bad references and a broken graph, all at once, on a content type the validator knows. */
function brokenEverywhere(): Def {
  const d = changeControl();
  d.key = 'Change Control';
  d.name = '';
  d.inital = 'new';
  d.initial = ['new'];
  d.states[0].colour = '#fff';
  d.states[1].color = 'teal';
  d.states[2].name = '';
  d.states[3].terminal = 'yes';
  d.states[4].description = { en: 'x' };
  d.states.push({ key: 'new', name: 'New again' }, 'on-hold', { key: 'Limbo!', name: 'Limbo' }, { key: 'parked', name: 'Parked' });
  d.transitions[0].from = [];
  d.transitions[1].from = ['assess', 'assess', 'nowhere', 'closed', 7];
  d.transitions[1].to = 'closd';
  d.transitions[1].guards = [
    { type: 'fieldd' },
    { type: 'field', path: '', op: 'approx', shade: 1 },
    { type: 'field', path: 'impact.cost', op: 'in', value: 3 },
    { type: 'noOpen', uid: 'api::risk.risk' },
    { type: 'children' },
    'field',
    {},
  ];
  d.transitions[2].actors = [
    { role: 'change-bored' },
    { role: 'finance', field: 'raisedBy' },
    {},
    'finance',
    { field: 'sponsor' },
    { field: 'title' },
    { field: 'owner' },
    { field: 'project.sponsor' },
    { field: 'project.name' },
    { field: 'title.manager' },
    { field: 'supplier.contact' },
    { field: 'project..manager' },
    { role: 'finance', roel: 'x' },
    { role: 5 },
  ];
  d.transitions[2].approvals = { quorum: 1.5, excludeRequester: 'yes', excludeRequestor: true, excludeFields: ['owner', 5] };
  d.transitions[3].approvals = { quorum: 2 };
  d.transitions[3].actors = [];
  d.transitions[4].effects = [
    { type: 'emial' },
    { type: 'set', field: 'workflowState', value: { at: 'now' }, extra: 1 },
    { type: 'set' },
    { type: 'notify', to: ['somebody', { role: 'x' }], template: 'Change Authorized' },
    { type: 'notify' },
  ];
  d.transitions[5].requireComment = 'no';
  d.transitions[5].guards = { type: 'field' };
  d.transitions[5].effects = 'notify';
  d.transitions[6].key = 'submit';
  d.transitions[6].actors = { role: 'finance' };
  d.transitions[7].approvals = 2;
  d.transitions.push(
    { key: 'Bad Key', label: '', from: 'new', to: ['closed'], requireComent: true, guards: [{ type: {} }] },
    ['new', 'closed'],
    { label: 'Park', from: ['new'], to: 'parked', approvals: {} }
  );
  return d;
}

const RAW_KEYS: RegExp[] = [
  /\[\d+\]/, // a list index: transitions[3]
  /"(from|to|initial|actors|appliesTo|guards|effects|approvals|quorum|excludeFields|excludeRequester|requireComment|label|key|name|states|transitions)"/,
  /api::|plugin::|admin::/,
  /[{}]/, // an object written out as JSON
  /":/, // a JSON property
  /\b(pmo|project|change)-[a-z]+\b(?!")/, // a role code, unless quoted as typed
];

function messagesOf(input: unknown, ctx: ValidationContext) {
  const result = validateDefinition(input, ctx);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((problem) => ({ path: pathLabel(problem.path), message: problem.message }));
}

describe('validateDefinition: messages in a PMO administrator’s words', () => {
  const broken = messagesOf(brokenEverywhere(), realContext);
  const elsewhere = messagesOf({ ...changeControl(), appliesTo: 'api::nope.nope', transitions: 'none' }, realContext);
  const notAnObject = messagesOf([changeControl()], realContext);
  const empty = messagesOf({}, realContext);
  const all = [...broken, ...elsewhere, ...notAnObject, ...empty];

  it('finds many problems in the broken definition', () => {
    expect(broken.length).toBeGreaterThan(50);
    // Every part of the definition has at least one.
    for (const where of ['key', 'name', 'inital', 'initial', 'states[0].colour', `states[${S}].key`, 'transitions[1].guards[0].type', `transitions[${T}].key`]) {
      expect(broken.map((problem) => problem.path)).toContain(where);
    }
  });

  it.each(RAW_KEYS.map((pattern) => [String(pattern), pattern] as const))('no message contains %s', (_name, pattern) => {
    const offending = all.filter((problem) => pattern.test(problem.message));
    expect(offending).toEqual([]);
  });

  it('starts each message with a capital and names states and transitions by name, or by position when they have none', () => {
    for (const { message } of all) expect(message).toMatch(/^[A-Z]/);
    const at = (path: string) => broken.filter((problem) => problem.path === path).map((problem) => problem.message);
    expect(at('states[1].color')).toEqual(['The state “Assessment” has the colour "teal"; write a colour as # and six hex digits, e.g. #4945FF']);
    expect(at('states[2].name')).toEqual(['State 3 needs a name']);
    expect(at('transitions[1].to')[0]).toMatch(/^The transition “Send for authorization” goes to "closd", which is not one of the states; choose New, Assessment, Authorise, Scheduled,/);
    expect(at(`transitions[${T}].label`)).toEqual([`Transition ${T + 1} needs a label`]);
    expect(at('initial')).toEqual([expect.stringMatching(/^The first state must be one of the states, not a list; the states are New, Assessment/)]);
    expect(at('transitions[6].key')).toEqual([
      'The transition “Close” has the key "submit", which the transition “Submit” already has; each transition needs a key of its own',
    ]);
  });

  it('words the guards’ and effects’ settings as the editor shows them', () => {
    const at = (path: string) => broken.filter((problem) => problem.path === path).map((problem) => problem.message);
    expect(at('transitions[1].guards[1]')).toEqual([
      'The transition “Send for authorization”: in guard 2, choose the field to check (its name, or a dotted path such as impact.cost for the cost impact)',
      expect.stringContaining('in guard 2, the comparison "approx" is not one PMO Hub knows; it can check that the field is filled in, equals a value,'),
      'The transition “Send for authorization”: in guard 2, it has no setting "shade"',
    ]);
    expect(at('transitions[1].guards[3]')).toEqual([
      'The transition “Send for authorization”: in guard 4, choose at least one state in which those items count as open',
      'The transition “Send for authorization”: in guard 4, choose the relation through which those items point at this one',
    ]);
    expect(at('transitions[4].effects[1]')).toEqual([
      'The transition “Start implementation”: in effect 2, the field "workflowState" is kept by PMO Hub and cannot be set by a workflow',
      'The transition “Start implementation”: in effect 2, the value to set must be text, a number, true or false, nothing (null) or "now", not a set of fields',
      'The transition “Start implementation”: in effect 2, it has no setting "extra"',
    ]);
    expect(at('transitions[4].effects[3]')).toEqual([
      'The transition “Start implementation”: in effect 4, the recipient "somebody" is not a person field of the item, a role or an email address',
      'The transition “Start implementation”: in effect 4, one recipient is a set of fields, not a person field of the item, a role or an email address',
      'The transition “Start implementation”: in effect 4, the email template "Change Authorized" must be named in lowercase letters, digits and hyphens, such as "change-authorized"',
    ]);
  });

  it('takes a dotted person path as a notify recipient, but not a broken one', () => {
    const problems = (to: string[]) => notifyEffect.validate({ type: 'notify', to, template: 'workflow-step' });
    expect(problems(['field:project.programme.manager', 'field:raisedBy', 'role:pmo-director'])).toEqual([]);
    expect(problems(['field:project..manager', 'field:.manager', 'field:project.'])).toEqual([
      'the recipient "field:project..manager" is not a person field of the item, a role or an email address',
      'the recipient "field:.manager" is not a person field of the item, a role or an email address',
      'the recipient "field:project." is not a person field of the item, a role or an email address',
    ]);
  });

  it('names the content type by its display name, never by its uid', () => {
    expect(elsewhere.find((problem) => problem.path === 'appliesTo')?.message).toBe(
      'There is no content type “Nope” for the workflow to govern; choose Change request or Project'
    );
    expect(empty.find((problem) => problem.path === 'appliesTo')?.message).toBe(
      'Choose the content type the workflow governs; the content types are Change request and Project'
    );
  });
});
