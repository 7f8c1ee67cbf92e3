/**
 * Typed client for the change-control admin routes (/pmo/change-requests), over Strapi's fetch
 * client, typed by the shared contract (shared/contracts/change-control.ts) the server validates
 * with. Money arrives as decimal strings ("1234.50"), except `impact.cost`, which is minor units
 * ("123450") as stored. Transitions, instances and history go through the workflow engine's
 * hooks in ./client.
 */
import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';

import type { CodedRef } from '../../../shared/contracts/refs';
import {
  type ChangeRequestDetail,
  type ChangeRequestFilterParams,
  type ChangeRequestSummary,
  type RaiseInput,
} from '../../../shared/contracts/change-control';
import { PROJECT_UID } from '../../../shared/contracts/uids';
import { PmoApiError, call } from './client';

/* ---------------------------------------------------------------------------------------------
 * Shapes: the contract's (shared/contracts/change-control.ts), the server's own types
 * -------------------------------------------------------------------------------------------*/

export {
  AUTHORITY_LEVELS,
  CHANGE_CATEGORIES,
  CHANGE_CONTROL_RAISE,
  CHANGE_CONTROL_WORKFLOW,
  CHANGE_REQUEST_UID,
  CHANGE_TYPES,
  PRIORITIES,
  SEVERITIES,
  raiseInput,
} from '../../../shared/contracts/change-control';
export type { AuthorityLevel, ChangeImpact, ChangeType } from '../../../shared/contracts/change-control';
export type { ChangeRequestDetail, ChangeRequestSummary, RaiseInput };
export type ProjectRef = CodedRef;
/** The list's filters as the page's address carries them (each a text). */
export type ChangeRequestFilters = ChangeRequestFilterParams;

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
  return useMutation<ChangeRequestDetail, PmoApiError, RaiseInput>(
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
          get<CmList<ProjectRef>>(`/content-manager/collection-types/${PROJECT_UID}`, {
            params: { page: 1, pageSize: 100, sort: 'code:ASC' },
          })
        )
      ).results,
    { retry: false, staleTime: 60_000 }
  );
}
