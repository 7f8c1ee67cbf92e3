/**
 * The portfolio dashboard (docs/dashboard.md): one round of set-based queries, run together,
 * each covering every project in scope, then the figures (figures.ts). A section the caller may
 * not read is null; finance figures come from finance's own set-based earned value for the scope.
 */
import type { Core } from '@strapi/strapi';
import { GATE_CONDITION_UID, GATE_NAMES, GATE_REVIEW_UID, GOVERNANCE_READ, type GateNumber } from '../../../shared/contracts/governance';
import { FINANCE_READ, type AsOf, type EvmFigures, type ProjectEvmRow } from '../../../shared/contracts/finance';
import {
  UPCOMING_REVIEW_DAYS,
  type DashboardAnswer,
  type DashboardFilters,
  type LateDependency,
  type OverdueItem,
  type UpcomingReview,
} from '../../../shared/contracts/dashboard';
import { parseIsoDate, today } from '../../../shared/calendar';
import { DEPENDENCY_UID, DOCUMENT_UID, ISSUE_UID, PROJECT_UID, RISK_UID, STATUS_REPORT_UID } from '../../../shared/contracts/uids';
import type { CodedRef } from '../../../shared/contracts/refs';
import { addCalendarMonths, addDays, formatIsoDate } from '../platform/dates';
import { forbidden } from '../platform/errors';
import { getService } from '../services';
import { dayOf, daysLate, distribution, firstLine, heatmapCells, lateReports, projectsByState, ragCounts, worst, type EvmRow, type ProjectRow } from './figures';
import { createDashboardQueries, REPORTING_STATES, type Row } from './queries';
import { createScopes, type Ability, type Scope } from './scope';

type EarnedValue = {
  forProjects(projectIn: Scope['projects'], asOf: AsOf): Promise<{ total: EvmFigures & { currency: string }; projects: ProjectEvmRow[] }>;
};

/** A coded item from the `<prefix>_document_id`, `_code`, `_name` columns; null when absent. */
const coded = (row: Row, prefix: string): CodedRef | null =>
  row[`${prefix}_document_id`] ? { documentId: row[`${prefix}_document_id`], code: row[`${prefix}_code`] ?? '', name: row[`${prefix}_name`] ?? '' } : null;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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

  /** The whole dashboard for the filters, within the caller's rights. */
  async function dashboard(filters: DashboardFilters, ability: Ability): Promise<DashboardAnswer> {
    const projectsReadable = scopes.readable(ability, PROJECT_UID);
    if (!projectsReadable.can) throw forbidden('You may not read projects, so the dashboard has nothing to show you');
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

    // One round: every query at once, each over the whole scope.
    const [flow, projectRows, latestRows, previousRows, evm, heatRows, issueRows, documentRows, conditionRows, reviewRows, dependencyRows] =
      await Promise.all([
        lifecycle(),
        queries.projects(scope) as Promise<ProjectRow[]>,
        reports.can ? (queries.latestReports(scope, asOf.text, reports) as Promise<Row[]>) : none,
        reports.can ? (queries.latestReports(scope, previousDay, reports) as Promise<Row[]>) : none,
        finance ? earnedValue().forProjects(scope.projects, asOf) : none,
        risks.can ? (queries.heatmap(scope, risks) as Promise<Row[]>) : none,
        issues.can ? (queries.criticalIssues(scope, asOf.text, issues) as Promise<Row[]>) : none,
        documents.can ? (queries.overdueDocuments(scope, asOf.text, documents) as Promise<Row[]>) : none,
        governance ? (queries.overdueConditions(scope, asOf.text) as Promise<Row[]>) : none,
        governance ? (queries.upcomingReviews(scope, asOf.text, addDays(asOf.text, UPCOMING_REVIEW_DAYS)) as Promise<Row[]>) : none,
        dependencies.can ? (queries.lateDependencies(scope, asOf.text, dependencies) as Promise<Row[]>) : none,
      ]);

    const projects = projectRows.map((row) => ({ ...row, id: Number(row.id) }));
    const latestOf = (rows: Row[]) => new Map(rows.map((row) => [Number(row.project_id), { overall: row.overall ?? null, asOf: dayOf(row.as_of) }]));
    const latest = latestRows ? latestOf(latestRows) : null;

    const evmRows: EvmRow[] = evm
      ? evm.projects.map((row) => ({ documentId: row.documentId, code: row.code, name: row.name, cpi: row.cpi, spi: row.spi, cv: row.cv, sv: row.sv }))
      : [];

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
          ].sort((a, b) => b.daysOverdue - a.daysOverdue || byText(a.title, b.title))
        : null;

    return {
      asOf: asOf.text,
      scope: { ...scope.named, projects: projects.length },
      projectsByState: projectsByState(projects, flow.states, flow.initial),
      rag: latest && previousRows ? { ...ragCounts(projects, latest), previous: { asOf: previousDay, ...ragCounts(projects, latestOf(previousRows)) } } : null,
      evm: evm
        ? {
            currency: evm.total.currency,
            bac: evm.total.bac,
            pv: evm.total.pv,
            ev: evm.total.ev,
            ac: evm.total.ac,
            cpi: evm.total.cpi,
            spi: evm.total.spi,
            distribution: { cpi: distribution(evmRows, 'cpi'), spi: distribution(evmRows, 'spi') },
          }
        : null,
      worst: evm ? worst(evmRows) : null,
      heatmap: heatRows ? heatmapCells(heatRows as never) : null,
      criticalIssues: issueRows
        ? issueRows
            .map((row) => {
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
            .sort((a, b) => byText(a.targetDate ?? '9999', b.targetDate ?? '9999') || byText(a.raisedOn ?? '', b.raisedOn ?? '') || byText(a.title, b.title))
        : null,
      overdueDocuments: overdue,
      lateStatusReports: latest ? lateReports(projects, new Map([...latest].map(([id, report]) => [id, report.asOf])), REPORTING_STATES, asOf.text) : null,
      upcomingGateReviews: reviewRows
        ? reviewRows
            .map((row): UpcomingReview => {
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
            .sort((a, b) => byText(a.scheduledDate, b.scheduledDate) || a.gate - b.gate || byText(a.title, b.title))
        : null,
      lateDependencies: dependencyRows
        ? dependencyRows
            .map((row): LateDependency => {
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
            .sort((a, b) => byText(a.needBy, b.needBy) || byText(a.title, b.title))
        : null,
    };
  }

  return { dashboard };
}

export type DashboardService = ReturnType<typeof createDashboardService>;

export function getDashboardService(strapi: Core.Strapi): DashboardService {
  return strapi.plugin('pmo').service('dashboard') as DashboardService;
}
