/**
 * The workflow editor has a form for every guard and effect type a capability registers on the
 * server: governance's and change control's admin modules register theirs by the same type keys.
 * (The engine's own types, drawn by React components, are checked end to end in
 * tests/e2e/workflow.test.ts.)
 */
import type { Core } from '@strapi/strapi';

import { changeControlEffects, changeControlGuards } from '../../src/plugins/pmo/server/src/change-control/guards';
import { governanceEffects, governanceGuards } from '../../src/plugins/pmo/server/src/governance/guards';
import { registerChangeControlWorkflowForms } from '../../src/plugins/pmo/admin/src/pages/change-requests/workflowForms';
import { registerGovernanceWorkflowForms } from '../../src/plugins/pmo/admin/src/pages/governance/workflowForms';
import {
  defaultConfig,
  effectForm,
  effectForms,
  fieldWords,
  guardForm,
  guardForms,
  type FormContext,
} from '../../src/plugins/pmo/admin/src/components/workflowForms';

const strapi = {} as Core.Strapi;
const context: FormContext = {
  definition: {
    key: 'project-lifecycle',
    name: 'Project lifecycle',
    appliesTo: 'api::project.project',
    initial: 'proposed',
    states: [
      { key: 'proposed', name: 'Proposed' },
      { key: 'planning', name: 'Planning' },
    ],
    transitions: [],
  } as never,
  contentTypes: [],
  components: [],
  workflows: [],
  roles: [{ code: 'pmo-manager', name: 'PMO Manager' }],
};

beforeAll(() => {
  registerGovernanceWorkflowForms();
  registerChangeControlWorkflowForms();
});

describe('capability forms', () => {
  const serverGuards = [...governanceGuards(strapi), ...changeControlGuards(strapi)];
  const serverEffects = [...governanceEffects(strapi), ...changeControlEffects(strapi)];

  it.each(serverGuards.map((guard) => [guard.type, guard] as const))('the %s guard has a form whose defaults the server accepts', (type, guard) => {
    const form = guardForm(type);
    expect(form).toBeDefined();
    expect(form!.label).not.toMatch(/[A-Z][a-z]+[A-Z]/); // words, not the type key
    const config = defaultConfig('guards', type);
    const { type: _type, ...options } = config;
    // Defaults that need a choice (a state to come from) are the only ones the server may refuse.
    if (type !== 'enteredFrom') expect(guard.validate({ type, ...options })).toEqual([]);
    expect(form!.summary?.(config, context)).toEqual(expect.any(String));
  });

  it.each(serverEffects.map((effect) => [effect.type, effect] as const))('the %s effect has a form whose defaults the server accepts', (type, effect) => {
    const form = effectForm(type);
    expect(form).toBeDefined();
    const config = defaultConfig('effects', type);
    expect(effect.validate(config)).toEqual([]);
    expect(form!.summary?.(config, context)).toEqual(expect.any(String));
  });

  it('registers nothing the server does not know', () => {
    expect(guardForms().map((form) => form.type).sort()).toEqual(serverGuards.map((guard) => guard.type).sort());
    expect(effectForms().map((form) => form.type).sort()).toEqual(serverEffects.map((effect) => effect.type).sort());
  });

  it('sums a configuration up in words', () => {
    expect(guardForm('gateReview')!.summary!({ type: 'gateReview', gate: 3 }, context)).toBe(
      'Gate 3 (investment decision): its latest review decided go or conditional go'
    );
    expect(guardForm('enteredFrom')!.summary!({ type: 'enteredFrom', state: 'planning' }, context)).toBe('It came here from Planning');
    expect(guardForm('authority')!.summary!({ type: 'authority', levels: ['change-board', 'pmo-director'] }, context)).toBe(
      'The change board or a PMO director decides it'
    );
    expect(effectForm('createGateReview')!.summary!({ type: 'createGateReview', gate: 2, inDays: 30 }, context)).toBe(
      'Schedule the review of Gate 2 (delivery strategy) in 30 days'
    );
    expect(fieldWords('project.manager')).toBe("Project's manager");
    expect(fieldWords('raisedBy')).toBe('Raised by');
  });
});
