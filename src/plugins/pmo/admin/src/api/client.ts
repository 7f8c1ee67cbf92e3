/** One typed client over Strapi's fetch client for the plugin's admin routes (/pmo/...). */
import { isFetchError, useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';

import { pathLabel } from '../../../shared/contracts/common';
import type {
  DefinitionProblem,
  FireInput,
  FireResult,
  HeldState,
  PmoSettings,
  TransitionEventView,
  ValidationAnswer,
  WorkflowDefinition,
  WorkflowInstanceView,
  WorkflowSummary,
} from '../../../shared/contracts/workflow';

/* ---------------------------------------------------------------------------------------------
 * Shapes: the contract's (shared/contracts/workflow.ts), the server's own types
 * -------------------------------------------------------------------------------------------*/

export type { HeldState, PmoSettings, WorkflowSummary };
/** POST /pmo/transitions body. */
export type FireTransitionRequest = FireInput;
/** 200: the item moved. 202: a vote was recorded short of the quorum. */
export type FireTransitionResult = FireResult;

export function usePmoSettings() {
  const { get } = useFetchClient();
  return useQuery(['pmo', 'settings'], () => call(() => get<PmoSettings>('/pmo/settings')), { staleTime: Infinity });
}

/* ---------------------------------------------------------------------------------------------
 * Errors
 * -------------------------------------------------------------------------------------------*/

/** A refusal from a PMO route: its status, the server's message and its details. */
export class PmoApiError extends Error {
  readonly status: number;
  readonly details: Record<string, unknown>;

  constructor(status: number, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'PmoApiError';
    this.status = status;
    this.details = details;
  }
}

/** A refusal's message with the guard failures a 422 lists that the message does not already say. */
export function refusalMessage(error: PmoApiError): string {
  const failures = Array.isArray(error.details.failures)
    ? (error.details.failures as Array<{ message?: string }>).map((f) => f.message).filter((m): m is string => Boolean(m))
    : [];
  const missing = failures.filter((message) => !error.message.includes(message));
  return missing.length ? `${error.message}: ${missing.join('; ')}` : error.message;
}

/**
 * The field messages of a 400, keyed by the field's path joined with dots (`ratings.0.rating`,
 * `actionItems.1.dueDate`), as the server names them in `details.errors`. Each is a sentence in
 * words ("Choose a mentee", "Action item 2 needs a text") shown next to its field as it is.
 */
export function fieldErrors(error: PmoApiError | null | undefined): Record<string, string[]> {
  const errors = error?.details.errors;
  if (!Array.isArray(errors)) return {};
  const byPath: Record<string, string[]> = {};
  for (const entry of errors as Array<{ path?: unknown; message?: unknown }>) {
    if (!Array.isArray(entry.path) || typeof entry.message !== 'string') continue;
    const message = entry.message;
    (byPath[entry.path.map(String).join('.')] ??= []).push(message.charAt(0).toUpperCase() + message.slice(1));
  }
  return byPath;
}

/**
 * The problems of a workflow definition a 400 listed in `details.errors`, each path written as
 * in the definition (`transitions[2].to`), as the validate route answers them.
 */
export function definitionProblems(error: PmoApiError): DefinitionProblem[] {
  const errors = error.details.errors;
  if (!Array.isArray(errors)) return [];
  return (errors as Array<{ path?: unknown; message?: unknown }>)
    .filter((entry) => Array.isArray(entry.path) && typeof entry.message === 'string')
    .map((entry) => ({ path: pathLabel(entry.path as string[]), message: entry.message as string }));
}

/** Whatever the fetch client threw, as a PmoApiError (status 0: no answer from the server). */
export function toPmoApiError(error: unknown): PmoApiError {
  if (error instanceof PmoApiError) return error;
  if (isFetchError(error)) {
    const body = error.response?.data?.error as
      | { status?: number; message?: string; details?: Record<string, unknown> }
      | undefined;
    return new PmoApiError(
      error.status ?? body?.status ?? 0,
      body?.message ?? error.message,
      body?.details ?? {}
    );
  }
  return new PmoApiError(0, error instanceof Error ? error.message : String(error));
}

/** Runs a request and rethrows any refusal as a PmoApiError. */
export async function call<T>(request: () => Promise<{ data: T }>): Promise<T> {
  try {
    return (await request()).data;
  } catch (error) {
    throw toPmoApiError(error);
  }
}

/* ---------------------------------------------------------------------------------------------
 * Workflow definitions
 * -------------------------------------------------------------------------------------------*/

const keys = {
  workflows: ['pmo', 'workflows'] as const,
  workflow: (key: string) => ['pmo', 'workflows', key] as const,
  instance: (uid: string, documentId: string) => ['pmo', 'workflow-instance', uid, documentId] as const,
  history: (uid: string, documentId: string) => ['pmo', 'history', uid, documentId] as const,
  contentTypes: ['pmo', 'content-types'] as const,
};

export function useWorkflows(options: { staleTime?: number } = {}) {
  const { get } = useFetchClient();
  return useQuery<WorkflowSummary[], PmoApiError>(
    keys.workflows,
    () => call(() => get<WorkflowSummary[]>('/pmo/workflows')),
    { retry: false, ...options }
  );
}

export function useWorkflow(key: string | undefined, options: { staleTime?: number } = {}) {
  const { get } = useFetchClient();
  return useQuery<WorkflowSummary, PmoApiError>(
    keys.workflow(key ?? ''),
    () => call(() => get<WorkflowSummary>(`/pmo/workflows/${encodeURIComponent(key ?? '')}`)),
    { enabled: Boolean(key), retry: false, ...options }
  );
}

/** POST /pmo/workflows/validate: every problem of a draft, saving nothing. */
export function useValidateWorkflow() {
  const { post } = useFetchClient();
  return useMutation<DefinitionProblem[], PmoApiError, unknown>(async (definition) => {
    const { problems } = await call(() => post<ValidationAnswer>('/pmo/workflows/validate', definition));
    return problems;
  });
}

/**
 * Saves a definition: POST when `existingKey` is undefined (a new workflow), else PUT (a new
 * version). Refusals: 400 with `errors` (see definitionProblems), 409 with `states` (removed
 * states holding items) or `key` (the key is taken).
 */
export function useSaveWorkflow() {
  const { post, put } = useFetchClient();
  const queryClient = useQueryClient();
  return useMutation<
    WorkflowSummary,
    PmoApiError,
    { existingKey?: string; definition: WorkflowDefinition }
  >(
    ({ existingKey, definition }) =>
      call(() =>
        existingKey === undefined
          ? post<WorkflowSummary>('/pmo/workflows', definition)
          : put<WorkflowSummary>(`/pmo/workflows/${encodeURIComponent(existingKey)}`, definition)
      ),
    {
      onSuccess(saved) {
        queryClient.setQueryData(keys.workflow(saved.key), saved);
        void queryClient.invalidateQueries(keys.workflows, { exact: true });
        // Side panels show the definition's states and transitions.
        void queryClient.invalidateQueries(['pmo', 'workflow-instance']);
      },
    }
  );
}

/* ---------------------------------------------------------------------------------------------
 * Instances, transitions, history
 * -------------------------------------------------------------------------------------------*/

/** Where the item stands and what the caller may do; a 404 means its type has no workflow. */
export function useWorkflowInstance(uid: string, documentId: string | undefined, enabled = true) {
  const { get } = useFetchClient();
  return useQuery<WorkflowInstanceView, PmoApiError>(
    keys.instance(uid, documentId ?? ''),
    () =>
      call(() =>
        get<WorkflowInstanceView>('/pmo/workflow-instances', { params: { uid, documentId } })
      ),
    { enabled: enabled && Boolean(uid && documentId), retry: false, refetchOnWindowFocus: false, staleTime: 5_000 }
  );
}

export function useWorkflowHistory(uid: string, documentId: string | undefined) {
  const { get } = useFetchClient();
  return useQuery<TransitionEventView[], PmoApiError>(
    keys.history(uid, documentId ?? ''),
    () =>
      call(() => get<TransitionEventView[]>('/pmo/history', { params: { uid, documentId } })),
    { enabled: Boolean(uid && documentId), retry: false, refetchOnWindowFocus: false, staleTime: 5_000 }
  );
}

/**
 * POST /pmo/transitions. Refusals (400/403/404/409/422) reject with a PmoApiError; a 422 carries
 * `details.failures: [{ guard, message }]`. On success the item's instance and history reload.
 */
export function useFireTransition() {
  const { post } = useFetchClient();
  const queryClient = useQueryClient();
  return useMutation<FireTransitionResult, PmoApiError, FireTransitionRequest>(
    async (request) => {
      // The fetch client hides the status of a success; the body names it: `outcome` is
      // 'applied' with a 200 (the item moved) and 'vote' with a 202 (a vote short of the quorum).
      const body = await call(() => post<FireTransitionResult>('/pmo/transitions', request));
      return body.outcome === 'applied'
        ? { outcome: 'applied', state: body.state, version: body.version }
        : { outcome: 'vote', votes: body.votes, quorum: body.quorum, version: body.version };
    },
    {
      onSettled(_result, _error, { uid, documentId }) {
        void queryClient.invalidateQueries(keys.instance(uid, documentId));
        void queryClient.invalidateQueries(keys.history(uid, documentId));
        void queryClient.invalidateQueries(keys.workflows, { exact: true });
      },
    }
  );
}

/* ---------------------------------------------------------------------------------------------
 * Content types (for the editor's choices: which types, which fields)
 * -------------------------------------------------------------------------------------------*/

export type AttributeInfo = {
  type: string;
  relation?: string;
  target?: string;
  component?: string;
  repeatable?: boolean;
  customField?: string;
};

export type ContentTypeInfo = {
  uid: string;
  kind?: string;
  info: { displayName: string; singularName?: string; pluralName?: string };
  attributes: Record<string, AttributeInfo>;
};

export type ComponentInfo = { uid: string; attributes: Record<string, AttributeInfo> };

/** The content types and components the Content Manager knows, from its /init route. */
export function useContentTypes() {
  const { get } = useFetchClient();
  return useQuery<{ contentTypes: ContentTypeInfo[]; components: ComponentInfo[] }, PmoApiError>(
    keys.contentTypes,
    async () => {
      const { data } = await call(() =>
        get<{ data: { contentTypes: ContentTypeInfo[]; components: ComponentInfo[] } }>(
          '/content-manager/init'
        )
      );
      return { contentTypes: data.contentTypes ?? [], components: data.components ?? [] };
    },
    { staleTime: Infinity, retry: false }
  );
}
