/**
 * Compliance's guard types in the workflow editor (the server registers them in
 * server/src/compliance/guards.ts): names, summaries in words and forms, by the same type keys.
 */
import { DEFAULT_MAX_AGE_DAYS } from '../../../../shared/contracts/compliance';
import { keyWords } from '../../../../shared/words';
import { orList, registerGuardForm, type Choice } from '../../components/workflowForms';

/** The document types a project's documents take (api::document.document's documentType). */
const DOCUMENT_TYPES = [
  'business-case', 'project-brief', 'project-initiation-document', 'project-plan', 'stage-plan', 'risk-register', 'issue-register',
  'quality-register', 'lessons-log', 'communication-plan', 'benefits-management-approach', 'highlight-report', 'end-stage-report',
  'end-project-report', 'other',
];
const documentTypeChoices: Choice[] = DOCUMENT_TYPES.map((type) => ({ value: type, label: keyWords(type) }));

export function registerComplianceWorkflowForms() {
  registerGuardForm({
    type: 'documents',
    label: 'Documents approved and current',
    description:
      "The project has an approved document, not overdue for review, of each type: those chosen, or (left empty) those the standards for the state it moves to require.",
    summary: (config) => {
      const types = Array.isArray(config.documentTypes) ? (config.documentTypes as string[]) : [];
      return types.length
        ? `An approved, current ${orList(types.map((type) => keyWords(type).toLowerCase())).replace(/ or /g, ' and ')} of the project`
        : 'The documents the standards for the next state require are approved and current';
    },
    defaults: () => ({}),
    fields: [
      {
        name: 'documentTypes',
        kind: 'multiselect',
        label: 'Document types',
        hint: "Leave empty for the types the standards for the state it moves to require.",
        choices: documentTypeChoices,
        optional: true,
      },
    ],
  });
  registerGuardForm({
    type: 'standards',
    label: 'Standards complied with',
    description: 'Every mandatory standard for the state it moves to has a passed compliance assessment of the project, recent enough.',
    summary: (config) => {
      const days = typeof config.maxAgeDays === 'number' ? config.maxAgeDays : DEFAULT_MAX_AGE_DAYS;
      return `The mandatory standards for the next state were assessed and passed within the last ${days} ${days === 1 ? 'day' : 'days'}`;
    },
    defaults: () => ({ maxAgeDays: DEFAULT_MAX_AGE_DAYS }),
    fields: [
      { name: 'maxAgeDays', kind: 'number', label: 'Oldest assessment that counts (days)', hint: 'From 1 to 3650; empty for 365.', min: 1, max: 3650, optional: true },
    ],
  });
}
