/**
 * Fields only the workflow engine or a capability may write, per content type, with the
 * capability that owns each and why. One list serves every path: the server refuses a change
 * made by anyone else with a 400 naming the field (server/src/security/protected-fields.ts), the
 * PMO roles' Content Manager create and update permissions leave these fields out
 * (roles/ensure-roles.ts), and the Content Manager shows them read-only with the reason as
 * their description (content-manager/layouts.ts). Pure: the admin may import it too.
 */
import { contentManagerLabel } from '../field-labels';
import { BUDGET_LINE_UID, DECISION_UID, RISK_UID, STATUS_REPORT_UID } from './uids';
import { MILESTONE_FORECAST_UID, MILESTONE_UID } from './milestones';

/**
 * The capabilities that write protected fields (the name `asCapability` takes); `record-labels`
 * is the core's naming of status reports and budget lines (server/src/content-manager/record-labels.ts).
 */
export type FieldOwner = 'workflow' | 'change-control' | 'compliance' | 'governance' | 'notifications' | 'record-labels' | 'raid' | 'people';

export type FieldProtection = {
  owner: FieldOwner;
  /** Who sets it, one line: the Content Manager's description and the refusal's wording. */
  reason: string;
  /** What the Content Manager calls the field, where its key's words would not do (`label` is "Title"). */
  name?: string;
};

const owned = (owner: FieldOwner, reason: string, name?: string): FieldProtection => ({ owner, reason, ...(name ? { name } : {}) });

const CHANGE_DECIDED = 'Recorded by change control when the change is authorised or rejected';
const GATE_HELD = 'Recorded by governance when the review is held on the gate review page';
/** The title Strapi names a status report or budget line by (shared/record-labels.ts). */
const RECORD_TITLE = 'Title';

/** Single fields of types people otherwise edit. */
export const PROTECTED_FIELDS: Record<string, Record<string, FieldProtection>> = {
  'api::project.project': {
    workflowState: owned('workflow', 'Set by the project lifecycle when a transition is fired, never by editing'),
    milestonesBaselinedOn: owned('people', "Recorded when the project passes gate 3 (investment decision): its milestones' baselines are frozen from that day"),
  },
  [MILESTONE_UID]: {
    varianceDays: owned('people', 'Derived by PMO Hub: the actual date (else the forecast) minus the baseline, in calendar days', 'Variance (days)'),
  },
  'plugin::pmo.change-request': {
    workflowState: owned('workflow', 'Set by change control when a transition is fired, never by editing'),
    reference: owned('change-control', 'Numbered by change control per project when the change is raised'),
    authorityLevel: owned('change-control', "Derived by change control from the cost impact and the project's tolerances"),
    decision: owned('change-control', CHANGE_DECIDED),
    decisionDate: owned('change-control', CHANGE_DECIDED),
    decidedBy: owned('change-control', CHANGE_DECIDED),
  },
  'api::document.document': {
    nextReviewDue: owned('compliance', 'Derived from the last review (or the approval) plus the review cycle'),
    // The document review workflow owns the state; `status` is kept equal to it (docs/documents.md).
    workflowState: owned('workflow', 'Set by the document review workflow when a step is fired, never by editing'),
    status: owned('workflow', 'Set by the document review workflow when a step is fired, never by editing'),
    approvedAt: owned('compliance', 'Recorded when the document is approved through its review workflow'),
    previousVersion: owned('compliance', "Set when a new version is made from the document's panel"),
    nextVersions: owned('compliance', "Set when a new version is made from the document's panel"),
  },
  'plugin::pmo.gate-review': {
    decision: owned('governance', GATE_HELD),
    decidedAt: owned('governance', GATE_HELD),
    recordedBy: owned('governance', GATE_HELD),
    heldDate: owned('governance', GATE_HELD),
    checklist: owned('governance', "Taken by governance from the standards' criteria and answered on the gate review page"),
  },
  'plugin::pmo.compliance-assessment': {
    score: owned('compliance', 'Derived by compliance from the results: met ÷ applicable criteria'),
    passed: owned('compliance', 'Derived by compliance from the results: every must-meet criterion met'),
  },
  'plugin::pmo.gate-condition': {
    doneOn: owned('governance', 'Recorded by governance when the condition is marked done'),
  },
  [RISK_UID]: {
    score: owned('raid', 'Derived by PMO Hub from the probability and the impact: probability × impact, from 1 to 25'),
  },
  [DECISION_UID]: {
    sourceDocumentId: owned('raid', 'Set by PMO Hub when it records a decision taken at a gate review or on a change request', 'Source record'),
  },
  [STATUS_REPORT_UID]: {
    label: owned('record-labels', 'Set by PMO Hub from the project and date', RECORD_TITLE),
  },
  [BUDGET_LINE_UID]: {
    label: owned('record-labels', 'Set by PMO Hub from the project, date and category', RECORD_TITLE),
  },
};

/** Types the engine writes entirely: every field is protected, and they cannot be deleted directly. */
export const OWNED_TYPES: Record<string, FieldProtection & { name: string }> = {
  'plugin::pmo.workflow': {
    name: 'Workflow definitions',
    ...owned('workflow', 'Kept by the workflow engine, which validates and versions each definition: edit workflows in PMO Hub'),
  },
  'plugin::pmo.workflow-instance': {
    name: 'Workflow instances',
    ...owned('workflow', 'Kept by the workflow engine as items move through their workflow'),
  },
  'plugin::pmo.transition-event': {
    name: 'Transition events',
    ...owned('workflow', 'Written by the workflow engine to the history, a permanent record'),
  },
  'plugin::pmo.outbox-message': {
    name: 'Outbox messages',
    ...owned('notifications', 'Queued by PMO Hub (workflow notify effects, reminders, digests) and delivered by its dispatch job: see the Outbox page'),
  },
  'plugin::pmo.notification-template': {
    name: 'Notification templates',
    ...owned('notifications', 'Kept by notifications, which checks their placeholders: edit them in Settings, PMO Hub, Notifications'),
  },
  'plugin::pmo.notification-preference': {
    name: 'Notification preferences',
    ...owned('notifications', 'Chosen by each person on their notification preferences'),
  },
  [MILESTONE_FORECAST_UID]: {
    name: 'Milestone forecasts',
    ...owned('people', "Recorded by PMO Hub each time a milestone's forecast changes, for its slip trend"),
  },
  'plugin::pmo.job-lease': {
    name: 'Job leases',
    ...owned('notifications', 'Kept by the scheduled jobs, so that each runs once per period'),
  },
};

/** The field the engine mirrors an item's workflow state on. */
export const STATE_FIELD = 'workflowState';

/**
 * Whether the plugin puts `workflowState` on the type's collection types (server/src/workflow/
 * state-field.ts): every type of the app and of the plugin.
 */
export const carriesStateField = (uid: string) => uid.startsWith('api::') || uid.startsWith('plugin::pmo.');

/** `workflowState` on every type that carries it and names no reason of its own (project, change request do). */
export const STATE_PROTECTION: FieldProtection = owned('workflow', 'Set by the workflow when a step is taken in its panel, never by editing');

/**
 * The types a workflow may govern: those carrying the state field, but for the ones the engine
 * and notifications keep themselves (OWNED_TYPES). Pure: the editor's choices use it too.
 */
export const isGovernable = (uid: string) => carriesStateField(uid) && !(uid in OWNED_TYPES);

/** Every protected single field of a type: its own, and `workflowState` where a workflow may govern the type. */
export function protectedFieldsOf(uid: string): Record<string, FieldProtection> {
  const own = PROTECTED_FIELDS[uid] ?? {};
  return isGovernable(uid) && !(STATE_FIELD in own) ? { ...own, [STATE_FIELD]: STATE_PROTECTION } : own;
}

/** How a field of a type is protected, if it is. */
export function protectionOf(uid: string, field: string): FieldProtection | undefined {
  return OWNED_TYPES[uid] ?? protectedFieldsOf(uid)[field];
}

/** Whether anything of the type is protected. */
export const hasProtectedFields = (uid: string) => uid in OWNED_TYPES || uid in PROTECTED_FIELDS || carriesStateField(uid);

/** The field as the Content Manager labels it: "Decision", "Next review due", "Title". */
export const protectedFieldName = (field: string, protection: FieldProtection) => protection.name ?? contentManagerLabel(field);

/**
 * The refusal in plain words, naming the field as the Content Manager labels it: '"Decision" is
 * recorded by change control when the change is authorised or rejected; it cannot be entered'.
 */
export function refusalOf(field: string, protection: FieldProtection): string {
  const reason = protection.reason.charAt(0).toLowerCase() + protection.reason.slice(1);
  return `"${protectedFieldName(field, protection)}" is ${reason}; it cannot be entered`;
}

/** The Content Manager's description of a protected field. */
export const descriptionOf = (protection: FieldProtection) => `${protection.reason}.`;
