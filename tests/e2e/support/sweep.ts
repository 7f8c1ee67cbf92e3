/**
 * The accessibility and wording sweep (tests/e2e/sweep.test.ts): who visits what, a small but
 * representative PMO seeded through the Document Service and PMO Hub's own routes, and the checks
 * every page must pass once it has settled. Pages and checks are data: add a page to `PMO_PAGES`
 * (or a content type to `CM_TYPES`) and every role that may open it visits it.
 */
import fs from 'fs';
import path from 'path';
import AxeBuilder from '@axe-core/playwright';
import type { Core } from '@strapi/strapi';
import type { Page, Request } from 'playwright-core';

import { ROLE_DEFINITIONS } from '../../../src/plugins/pmo/server/src/roles/definitions';
import { CAPABILITIES } from '../../../src/plugins/pmo/server/src/capabilities';
import { PMO_ROLE_KEYS } from '../../../src/plugins/pmo/shared/pmo-roles';
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
} from '../../../src/plugins/pmo/shared/contracts/uids';
import { CHANGE_CONTROL_RAISE, CHANGE_CONTROL_READ } from '../../../src/plugins/pmo/shared/contracts/change-control';
import { COMPLIANCE_READ, COMPLIANCE_READ_OWN, COMPLIANCE_RECORD } from '../../../src/plugins/pmo/shared/contracts/compliance';
import { CAPACITY_READ } from '../../../src/plugins/pmo/shared/contracts/capacity';
import { DASHBOARD_READ } from '../../../src/plugins/pmo/shared/contracts/dashboard';
import { EXPORTS_READ, FINANCE_READ } from '../../../src/plugins/pmo/shared/contracts/finance';
import { GATE_REVIEW_UID, GOVERNANCE_READ } from '../../../src/plugins/pmo/shared/contracts/governance';
import { MENTORING_USE } from '../../../src/plugins/pmo/shared/contracts/mentoring';
import { MILESTONE_UID } from '../../../src/plugins/pmo/shared/contracts/milestones';
import { PMO_ACCESS, WORKFLOWS_CONFIGURE, WORKFLOWS_READ } from '../../../src/plugins/pmo/shared/contracts/workflow';
import {
  NOTIFICATIONS_ADMINISTER,
  NOTIFICATION_PREFERENCES,
  NOTIFICATION_TEMPLATE_UID,
  OUTBOX_READ,
} from '../../../src/plugins/pmo/shared/contracts/notifications';
import { setDocumentState, type DocumentState } from '../../helpers/documents';
import { adminApi } from './mentoring-cast';
import { createCastMember, type CastMember } from './change-cast';
import { adminUser } from './governance-cast';
import { approveAndPublish } from '../../helpers/workflow-state';
import type { Credentials } from './server';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ARTIFACTS } = require('./constants');

export const SWEEP_ARTIFACTS = path.join(ARTIFACTS, 'sweep');

/* ---------------------------------------------------------------------------------------------
 * Who: the super admin and one user per PMO role, and what each may open
 * -------------------------------------------------------------------------------------------*/

export const SUPER_ADMIN = 'super-admin';
export const SWEEP_ROLES = [SUPER_ADMIN, ...PMO_ROLE_KEYS] as const;
export type SweepRole = (typeof SWEEP_ROLES)[number];

/** The plugin actions a PMO role holds: its definition's and what each capability grants it. */
function pluginActionsOf(role: string): Set<string> {
  const definition = ROLE_DEFINITIONS.find((d) => d.key === role);
  if (!definition) throw new Error(`no PMO role "${role}"`);
  return new Set<string>([
    ...definition.plugin,
    ...CAPABILITIES.flatMap((capability) => (capability.grants as Record<string, string[]> | undefined)?.[role] ?? []),
  ]);
}

/** True when `role` may read `uid` in the Content Manager (definitions and capability grants). */
function readsContentType(role: string, uid: string): boolean {
  const definition = ROLE_DEFINITIONS.find((d) => d.key === role)!;
  const granted = (definition.content[uid] ?? []) as string[];
  const extra = CAPABILITIES.flatMap(
    (capability) => ((capability.contentGrants as Record<string, Record<string, string[]>> | undefined)?.[role]?.[uid] ?? []) as string[]
  );
  return [...granted, ...extra].includes('read');
}

/* ---------------------------------------------------------------------------------------------
 * What: PMO Hub's pages and the Content Manager views of the PMO's types
 * -------------------------------------------------------------------------------------------*/

export type Seed = {
  /** documentIds (or keys) the page paths need, by name. */
  ids: Record<string, string>;
  /** Every seeded documentId: none may show on any page. */
  documentIds: string[];
};

export type SweepPage = {
  /** Unique, file-name safe: names the screenshot and the test. */
  id: string;
  path: (seed: Seed) => string;
  /** Plugin actions the role needs (all of them), or a content type it must read. */
  needs: { actions?: string[]; anyOf?: string[]; reads?: string };
  /** The content type whose attribute keys must not show (PMO pages: every PMO type's). */
  uid?: string;
  /** Only these roles (e.g. the mentor logs sessions); others skip the page. */
  only?: SweepRole[];
};

const PMO = '/admin/plugins/pmo';

/** PMO Hub's own pages (src/plugins/pmo/admin/src/pages/App.tsx, each *Routes.tsx, Settings → PMO Hub). */
export const PMO_PAGES: SweepPage[] = [
  // PMO Hub opens on the dashboard for roles that may see it, else on My work (its address
  // redirects there); the home page is a link away.
  { id: 'pmo-dashboard', path: () => `${PMO}/dashboard`, needs: { actions: [PMO_ACCESS, DASHBOARD_READ] } },
  { id: 'pmo-my-work', path: () => `${PMO}/my-work`, needs: { actions: [PMO_ACCESS] } },
  // Risks and issues: every register item, and a programme's after the responses.
  { id: 'raid', path: () => `${PMO}/raid`, needs: { actions: [PMO_ACCESS], reads: RISK_UID } },
  { id: 'raid-programme', path: ({ ids }) => `${PMO}/raid?programme=${ids.programme}&residual=1`, needs: { actions: [PMO_ACCESS], reads: RISK_UID } },
  { id: 'pmo-home', path: () => `${PMO}/home`, needs: { actions: [PMO_ACCESS] } },
  { id: 'my-notifications', path: () => `${PMO}/my-notifications`, needs: { actions: [PMO_ACCESS, NOTIFICATION_PREFERENCES] } },
  { id: 'mentoring', path: () => `${PMO}/mentoring`, needs: { actions: [PMO_ACCESS, MENTORING_USE] } },
  {
    id: 'mentoring-relationship',
    path: ({ ids }) => `${PMO}/mentoring/relationships/${ids.relationship}`,
    needs: { actions: [PMO_ACCESS, MENTORING_USE] },
  },
  {
    // Only the mentor logs a session.
    id: 'mentoring-session-new',
    path: ({ ids }) => `${PMO}/mentoring/relationships/${ids.relationship}/sessions/new`,
    needs: { actions: [PMO_ACCESS, MENTORING_USE] },
    only: ['project-manager'],
  },
  {
    id: 'mentoring-session-edit',
    path: ({ ids }) => `${PMO}/mentoring/relationships/${ids.relationship}/sessions/${ids.session}/edit`,
    needs: { actions: [PMO_ACCESS, MENTORING_USE] },
    only: ['project-manager'],
  },
  { id: 'finance', path: () => `${PMO}/finance`, needs: { actions: [PMO_ACCESS, FINANCE_READ] } },
  { id: 'finance-project', path: ({ ids }) => `${PMO}/finance/projects/${ids.executing}`, needs: { actions: [PMO_ACCESS, FINANCE_READ] } },
  {
    id: 'finance-project-budget',
    path: ({ ids }) => `${PMO}/finance/projects/${ids.executing}/budget-outline`,
    needs: { actions: [PMO_ACCESS, FINANCE_READ] },
  },
  { id: 'finance-programme', path: ({ ids }) => `${PMO}/finance/programmes/${ids.programme}`, needs: { actions: [PMO_ACCESS, FINANCE_READ] } },
  {
    id: 'finance-programme-budget',
    path: ({ ids }) => `${PMO}/finance/programmes/${ids.programme}/budget-outline`,
    needs: { actions: [PMO_ACCESS, FINANCE_READ] },
  },
  { id: 'finance-exports', path: () => `${PMO}/finance/exports`, needs: { actions: [PMO_ACCESS, EXPORTS_READ] } },
  { id: 'capacity', path: () => `${PMO}/capacity`, needs: { actions: [PMO_ACCESS, CAPACITY_READ] } },
  { id: 'capacity-person', path: ({ ids }) => `${PMO}/people/${ids.person}`, needs: { actions: [PMO_ACCESS, CAPACITY_READ] } },
  { id: 'governance', path: () => `${PMO}/governance`, needs: { actions: [PMO_ACCESS, GOVERNANCE_READ] } },
  { id: 'governance-project', path: ({ ids }) => `${PMO}/governance/projects/${ids.executing}`, needs: { actions: [PMO_ACCESS, GOVERNANCE_READ] } },
  { id: 'governance-review', path: ({ ids }) => `${PMO}/governance/reviews/${ids.review}`, needs: { actions: [PMO_ACCESS, GOVERNANCE_READ] } },
  { id: 'compliance', path: () => `${PMO}/compliance`, needs: { actions: [PMO_ACCESS], anyOf: [COMPLIANCE_READ, COMPLIANCE_READ_OWN] } },
  { id: 'compliance-record', path: () => `${PMO}/compliance/record`, needs: { actions: [PMO_ACCESS, COMPLIANCE_RECORD] } },
  {
    // The project manager manages the executing project, so reads its assessment too.
    id: 'compliance-assessment',
    path: ({ ids }) => `${PMO}/compliance/assessments/${ids.assessment}`,
    needs: { actions: [PMO_ACCESS], anyOf: [COMPLIANCE_READ, COMPLIANCE_READ_OWN] },
  },
  { id: 'change-requests', path: () => `${PMO}/change-requests`, needs: { actions: [PMO_ACCESS, CHANGE_CONTROL_READ] } },
  { id: 'change-request-new', path: () => `${PMO}/change-requests/new`, needs: { actions: [PMO_ACCESS, CHANGE_CONTROL_RAISE] } },
  {
    id: 'change-request',
    path: ({ ids }) => `${PMO}/change-requests/${ids.changeRequest}`,
    needs: { actions: [PMO_ACCESS, CHANGE_CONTROL_READ] },
  },
  { id: 'roadmap', path: ({ ids }) => `${PMO}/roadmap?programme=${ids.programme}`, needs: { actions: [PMO_ACCESS], reads: MILESTONE_UID }, uid: MILESTONE_UID },
  { id: 'slip-trend', path: ({ ids }) => `${PMO}/milestones/projects/${ids.executing}`, needs: { actions: [PMO_ACCESS], reads: MILESTONE_UID }, uid: MILESTONE_UID },
  { id: 'settings-workflows', path: () => '/admin/settings/pmo/workflows', needs: { actions: [WORKFLOWS_READ] } },
  {
    id: 'settings-workflow-project',
    path: ({ ids }) => `/admin/settings/pmo/workflows/${ids.projectWorkflow}`,
    needs: { actions: [WORKFLOWS_READ] },
  },
  {
    id: 'settings-workflow-change',
    path: ({ ids }) => `/admin/settings/pmo/workflows/${ids.changeWorkflow}`,
    needs: { actions: [WORKFLOWS_READ] },
  },
  { id: 'settings-workflow-new', path: () => '/admin/settings/pmo/workflows/new', needs: { actions: [WORKFLOWS_CONFIGURE] } },
  { id: 'settings-outbox', path: () => '/admin/settings/pmo/outbox', needs: { actions: [OUTBOX_READ] } },
  { id: 'settings-notifications', path: () => '/admin/settings/pmo/notifications', needs: { actions: [NOTIFICATIONS_ADMINISTER] } },
  {
    // The editor lists the placeholders the template may use ({{dueDate}}, {{daysLeft}}): they are
    // what an administrator types, so only the template type's own field keys are held against it.
    id: 'settings-notification-template',
    path: () => '/admin/settings/pmo/notifications/document-review-due',
    needs: { actions: [NOTIFICATIONS_ADMINISTER] },
    uid: NOTIFICATION_TEMPLATE_UID,
  },
];

/** The PMO's content types in the Content Manager, each with the seeded document its edit view opens. */
export const CM_TYPES: Array<{ uid: string; slug: string; seeded: string }> = [
  { uid: PORTFOLIO_UID, slug: 'portfolio', seeded: 'portfolio' },
  { uid: PROGRAMME_UID, slug: 'programme', seeded: 'programme' },
  { uid: PROJECT_UID, slug: 'project', seeded: 'executing' },
  { uid: STATUS_REPORT_UID, slug: 'status-report', seeded: 'statusReport' },
  { uid: BUDGET_LINE_UID, slug: 'budget-line', seeded: 'budgetLine' },
  { uid: COST_ENTRY_UID, slug: 'cost-entry', seeded: 'costEntry' },
  { uid: DOCUMENT_UID, slug: 'document', seeded: 'overdueDocument' },
  { uid: STANDARD_UID, slug: 'standard', seeded: 'standard' },
  { uid: TEMPLATE_UID, slug: 'template', seeded: 'template' },
  { uid: PERSON_UID, slug: 'person', seeded: 'person' },
  { uid: DEPARTMENT_UID, slug: 'department', seeded: 'department' },
  { uid: ALLOCATION_UID, slug: 'allocation', seeded: 'allocation' },
  { uid: CHANGE_REQUEST_UID, slug: 'change-request', seeded: 'changeRequest' },
  { uid: MILESTONE_UID, slug: 'milestone', seeded: 'milestone' },
  { uid: RISK_UID, slug: 'risk', seeded: 'risk' },
  { uid: ISSUE_UID, slug: 'issue', seeded: 'issue' },
  { uid: DECISION_UID, slug: 'decision', seeded: 'decision' },
  { uid: LESSON_UID, slug: 'lesson', seeded: 'lesson' },
  { uid: DEPENDENCY_UID, slug: 'dependency', seeded: 'dependency' },
];

const CM = '/admin/content-manager/collection-types';

export const CM_PAGES: SweepPage[] = CM_TYPES.flatMap(({ uid, slug, seeded }) => [
  { id: `cm-${slug}-list`, path: () => `${CM}/${uid}`, needs: { reads: uid }, uid },
  { id: `cm-${slug}-edit`, path: ({ ids }) => `${CM}/${uid}/${ids[seeded]}`, needs: { reads: uid }, uid },
]);

/** Whether `role` may open `page` (the super admin may open every page). */
export function mayOpen(role: SweepRole, page: SweepPage): boolean {
  if (page.only && !page.only.includes(role)) return false;
  if (role === SUPER_ADMIN) return true;
  const actions = pluginActionsOf(role);
  if (page.needs.actions && !page.needs.actions.every((action) => actions.has(action))) return false;
  if (page.needs.anyOf && !page.needs.anyOf.some((action) => actions.has(action))) return false;
  return page.needs.reads ? readsContentType(role, page.needs.reads) : true;
}

/** Every page × role the sweep visits, in role order (one browser context per role). */
export function sweepCases(): Array<{ role: SweepRole; page: SweepPage }> {
  return SWEEP_ROLES.flatMap((role) =>
    [...PMO_PAGES, ...CM_PAGES].filter((page) => mayOpen(role, page)).map((page) => ({ role, page }))
  );
}

/* ---------------------------------------------------------------------------------------------
 * The cast and the seed
 * -------------------------------------------------------------------------------------------*/

/** Names a person would have; each role's user also exists as a directory person. */
const NAMES: Record<string, [string, string]> = {
  'pmo-director': ['Diane', 'Director'],
  'pmo-manager': ['Mara', 'Manager'],
  'pmo-analyst': ['Anil', 'Analyst'],
  'pmo-administrator': ['Ada', 'Administrator'],
  'project-manager': ['Pat', "O'Connor"],
  'change-board': ['Bea', 'Board'],
  finance: ['Fay', 'Finance'],
};

export async function createRoleCast(strapi: Core.Strapi): Promise<Record<string, CastMember>> {
  const cast: Record<string, CastMember> = {};
  for (const role of PMO_ROLE_KEYS) {
    const [firstname, lastname] = NAMES[role];
    cast[role] = await createCastMember(strapi, [role], {
      firstname,
      lastname,
      // Not the role code: the visible text must carry no role code, and people lists show emails.
      email: `${firstname}.${lastname}`.toLowerCase().replace(/[^a-z.]/g, '') + '@sweep.test.pmo',
    });
  }
  return cast;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * A small PMO: a portfolio and a programme; projects proposed, initiating, executing, on hold and
 * cancelled; status reports, budget lines and cost entries; a current, an overdue and a
 * superseded document; a risk, an issue, a decision, a lesson and a late dependency; a standard, a template, a department and an allocation; a change request
 * raised by the project manager; a mentoring relationship (the project manager mentors the
 * analyst) with a session.
 */
export async function seedPmo(strapi: Core.Strapi, baseURL: string, cast: Record<string, CastMember>, admin: Credentials): Promise<Seed> {
  const ids: Record<string, string> = {};
  const documentIds: string[] = [];
  const create = async (uid: string, data: Record<string, unknown>) => {
    // A document's state belongs to its review workflow: created in draft, then put where the sweep needs it.
    const isDocument = uid === DOCUMENT_UID;
    const { status, approvedAt, ...fields } = data;
    const document = (await strapi.documents(uid as any).create({ data: isDocument ? fields : data } as any)) as unknown as { documentId: string };
    if (isDocument && status) await setDocumentState(document.documentId, status as DocumentState, approvedAt as string | undefined, strapi);
    documentIds.push(document.documentId);
    return document.documentId;
  };
  const pm = cast['project-manager'];
  const director = cast['pmo-director'];
  const engine = strapi.plugin('pmo').service('workflow') as any;
  const protectedFields = strapi.plugin('pmo').service('protectedFields') as { asCapability<T>(owner: 'governance', work: () => T): T };
  const asSuperAdmin = await strapi.db.query('admin::user').findOne({ where: { email: admin.email }, populate: ['roles'] });

  /** Takes a project through `gate` on the server: a go review recorded as governance would, the gate fired. */
  const passGate = async (project: string, gate: number) => {
    await protectedFields.asCapability('governance', () =>
      strapi.documents(GATE_REVIEW_UID as any).create({
        data: { project, gate, decision: 'go', heldDate: day(-200 + gate * 30), decisionNotes: `Gate ${gate} passed at the board` } as any,
      })
    );
    await engine.fire({ uid: PROJECT_UID, documentId: project, transition: `gate-${gate}` }, await adminUser(strapi, director.id));
  };
  const fire = async (project: string, transition: string, comment: string) =>
    engine.fire({ uid: PROJECT_UID, documentId: project, transition, comment }, asSuperAdmin);

  ids.portfolio = await create(PORTFOLIO_UID, { name: 'Digital transformation', code: 'SWP-PF', description: 'Everything digital' });
  ids.programme = await create(PROGRAMME_UID, {
    name: 'Customer platforms',
    code: 'SWP-PG',
    portfolio: ids.portfolio,
    manager: director.personId,
    changeAuthorityLimit: '2500000',
  });
  const project = (name: string, code: string, extra: Record<string, unknown> = {}) =>
    create(PROJECT_UID, {
      name,
      code,
      programme: ids.programme,
      manager: pm.personId,
      sponsor: director.personId,
      startDate: day(-240),
      endDate: day(180),
      changeBudget: '5000000',
      tolerances: { costPercent: 10, scheduleDays: 14 },
      ...extra,
    });
  ids.proposed = await project('Self-service portal', 'SWP-PROP');
  ids.initiating = await project('Contact centre renewal', 'SWP-INIT');
  ids.executing = await project('Billing system replacement', 'SWP-EXEC');
  ids.onHold = await project('Data warehouse', 'SWP-HOLD');
  ids.cancelled = await project('Kiosk pilot', 'SWP-CANC');

  // Money and progress for the executing project (BAC 60,000.00 plus a 5,000.00 reserve).
  for (const [index, month] of ['01', '02', '03', '04', '05', '06'].entries()) {
    const line = await create(BUDGET_LINE_UID, {
      project: ids.executing,
      period: `2026-${month}-01`,
      category: index % 2 ? 'capex' : 'labour',
      amount: '1000000',
      note: `Month ${index + 1}`,
    });
    if (index === 0) ids.budgetLine = line;
  }
  await create(BUDGET_LINE_UID, { project: ids.executing, period: '2026-03-01', category: 'management-reserve', amount: '500000' });
  await create(BUDGET_LINE_UID, { project: ids.initiating, period: '2026-04-01', category: 'labour', amount: '2300000' });
  ids.costEntry = await create(COST_ENTRY_UID, { project: ids.executing, date: '2026-01-20', category: 'labour', amount: '1234550', supplier: 'Acme Consulting', reference: 'INV-1001' });
  await create(COST_ENTRY_UID, { project: ids.executing, date: '2026-02-18', category: 'capex', amount: '980000', supplier: 'Northwind' });
  await create(COST_ENTRY_UID, { project: ids.executing, date: '2026-03-16', category: 'opex', amount: '450000' });
  ids.statusReport = await create(STATUS_REPORT_UID, {
    project: ids.executing,
    asOf: '2026-03-31',
    percentComplete: 45,
    ragOverall: 'amber',
    ragSchedule: 'amber',
    ragCost: 'green',
    ragScope: 'green',
    summary: 'Data migration is two weeks late; costs on plan.',
  });
  await create(STATUS_REPORT_UID, { project: ids.executing, asOf: '2026-02-28', percentComplete: 30, ragOverall: 'green' });
  await create(STATUS_REPORT_UID, { project: ids.initiating, asOf: '2026-03-31', percentComplete: 5, ragOverall: 'red', summary: 'No sponsor yet.' });

  // States: gates through the lifecycle, a hold and a cancellation.
  await passGate(ids.initiating, 1);
  for (const gate of [1, 2, 3]) await passGate(ids.executing, gate);
  await passGate(ids.onHold, 1);
  await fire(ids.onHold, 'hold', 'Waiting for the new data platform contract');
  await fire(ids.cancelled, 'cancel', 'The pilot showed customers prefer the app');

  // A scheduled review (the gate 4 review of the executing project) for the review page.
  const governance = strapi.plugin('pmo').service('governance') as any;
  const scheduled = await strapi.documents(GATE_REVIEW_UID as any).findMany({
    filters: { project: { documentId: ids.executing }, decision: { $null: true } } as any,
  } as any);
  ids.review =
    (scheduled as any[])[0]?.documentId ??
    (await governance.scheduleReview({ project: ids.executing, gate: 4 }, await adminUser(strapi, cast['pmo-manager'].id))).documentId;
  documentIds.push(ids.review);

  // Library: a standard, a template, documents current, overdue and superseded.
  ids.standard = await create(STANDARD_UID, {
    code: 'SWP-STD-BC',
    title: 'Business case',
    category: 'governance',
    version: '2.1',
    mandatory: true,
    appliesToStates: ['initiating'],
    requiredDocumentTypes: ['business-case'],
    checklist: [{ text: 'Business case approved by the sponsor', mustMeet: true }],
  });
  await approveAndPublish(strapi, STANDARD_UID, ids.standard);
  ids.template = await create(TEMPLATE_UID, { title: 'Business case template', documentType: 'business-case', version: '1.0', standard: ids.standard });
  ids.overdueDocument = await create(DOCUMENT_UID, {
    title: 'Project brief',
    documentType: 'project-brief',
    project: ids.executing,
    owner: pm.personId,
    version: '1.2',
    status: 'approved',
    approvedAt: `${day(-420)}T09:00:00.000Z`,
    lastReviewedAt: day(-400),
    reviewCycleDays: 90,
  });
  ids.currentDocument = await create(DOCUMENT_UID, {
    title: 'Risk register',
    documentType: 'risk-register',
    project: ids.executing,
    owner: pm.personId,
    status: 'in-review',
    lastReviewedAt: day(-10),
    reviewCycleDays: 90,
  });
  await create(DOCUMENT_UID, {
    title: 'Old project plan',
    documentType: 'project-plan',
    project: ids.executing,
    status: 'superseded',
    approvedAt: `${day(-520)}T09:00:00.000Z`,
    lastReviewedAt: day(-500),
    reviewCycleDays: 30,
  });

  // People: a department, an allocation; the people are the cast's.
  ids.person = pm.personId;
  ids.department = await create(DEPARTMENT_UID, { name: 'Project delivery', leader: director.personId, members: [pm.personId] });
  ids.allocation = await create(ALLOCATION_UID, { person: pm.personId, project: ids.executing, role: 'Project manager', percent: 60, startDate: day(-120), endDate: day(120) });
  // Milestones of the executing project (past gate 3: each baseline is its first forecast): one
  // achieved, one whose forecast then slipped three weeks past its baseline.
  await create(MILESTONE_UID, { project: ids.executing, name: 'Requirements signed off', forecastDate: day(-90), actualDate: day(-92) });
  ids.milestone = await create(MILESTONE_UID, { project: ids.executing, name: 'Billing go-live', forecastDate: day(40) });
  await strapi.documents(MILESTONE_UID as any).update({ documentId: ids.milestone, data: { forecastDate: day(61) } as any });
  documentIds.push(...Object.values(cast).map((member) => member.personId));

  // A change request raised by the project manager, through PMO Hub's route.
  const asPm = await adminApi(baseURL, pm);
  const change = await asPm.post<{ documentId: string }>('/pmo/change-requests', {
    project: ids.executing,
    title: 'Add a second payment provider',
    type: 'normal',
    category: 'request-for-change',
    priority: 'high',
    description: 'Customers asked for a second provider.',
    impact: { cost: '1234550', scheduleDays: 10, scope: 'A new integration' },
  });
  ids.changeRequest = change.documentId;
  documentIds.push(change.documentId);

  // A mentoring relationship (the project manager mentors the analyst) with a session.
  const asManager = await adminApi(baseURL, cast['pmo-manager']);
  const competencies: Array<{ key: string; documentId: string }> = await asManager.get('/pmo/mentoring/competencies');
  const focus = competencies.slice(0, 2).map((c) => c.documentId);
  const relationship = await asManager.post<{ documentId: string }>('/pmo/mentoring/relationships', {
    mentor: pm.personId,
    mentee: cast['pmo-analyst'].personId,
    goals: 'Lead a project within a year',
    focusCompetencies: focus,
    startDate: day(-90),
  });
  ids.relationship = relationship.documentId;
  const session = await asPm.post<{ documentId: string }>('/pmo/mentoring/sessions', {
    relationship: relationship.documentId,
    date: day(-30),
    durationMinutes: 60,
    topics: 'Planning the quarter',
    ratings: focus.map((competency) => ({ competency, rating: 3 })),
    sharedNotes: 'Agreed how we will work.',
    actionItems: [{ text: 'Send the risk register to the sponsor', owner: 'mentee', dueDate: day(-5) }],
  });
  ids.session = session.documentId;
  documentIds.push(relationship.documentId, session.documentId, ...focus);

  // A compliance assessment of the executing project against the business case standard.
  const assessment = await asManager.post<{ documentId: string }>('/pmo/compliance/assessments', {
    project: ids.executing,
    standard: ids.standard,
    results: [{ result: 'met', evidence: 'Signed by the sponsor on 3 March' }],
  });
  ids.assessment = assessment.documentId;
  documentIds.push(assessment.documentId);

  // The registers: a risk above tolerance and one of the programme's own, an issue, a decision,
  // a lesson, and a late dependency of the executing project on the initiating one.
  ids.risk = await create(RISK_UID, {
    title: 'Payment provider may not certify in time',
    type: 'threat',
    project: ids.executing,
    owner: pm.personId,
    cause: 'The certification queue is long',
    event: 'Certification slips past go-live',
    effect: 'Go-live moves a month',
    probability: 4,
    impact: 4,
    proximity: day(45),
    response: 'reduce',
    responseActions: 'Book the certification slot now',
    residualProbability: 2,
    residualImpact: 3,
  });
  await create(RISK_UID, { title: 'Benefits may arrive late', type: 'opportunity', programme: ids.programme, probability: 2, impact: 3, response: 'enhance' });
  ids.issue = await create(ISSUE_UID, {
    title: 'Test environment unavailable',
    project: ids.executing,
    owner: pm.personId,
    priority: 'critical',
    severity: 'high',
    raisedOn: day(-12),
    targetDate: day(-2),
  });
  ids.decision = await create(DECISION_UID, {
    title: 'Keep the legacy billing for one more quarter',
    decision: 'Run both systems until the migration is signed off.',
    decidedOn: day(-20),
    decidedBy: director.personId,
    project: ids.executing,
    source: 'meeting',
  });
  ids.lesson = await create(LESSON_UID, {
    title: 'Book certification early',
    project: ids.executing,
    category: 'planning',
    whatHappened: 'The certification queue delayed the pilot by three weeks.',
    recommendation: 'Book the certification slot when the contract is signed.',
    recordedOn: day(-15),
    tags: 'certification, suppliers',
  });
  ids.dependency = await create(DEPENDENCY_UID, {
    fromProject: ids.executing,
    toProject: ids.initiating,
    description: 'Customer data model from the contact centre',
    needBy: day(-10),
    status: 'open',
  });

  // The workflows' keys, for their editor pages.
  const workflows = (await strapi.db.query('plugin::pmo.workflow' as any).findMany({})) as Array<{ key: string; appliesTo: string; documentId: string }>;
  ids.projectWorkflow = workflows.find((w) => w.appliesTo === PROJECT_UID)!.key;
  ids.changeWorkflow = workflows.find((w) => w.appliesTo === CHANGE_REQUEST_UID)!.key;
  documentIds.push(...workflows.map((w) => w.documentId));

  return { ids, documentIds: [...new Set(documentIds.filter(Boolean))] };
}

/* ---------------------------------------------------------------------------------------------
 * Vocabulary the visible text must not carry
 * -------------------------------------------------------------------------------------------*/

export type Vocabulary = {
  /** Content type → its camelCase attribute keys (and its components'). */
  keysByType: Record<string, string[]>;
  /** Every PMO type's camelCase keys: none may show on PMO Hub's own pages. */
  allKeys: string[];
  /** Enumeration values written as keys (`management-reserve`, `in-review`). */
  enumKeys: string[];
  currency: string;
};

const isCamel = (key: string) => /[a-z][A-Z]/.test(key);

export function vocabularyOf(strapi: Core.Strapi): Vocabulary {
  const componentKeys = (attributes: Record<string, any>): string[] =>
    Object.entries(attributes).flatMap(([key, attribute]) => [
      key,
      ...(attribute.type === 'component' ? componentKeys((strapi.components as any)[attribute.component]?.attributes ?? {}) : []),
    ]);
  const types = Object.entries(strapi.contentTypes as Record<string, any>).filter(([uid]) => uid.startsWith('api::') || uid.startsWith('plugin::pmo.'));
  const keysByType: Record<string, string[]> = {};
  const enumKeys = new Set<string>();
  for (const [uid, type] of types) {
    keysByType[uid] = [...new Set(componentKeys(type.attributes).filter(isCamel))];
    for (const attribute of Object.values(type.attributes as Record<string, any>)) {
      if (attribute.type === 'enumeration') for (const value of attribute.enum) if (/-/.test(value)) enumKeys.add(value);
    }
  }
  // Role codes are checked on their own (with their own message); names with hyphens only.
  for (const role of PMO_ROLE_KEYS) enumKeys.delete(role);
  return {
    keysByType,
    allKeys: [...new Set(Object.values(keysByType).flat())],
    enumKeys: [...enumKeys],
    currency: String((strapi.config.get('plugin::pmo') as { currency?: string } | undefined)?.currency ?? 'EUR'),
  };
}

/**
 * Pages where "Strapi" may show: Strapi's own settings pages (Overview, API tokens, …), which
 * are Strapi's to word. PMO Hub's pages, its settings (Settings → PMO Hub) and the Content
 * Manager views of its types are not on it.
 */
export const STRAPI_ALLOWED = [/^\/admin\/settings\/(?!pmo\/)/];

/* ---------------------------------------------------------------------------------------------
 * Visiting and settling
 * -------------------------------------------------------------------------------------------*/

/** The requests a page has in flight, so a visit can wait for it to go quiet. */
export function trackRequests(page: Page) {
  const pending = new Set<Request>();
  page.on('request', (request) => pending.add(request));
  page.on('requestfinished', (request) => pending.delete(request));
  page.on('requestfailed', (request) => pending.delete(request));
  return pending;
}

/**
 * Opens `url` in the admin panel without reloading it (the router follows the history), then
 * waits until it has settled: no request in flight and no loader for `quietMs`. Answers what was
 * still loading when it gave up waiting (nothing when it settled).
 */
export async function visit(page: Page, url: string, pending: Set<Request>, quietMs = 400): Promise<string[]> {
  const here = new URL(page.url());
  if (here.pathname.startsWith('/admin') && !here.pathname.startsWith('/admin/auth')) {
    await page.evaluate((to) => {
      window.history.pushState({}, '', to);
      window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
    }, url);
  } else {
    await page.goto(url);
  }
  await page.waitForFunction((to) => window.location.pathname === to.split('?')[0], url);
  const deadline = Date.now() + 20_000;
  let quietSince = Date.now();
  let loader = false;
  while (Date.now() < deadline) {
    loader = await page.evaluate(() => Boolean(document.querySelector('[aria-busy="true"]')) || /Loading content/.test(document.body.innerText));
    if (pending.size > 0 || loader) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return [];
    await page.waitForTimeout(100);
  }
  return [...[...pending].map((request) => `${request.method()} ${new URL(request.url()).pathname}`), ...(loader ? ['a loader'] : [])];
}

/* ---------------------------------------------------------------------------------------------
 * The checks
 * -------------------------------------------------------------------------------------------*/

const MONTHS = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const DATE_PATTERNS: Array<[RegExp, string]> = [
  [new RegExp(`\\b(?:${MONTHS})[a-z]* \\d{1,2}, \\d{4}\\b`, 'g'), 'a date written month first'],
  [/\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),/g, 'a date with its weekday'],
  [/\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b/g, 'an ISO date'],
  [/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g, 'a date with slashes'],
  // "Sep 25" (month and a two-digit year, or a month-first day), not "25 Sep 2026" nor "Sep 2026".
  [new RegExp(`(?<!\\d )\\b(?:${MONTHS}) \\d{1,2}\\b(?![\\d,:])`, 'g'), 'a month followed by a day or a two-digit year'],
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const word = (text: string, flags = '') => new RegExp(`(?<![\\w-])${escape(text)}(?![\\w-])`, flags);

function excerpt(text: string, index: number, length: number) {
  return JSON.stringify(text.slice(Math.max(0, index - 30), index + length + 30).replace(/\s+/g, ' ').trim());
}

/** What is wrong with the visible text: keys, documentIds, role codes, "Strapi", dates, money. */
export function wordingProblems(
  text: string,
  { pathname, uid, vocabulary, documentIds }: { pathname: string; uid?: string; vocabulary: Vocabulary; documentIds: string[] }
): string[] {
  const problems: string[] = [];
  const keys = uid ? vocabulary.keysByType[uid] ?? [] : vocabulary.allKeys;
  // Case-insensitive: a column header styled upper case reads WORKFLOWSTATE in innerText.
  const shown = keys.filter((key) => word(key, 'i').test(text));
  if (shown.length) problems.push(`attribute keys shown: ${shown.map((k) => excerpt(text, text.search(word(k, 'i')), k.length)).join('; ')}`);
  const enums = vocabulary.enumKeys.filter((value) => word(value).test(text));
  if (enums.length) problems.push(`values shown as keys: ${enums.map((k) => excerpt(text, text.search(word(k)), k.length)).join('; ')}`);
  const ids = documentIds.filter((id) => text.includes(id));
  if (ids.length) problems.push(`documentIds shown: ${ids.map((id) => excerpt(text, text.indexOf(id), id.length)).join('; ')}`);
  // Hyphenated codes only: "finance" is also an ordinary word.
  const codes = [...PMO_ROLE_KEYS, 'strapi-super-admin'].filter((code) => code.includes('-') && word(code).test(text));
  if (codes.length) problems.push(`role codes shown: ${codes.map((c) => excerpt(text, text.search(word(c)), c.length)).join('; ')}`);
  if (!STRAPI_ALLOWED.some((allowed) => allowed.test(pathname))) {
    const strapi = [...text.matchAll(/Strapi/g)];
    if (strapi.length) problems.push(`"Strapi" shown ${strapi.length}×: ${strapi.slice(0, 3).map((m) => excerpt(text, m.index!, 6)).join('; ')}`);
  }
  for (const [pattern, what] of DATE_PATTERNS) {
    const found = [...text.matchAll(pattern)];
    if (found.length) problems.push(`${what} (not "2 Dec 2026"): ${found.slice(0, 3).map((m) => excerpt(text, m.index!, m[0].length)).join('; ')}`);
  }
  problems.push(...moneyProblems(text, vocabulary.currency));
  return problems;
}

/** Money only as `1,234.50 EUR`: grouped, two decimals, the code after the amount. */
export function moneyProblems(text: string, currency: string): string[] {
  const wrong: string[] = [];
  const code = escape(currency);
  // An amount before the code on the same line; not a year ending a chart's axis ("Jun 2027 EUR").
  const before = new RegExp(`(?:^|[ (])(?<!(?:${MONTHS}) )([-−]?[\\d€$£][\\d,.]*)[ \u00a0]?${code}\\b`, 'gm');
  for (const match of text.matchAll(before)) {
    if (!/^[-−]?\d{1,3}(?:,\d{3})*\.\d{2}$/.test(match[1])) wrong.push(excerpt(text, match.index!, match[0].length));
  }
  // The code or a symbol before an amount on the same line ("EUR 1,234.50", "€1,234"), not a
  // column header "EUR" above or beside its cells (tabs and new lines part them in innerText).
  for (const match of text.matchAll(new RegExp(`\\b${code}[ \u00a0]?[-−]?\\d|[€£$][ \u00a0]?\\d`, 'g'))) {
    wrong.push(excerpt(text, match.index!, match[0].length));
  }
  // Amounts in sentences without grouping ("45000.00").
  for (const match of text.matchAll(/(?<![\d,.])\d{4,}\.\d{2}(?![\d])/g)) wrong.push(excerpt(text, match.index!, match[0].length));
  return wrong.length ? [`money not as "1,234.50 ${currency}": ${[...new Set(wrong)].slice(0, 4).join('; ')}`] : [];
}

/** Horizontal scroll on the body or the admin's main scroll container; content cut off on the right. */
/**
 * Date inputs (the design system's date pickers, PMO Hub's and Strapi's own) take and show dates in
 * British order: their placeholder, which the picker derives from its locale, is DD/MM/YYYY, and a
 * filled one reads as a valid day in that order (the sweep's PMO has dates past the 12th, which a
 * month-first field would show as 03/31/2026).
 */
export async function dateInputProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const pickers = Array.from(document.querySelectorAll<HTMLInputElement>('input[role="combobox"][aria-haspopup="dialog"][inputmode="numeric"]'));
    for (const input of pickers) {
      const name = input.labels?.[0]?.innerText.replace(/\*$/, '').trim() || input.name || 'a date';
      // Strapi's own inputs pass the field's (empty) placeholder; the value below is then the check.
      if (input.placeholder && input.placeholder !== 'DD/MM/YYYY') problems.push(`the date field "${name}" takes dates as ${input.placeholder}, not DD/MM/YYYY`);
      const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(input.value);
      if (input.value && (!match || Number(match[2]) > 12)) problems.push(`the date field "${name}" shows ${input.value}, not a day as DD/MM/YYYY`);
    }
    return problems;
  });
}

export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const body = document.scrollingElement!;
    if (body.scrollWidth > body.clientWidth + 1) problems.push(`the page body scrolls horizontally (${body.scrollWidth} px wide in ${body.clientWidth} px)`);
    const main = document.querySelector('main');
    let container: HTMLElement | null = main?.parentElement ?? null;
    while (container && container !== document.body) {
      const style = getComputedStyle(container);
      if (/(auto|scroll)/.test(style.overflowY) || /(auto|scroll)/.test(style.overflowX)) break;
      container = container.parentElement;
    }
    if (container && container !== document.body && container.scrollWidth > container.clientWidth + 1) {
      problems.push(`the admin's main scroll container scrolls horizontally (${container.scrollWidth} px wide in ${container.clientWidth} px)`);
    }
    // The main content clips what overflows (overflow-x: hidden): what is clipped cannot be reached.
    const content = document.querySelector('[data-strapi-main-content]') as HTMLElement | null;
    if (content && content.scrollWidth > content.clientWidth + 1) {
      problems.push(`content is cut off on the right: ${content.scrollWidth - content.clientWidth} px beyond the main area cannot be reached`);
    }
    return problems;
  });
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core's serious and critical WCAG 2.1 A/AA violations, one line each with the elements. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // Violations only: collecting passes and incomplete results doubles the time axe takes.
  const results = await new AxeBuilder({ page: page as any }).withTags(AXE_TAGS).options({ resultTypes: ['violations'] }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => {
      const nodes = violation.nodes.slice(0, 4).map((node) => {
        const target = node.target.join(' ');
        const html = node.html.replace(/\s+/g, ' ').slice(0, 140);
        return `${target} ${html}`;
      });
      const more = violation.nodes.length > 4 ? ` (+${violation.nodes.length - 4} more)` : '';
      return `axe ${violation.id} (${violation.impact}, ${violation.nodes.length}×): ${violation.help} — ${nodes.join(' | ')}${more}`;
    });
}

/** Problems a page shows itself: no permission, an error page, an unknown page. */
export function deadEndProblems(text: string): string[] {
  const problems: string[] = [];
  if (/You don['’]t have the permissions/i.test(text)) problems.push('the page says the user has no permission (a dead end)');
  if (/Woops! Something went wrong/i.test(text)) problems.push('the page shows the error page');
  if (/Page not found|Oops! We can['’]t seem to find the page/i.test(text)) problems.push('the page shows "page not found"');
  return problems;
}

export function screenshotPath(role: string, pageId: string) {
  const dir = path.join(SWEEP_ARTIFACTS, role);
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${pageId}.png`);
}
