/**
 * Typed client for the governance admin routes (/pmo/governance/..., /pmo/gate-reviews,
 * /pmo/gate-conditions), over Strapi's fetch client, typed by the shared contract
 * (shared/contracts/governance.ts) the server validates with. Gates are fired through
 * the workflow engine (POST /pmo/transitions); every change reloads all governance queries, so
 * the board, a project's gates and its reviews move together.
 */
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';

import {
  GOVERNANCE_MANAGE,
  type Board,
  type BoardQuery,
  type ConditionUpdate,
  type GateCondition,
  type GateReview,
  type ProjectGovernance,
  type ReviewInput,
  type ScheduleInput,
} from '../../../shared/contracts/governance';
import { PROJECT_UID } from '../../../shared/contracts/uids';
import { PmoApiError, call, useFireTransition, type FireTransitionRequest, type FireTransitionResult } from './client';

/* ---------------------------------------------------------------------------------------------
 * Shapes: the contract's (shared/contracts/governance.ts), the server's own types
 * -------------------------------------------------------------------------------------------*/

export { BOARD_PAGE_SIZE, BOARD_RAGS, GATE_DECISIONS, GATE_NAMES, GATE_NUMBERS, PASSING_DECISIONS } from '../../../shared/contracts/governance';
export type {
  Board,
  BoardRag,
  BoardCard,
  BoardTransition,
  ChecklistItem,
  ConditionInput,
  GateCondition,
  GateDecision,
  GateReview,
  PersonRef,
  ProjectGovernance,
  ProjectRef,
  Rag,
  ScheduleInput,
} from '../../../shared/contracts/governance';
export { PROJECT_UID };

/** What holding a review sends (PUT /pmo/gate-reviews/:documentId). */
export type HoldInput = ReviewInput;

/* ---------------------------------------------------------------------------------------------
 * Queries
 * -------------------------------------------------------------------------------------------*/

export const governanceKeys = {
  all: ['pmo', 'governance'] as const,
  board: (filters: BoardFilters) => ['pmo', 'governance', 'board', filters] as const,
  project: (documentId: string) => ['pmo', 'governance', 'project', documentId] as const,
  review: (documentId: string) => ['pmo', 'governance', 'review', documentId] as const,
};

const quiet = { retry: false, refetchOnWindowFocus: false } as const;
const id = (documentId: string) => encodeURIComponent(documentId);

/** The board's filters as the URL keeps them; empty ones are left out of the request. */
export type BoardFilters = Partial<Record<keyof BoardQuery, string>>;

export function useGovernanceBoard(filters: BoardFilters) {
  const { get } = useFetchClient();
  const params = Object.fromEntries(Object.entries(filters).filter(([, value]) => value)) as BoardFilters;
  return useQuery<Board, PmoApiError>(
    governanceKeys.board(params),
    () => call(() => get<Board>('/pmo/governance/board', { params })),
    { ...quiet, keepPreviousData: true }
  );
}

export function useProjectGovernance(documentId: string | undefined) {
  const { get } = useFetchClient();
  return useQuery<ProjectGovernance, PmoApiError>(
    governanceKeys.project(documentId ?? ''),
    () => call(() => get<ProjectGovernance>(`/pmo/governance/projects/${id(documentId!)}`)),
    { ...quiet, enabled: Boolean(documentId) }
  );
}

export function useGateReview(documentId: string | undefined) {
  const { get } = useFetchClient();
  return useQuery<GateReview, PmoApiError>(
    governanceKeys.review(documentId ?? ''),
    () => call(() => get<GateReview>(`/pmo/gate-reviews/${id(documentId!)}`)),
    { ...quiet, enabled: Boolean(documentId) }
  );
}

/** Whether the signed-in user may schedule and hold reviews (`plugin::pmo.governance.manage`). */
export function useCanManageGovernance() {
  const { allowedActions, isLoading } = useRBAC([{ action: GOVERNANCE_MANAGE, subject: null }]);
  return { canManage: Boolean(allowedActions.canManage), isLoading };
}

/* ---------------------------------------------------------------------------------------------
 * Changes
 * -------------------------------------------------------------------------------------------*/

function useInvalidateGovernance() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(governanceKeys.all);
}

export function useScheduleReview() {
  const { post } = useFetchClient();
  const invalidate = useInvalidateGovernance();
  return useMutation<GateReview, PmoApiError, ScheduleInput>(
    (input) => call(() => post<GateReview>('/pmo/gate-reviews', input)),
    { onSuccess: invalidate }
  );
}

export function useUpdateReview() {
  const { put } = useFetchClient();
  const invalidate = useInvalidateGovernance();
  return useMutation<GateReview, PmoApiError, { documentId: string; input: HoldInput }>(
    ({ documentId, input }) => call(() => put<GateReview>(`/pmo/gate-reviews/${id(documentId)}`, input)),
    { onSuccess: invalidate }
  );
}

export function useUpdateCondition() {
  const { put } = useFetchClient();
  const invalidate = useInvalidateGovernance();
  return useMutation<GateCondition, PmoApiError, { documentId: string } & ConditionUpdate>(
    ({ documentId, ...change }) => call(() => put<GateCondition>(`/pmo/gate-conditions/${id(documentId)}`, change)),
    { onSuccess: invalidate }
  );
}

/** Fires a project's lifecycle transition (a gate, hold, resume, cancel) and reloads governance. */
export function useFireProjectTransition() {
  const fire = useFireTransition();
  const invalidate = useInvalidateGovernance();
  return useMutation<FireTransitionResult, PmoApiError, Omit<FireTransitionRequest, 'uid'>>(
    (request) => fire.mutateAsync({ uid: PROJECT_UID, ...request }),
    { onSettled: invalidate }
  );
}
