/**
 * The portfolio dashboard (docs/dashboard.md): one round of set-based queries, run together,
 * each covering every project in scope, then the figures (figures.ts). Counts are over every
 * project; each list is read in its order up to DASHBOARD_LIST_LIMIT items with its full count
 * (every item for the workbook). A section the caller may not read is null; finance figures come
 * from finance's own set-based earned value for the scope.
 */
import type { Core } from '@strapi/strapi';
import { GATE_CONDITION_UID, GATE_NAMES, GATE_REVIEW_UID, GOVERNANCE_READ, type GateNumber } from '../../../shared/contracts/governance';
import { FINANCE_READ, type AsOf, type EvmFigures } from '../../../shared/contracts/finance';
import {
  DASHBOARD_LIST_LIMIT,
  UPCOMING_REVIEW_DAYS,
  type DashboardAnswer,
  type DashboardFilters,
  type LateDependency,
  type LateReport,
  type OverdueItem,
  type UpcomingReview,
} from '../../../shared/contracts/dashboard';
import { parseIsoDate, today } from '../../../shared/calendar';
import { DEPENDENCY_UID, DOCUMENT_UID, ISSUE_UID, PROJECT_UID, RISK_UID, STATUS_REPORT_UID } from '../../../shared/contracts/uids';
import type { CodedRef } from '../../../shared/contracts/refs';
import { addCalendarMonths, addDays, formatIsoDate } from '../platform/dates';
import { forbidden } from '../platform/errors';
import { getService } from '../services';
import { dayOf, daysLate, distribution, firstLine, heatmapCells, lateReports, projectsByState, ragCounts, worst, type EvmRow, type ReportingRow } from './figures';
import { createDashboardQueries, type Limit, type Row } from './queries';
import { createScopes, type Ability, type Scope } from './scope';

/** Finance's earned value of the scope: the totals, and each project's indices and variances (finance/evm.ts `indicesForProjects`). */
type EarnedValue = {
  indicesForProjects(projectIn: Scope['projects'] | null, asOf: AsOf): Promise<{ total: EvmFigures & { currency: string }; projects: EvmRow[] }>;
};

/** A coded item from the `<prefix>_document_id`, `_code`, `_name` columns; null when absent. */
const coded = (row: Row, prefix: string): CodedRef | null =>
  row[`${prefix}_document_id`] ? { documentId: row[`${prefix}_document_id`], code: row[`${prefix}_code`] ?? '', name: row[`${prefix}_name`] ?? '' } : null;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A list's full count, from its rows' window count (no row: none). */
const totalOf = (rows: Row[] | null) => (rows ? Number(rows[0]?.total_count ?? 0) : null);

/** "Gate 3 (investment decision) review of Alpha". */
export const reviewTitle = (gate: number, project: string | null) =>
  `Gate ${gate}${GATE_NAMES[gate as GateNumber] ? ` (${GATE_NAMES[gate as GateNumber]})` : ''} review${project ? ` of ${project}` : ''}`;

export function createDashboardService(strapi: Core.Strapi) {
  const scopes = createScopes(strapi);
  const queries = createDashboardQueries(strapi);
  const earnedValue = () => strapi.plugin('pmo').service('earnedValue') as EarnedValue;

  async function lifecycle() {
    const workflow = await getService(strapi, 'workflow').workflowFor(PROJECT_UID);
    return workflow ? { states: workflow.definition.states, initial: workflow.definition.initial } : { states: [], initial: null };
  }

  /** Each late project as the list names it (names and manager read for the listed ones only). */
  async function lateReportItems(candidates: ReportingRow[] | null, day: string, limit: Limit): Promise<{ items: LateReport[]; total: number } | null> {
    if (!candidates) return null;
    const late = lateReports(candidates, day);
    const listed = limit === null ? late : late.slice(0, limit);
    const details = new Map((await queries.projectDetails(listed.map((row) => row.id))).map((row) => [Number(row.id), row]));
    const items = listed.map(({ id, code, cadence, lastReport, dueDate, periodsLate }): LateReport => {
      const project = details.get(id);
      return { uid: PROJECT_UID, documentId: project?.document_id ?? '', title: project?.name ?? code, code, manager: project?.manager ?? null, cadence, lastReport, dueDate, periodsLate };
    });
    return { items, total: late.length };
  }

  /**
   * The whole dashboard for the filters, within the caller's rights: each list its first
   * DASHBOARD_LIST_LIMIT items, or every item with `complete` (the workbook).
   */
  async function dashboard(filters: DashboardFilters, ability: Ability, options: { complete?: boolean } = {}): Promise<DashboardAnswer> {
    const projectsReadable = scopes.readable(ability, PROJECT_UID);
    if (!projectsReadable.can) throw forbidden('You may not read projects, so the dashboard has nothing to show you');
    const limit: Limit = options.complete ? null : DASHBOARD_LIST_LIMIT;
    const asOfText = filters.asOf ?? today();
    const asOf: AsOf = { date: parseIsoDate(asOfText)!, text: formatIsoDate(parseIsoDate(asOfText)!) };
    const previousDay = addCalendarMonths(asOf.text, -1);
    const scope = await scopes.scopeOf(filters, projectsReadable.only);

    const reports = scopes.readable(ability, STATUS_REPORT_UID);
    const risks = scopes.readable(ability, RISK_UID);
    const issues = scopes.readable(ability, ISSUE_UID);
    const documents = scopes.readable(ability, DOCUMENT_UID);
    const dependencies = scopes.readable(ability, DEPENDENCY_UID);
    const finance = ability.can(FINANCE_READ);
    const governance = ability.can(GOVERNANCE_READ);
    const none = Promise.resolve(null);

    // One round: every query at once, each over the whole scope. The RAG counts at asOf and a month
    // earlier are grouped by the database; the late reports' candidates are the few projects whose
    // last report (or start) is old enough to be late.
    const [flow, stateRows, candidateRows, ragRows, previousRows, evm, heatRows, issueRows, documentRows, conditionRows, reviewRows, dependencyRows] =
      await Promise.all([
        lifecycle(),
        queries.projectsByState(scope) as Promise<Row[]>,
        reports.can ? (queries.lateCandidates(scope, asOf.text, reports) as Promise<ReportingRow[]>) : none,
        reports.can ? (queries.ragCounts(scope, asOf.text, reports) as Promise<Row[]>) : none,
        reports.can ? (queries.ragCounts(scope, previousDay, reports) as Promise<Row[]>) : none,
        finance ? earnedValue().indicesForProjects(scope.all ? null : scope.projects, asOf) : none,
        risks.can ? (queries.heatmap(scope, risks) as Promise<Row[]>) : none,
        issues.can ? (queries.criticalIssues(scope, asOf.text, issues, limit) as Promise<Row[]>) : none,
        documents.can ? (queries.overdueDocuments(scope, asOf.text, documents, limit) as Promise<Row[]>) : none,
        governance ? (queries.overdueConditions(scope, asOf.text, limit) as Promise<Row[]>) : none,
        governance ? (queries.upcomingReviews(scope, asOf.text, addDays(asOf.text, UPCOMING_REVIEW_DAYS), limit) as Promise<Row[]>) : none,
        dependencies.can ? (queries.lateDependencies(scope, asOf.text, dependencies, limit) as Promise<Row[]>) : none,
      ]);

    const byState = projectsByState(stateRows as Array<{ state: string | null; count: unknown }>, flow.states, flow.initial);
    const projectCount = byState.reduce((sum, state) => sum + state.count, 0);
    const late = await lateReportItems(candidateRows, asOf.text, limit);

    const evmRows: EvmRow[] = evm ? evm.projects : [];

    const overdue: OverdueItem[] | null =
      documentRows || conditionRows
        ? [
            ...(documentRows ?? []).map((row): OverdueItem => ({
              uid: DOCUMENT_UID,
              documentId: row.document_id,
              title: row.title,
              kind: 'document',
              project: coded(row, 'project'),
              programme: coded(row, 'programme'),
              owner: row.owner ?? null,
              dueDate: dayOf(row.due_date)!,
              daysOverdue: daysLate(dayOf(row.due_date)!, asOf.text),
              review: null,
            })),
            ...(conditionRows ?? []).map((row): OverdueItem => ({
              uid: GATE_CONDITION_UID,
              documentId: row.document_id,
              title: firstLine(row.text, 'Gate condition'),
              kind: 'gate-condition',
              project: coded(row, 'project'),
              programme: null,
              owner: row.owner ?? null,
              dueDate: dayOf(row.due_date)!,
              daysOverdue: daysLate(dayOf(row.due_date)!, asOf.text),
              review: row.review ?? null,
            })),
          ]
            .sort((a, b) => b.daysOverdue - a.daysOverdue || byText(a.title, b.title))
            .slice(0, limit ?? undefined)
        : null;

    return {
      asOf: asOf.text,
      scope: { ...scope.named, projects: projectCount },
      projectsByState: byState,
      rag:
        ragRows && previousRows
          ? { ...ragCounts(ragRows, projectCount), previous: { asOf: previousDay, ...ragCounts(previousRows, projectCount) } }
          : null,
      evm: evm
        ? {
            currency: evm.total.currency,
            bac: evm.total.bac,
            pv: evm.total.pv,
            ev: evm.total.ev,
            ac: evm.total.ac,
            cpi: evm.total.cpi,
            spi: evm.total.spi,
            distribution: { cpi: distribution(evmRows, 'cpi', limit), spi: distribution(evmRows, 'spi', limit) },
          }
        : null,
      worst: evm ? worst(evmRows) : null,
      heatmap: heatRows ? heatmapCells(heatRows as never) : null,
      criticalIssues: issueRows
        ? issueRows.map((row) => {
            const targetDate = dayOf(row.target_date);
            return {
              uid: ISSUE_UID,
              documentId: row.document_id,
              title: row.title,
              project: coded(row, 'project'),
              programme: coded(row, 'programme'),
              owner: row.owner ?? null,
              raisedOn: dayOf(row.raised_on),
              targetDate,
              overdue: targetDate !== null && targetDate < asOf.text,
            };
          })
        : null,
      overdueDocuments: overdue,
      lateStatusReports: late ? late.items : null,
      upcomingGateReviews: reviewRows
        ? reviewRows.map((row): UpcomingReview => {
            const project = coded(row, 'project');
            return {
              uid: GATE_REVIEW_UID,
              documentId: row.document_id,
              title: reviewTitle(Number(row.gate), project?.name ?? null),
              project,
              gate: Number(row.gate),
              scheduledDate: dayOf(row.scheduled_date)!,
            };
          })
        : null,
      lateDependencies: dependencyRows
        ? dependencyRows.map((row): LateDependency => {
            const needBy = dayOf(row.need_by)!;
            return {
              uid: DEPENDENCY_UID,
              documentId: row.document_id,
              title: firstLine(row.description, 'Dependency'),
              from: coded(row, 'from'),
              to: coded(row, 'to'),
              needBy,
              daysLate: daysLate(needBy, asOf.text),
              status: row.status,
            };
          })
        : null,
      totals: {
        criticalIssues: totalOf(issueRows),
        overdueDocuments: documentRows || conditionRows ? (totalOf(documentRows) ?? 0) + (totalOf(conditionRows) ?? 0) : null,
        lateStatusReports: late ? late.total : null,
        upcomingGateReviews: totalOf(reviewRows),
        lateDependencies: totalOf(dependencyRows),
      },
    };
  }

  return { dashboard };
}

export type DashboardService = ReturnType<typeof createDashboardService>;

export function getDashboardService(strapi: Core.Strapi): DashboardService {
  return strapi.plugin('pmo').service('dashboard') as DashboardService;
}
