/**
 * The portfolio dashboard's routes (server/src/dashboard/), typed by the shared contract
 * (shared/contracts/dashboard.ts), and the addresses its figures click through to.
 */
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { useQuery } from 'react-query';

import {
  DASHBOARD_READ,
  INDEX_BUCKETS,
  UPCOMING_REVIEW_DAYS,
  type DashboardAnswer,
  type DashboardQuery,
  type IndexBucketCount,
  type RagCount,
} from '../../../shared/contracts/dashboard';
import { DEPENDENCY_UID, DOCUMENT_UID, ISSUE_UID, PROJECT_UID, RISK_UID } from '../../../shared/contracts/uids';
import { PLUGIN_ID } from '../pluginId';
import { call, type PmoApiError } from './client';

export { DASHBOARD_READ, INDEX_BUCKETS, UPCOMING_REVIEW_DAYS };
export type { DashboardAnswer, IndexBucketCount, RagCount };

/** The dashboard's filters as the URL and the route name them. */
export type DashboardFilters = { portfolio?: string; programme?: string; manager?: string; department?: string; asOf?: string };

const params = (filters: DashboardFilters) =>
  Object.fromEntries(Object.entries(filters).filter(([, value]) => value)) as DashboardQuery;

export function useDashboard(filters: DashboardFilters, options: { enabled?: boolean } = {}) {
  const { get } = useFetchClient();
  return useQuery<DashboardAnswer, PmoApiError>(
    ['pmo', 'dashboard', params(filters)],
    () => call(() => get<DashboardAnswer>('/pmo/dashboard', { params: params(filters) })),
    { retry: false, keepPreviousData: true, enabled: options.enabled ?? true }
  );
}

/** Whether the signed-in user may see the dashboard. */
export function useCanSeeDashboard() {
  // useRBAC names an action by its last segment: `plugin::pmo.dashboard.read` → canRead.
  const { allowedActions, isLoading } = useRBAC([{ action: DASHBOARD_READ, subject: null }]);
  return { canSee: Boolean(allowedActions.canRead), isLoading };
}

/** The XLSX export's path for the filters (for downloadExport). */
export const dashboardXlsxPath = (filters: DashboardFilters) => {
  const query = new URLSearchParams(params(filters) as Record<string, string>).toString();
  return `/pmo/exports/dashboard.xlsx${query ? `?${query}` : ''}`;
};

/* ---------------------------------------------------------------------------------------------
 * Where each figure leads (admin paths, under /admin)
 * -------------------------------------------------------------------------------------------*/

const PMO = `/plugins/${PLUGIN_ID}`;
const CM = '/content-manager/collection-types';

/** A Content Manager list with `filters[$and][i]…` conditions, as its own filter bar writes them. */
export function contentList(uid: string, conditions: Array<Record<string, unknown>>) {
  const query = new URLSearchParams({ page: '1' });
  const write = (prefix: string, value: unknown) => {
    if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value as Record<string, unknown>)) write(`${prefix}[${key}]`, inner);
    } else query.append(prefix, String(value));
  };
  conditions.forEach((condition, i) => write(`filters[$and][${i}]`, condition));
  return `${CM}/${uid}?${query.toString()}`;
}

/** One item's edit view in the Content Manager. */
export const contentItem = (uid: string, documentId: string) => `${CM}/${uid}/${encodeURIComponent(documentId)}`;

/** The projects the filters cover, as Content Manager conditions on a project relation (`path` leads to the project). */
function projectConditions(filters: DashboardFilters, path: string[] = []) {
  const at = (value: Record<string, unknown>) => path.reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), value);
  const out: Array<Record<string, unknown>> = [];
  if (filters.programme) out.push(at({ programme: { documentId: { $eq: filters.programme } } }));
  if (filters.portfolio) out.push(at({ programme: { portfolio: { documentId: { $eq: filters.portfolio } } } }));
  if (filters.manager) out.push(at({ manager: { documentId: { $eq: filters.manager } } }));
  if (filters.department) out.push(at({ manager: { department: { documentId: { $eq: filters.department } } } }));
  return out;
}

/**
 * Register items of the scope (risks, issues): held by a project the filters cover, or (with a
 * portfolio or programme filter alone) held by the programme itself, as the dashboard counts them.
 */
function placedConditions(filters: DashboardFilters) {
  if (filters.manager || filters.department) return projectConditions(filters, ['project']);
  if (filters.programme) return [{ $or: [{ project: { programme: { documentId: { $eq: filters.programme } } } }, { programme: { documentId: { $eq: filters.programme } } }] }];
  if (filters.portfolio) {
    return [{ $or: [{ project: { programme: { portfolio: { documentId: { $eq: filters.portfolio } } } } }, { programme: { portfolio: { documentId: { $eq: filters.portfolio } } } }] }];
  }
  return [];
}

/** The governance board with the dashboard's filters (the board takes each of them). */
export function boardPath(filters: DashboardFilters, extra: Record<string, string> = {}) {
  const query = new URLSearchParams();
  for (const key of ['portfolio', 'programme', 'manager', 'department'] as const) if (filters[key]) query.set(key, filters[key]!);
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  return `${PMO}/governance?${query.toString()}`;
}

export const links = {
  /** The projects with this RAG (`none`: no report yet) on the governance board. */
  rag: (filters: DashboardFilters, rag: RagCount) => boardPath(filters, { rag }),
  /** The projects in a lifecycle state, in the Content Manager. */
  state: (filters: DashboardFilters, state: string | null) =>
    contentList(PROJECT_UID, [...(state ? [{ workflowState: { $eq: state } }] : []), ...projectConditions(filters)]),
  /** Open risks of a heat-map cell, in the Content Manager. */
  risks: (filters: DashboardFilters, probability: number, impact: number) =>
    contentList(RISK_UID, [
      { probability: { $eq: probability } },
      { impact: { $eq: impact } },
      { status: { $eq: 'open' } },
      ...placedConditions(filters),
    ]),
  criticalIssues: (filters: DashboardFilters) =>
    contentList(ISSUE_UID, [{ priority: { $eq: 'critical' } }, { status: { $eq: 'open' } }, ...placedConditions(filters)]),
  issue: (documentId: string) => contentItem(ISSUE_UID, documentId),
  document: (documentId: string) => contentItem(DOCUMENT_UID, documentId),
  dependency: (documentId: string) => contentItem(DEPENDENCY_UID, documentId),
  project: (documentId: string) => contentItem(PROJECT_UID, documentId),
  review: (documentId: string) => `${PMO}/governance/reviews/${encodeURIComponent(documentId)}`,
  projectGates: (documentId: string) => `${PMO}/governance/projects/${encodeURIComponent(documentId)}`,
  projectFinance: (documentId: string) => `${PMO}/finance/projects/${encodeURIComponent(documentId)}`,
  /** The "Risks and issues" page for the same portfolio or programme. */
  raid: (filters: DashboardFilters) => {
    const query = new URLSearchParams();
    if (filters.programme) query.set('programme', filters.programme);
    else if (filters.portfolio) query.set('portfolio', filters.portfolio);
    return `${PMO}/raid${query.size ? `?${query.toString()}` : ''}`;
  },
  home: `${PMO}/home`,
  myWork: `${PMO}/my-work`,
};

type CmList<T> = { results: T[] };

/** People who manage a project (the manager filter's choices), as the Content Manager lists them. */
export function useProjectManagers() {
  const { get } = useFetchClient();
  const query = { page: 1, pageSize: 100, sort: 'fullName:ASC', filters: { $and: [{ managedProjects: { id: { $notNull: true } } }] } };
  return useQuery<Array<{ documentId: string; fullName: string }>, PmoApiError>(
    ['pmo', 'dashboard', 'managers'],
    async () => (await call(() => get<CmList<{ documentId: string; fullName: string }>>(`${CM}/api::person.person`, { params: query }))).results,
    { retry: false, staleTime: 30_000 }
  );
}
