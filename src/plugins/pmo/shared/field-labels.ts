/**
 * A field's label as the Content Manager shows it, in the PMO's words: Strapi shows a field's key
 * ("ragOverall", "workflowState", "asOf") until someone renames it by hand, so PMO Hub writes
 * these labels (server content-manager/labels.ts), and every message that quotes a field by its
 * label ('"Raised on" must be a date') uses the same words. Pure: shared by the server and the admin.
 */
import { capitalise, humanise } from './words';

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
export const labelFromKey = (key: string): string => capitalise(humanise(key));

/** The label a person reads for a field. */
export const contentManagerLabel = (field: string): string => LABELS[field] ?? labelFromKey(field);
