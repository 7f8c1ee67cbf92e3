/**
 * The registers' guard and effect types in the workflow editor (the server registers them in
 * server/src/raid/guards.ts and raid/decisions.ts): names, summaries in words and forms, by the
 * same type keys, so no transition that uses them reads "This type has no form here".
 */
import { registerEffectForm, registerGuardForm } from '../../components/workflowForms';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function registerRaidWorkflowForms() {
  registerGuardForm({
    type: 'lessons',
    label: 'A lesson learned is recorded',
    description: 'The project has at least one lesson learned in its lessons log (what happened and the recommendation).',
    summary: () => 'The project has recorded at least one lesson learned',
    defaults: () => ({}),
    fields: [],
  });
  registerGuardForm({
    type: 'toProgramme',
    label: 'There is a programme to escalate to',
    description: "The risk or issue is a project's, and the project belongs to a programme.",
    summary: () => "It is a project's, and the project belongs to a programme",
    defaults: () => ({}),
    fields: [],
  });
  registerGuardForm({
    type: 'riskAboveTolerance',
    label: "Above the project's risk tolerance",
    description: "The risk is open and its score (probability × impact) exceeds its project's risk tolerance.",
    summary: () => "The open risk scores above its project's risk tolerance",
    defaults: () => ({}),
    fields: [],
  });
  registerEffectForm({
    type: 'logDecision',
    label: 'Record it in the decision log',
    description:
      'Records the decision in the decision log of the project (or programme): what was decided, on which day, by whom, with the comment.',
    summary: (config) => `Record "${typeof config.decision === 'string' ? config.decision : 'a decision'}" in the decision log`,
    defaults: () => ({ decision: 'approved' }),
    fields: [
      {
        name: 'decision',
        kind: 'select',
        label: 'Decision recorded',
        choices: ['approved', 'rejected', 'deferred', 'escalated'].map((decision) => ({ value: decision, label: capitalise(decision) })),
      },
    ],
  });
}
