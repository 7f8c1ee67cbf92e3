/**
 * Typed client for the change-control admin routes (/pmo/change-requests), over Strapi's fetch
 * client, typed by the shared contract (shared/contracts/change-control.ts) the server validates
 * with. Money arrives as decimal strings ("1234.50"), except `impact.cost`, which is minor units
 * ("123450") as stored. Transitions, instances and history go through the workflow engine's
 * hooks in ./client.
 */
import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';

import {
  type ChangeRequestDetail,
  type ChangeRequestFilterParams,
  type ChangeRequestPage,
  type ChangeRequestSummary,
  type RaiseInput,
} from '../../../shared/contracts/change-control';
import { PmoApiError, call } from './client';

/* ---------------------------------------------------------------------------------------------
 * Shapes: the contract's (shared/contracts/change-control.ts), the server's own types
 * -------------------------------------------------------------------------------------------*/

export {
  AUTHORITY_LEVELS,
  CHANGE_CATEGORIES,
  CHANGE_CONTROL_RAISE,
  CHANGE_CONTROL_WORKFLOW,
  CHANGE_REQUEST_PAGE_SIZE,
  CHANGE_REQUEST_SORTS,
  CHANGE_REQUEST_UID,
  CHANGE_TYPES,
  PRIORITIES,
  SEVERITIES,
  raiseInput,
} from '../../../shared/contracts/change-control';
export type { AuthorityLevel, ChangeImpact, ChangeRequestSort, ChangeType } from '../../../shared/contracts/change-control';
export type { ChangeRequestDetail, ChangeRequestPage, ChangeRequestSummary, RaiseInput };
/** The list's filters, order and page as the page's address carries them (each a text). */
export type ChangeRequestFilters = ChangeRequestFilterParams;

const BASE = '/pmo/change-requests';
const keys = {
  list: (filters: ChangeRequestFilters) => ['pmo', 'change-requests', 'list', filters] as const,
  detail: (documentId: string) => ['pmo', 'change-requests', 'detail', documentId] as const,
};

/** One page of change requests (the server filters, sorts and pages: `{ results, pagination, project }`). */
export function useChangeRequests(filters: ChangeRequestFilters) {
  const { get } = useFetchClient();
  const params = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== ''));
  return useQuery<ChangeRequestPage, PmoApiError>(
    keys.list(params),
    () => call(() => get<ChangeRequestPage>(BASE, { params })),
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
