/**
 * Governance's guard and effect types in the workflow editor (the server registers them in
 * server/src/governance/guards.ts): their names, summaries and forms, by the same type keys.
 */
import { GATE_DECISIONS, GATE_NAMES, GATE_NUMBERS, PASSING_DECISIONS, type GateDecision } from '../../../../shared/contracts/governance';
import { orList, registerEffectForm, registerGuardForm, type Choice, type FormContext } from '../../components/workflowForms';

const DECISION_WORDS: Record<GateDecision, string> = {
  go: 'go',
  'conditional-go': 'conditional go',
  hold: 'hold',
  recycle: 'recycle',
  stop: 'stop',
};

const gateChoices: Choice[] = GATE_NUMBERS.map((gate) => ({ value: String(gate), label: `Gate ${gate}: ${GATE_NAMES[gate]}` }));
const decisionChoices: Choice[] = GATE_DECISIONS.map((decision) => ({ value: decision, label: DECISION_WORDS[decision] }));
const gateWords = (gate: unknown) => (typeof gate === 'number' && gate in GATE_NAMES ? `Gate ${gate} (${GATE_NAMES[gate as 1]})` : 'A gate');
const stateWords = (context: FormContext, key: unknown) =>
  context.definition.states.find((state) => state.key === key)?.name || (typeof key === 'string' && key ? key : 'a chosen state');

export function registerGovernanceWorkflowForms() {
  registerGuardForm({
    type: 'gateReview',
    label: 'Gate review decided',
    description: "The latest review of a gate decided go or conditional go (or one of the decisions listed).",
    summary: (config) => {
      const decisions = (Array.isArray(config.decisions) ? config.decisions : PASSING_DECISIONS) as GateDecision[];
      return `${gateWords(config.gate)}: its latest review decided ${orList(decisions.map((d) => DECISION_WORDS[d] ?? d))}`;
    },
    defaults: () => ({ gate: 1 }),
    fields: [
      { name: 'gate', kind: 'select', label: 'Gate', choices: gateChoices, numeric: true },
      {
        name: 'decisions',
        kind: 'multiselect',
        label: 'Decisions that let it through',
        hint: 'Leave empty for go or conditional go.',
        choices: decisionChoices,
        optional: true,
      },
    ],
  });
  registerGuardForm({
    type: 'baselinedBudget',
    label: 'Budget baselined',
    description: 'The project has a budget: its budget lines total more than zero (management reserve excluded).',
    summary: () => 'The project has a baselined budget',
    defaults: () => ({}),
    fields: [],
  });
  registerGuardForm({
    type: 'notStopped',
    label: 'Not stopped at a gate',
    description: "The project's latest gate decision is not stop (a stopped project can only be cancelled).",
    summary: () => 'The latest gate decision is not stop',
    defaults: () => ({}),
    fields: [],
  });
  registerGuardForm({
    type: 'enteredFrom',
    label: 'Came from a state',
    description: 'The item came into its current state from the state chosen (so a project resumes where it was held).',
    summary: (config, context) => `It came here from ${stateWords(context, config.state)}`,
    defaults: () => ({ state: '' }),
    fields: [
      {
        name: 'state',
        kind: 'select',
        label: 'Came from',
        choices: (context) =>
          context.definition.states.filter((state) => state.key).map((state) => ({ value: state.key, label: state.name || state.key })),
      },
    ],
  });

  registerEffectForm({
    type: 'createGateReview',
    label: 'Schedule a gate review',
    description: "Schedules a gate's review, e.g. the next gate's when a gate is passed.",
    summary: (config) =>
      `Schedule the review of ${gateWords(config.gate).replace(/^A gate$/, 'a gate')}${
        typeof config.inDays === 'number' ? ` in ${config.inDays} ${config.inDays === 1 ? 'day' : 'days'}` : ''
      }`,
    defaults: () => ({ gate: 2, inDays: 30 }),
    fields: [
      { name: 'gate', kind: 'select', label: 'Gate', choices: gateChoices, numeric: true },
      { name: 'inDays', kind: 'number', label: 'Days from now', hint: 'From 0 to 730; empty for the default.', min: 0, max: 730, optional: true },
    ],
  });
}
