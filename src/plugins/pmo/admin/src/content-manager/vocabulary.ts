/**
 * The words a person reads for the values PMO Hub's content types store as keys: enumeration
 * values ("management-reserve" → "Management reserve", "pmo-director" → "PMO director") and RAG
 * ratings with their colours. Pure: the Content Manager's list cells and edit view selects use it.
 */

/** Where humanising the key would read wrong. */
const WORDS: Record<string, string> = {
  'off-specification': 'Off-specification',
  'in-review': 'In review',
};

/** Every enumeration value of the PMO types (src/api/*, change requests), by what it describes. */
export const ENUMERATION_VALUES = {
  rag: ['green', 'amber', 'red'],
  costCategory: ['labour', 'capex', 'opex', 'contingency', 'change', 'management-reserve'],
  documentType: [
    'business-case',
    'project-brief',
    'project-initiation-document',
    'project-plan',
    'stage-plan',
    'risk-register',
    'issue-register',
    'quality-register',
    'lessons-log',
    'communication-plan',
    'benefits-management-approach',
    'highlight-report',
    'end-stage-report',
    'end-project-report',
    'other',
  ],
  documentStatus: ['draft', 'in-review', 'approved', 'superseded'],
  pmoRole: [
    'pmo-director',
    'pmo-manager',
    'pmo-analyst',
    'pmo-administrator',
    'project-manager',
    'change-board',
    'finance',
    'team-member',
    'stakeholder',
  ],
  standardCategory: [
    'governance',
    'planning',
    'finance',
    'risk',
    'quality',
    'change',
    'documentation',
    'benefits',
    'stakeholders',
  ],
  changeType: ['normal', 'standard', 'emergency'],
  changeCategory: ['request-for-change', 'off-specification', 'problem'],
  priority: ['low', 'medium', 'high', 'critical'],
  severity: ['minor', 'moderate', 'major', 'critical'],
  authorityLevel: ['project-manager', 'change-board', 'pmo-director'],
  decision: ['approved', 'rejected', 'deferred'],
  reportingCadence: ['weekly', 'fortnightly', 'monthly'],
  riskType: ['threat', 'opportunity'],
  riskResponse: ['avoid', 'reduce', 'transfer', 'share', 'accept', 'exploit', 'enhance'],
  registerStatus: ['open', 'closed', 'resolved', 'met', 'late'],
  issueSeverity: ['low', 'medium', 'high', 'critical'],
  decisionSource: ['gate-review', 'change-request', 'meeting', 'other'],
  lessonCategory: ['governance', 'planning', 'finance', 'risk', 'quality', 'change', 'people', 'suppliers', 'technical', 'communication', 'other'],
} as const;

/** "management-reserve" → "Management reserve"; "pmo-director" → "PMO director"; "nextReviewDue" → "Next review due". */
export function valueLabel(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (WORDS[value]) return WORDS[value];
  const words = value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/\bpmo\b/g, 'PMO');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Message ids → words for every enumeration value. Strapi's edit view labels an enumeration's
 * option with the message whose id is the value itself (`formatMessage({ id: value,
 * defaultMessage: value })`), so registering these translations labels the selects natively.
 */
export function enumerationMessages(): Record<string, string> {
  const values = new Set<string>(Object.values(ENUMERATION_VALUES).flat());
  return Object.fromEntries([...values].map((value) => [value, valueLabel(value)]));
}

/** The RAG fields of a status report: shown as coloured badges. */
export const RAG_FIELDS = new Set(['ragOverall', 'ragSchedule', 'ragCost', 'ragScope']);

/** Design-system success600, warning600 and danger600. */
export const RAG_COLOURS: Record<string, string> = {
  green: '#328048',
  amber: '#D9822F',
  red: '#D02B20',
};
