/**
 * The content-type UIDs more than one capability reads, written once. A capability that owns a
 * type (governance's gate reviews, mentoring's sessions) keeps its own UIDs; the types every
 * capability shares (people, projects, money, status) are named here. Pure: no Strapi import.
 */
export const PERSON_UID = 'api::person.person';
export const PORTFOLIO_UID = 'api::portfolio.portfolio';
export const PROGRAMME_UID = 'api::programme.programme';
export const PROJECT_UID = 'api::project.project';
export const STANDARD_UID = 'api::standard.standard';
export const TEMPLATE_UID = 'api::template.template';
export const DEPARTMENT_UID = 'api::department.department';
export const ALLOCATION_UID = 'api::allocation.allocation';
export const DOCUMENT_UID = 'api::document.document';
export const STATUS_REPORT_UID = 'api::status-report.status-report';
export const BUDGET_LINE_UID = 'api::budget-line.budget-line';
export const COST_ENTRY_UID = 'api::cost-entry.cost-entry';
export const CHANGE_REQUEST_UID = 'plugin::pmo.change-request';
/** The RAID registers (risks, issues, decisions, lessons) and dependencies between projects. */
export const RISK_UID = 'api::risk.risk';
export const ISSUE_UID = 'api::issue.issue';
export const DECISION_UID = 'api::decision.decision';
export const LESSON_UID = 'api::lesson.lesson';
export const DEPENDENCY_UID = 'api::dependency.dependency';

/** The Content Manager's own permission actions, which PMO routes check for the types they touch. */
export const CONTENT_MANAGER = {
  read: 'plugin::content-manager.explorer.read',
  create: 'plugin::content-manager.explorer.create',
  update: 'plugin::content-manager.explorer.update',
  delete: 'plugin::content-manager.explorer.delete',
  publish: 'plugin::content-manager.explorer.publish',
} as const;
