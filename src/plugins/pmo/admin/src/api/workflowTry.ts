/** The workflow editor's "Try it" panel and role names (shared/contracts/workflow-try.ts). */
import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery } from 'react-query';

import type { TryAnswer, TryInput, TryItem, TryUser, WorkflowRole } from '../../../shared/contracts/workflow-try';
import { call, type PmoApiError } from './client';

export type { TryAnswer, TryInput, TryItem, TryUser, WorkflowRole };

/** GET /pmo/workflow-roles: the PMO roles with the names the admin panel gives them. */
export function useWorkflowRoles() {
  const { get } = useFetchClient();
  return useQuery<WorkflowRole[], PmoApiError>(['pmo', 'workflow-roles'], () => call(() => get<WorkflowRole[]>('/pmo/workflow-roles')), {
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** People to try a transition as: active admin users holding a PMO role whose name or email contains `q` (at most 20). */
export function useTryUsers(key: string, q: string, enabled: boolean) {
  const { get } = useFetchClient();
  return useQuery<TryUser[], PmoApiError>(
    ['pmo', 'workflow-try', key, 'users', q],
    () => call(() => get<TryUser[]>(`/pmo/workflows/${encodeURIComponent(key)}/try/users`, { params: q ? { q } : {} })),
    { enabled, retry: false, keepPreviousData: true, staleTime: 10_000 }
  );
}

/** Items of the workflow's content type whose name or code contains `q`. */
export function useTryItems(key: string, q: string, enabled: boolean) {
  const { get } = useFetchClient();
  return useQuery<TryItem[], PmoApiError>(
    ['pmo', 'workflow-try', key, 'items', q],
    () => call(() => get<TryItem[]>(`/pmo/workflows/${encodeURIComponent(key)}/try/items`, { params: q ? { q } : {} })),
    { enabled, retry: false, keepPreviousData: true, staleTime: 10_000 }
  );
}

/** POST /pmo/workflows/:key/try: the verdict, nothing fired. */
export function useTryTransition(key: string) {
  const { post } = useFetchClient();
  return useMutation<TryAnswer, PmoApiError, TryInput>((input) =>
    call(() => post<TryAnswer>(`/pmo/workflows/${encodeURIComponent(key)}/try`, input))
  );
}
