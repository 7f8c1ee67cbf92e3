/**
 * The PMO's admin roles, as data. Keys are stable (DESIGN.md); names and descriptions are
 * display text. Each role states which app content types it may read, create, update, delete
 * and publish in the Content Manager, and which plugin actions it holds.
 */
import {
  ALLOCATION_UID,
  BUDGET_LINE_UID,
  CHANGE_REQUEST_UID,
  COST_ENTRY_UID,
  DECISION_UID,
  DEPARTMENT_UID,
  DEPENDENCY_UID,
  DOCUMENT_UID,
  ISSUE_UID,
  LESSON_UID,
  PERSON_UID,
  PORTFOLIO_UID,
  PROGRAMME_UID,
  PROJECT_UID,
  RISK_UID,
  STANDARD_UID,
  STATUS_REPORT_UID,
  TEMPLATE_UID,
} from '../../../shared/contracts/uids';
import { actions, type PmoAction } from '../permissions';

export { PMO_ROLE_KEYS, type PmoRoleKey } from '../../../shared/pmo-roles';
import type { PmoRoleKey } from '../../../shared/pmo-roles';

export type ContentAction = 'read' | 'create' | 'update' | 'delete' | 'publish';

export const APP_CONTENT_TYPES = {
  portfolio: PORTFOLIO_UID,
  programme: PROGRAMME_UID,
  project: PROJECT_UID,
  person: PERSON_UID,
  allocation: ALLOCATION_UID,
  department: DEPARTMENT_UID,
  standard: STANDARD_UID,
  template: TEMPLATE_UID,
  document: DOCUMENT_UID,
  statusReport: STATUS_REPORT_UID,
  budgetLine: BUDGET_LINE_UID,
  costEntry: COST_ENTRY_UID,
  changeRequest: CHANGE_REQUEST_UID,
  risk: RISK_UID,
  issue: ISSUE_UID,
  decision: DECISION_UID,
  lesson: LESSON_UID,
  dependency: DEPENDENCY_UID,
} as const;

const ALL = Object.values(APP_CONTENT_TYPES);
const EDIT: ContentAction[] = ['read', 'create', 'update', 'delete'];
const CT = APP_CONTENT_TYPES;

export type RoleDefinition = {
  key: PmoRoleKey;
  name: string;
  description: string;
  /** Content-type uid → actions; every role reads every app type, so only extra rights are listed. */
  content: Partial<Record<string, ContentAction[]>>;
  plugin: Array<PmoAction | string>;
  /** Media library: editors of templates and documents upload files. */
  upload: boolean;
};

/**
 * The RAID registers (risks, issues, decisions, lessons) and dependencies. The PMO's leadership
 * and its administrator keep them in full; a project manager records and updates them (as status
 * reports and documents: the model has no per-project conditions yet, so on every project); an
 * analyst, the change board and finance read them (finance sees the risks and their exposure,
 * which bear on contingency, but changes nothing). Every role reads every app type.
 */
const REGISTERS = [CT.risk, CT.issue, CT.decision, CT.lesson, CT.dependency];

const readAll = (): Record<string, ContentAction[]> =>
  Object.fromEntries(ALL.map((uid) => [uid, ['read'] as ContentAction[]]));

const grant = (uids: string[], rights: ContentAction[]) =>
  Object.fromEntries(uids.map((uid) => [uid, rights]));

export const ROLE_DEFINITIONS: RoleDefinition[] = [
  {
    key: 'pmo-director',
    name: 'PMO Director',
    description:
      'Leads the PMO: sees every portfolio, programme and project, approves what exceeds delegated authority.',
    // Publishes the standards and templates it approves (their workflows: compliance/publishing.ts).
    content: {
      ...readAll(),
      ...grant([CT.portfolio, CT.programme, ...REGISTERS], EDIT),
      ...grant([CT.standard, CT.template], ['read', 'publish']),
    },
    plugin: [actions.access, actions.settingsRead, actions.workflowsRead, actions.transitionsFire],
    upload: false,
  },
  {
    key: 'pmo-manager',
    name: 'PMO Manager',
    description:
      'Runs the PMO day to day: oversees projects and programmes, governance, change control and mentoring.',
    content: {
      ...grant(ALL, EDIT),
      ...grant([CT.standard, CT.template], [...EDIT, 'publish']),
    },
    plugin: [actions.access, actions.settingsRead, actions.workflowsRead, actions.transitionsFire],
    upload: true,
  },
  {
    key: 'pmo-analyst',
    name: 'PMO Analyst',
    description: 'Collects and checks status reports, documentation and figures across projects.',
    content: { ...readAll(), ...grant([CT.statusReport, CT.document, CT.changeRequest], ['read', 'create', 'update']) },
    plugin: [actions.access, actions.settingsRead, actions.workflowsRead, actions.transitionsFire],
    upload: true,
  },
  {
    key: 'pmo-administrator',
    name: 'PMO Administrator',
    description:
      'Keeps the PMO running: people, departments, standards, templates and (later) workflow definitions.',
    content: {
      ...readAll(),
      ...grant([CT.person, CT.department, CT.allocation, ...REGISTERS], EDIT),
      ...grant([CT.standard, CT.template], [...EDIT, 'publish']),
    },
    plugin: [actions.access, actions.settingsRead, actions.workflowsRead, actions.workflowsConfigure, actions.transitionsFire],
    upload: true,
  },
  {
    key: 'project-manager',
    name: 'Project Manager',
    description: 'Manages a project: reports status, keeps its documents current, raises changes.',
    content: {
      ...readAll(),
      ...grant([CT.statusReport, CT.document, CT.allocation, CT.changeRequest, ...REGISTERS], ['read', 'create', 'update']),
    },
    plugin: [actions.access, actions.settingsRead, actions.workflowsRead, actions.transitionsFire],
    upload: true,
  },
  {
    key: 'change-board',
    name: 'Change Board',
    description: 'Decides change requests above a project manager\'s tolerance.',
    content: readAll(),
    plugin: [actions.access, actions.settingsRead, actions.workflowsRead, actions.transitionsFire],
    upload: false,
  },
  {
    key: 'finance',
    name: 'Finance',
    description: 'Keeps budgets and actual costs, and takes the financial exports.',
    content: { ...readAll(), ...grant([CT.budgetLine, CT.costEntry], EDIT) },
    plugin: [actions.access, actions.settingsRead, actions.workflowsRead, actions.transitionsFire],
    upload: false,
  },
];
