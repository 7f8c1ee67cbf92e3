/**
 * Typed client for the governance admin routes (/pmo/governance/..., /pmo/gate-reviews,
 * /pmo/gate-conditions), over Strapi's fetch client. Shapes mirror server/src/governance/service.ts
 * (`board`, `projectGovernance`, `presentReview`, `presentCondition`). Gates are fired through
 * the workflow engine (POST /pmo/transitions); every change reloads all governance queries, so
 * the board, a project's gates and its reviews move together.
 */
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';

import { GATE_DECISIONS, GATE_NAMES, GATE_NUMBERS, PASSING_DECISIONS, type ChecklistItem, type GateDecision } from '../../../shared/governance';
import type { Blocker, WorkflowState } from '../../../shared/workflow-types';
import { PmoApiError, call, useFireTransition, type FireTransitionRequest, type FireTransitionResult } from './client';

/* ---------------------------------------------------------------------------------------------
 * Shapes
 * -------------------------------------------------------------------------------------------*/

import { PROJECT_UID } from '../../../shared/contracts/uids';

export { PROJECT_UID };

export { GATE_DECISIONS, GATE_NAMES, GATE_NUMBERS, PASSING_DECISIONS };
export type { ChecklistItem, GateDecision };

export type PersonRef = { documentId: string; fullName: string; email: string | null };
export type ProjectRef = { documentId: string; code: string; name: string };

export type Rag = 'green' | 'amber' | 'red';

export type GateCondition = {
  documentId: string;
  text: string;
  owner: PersonRef | null;
  dueDate: string | null;
  done: boolean;
  doneOn: string | null;
  overdue: boolean;
  gate?: number;
  review?: string | null;
};

export type GateReview = {
  documentId: string;
  project: ProjectRef | null;
  gate: number;
  gateName: string | null;
  status: 'scheduled' | 'held';
  scheduledDate: string | null;
  heldDate: string | null;
  reviewers: PersonRef[];
  checklist: ChecklistItem[];
  decision: GateDecision | null;
  decidedAt: string | null;
  recordedBy: string | null;
  notes: string | null;
  conditions: GateCondition[];
};

export type BoardTransition = {
  key: string;
  label: string;
  to: string;
  allowed: boolean;
  requireComment: boolean;
  blockers: Blocker[];
};

export type BoardCard = {
  documentId: string;
  code: string;
  name: string;
  programme: ProjectRef | null;
  manager: PersonRef | null;
  state: { key: string | null; name: string | null; color: string | null };
  version: number | null;
  heldFrom: string | null;
  rag: {
    overall: Rag | null;
    schedule: Rag | null;
    cost: Rag | null;
    scope: Rag | null;
    percentComplete: number | null;
    asOf: string | null;
  } | null;
  nextGate: {
    gate: number;
    name: string;
    targetState: string;
    review: { documentId: string; scheduledDate: string | null } | null;
    lastDecision: { documentId: string; decision: GateDecision | null; heldDate: string | null } | null;
  } | null;
  conditions: { open: number; overdue: GateCondition[] };
  transitions: BoardTransition[];
};

export type Board = {
  today: string;
  lifecycle: { key: string; name: string; version: number; states: WorkflowState[] } | null;
  projects: BoardCard[];
};

export type ProjectGovernance = BoardCard & {
  gates: Array<{ gate: number; name: string; targetState: string; reviews: GateReview[] }>;
  allConditions: GateCondition[];
};

export type ConditionInput = { text: string; dueDate: string; owner: string };

export type ScheduleInput = {
  project: string;
  gate: number;
  scheduledDate?: string | null;
  reviewers?: string[];
};

export type HoldInput = {
  heldDate?: string | null;
  checklist?: Array<{ key: string; met: 'yes' | 'no' | null; notes?: string | null }>;
  decision?: GateDecision | null;
  conditions?: ConditionInput[];
  notes?: string | null;
  reviewers?: string[];
  scheduledDate?: string | null;
};

/* ---------------------------------------------------------------------------------------------
 * Queries
 * -------------------------------------------------------------------------------------------*/

export const governanceKeys = {
  all: ['pmo', 'governance'] as const,
  board: (programme: string) => ['pmo', 'governance', 'board', programme] as const,
  project: (documentId: string) => ['pmo', 'governance', 'project', documentId] as const,
  review: (documentId: string) => ['pmo', 'governance', 'review', documentId] as const,
};

const quiet = { retry: false, refetchOnWindowFocus: false } as const;
const id = (documentId: string) => encodeURIComponent(documentId);

export function useGovernanceBoard(programme: string | null) {
  const { get } = useFetchClient();
  return useQuery<Board, PmoApiError>(
    governanceKeys.board(programme ?? ''),
    () => call(() => get<Board>('/pmo/governance/board', { params: programme ? { programme } : {} })),
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
  const { allowedActions, isLoading } = useRBAC([{ action: 'plugin::pmo.governance.manage', subject: null }]);
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
  return useMutation<GateCondition, PmoApiError, { documentId: string; done: boolean }>(
    ({ documentId, done }) => call(() => put<GateCondition>(`/pmo/gate-conditions/${id(documentId)}`, { done })),
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
