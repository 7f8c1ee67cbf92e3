/**
 * Change control's guard and effect types in the workflow editor (the server registers them in
 * server/src/change-control/guards.ts): their names, summaries and forms, by the same type keys.
 */
import { AUTHORITY_LEVELS, CHANGE_DECISIONS, type AuthorityLevel } from '../../../../shared/contracts/change-control';
import { orList, registerEffectForm, registerGuardForm } from '../../components/workflowForms';

const AUTHORITY_WORDS: Record<AuthorityLevel, string> = {
  'project-manager': 'the project manager',
  'change-board': 'the change board',
  'pmo-director': 'a PMO director',
};
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function registerChangeControlWorkflowForms() {
  registerGuardForm({
    type: 'authority',
    label: 'Decided at this authority level',
    description: "The change request's authority level (from its cost impact and the project's tolerance) is one of those chosen.",
    summary: (config) => {
      const levels = (Array.isArray(config.levels) ? config.levels : []) as AuthorityLevel[];
      return levels.length ? `${capitalise(orList(levels.map((level) => AUTHORITY_WORDS[level] ?? level)))} decides it` : 'Choose who decides';
    },
    defaults: () => ({ levels: ['project-manager'] }),
    fields: [
      {
        name: 'levels',
        kind: 'multiselect',
        label: 'Who decides',
        choices: AUTHORITY_LEVELS.map((level) => ({ value: level, label: capitalise(AUTHORITY_WORDS[level]) })),
      },
    ],
  });
  registerGuardForm({
    type: 'budget',
    label: 'Change budget covers it',
    description: "The project's remaining change budget covers the change's cost impact.",
    summary: () => "The project's change budget covers the cost impact",
    defaults: () => ({}),
    fields: [],
  });

  registerEffectForm({
    type: 'deriveAuthority',
    label: 'Work out who decides',
    description: "Works out the authority level again from the cost impact and the project's tolerance now.",
    summary: () => 'Work out who decides from the cost impact',
    defaults: () => ({}),
    fields: [],
  });
  registerEffectForm({
    type: 'drawChangeBudget',
    label: 'Draw on the change budget',
    description: "Takes the cost impact off the project's change budget and adds a change budget line for it this month.",
    summary: () => "Draw the cost impact from the project's change budget",
    defaults: () => ({}),
    fields: [],
  });
  registerEffectForm({
    type: 'recordDecision',
    label: 'Record the decision',
    description: 'Records the decision, its date and who decided (the people of the admin users who approved).',
    summary: (config) => `Record the decision: ${typeof config.decision === 'string' ? config.decision : 'choose one'}`,
    defaults: () => ({ decision: 'approved' }),
    fields: [
      { name: 'decision', kind: 'select', label: 'Decision', choices: CHANGE_DECISIONS.map((decision) => ({ value: decision, label: capitalise(decision) })) },
    ],
  });
}
