/**
 * Typed client for the change-control admin routes (/pmo/change-requests), over Strapi's fetch
 * client; shapes mirror server/src/change-control/service.ts. Money arrives as decimal strings
 * ("1234.50"), except `impact.cost`, which is minor units ("123450") as stored. Transitions,
 * instances and history go through the workflow engine's hooks in ./client.
 */
import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';

import { PmoApiError, call } from './client';

export { CHANGE_REQUEST_UID } from '../../../shared/contracts/uids';
export const CHANGE_CONTROL_WORKFLOW = 'change-control';

export const CHANGE_TYPES = ['normal', 'standard', 'emergency'] as const;
export const CHANGE_CATEGORIES = ['request-for-change', 'off-specification', 'problem'] as const;
export const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export const SEVERITIES = ['minor', 'moderate', 'major', 'critical'] as const;
export const AUTHORITY_LEVELS = ['project-manager', 'change-board', 'pmo-director'] as const;

export type ChangeType = (typeof CHANGE_TYPES)[number];
export type AuthorityLevel = (typeof AUTHORITY_LEVELS)[number];

export type ProjectRef = { documentId: string; code: string; name: string };

/** GET /pmo/change-requests item. */
export type ChangeRequestSummary = {
  documentId: string;
  reference: string | null;
  title: string;
  type: ChangeType;
  category: string;
  priority: string | null;
  state: string | null;
  project: ProjectRef | null;
  raisedBy: { documentId: string; fullName: string } | null;
  /** Decimal string, e.g. "1234.50"; null while not assessed. */
  costImpact: string | null;
  scheduleDays: number | null;
  authorityLevel: AuthorityLevel | null;
  decision: string | null;
  decisionDate: string | null;
  createdAt: string | null;
  ageDays: number;
};

export type ChangeImpact = {
  /** Minor units ("123450"), as stored. */
  cost: string | null;
  scheduleDays: number | null;
  scope: string | null;
  quality: string | null;
  risk: string | null;
  benefits: string | null;
};

/** GET /pmo/change-requests/:documentId */
export type ChangeRequestDetail = ChangeRequestSummary & {
  description: string | null;
  reason: string | null;
  severity: string | null;
  impact: ChangeImpact | null;
  options: string | null;
  recommendation: string | null;
  conditions: string | null;
  decidedBy: Array<{ documentId: string; fullName: string }>;
  authority: {
    level: AuthorityLevel | null;
    levelNow: AuthorityLevel | null;
    explanation: string;
    budgetAtCompletion: string;
    costPercent: number;
    costTolerance: string;
    changeAuthorityLimit: string;
    limitSource: 'programme' | 'configuration' | 'default';
  } | null;
  changeBudget: { remaining: string; shortfall: string | null } | null;
  /** What the remaining change budget would be once this change is authorised; null once drawn. */
  changeBudgetAfter: string | null;
  /** The `change` budget line its authorisation added. */
  budgetLine: { documentId: string; period: string; amount: string } | null;
};

export type ChangeRequestFilters = {
  project?: string;
  state?: string;
  type?: string;
  olderThanDays?: string;
};

/** POST /pmo/change-requests body; `impact.cost` in minor units. */
export type RaiseChangeInput = {
  project: string;
  title: string;
  type: ChangeType;
  category: string;
  description?: string | null;
  reason?: string | null;
  priority: string;
  severity: string;
  impact?: Partial<ChangeImpact>;
};

const BASE = '/pmo/change-requests';
const keys = {
  list: (filters: ChangeRequestFilters) => ['pmo', 'change-requests', 'list', filters] as const,
  detail: (documentId: string) => ['pmo', 'change-requests', 'detail', documentId] as const,
  projects: ['pmo', 'change-requests', 'projects'] as const,
};

export function useChangeRequests(filters: ChangeRequestFilters) {
  const { get } = useFetchClient();
  const params = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== ''));
  return useQuery<ChangeRequestSummary[], PmoApiError>(
    keys.list(params),
    () => call(() => get<ChangeRequestSummary[]>(BASE, { params })),
    { retry: false, keepPreviousData: true }
  );
}

export function useChangeRequest(documentId: string | undefined) {
  const { get } = useFetchClient();
  return useQuery<ChangeRequestDetail, PmoApiError>(
    keys.detail(documentId ?? ''),
    () => call(() => get<ChangeRequestDetail>(`${BASE}/${encodeURIComponent(documentId ?? '')}`)),
    { enabled: Boolean(documentId), retry: false, refetchOnWindowFocus: false }
  );
}

/** After a transition the change's state, decision and the project's change budget may have moved. */
export function useRefreshChangeRequests() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(['pmo', 'change-requests']);
}

export function useRaiseChangeRequest() {
  const { post } = useFetchClient();
  const refresh = useRefreshChangeRequests();
  return useMutation<ChangeRequestDetail, PmoApiError, RaiseChangeInput>(
    (input) => call(() => post<ChangeRequestDetail>(BASE, input)),
    { onSuccess: () => void refresh() }
  );
}

type CmList<T> = { results: T[] };

/** Projects to raise a change on and to filter by, as the Content Manager lists them (every PMO role reads them). */
export function useProjects() {
  const { get } = useFetchClient();
  return useQuery<ProjectRef[], PmoApiError>(
    keys.projects,
    async () =>
      (
        await call(() =>
          get<CmList<ProjectRef>>('/content-manager/collection-types/api::project.project', {
            params: { page: 1, pageSize: 100, sort: 'code:ASC' },
          })
        )
      ).results,
    { retry: false, staleTime: 60_000 }
  );
}
