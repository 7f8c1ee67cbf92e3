/** The validator tests' shared fixtures: a context like the running application's and the ITIL change-control example. */
import { pathLabel } from '../../../shared/contracts/common';
import { PMO_ROLE_KEYS } from '../../../shared/pmo-roles';
import type { WorkflowDefinition } from '../../../shared/contracts/workflow';
import { removedStates, validateDefinition, type ValidationContext } from './definition';
import { notifyEffect, setEffect } from './effects';
import { validateFieldGuard } from './guards/field';

// ---------------------------------------------------------------------------------------------
// A context like the running application's: a small guard and effect catalogue, the PMO roles,
// and two target content types.
// ---------------------------------------------------------------------------------------------

export const context: ValidationContext = {
  // The engine's own validators (pure), so that their words are tested as an administrator reads them.
  guards: {
    field: validateFieldGuard,
    noOpen: () => [],
    children: () => [],
  },
  effects: {
    set: setEffect.validate,
    notify: notifyEffect.validate,
    boom: () => {
      throw new Error('validator exploded');
    },
  },
  roles: [...PMO_ROLE_KEYS],
  contentTypes: {
    'plugin::pmo.change-request': {
      displayName: 'Change request',
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
      displayName: 'Project',
      attributes: {
        name: { type: 'string' },
        manager: { type: 'relation', relation: 'manyToOne', target: 'api::person.person' },
        workflowState: { type: 'string' },
      },
    },
  },
};

/** The ITIL change-control lifecycle of DESIGN.md. */
export const changeControl = (): Record<string, any> => ({
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

export const T = 8; // index of a transition appended to the example
export const S = 9; // index of a state appended to the example

export type Def = Record<string, any>;

export const withTransition = (extra: Def) => (d: Def) => {
  d.transitions.push({ key: 'extra', label: 'Extra', from: ['new'], to: 'closed', ...extra });
  return d;
};
export const withState = (extra: Def) => (d: Def) => {
  d.states.push({ key: 'on-hold', name: 'On hold', ...extra });
  return d;
};
/** A one-state or two-state lifecycle, for rules the example cannot show without side effects. */
export const tiny = (d: Def): Def => ({
  key: 'tiny',
  name: 'Tiny',
  appliesTo: 'plugin::pmo.project',
  initial: 'open',
  states: [{ key: 'open', name: 'Open' }],
  transitions: [],
  ...d,
});

/** The problems of an invalid definition, each path written as in the definition (`transitions[2].to`). */
export function problemsOf(input: unknown) {
  const result = validateDefinition(input, context);
  if (result.ok) throw new Error(`expected problems, got a valid definition`);
  return result.problems.map((problem) => ({ path: pathLabel(problem.path), message: problem.message }));
}

/** One rule per row: [rule, make the invalid input from the example, exact problem paths, text every message names (or one text per problem)]. */
export type Row = [string, (d: Def) => unknown, string[], string | string[]];

/** The row's input is refused with exactly these paths, each message naming its text. */
export function expectRows(input: unknown, paths: string[], named: string | string[]) {
  const problems = problemsOf(input);
  expect(problems.map((p) => p.path)).toEqual(paths);
  problems.forEach((problem, i) => expect(problem.message).toContain(typeof named === 'string' ? named : named[i]));
}
