/**
 * Who may use each route of PMO Hub: the declared expectation the access matrix
 * (access.test.ts) holds the running app to, written from the README (Roles, Security, each
 * capability's section) and docs/, not read from the code. One entry per route, as mounted
 * (method and path pattern); the callers listed are allowed, every other caller must be refused
 * (401 or 403). A new route fails the matrix until it has an entry here (docs/security.md).
 */
import { PMO_ROLES } from '../helpers/strapi';

export const CALLERS = ['anonymous', ...PMO_ROLES, 'super-admin', 'read-only-token', 'full-access-token', 'custom-token'] as const;
export type Caller = (typeof CALLERS)[number];
type Who = readonly Caller[];

/** Every admin user of PMO Hub: each PMO role and the super admin (plugin::pmo.access and the like). */
const EVERY_ADMIN: Who = ['pmo-director', 'pmo-manager', 'pmo-analyst', 'pmo-administrator', 'project-manager', 'change-board', 'finance', 'super-admin'];
const but = (...left: Caller[]): Who => EVERY_ADMIN.filter((caller) => !left.includes(caller));
/** Workflow definitions are changed by PMO administrators only. */
const CONFIGURE: Who = ['pmo-administrator', 'super-admin'];
/** Mentoring (plugin::pmo.mentoring.use): directors, managers, analysts and project managers; each relationship is then seen by its parties and oversight only. */
const MENTORING: Who = ['pmo-director', 'pmo-manager', 'pmo-analyst', 'project-manager', 'super-admin'];
/** Money across every project: the PMO's leadership and analysts, and finance (plugin::pmo.finance.read, exports.read). */
const MONEY: Who = ['pmo-director', 'pmo-manager', 'pmo-analyst', 'finance', 'super-admin'];
/** Compliance: read by the PMO and project managers (their own projects), not by the change board or finance. */
const COMPLIANCE: Who = but('change-board', 'finance');
/** Capacity and people's bookings: the PMO's leadership, analysts and project managers. */
const CAPACITY: Who = ['pmo-director', 'pmo-manager', 'pmo-analyst', 'project-manager', 'super-admin'];
/** Who edits documents in the Content Manager (the review and new-version routes follow it). */
const DOCUMENT_EDITORS: Who = ['pmo-manager', 'pmo-analyst', 'project-manager', 'super-admin'];
/** The outbox and the jobs: read by the director, run by the administrator. */
const OUTBOX: Who = ['pmo-director', 'pmo-administrator', 'super-admin'];
const NOTIFICATIONS_ADMIN: Who = ['pmo-administrator', 'super-admin'];

/** The Content API of one app type (core router: list, read, create, update, delete): read-only tokens read, full-access tokens do everything. */
function appType(plural: string, extraReaders: Who = []): Record<string, Who> {
  const readers: Who = ['read-only-token', 'full-access-token', ...extraReaders];
  return {
    [`GET /api/${plural}`]: readers,
    [`GET /api/${plural}/:id`]: readers,
    [`POST /api/${plural}`]: ['full-access-token'],
    [`PUT /api/${plural}/:id`]: ['full-access-token'],
    [`DELETE /api/${plural}/:id`]: ['full-access-token'],
  };
}

export const EXPECTATIONS: Record<string, Who> = {
  // The load balancer's readiness route: public (DESIGN.md, docs/deployment.md).
  'GET /pmo/health': CALLERS,
  'GET /pmo/settings': EVERY_ADMIN,

  // The workflow engine: everyone reads workflows and history and fires transitions (the engine
  // then judges the actor); only PMO administrators change definitions and try them for others.
  'GET /pmo/workflows': EVERY_ADMIN,
  'GET /pmo/workflows/:key': EVERY_ADMIN,
  'GET /pmo/workflow-instances': EVERY_ADMIN,
  'GET /pmo/workflow-roles': EVERY_ADMIN,
  'GET /pmo/history': EVERY_ADMIN,
  'POST /pmo/transitions': EVERY_ADMIN,
  'POST /pmo/workflows/validate': CONFIGURE,
  'POST /pmo/workflows': CONFIGURE,
  'PUT /pmo/workflows/:key': CONFIGURE,
  'GET /pmo/workflows/:key/try/users': CONFIGURE,
  'GET /pmo/workflows/:key/try/items': CONFIGURE,
  'POST /pmo/workflows/:key/try': CONFIGURE,

  // Documents: read by every role (every role reads every app type); reviewed and versioned by their editors.
  'GET /pmo/documents/overdue': EVERY_ADMIN,
  'GET /pmo/documents/:documentId/review': EVERY_ADMIN,
  'PUT /pmo/documents/:documentId/review': DOCUMENT_EDITORS,
  'POST /pmo/documents/:documentId/versions': DOCUMENT_EDITORS,

  // Compliance: assessments recorded by the PMO's manager, analysts and administrator.
  'GET /pmo/compliance/matrix': COMPLIANCE,
  'GET /pmo/compliance/standards': COMPLIANCE,
  'GET /pmo/compliance/assessments': COMPLIANCE,
  'GET /pmo/compliance/assessments/:documentId': COMPLIANCE,
  'POST /pmo/compliance/assessments': ['pmo-manager', 'pmo-analyst', 'pmo-administrator', 'super-admin'],
  'GET /pmo/exports/compliance.csv': COMPLIANCE,

  // Mentoring: every route needs mentoring.use. "Next session" is the mentor's (what to log next):
  // oversight sees the relationship but logs nothing in it, so the director, the manager and the
  // super admin get a 403 for a relationship they do not mentor (the others a 404: they do not see it).
  'GET /pmo/mentoring/me': MENTORING,
  'GET /pmo/mentoring/competencies': MENTORING,
  'GET /pmo/mentoring/relationships': MENTORING,
  'POST /pmo/mentoring/relationships': MENTORING,
  'GET /pmo/mentoring/relationships/:documentId': MENTORING,
  'PUT /pmo/mentoring/relationships/:documentId': MENTORING,
  'DELETE /pmo/mentoring/relationships/:documentId': MENTORING,
  'GET /pmo/mentoring/relationships/:documentId/timeline': MENTORING,
  'GET /pmo/mentoring/relationships/:documentId/next-session': ['pmo-analyst', 'project-manager'],
  'GET /pmo/mentoring/ratings': MENTORING,
  'GET /pmo/mentoring/sessions': MENTORING,
  'POST /pmo/mentoring/sessions': MENTORING,
  'GET /pmo/mentoring/sessions/:documentId': MENTORING,
  'PUT /pmo/mentoring/sessions/:documentId': MENTORING,
  'DELETE /pmo/mentoring/sessions/:documentId': MENTORING,
  'PUT /pmo/mentoring/sessions/:documentId/action-items/:itemId': MENTORING,
  'GET /pmo/mentoring/action-items': MENTORING,
  'GET /pmo/mentoring/reports/hours': MENTORING,
  'GET /pmo/mentoring/exports/hours.csv': MENTORING,

  // RAID registers: whoever reads the register in the Content Manager (every role).
  'GET /pmo/raid/heatmap': EVERY_ADMIN,
  'GET /pmo/raid/summary': EVERY_ADMIN,
  'GET /pmo/raid/dependencies': EVERY_ADMIN,
  'GET /pmo/exports/risk-register.csv': EVERY_ADMIN,
  'GET /pmo/exports/risk-register.xlsx': EVERY_ADMIN,
  'GET /pmo/exports/issue-log.csv': EVERY_ADMIN,
  'GET /pmo/exports/issue-log.xlsx': EVERY_ADMIN,
  'GET /pmo/exports/decision-log.csv': EVERY_ADMIN,
  'GET /pmo/exports/decision-log.xlsx': EVERY_ADMIN,
  'GET /pmo/exports/lessons.csv': EVERY_ADMIN,
  'GET /pmo/exports/lessons.xlsx': EVERY_ADMIN,

  // People and planning: capacity for the PMO and project managers; an allocation's warnings and
  // milestones for whoever reads allocations and milestones (every role).
  'GET /pmo/capacity': CAPACITY,
  'GET /pmo/capacity/people/:documentId': CAPACITY,
  'GET /pmo/exports/capacity.csv': CAPACITY,
  'GET /pmo/capacity/allocations/:documentId/warnings': EVERY_ADMIN,
  'GET /pmo/milestones/slip-trend': EVERY_ADMIN,
  'GET /pmo/roadmap': EVERY_ADMIN,
  'GET /pmo/exports/milestones.csv': EVERY_ADMIN,

  // Finance: earned value, budget outlines and the financial exports.
  'GET /pmo/evm/projects/:documentId': MONEY,
  'GET /pmo/evm/programmes/:documentId': MONEY,
  'GET /pmo/evm/portfolios/:documentId': MONEY,
  'GET /pmo/evm/projects/:documentId/series': MONEY,
  'GET /pmo/evm/programmes/:documentId/series': MONEY,
  'GET /pmo/budget-outline/projects/:documentId': MONEY,
  'GET /pmo/budget-outline/programmes/:documentId': MONEY,
  'GET /pmo/exports/:report.csv': MONEY,

  // Governance: every role reads the board and the reviews; the director and the manager hold them.
  'GET /pmo/governance/board': EVERY_ADMIN,
  'GET /pmo/governance/projects/:documentId': EVERY_ADMIN,
  'GET /pmo/gate-reviews': EVERY_ADMIN,
  'GET /pmo/gate-reviews/:documentId': EVERY_ADMIN,
  'POST /pmo/gate-reviews': ['pmo-director', 'pmo-manager', 'super-admin'],
  'PUT /pmo/gate-reviews/:documentId': ['pmo-director', 'pmo-manager', 'super-admin'],
  'PUT /pmo/gate-conditions/:documentId': EVERY_ADMIN,

  // Change control: read by every role but the administrator; raised by those who create change requests.
  'GET /pmo/change-requests': but('pmo-administrator'),
  'GET /pmo/change-requests/:documentId': but('pmo-administrator'),
  'POST /pmo/change-requests': ['pmo-manager', 'pmo-analyst', 'project-manager', 'super-admin'],

  // Search, my work, notifications.
  'GET /pmo/search': EVERY_ADMIN,
  'GET /pmo/my-work': EVERY_ADMIN,
  'GET /pmo/notification-preferences': EVERY_ADMIN,
  'PUT /pmo/notification-preferences': EVERY_ADMIN,
  'GET /pmo/outbox': OUTBOX,
  'GET /pmo/jobs': OUTBOX,
  'POST /pmo/outbox/:documentId/retry': NOTIFICATIONS_ADMIN,
  'POST /pmo/jobs/:key/run': NOTIFICATIONS_ADMIN,
  'GET /pmo/notification-templates': NOTIFICATIONS_ADMIN,
  'GET /pmo/notification-templates/:key': NOTIFICATIONS_ADMIN,
  'PUT /pmo/notification-templates/:key': NOTIFICATIONS_ADMIN,
  'POST /pmo/notification-templates/:key/preview': NOTIFICATIONS_ADMIN,

  // Dashboard and highlight reports: every role.
  'GET /pmo/dashboard': EVERY_ADMIN,
  'GET /pmo/exports/dashboard.xlsx': EVERY_ADMIN,
  'GET /pmo/reports/highlight/projects/:documentId.pdf': EVERY_ADMIN,
  'GET /pmo/reports/highlight/programmes/:documentId.pdf': EVERY_ADMIN,

  // The plugin's Content API: file downloads, each its own action, so a read-only token (which
  // holds only find and findOne) gets none; the custom token holds the finance exports only.
  'GET /api/pmo/exports/risk-register.csv': ['full-access-token'],
  'GET /api/pmo/exports/issue-log.csv': ['full-access-token'],
  'GET /api/pmo/exports/decision-log.csv': ['full-access-token'],
  'GET /api/pmo/exports/lessons.csv': ['full-access-token'],
  'GET /api/pmo/exports/capacity.csv': ['full-access-token'],
  'GET /api/pmo/exports/milestones.csv': ['full-access-token'],
  'GET /api/pmo/exports/:report.csv': ['full-access-token', 'custom-token'],

  // The app's types: no public access; the custom token reads projects only.
  ...appType('portfolios'),
  ...appType('programmes'),
  ...appType('projects', ['custom-token']),
  ...appType('people'),
  ...appType('departments'),
  ...appType('allocations'),
  ...appType('standards'),
  ...appType('templates'),
  ...appType('documents'),
  ...appType('status-reports'),
  ...appType('budget-lines'),
  ...appType('cost-entries'),
  ...appType('milestones'),
  ...appType('risks'),
  ...appType('issues'),
  ...appType('decisions'),
  ...appType('lessons'),
  ...appType('dependencies'),
};

/** Writes whose probe may answer 2xx because they only compute (nothing is stored). */
export const SAFE_WRITES: string[] = ['POST /pmo/workflows/validate'];
