/** The engine's own forms in the workflow editor, summed up in words (the React forms are driven end to end). */
import { effectForm, type FormContext } from '../../../components/workflowForms';
import { registerCoreWorkflowForms } from './CoreForms';

const context: FormContext = {
  definition: { key: 'risk-escalation', name: 'Risk escalation', appliesTo: 'api::risk.risk', initial: 'open', states: [], transitions: [] } as never,
  contentTypes: [],
  components: [],
  workflows: [],
  roles: [{ code: 'pmo-manager', name: 'PMO Manager' }],
};

beforeAll(() => registerCoreWorkflowForms());

describe("the notify effect's recipients", () => {
  it('sums dotted recipients up by name, as the escalation workflows write them', () => {
    const config = { type: 'notify', to: ['field:project.programme.manager', 'field:project.programme.sponsor', 'role:pmo-manager', 'email:pmo@example.org'], template: 'workflow-step' };
    expect(effectForm('notify')!.summary!(config, context)).toBe(
      "Email the project's programme's manager, the project's programme's sponsor, every PMO Manager and pmo@example.org"
    );
  });
});
