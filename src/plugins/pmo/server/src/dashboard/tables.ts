/**
 * The tables and columns the dashboard reads, from Strapi's metadata (a renamed attribute does
 * not break a query), resolved once per process. Every type here is shared (shared/contracts/).
 */
import type { Core } from '@strapi/strapi';
import { GATE_CONDITION_UID, GATE_REVIEW_UID } from '../../../shared/contracts/governance';
import {
  DEPARTMENT_UID,
  DEPENDENCY_UID,
  DOCUMENT_UID,
  ISSUE_UID,
  PERSON_UID,
  PORTFOLIO_UID,
  PROGRAMME_UID,
  PROJECT_UID,
  RISK_UID,
} from '../../../shared/contracts/uids';
import { columnsOf } from '../platform/db';

function resolve(strapi: Core.Strapi) {
  const of = (uid: string) => columnsOf(strapi, uid);
  const project = of(PROJECT_UID);
  const programme = of(PROGRAMME_UID);
  const portfolio = of(PORTFOLIO_UID);
  const person = of(PERSON_UID);
  const department = of(DEPARTMENT_UID);
  const risk = of(RISK_UID);
  const issue = of(ISSUE_UID);
  const document = of(DOCUMENT_UID);
  const dependency = of(DEPENDENCY_UID);
  const review = of(GATE_REVIEW_UID);
  const condition = of(GATE_CONDITION_UID);
  const coded = (type: typeof project) => ({ table: type.table, documentId: type.column('documentId'), code: type.column('code'), name: type.column('name') });
  return {
    project: {
      ...coded(project),
      state: project.column('workflowState'),
      cadence: project.column('reportingCadence'),
      startDate: project.column('startDate'),
      createdAt: project.column('createdAt'),
      programme: project.link('programme'),
      manager: project.link('manager'),
    },
    programme: { ...coded(programme), portfolio: programme.link('portfolio') },
    portfolio: coded(portfolio),
    person: { table: person.table, documentId: person.column('documentId'), fullName: person.column('fullName'), department: person.link('department') },
    department: { table: department.table, documentId: department.column('documentId'), name: department.column('name') },
    risk: {
      table: risk.table,
      status: risk.column('status'),
      probability: risk.column('probability'),
      impact: risk.column('impact'),
      project: risk.link('project'),
      programme: risk.link('programme'),
    },
    issue: {
      table: issue.table,
      documentId: issue.column('documentId'),
      title: issue.column('title'),
      status: issue.column('status'),
      priority: issue.column('priority'),
      raisedOn: issue.column('raisedOn'),
      targetDate: issue.column('targetDate'),
      project: issue.link('project'),
      programme: issue.link('programme'),
      owner: issue.link('owner'),
    },
    document: {
      table: document.table,
      documentId: document.column('documentId'),
      title: document.column('title'),
      status: document.column('status'),
      nextReviewDue: document.column('nextReviewDue'),
      project: document.link('project'),
      programme: document.link('programme'),
      owner: document.link('owner'),
    },
    dependency: {
      table: dependency.table,
      documentId: dependency.column('documentId'),
      description: dependency.column('description'),
      needBy: dependency.column('needBy'),
      status: dependency.column('status'),
      from: dependency.link('fromProject'),
      to: dependency.link('toProject'),
    },
    review: {
      table: review.table,
      documentId: review.column('documentId'),
      gate: review.column('gate'),
      decision: review.column('decision'),
      scheduledDate: review.column('scheduledDate'),
      project: review.link('project'),
    },
    condition: {
      table: condition.table,
      documentId: condition.column('documentId'),
      text: condition.column('text'),
      dueDate: condition.column('dueDate'),
      done: condition.column('done'),
      review: condition.link('gateReview'),
      owner: condition.link('owner'),
    },
  };
}

export type DashboardTables = ReturnType<typeof resolve>;

let resolved: { strapi: Core.Strapi; tables: DashboardTables } | null = null;

/** The tables, resolved once per Strapi instance. */
export function dashboardTables(strapi: Core.Strapi): DashboardTables {
  if (!resolved || resolved.strapi !== strapi) resolved = { strapi, tables: resolve(strapi) };
  return resolved.tables;
}
