/**
 * The Content Manager's labels in the PMO's words: Strapi shows a field's key ("ragOverall",
 * "workflowState", "asOf") until someone renames it by hand. PMO Hub writes a label for every field
 * of its types, in the edit view and as the list's column header, where the label is still the key,
 * so a label an administrator has changed is kept. Pure: the words, and which to apply.
 */

/** Words that a key does not spell out by itself. */
const LABELS: Record<string, string> = {
  workflowState: 'State',
  ragOverall: 'Overall RAG',
  ragSchedule: 'Schedule RAG',
  ragCost: 'Cost RAG',
  ragScope: 'Scope RAG',
  asOf: 'As of',
  percentComplete: 'Complete (%)',
  percent: 'Allocation (%)',
  costPercent: 'Cost tolerance (%)',
  scheduleDays: 'Schedule tolerance (days)',
  reviewCycleDays: 'Review cycle (days)',
  reportingCadence: 'Reporting cadence',
  varianceDays: 'Variance (days)',
  pmoRole: 'PMO role',
  lastReviewedAt: 'Last reviewed',
  approvedAt: 'Approved on',
  raisedBy: 'Raised by',
  ledDepartments: 'Departments led',
  managedProgrammes: 'Programmes managed',
  managedProjects: 'Projects managed',
  sponsoredProgrammes: 'Programmes sponsored',
  sponsoredProjects: 'Projects sponsored',
  ownedDocuments: 'Documents owned',
  appliesToStates: 'Applies to states',
  requiredDocumentTypes: 'Required document types',
  nextSteps: 'Next steps',
  jobTitle: 'Job title',
  riskTolerance: 'Risk tolerance (score)',
  fromProject: 'Project that depends',
  toProject: 'Project depended on',
  needBy: 'Needed by',
  responseActions: 'Response actions',
  id: 'ID',
  createdAt: 'Created',
  updatedAt: 'Last updated',
  publishedAt: 'Published',
  createdBy: 'Created by',
  updatedBy: 'Last updated by',
};

/** "changeAuthorityLimit" → "Change authority limit"; "nextReviewDue" → "Next review due". */
export function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The label a person reads for a field. */
export const fieldLabel = (field: string): string => LABELS[field] ?? humanise(field);

type Metadata = { edit?: Record<string, unknown>; list?: Record<string, unknown> };

/**
 * Writes the PMO label on each field whose edit or list label is still its key (Strapi's default)
 * or empty; answers whether anything changed. Labels someone wrote are left as they are.
 */
export function applyLabels(metadatas: Record<string, Metadata>): boolean {
  let changed = false;
  for (const [field, metadata] of Object.entries(metadatas)) {
    for (const view of [metadata.edit, metadata.list]) {
      if (!view) continue;
      const label = view.label;
      if (label === undefined || label === '' || label === field) {
        view.label = fieldLabel(field);
        changed = changed || view.label !== label;
      }
    }
  }
  return changed;
}
