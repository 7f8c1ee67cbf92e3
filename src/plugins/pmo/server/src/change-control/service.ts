/**
 * Change requests as the change-control pages read them (list filters, authority and change
 * budget), and raising one from the admin panel on behalf of the acting admin's person.
 */
import type { Core } from '@strapi/strapi';
import type {
  ChangeImpact,
  ChangeRequestDetail,
  ChangeRequestFilters,
  ChangeRequestPage,
  ChangeRequestSummary,
  RaiseInput,
} from '../../../shared/contracts/change-control';
import { CHANGE_REQUEST_PAGE_SIZE } from '../../../shared/contracts/change-control';
import { PROJECT_UID } from '../../../shared/contracts/uids';
import { formatMinor } from '../../../shared/money';
import { errors, invalidField } from '../platform/errors';
import { actorFacts, type AdminUser } from '../workflow';
import { authorityLevel, changeBudgetShortfall, costTolerance, explainAuthority, toMinor } from './authority';
import { BUDGET_LINE_UID, createProjectBudget, type ProjectRow } from './project-budget';
import { CHANGE_REQUEST_UID } from './reference';
import { currencyOf } from '../platform/currency';
import { getService } from '../services';
import { changeRequestSql } from './list-sql';

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

  const sql = changeRequestSql(strapi);

  /** A project by documentId or code, as the filter names it. */
  const projectNamed = async (key: string) =>
    (await strapi.db.query(PROJECT_UID as never).findOne({
      where: { $or: [{ documentId: key }, { code: key }] },
      select: ['id', 'documentId', 'code', 'name'],
    } as never)) as { id: number; documentId: string; code: string; name: string } | null;

  /** The states a change request stops in: the terminal ones of the stored change-control workflow. */
  async function terminalStates() {
    const workflow = await getService(strapi, 'workflow').workflowFor(CHANGE_REQUEST_UID);
    return (workflow?.definition.states ?? []).filter((state) => state.terminal).map((state) => state.key);
  }

  /** One page of the change requests the filters leave, in the order asked, and how many there are. */
  async function list(filters: ChangeRequestFilters): Promise<ChangeRequestPage> {
    const project = filters.project ? await projectNamed(filters.project) : null;
    const pageOf = { page: filters.page ?? 1, pageSize: filters.pageSize ?? CHANGE_REQUEST_PAGE_SIZE };
    if (filters.project && !project) return { results: [], pagination: { ...pageOf, total: 0 }, project: null };
    const found = await sql.page(filters, { projectId: project?.id, terminalStates: filters.open ? await terminalStates() : [] });
    const rows = found.ids.length
      ? ((await strapi.db.query(CHANGE_REQUEST_UID as never).findMany({ where: { id: { $in: found.ids } }, populate } as never)) as Array<Record<string, any>>)
      : [];
    const byId = new Map(rows.map((row) => [Number(row.id), row]));
    const now = Date.now();
    const results = found.ids.flatMap((id) => (byId.has(id) ? [summary(byId.get(id)!, now)] : []));
    return { results, pagination: found.pagination, project: project ? { documentId: project.documentId, code: project.code, name: project.name } : null };
  }

  /**
   * The change requests of these projects approved in a report's window (decided after the UTC day
   * `from`, up to the end of `to`), oldest decision first: one query for every project, bounded
   * by the window (the highlight reports' changes section).
   */
  async function approvedBetween(projectDocumentIds: string[], window: { from: string | null; to: string }): Promise<ChangeRequestSummary[]> {
    if (!projectDocumentIds.length) return [];
    const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY);
    const decisionDate: Record<string, Date> = { $lt: dayAfter(window.to) };
    if (window.from) decisionDate.$gte = dayAfter(window.from);
    const rows = (await strapi.db.query(CHANGE_REQUEST_UID as never).findMany({
      where: { project: { documentId: { $in: projectDocumentIds } }, decision: 'approved', decisionDate },
      populate,
      orderBy: [{ decisionDate: 'asc' }, { id: 'asc' }],
    } as never)) as Array<Record<string, any>>;
    const now = Date.now();
    return rows.map((row) => summary(row, now));
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

  return { list, approvedBetween, detail, raise };
}

export type ChangeControlService = ReturnType<typeof createChangeControlService>;

export function getChangeControlService(strapi: Core.Strapi): ChangeControlService {
  return strapi.plugin('pmo').service('changeControl') as ChangeControlService;
}
