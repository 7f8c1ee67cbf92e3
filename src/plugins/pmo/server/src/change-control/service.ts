/**
 * Change requests as the change-control pages read them (list filters, authority and change
 * budget), and raising one from the admin panel on behalf of the acting admin's person.
 */
import type { Core } from '@strapi/strapi';
import type {
  ChangeImpact,
  ChangeRequestDetail,
  ChangeRequestFilters,
  ChangeRequestSummary,
  RaiseInput,
} from '../../../shared/contracts/change-control';
import { formatMinor } from '../../../shared/money';
import { errors, invalidField } from '../platform/errors';
import { actorFacts, type AdminUser } from '../workflow';
import { authorityLevel, changeBudgetShortfall, costTolerance, explainAuthority, toMinor } from './authority';
import { BUDGET_LINE_UID, createProjectBudget, type ProjectRow } from './project-budget';
import { CHANGE_REQUEST_UID } from './reference';
import { currencyOf } from '../platform/currency';

export type { ChangeRequestFilters };

const DAY = 86400000;
const money = (minor: bigint | null) => (minor === null ? null : formatMinor(minor));

function summary(row: Record<string, any>, now: number): ChangeRequestSummary {
  const created = row.createdAt ? new Date(row.createdAt).getTime() : now;
  return {
    documentId: row.documentId,
    reference: row.reference ?? null,
    title: row.title,
    type: row.type,
    category: row.category,
    priority: row.priority ?? null,
    state: row.workflowState ?? null,
    project: row.project ? { documentId: row.project.documentId, code: row.project.code, name: row.project.name } : null,
    raisedBy: row.raisedBy ? { documentId: row.raisedBy.documentId, fullName: row.raisedBy.fullName } : null,
    costImpact: money(toMinor(row.impact?.cost)),
    scheduleDays: row.impact?.scheduleDays ?? null,
    authorityLevel: row.authorityLevel ?? null,
    decision: row.decision ?? null,
    decisionDate: row.decisionDate ?? null,
    createdAt: row.createdAt ?? null,
    ageDays: Math.max(0, Math.floor((now - created) / DAY)),
  };
}

/** The stored impact component as the answer carries it: the cost in minor units, as a string. */
function impactOf(impact: Record<string, any>): ChangeImpact {
  const orNull = <T>(value: T | undefined) => (value === undefined ? null : value);
  return {
    cost: impact.cost === null || impact.cost === undefined ? null : String(impact.cost),
    scheduleDays: orNull(impact.scheduleDays),
    scope: orNull(impact.scope),
    quality: orNull(impact.quality),
    risk: orNull(impact.risk),
    benefits: orNull(impact.benefits),
  };
}

export function createChangeControlService(strapi: Core.Strapi) {
  const budget = createProjectBudget(strapi);
  const populate = {
    impact: true,
    project: { select: ['documentId', 'code', 'name'] },
    raisedBy: { select: ['documentId', 'fullName', 'email'] },
  };

  async function list(filters: ChangeRequestFilters): Promise<ChangeRequestSummary[]> {
    const where: Record<string, unknown> = {};
    if (filters.project) where.project = { $or: [{ documentId: filters.project }, { code: filters.project }] };
    if (filters.state) where.workflowState = filters.state;
    if (filters.type) where.type = filters.type;
    if (filters.olderThanDays !== undefined) where.createdAt = { $lte: new Date(Date.now() - filters.olderThanDays * DAY) };
    const rows = await strapi.db.query(CHANGE_REQUEST_UID as never).findMany({ where, populate, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] } as never);
    const now = Date.now();
    return (rows as Array<Record<string, any>>).map((row) => summary(row, now));
  }

  /** The `change` budget line that authorising this change added (drawChangeBudget notes it "<reference>: <title>"). */
  async function drawnLine(project: ProjectRow, reference: string | null) {
    if (!reference) return null;
    const line = (await strapi.db.query(BUDGET_LINE_UID as never).findOne({
      where: { project: { id: project.id }, category: 'change', note: { $startsWith: `${reference}:` } },
      select: ['documentId', 'period', 'amount'],
      orderBy: { id: 'asc' },
    } as never)) as { documentId: string; period: string; amount: string | number } | null;
    return line ? { documentId: line.documentId, period: line.period, amount: formatMinor(toMinor(line.amount) ?? BigInt(0)) } : null;
  }

  async function detail(documentId: string): Promise<ChangeRequestDetail> {
    const row = (await strapi.db.query(CHANGE_REQUEST_UID as never).findOne({
      where: { documentId },
      populate: { ...populate, decidedBy: { select: ['documentId', 'fullName'] } },
    } as never)) as Record<string, any> | null;
    if (!row) throw new errors.NotFoundError('There is no such change request (it may have been deleted)');
    const cost = toMinor(row.impact?.cost);
    const project = row.project ? await budget.findProject({ documentId: row.project.documentId }) : null;
    let authority = null;
    let changeBudget = null;
    let changeBudgetAfter: string | null = null;
    let budgetLine = null;
    if (project) {
      const { facts, limitSource } = await budget.authorityFacts(project, cost);
      authority = {
        level: row.authorityLevel ?? null,
        levelNow: authorityLevel(facts),
        explanation: explainAuthority(facts, currencyOf(strapi)),
        budgetAtCompletion: formatMinor(facts.bac),
        costPercent: facts.costPercent,
        costTolerance: formatMinor(costTolerance(facts.bac, facts.costPercent)),
        changeAuthorityLimit: formatMinor(facts.limit),
        limitSource,
      };
      const remaining = budget.remainingChangeBudget(project);
      const shortfall = cost === null ? null : changeBudgetShortfall(remaining, cost);
      changeBudget = { remaining: formatMinor(remaining), shortfall: money(shortfall) };
      budgetLine = await drawnLine(project, row.reference ?? null);
      // What the change would leave of the budget, until it has drawn on it.
      if (!budgetLine && cost !== null) changeBudgetAfter = formatMinor(remaining - cost);
    }
    return {
      ...summary(row, Date.now()),
      description: row.description ?? null,
      reason: row.reason ?? null,
      severity: row.severity ?? null,
      impact: row.impact ? impactOf(row.impact) : null,
      options: row.options ?? null,
      recommendation: row.recommendation ?? null,
      conditions: row.conditions ?? null,
      decidedBy: (row.decidedBy ?? []).map((person: any) => ({ documentId: person.documentId, fullName: person.fullName })),
      authority,
      changeBudget,
      /** The remaining change budget once this change is authorised; null once it has drawn (or has no cost impact yet). */
      changeBudgetAfter,
      /** The `change` budget line its authorisation added, or null. */
      budgetLine,
    };
  }

  /**
   * Raises a change request for the acting admin user: raisedBy is their person (matched by
   * email, as the workflow engine matches actors); the Document Service middleware numbers the
   * reference and derives the authority level in the create's transaction.
   */
  async function raise(input: RaiseInput, user: AdminUser) {
    const [raisedBy] = (await actorFacts(strapi, user)).personIds;
    if (!raisedBy) {
      throw invalidField(
        ['raisedBy'],
        `No one in the people directory has your email (${user.email ?? 'none'}), so PMO Hub cannot record who raised the change; ask a PMO administrator to add you to People`
      );
    }
    const project = await budget.findProject({ documentId: input.project });
    if (!project) throw invalidField(['project'], 'Choose a project: the one given does not exist (it may have been deleted)');
    const created = await strapi.documents(CHANGE_REQUEST_UID as never).create({
      data: { ...input, project: project.documentId, raisedBy },
    } as never);
    return detail((created as { documentId: string }).documentId);
  }

  return { list, detail, raise };
}

export type ChangeControlService = ReturnType<typeof createChangeControlService>;

export function getChangeControlService(strapi: Core.Strapi): ChangeControlService {
  return strapi.plugin('pmo').service('changeControl') as ChangeControlService;
}
