/**
 * The milestones' effect type in the workflow editor (the server registers it in
 * server/src/people/milestones/baseline.ts), so a transition that uses it has its form here.
 */
import { registerEffectForm } from '../../components/workflowForms';

export function registerMilestoneWorkflowForms() {
  registerEffectForm({
    type: 'baselineMilestones',
    label: "Baseline the project's milestones",
    description:
      "Each milestone of the project without a baseline takes its forecast as its baseline; from then on the project's milestone baselines cannot be changed (the project lifecycle does this at gate 3).",
    summary: () => "Baseline the project's milestones (read-only from then on)",
    defaults: () => ({}),
    fields: [],
  });
}
