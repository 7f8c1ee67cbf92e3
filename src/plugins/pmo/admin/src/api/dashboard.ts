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
import { DEPENDENCY_UID, DOCUMENT_UID, ISSUE_UID, PROJECT_UID } from '../../../shared/contracts/uids';
import { PLUGIN_ID } from '../pluginId';
import { figureLists } from '../utils/dashboardLinks';
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

/** One item's edit view in the Content Manager. */
export const contentItem = (uid: string, documentId: string) => `${CM}/${uid}/${encodeURIComponent(documentId)}`;

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
  ...figureLists,
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
