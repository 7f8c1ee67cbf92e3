/**
 * The Content Manager lists behind the dashboard's figures, each narrowed to exactly the items the
 * figure counts, in links the admin reads whole (utils/contentLinks.ts). Pure (unit-tested in
 * dashboardLinks.test.ts).
 */
import type { DashboardAnswer } from '../../../shared/contracts/dashboard';
import { ISSUE_UID, PROJECT_UID, RISK_UID } from '../../../shared/contracts/uids';
import { listLink, type Flat } from './contentLinks';

/** What a figure's list is narrowed by: the answer's scope (documentIds, whatever the URL named) and its as-of date. */
export type LinkScope = Pick<DashboardAnswer, 'scope' | 'asOf'>;

/** The projects the scope covers, as flat conditions on a project (`path` leads to it from the item). */
function projectConditions({ scope }: LinkScope, path: string[] = []): Flat[][] {
  const at = (value: Flat) => path.reduceRight<Flat>((inner, key) => ({ [key]: inner }), value);
  const out: Flat[][] = [];
  if (scope.programme) out.push([at({ programme: { documentId: scope.programme.documentId } })]);
  else if (scope.portfolio) out.push([at({ programme: { portfolio: { documentId: scope.portfolio.documentId } } })]);
  if (scope.manager) out.push([at({ manager: { documentId: scope.manager.documentId } })]);
  if (scope.department) out.push([at({ manager: { department: { documentId: scope.department.documentId } } })]);
  return out;
}

/**
 * Register items of the scope (risks, issues) as the dashboard counts them: held by a project the
 * scope covers, or (a portfolio or programme alone) held by one of its programmes with no project.
 * A portfolio's items are reached through its programmes (`scope.programmes`, two branches each),
 * as `$or` → `project.programme.portfolio.documentId` is one bracket deeper than the admin reads;
 * a portfolio of more than ten programmes gives no link (the figure shows without one).
 */
function placedConditions(answer: LinkScope): Flat[][] {
  const { scope } = answer;
  if (scope.manager || scope.department) return projectConditions(answer, ['project']);
  const programmes = scope.programme ? [scope.programme.documentId] : scope.portfolio ? scope.programmes : null;
  if (!programmes) return [];
  return [programmes.flatMap((documentId) => [{ project: { programme: { documentId } } }, { project: { id: { $null: true } }, programme: { documentId } }])];
}

/** Each is null when its filter cannot be written in a link (the figure is then shown without one). */
export const figureLists = {
  /** The projects in a lifecycle state. */
  state: (answer: LinkScope, state: string | null) =>
    listLink(PROJECT_UID, [[state ? { workflowState: state } : { workflowState: { $null: true } }], ...projectConditions(answer)]),
  /** Open risks of a heat-map cell. */
  risks: (answer: LinkScope, probability: number, impact: number) =>
    listLink(RISK_UID, [[{ probability, impact, status: 'open' }], ...placedConditions(answer)]),
  /** Open critical issues raised on or before the as-of date. */
  criticalIssues: (answer: LinkScope) =>
    listLink(ISSUE_UID, [[{ priority: 'critical', status: 'open', raisedOn: { $lte: answer.asOf } }], ...placedConditions(answer)]),
};
