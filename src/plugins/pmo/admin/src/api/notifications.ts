/**
 * Typed client for the notifications admin routes (docs/notifications.md): the outbox and its
 * retry, the jobs and "run now", the signed-in person's preferences, the email templates and
 * their preview; and `GET /pmo/my-work`. Request and answer types come from the contracts
 * (shared/contracts/notifications.ts, shared/contracts/my-work.ts) the server validates with.
 */
import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';

import type {
  JobAnswer,
  JobKey,
  JobRunAnswer,
  OutboxMessageAnswer,
  OutboxPage,
  OutboxStatus,
  PreferencesAnswer,
  PreferencesInput,
  TemplateAnswer,
  TemplateInput,
  TemplatePreviewAnswer,
  TemplatePreviewInput,
} from '../../../shared/contracts/notifications';
import { MY_WORK_PAGE_SIZE, type MyWorkAnswer } from '../../../shared/contracts/my-work';
import { PmoApiError, call } from './client';

export type { JobAnswer, JobRunAnswer, OutboxMessageAnswer, OutboxPage, PreferencesAnswer, TemplateAnswer, TemplatePreviewAnswer };

const keys = {
  outbox: (status: OutboxStatus | undefined, page: number) => ['pmo', 'outbox', status ?? 'all', page] as const,
  jobs: ['pmo', 'jobs'] as const,
  preferences: ['pmo', 'notification-preferences'] as const,
  templates: ['pmo', 'notification-templates'] as const,
  template: (key: string) => ['pmo', 'notification-templates', key] as const,
  myWork: ['pmo', 'my-work'] as const,
};

/* ---------------------------------------------------------------------------------------------
 * Outbox and jobs
 * -------------------------------------------------------------------------------------------*/

export function useOutbox(status: OutboxStatus | undefined, page = 1, pageSize = 25) {
  const { get } = useFetchClient();
  const params = { ...(status ? { status } : {}), page: String(page), pageSize: String(pageSize) };
  return useQuery<OutboxPage, PmoApiError>(keys.outbox(status, page), () => call(() => get<OutboxPage>('/pmo/outbox', { params })), {
    retry: false,
    keepPreviousData: true,
    // Deliveries happen in the background: the page follows them.
    refetchInterval: 5_000,
  });
}

/** POST /pmo/outbox/:documentId/retry: a failed message due now (the next delivery run sends it). */
export function useRetryMessage() {
  const { post } = useFetchClient();
  const queryClient = useQueryClient();
  return useMutation<OutboxMessageAnswer, PmoApiError, string>(
    (documentId) => call(() => post<OutboxMessageAnswer>(`/pmo/outbox/${encodeURIComponent(documentId)}/retry`, {})),
    { onSettled: () => void queryClient.invalidateQueries(['pmo', 'outbox']) }
  );
}

export function useJobs() {
  const { get } = useFetchClient();
  return useQuery<JobAnswer[], PmoApiError>(keys.jobs, async () => (await call(() => get<{ results: JobAnswer[] }>('/pmo/jobs'))).results, {
    retry: false,
    refetchInterval: 15_000,
  });
}

/** POST /pmo/jobs/:key/run: runs the job now; the outbox and the jobs reload after. */
export function useRunJob() {
  const { post } = useFetchClient();
  const queryClient = useQueryClient();
  return useMutation<JobRunAnswer, PmoApiError, JobKey>((key) => call(() => post<JobRunAnswer>(`/pmo/jobs/${encodeURIComponent(key)}/run`, {})), {
    onSettled: () => {
      void queryClient.invalidateQueries(keys.jobs);
      void queryClient.invalidateQueries(['pmo', 'outbox']);
    },
  });
}

/* ---------------------------------------------------------------------------------------------
 * Preferences
 * -------------------------------------------------------------------------------------------*/

export function usePreferences() {
  const { get } = useFetchClient();
  return useQuery<PreferencesAnswer, PmoApiError>(keys.preferences, () => call(() => get<PreferencesAnswer>('/pmo/notification-preferences')), {
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export function useSavePreferences() {
  const { put } = useFetchClient();
  const queryClient = useQueryClient();
  return useMutation<PreferencesAnswer, PmoApiError, PreferencesInput>(
    (input) => call(() => put<PreferencesAnswer>('/pmo/notification-preferences', input)),
    {
      onSuccess(saved) {
        queryClient.setQueryData(keys.preferences, saved);
      },
    }
  );
}

/* ---------------------------------------------------------------------------------------------
 * Templates
 * -------------------------------------------------------------------------------------------*/

export function useTemplates() {
  const { get } = useFetchClient();
  return useQuery<TemplateAnswer[], PmoApiError>(
    keys.templates,
    async () => (await call(() => get<{ results: TemplateAnswer[] }>('/pmo/notification-templates'))).results,
    { retry: false, refetchOnWindowFocus: false }
  );
}

export function useTemplate(key: string | undefined) {
  const { get } = useFetchClient();
  return useQuery<TemplateAnswer, PmoApiError>(
    keys.template(key ?? ''),
    () => call(() => get<TemplateAnswer>(`/pmo/notification-templates/${encodeURIComponent(key ?? '')}`)),
    { enabled: Boolean(key), retry: false, refetchOnWindowFocus: false }
  );
}

export function useSaveTemplate(key: string) {
  const { put } = useFetchClient();
  const queryClient = useQueryClient();
  return useMutation<TemplateAnswer, PmoApiError, TemplateInput>(
    (input) => call(() => put<TemplateAnswer>(`/pmo/notification-templates/${encodeURIComponent(key)}`, input)),
    {
      onSuccess(saved) {
        queryClient.setQueryData(keys.template(key), saved);
        void queryClient.invalidateQueries(keys.templates, { exact: true });
      },
    }
  );
}

/** POST /pmo/notification-templates/:key/preview: the draft rendered with sample values, nothing saved. */
export function useTemplatePreview(key: string, draft: TemplatePreviewInput | null) {
  const { post } = useFetchClient();
  return useQuery<TemplatePreviewAnswer, PmoApiError>(
    ['pmo', 'notification-templates', key, 'preview', draft],
    () => call(() => post<TemplatePreviewAnswer>(`/pmo/notification-templates/${encodeURIComponent(key)}/preview`, draft ?? {})),
    { enabled: Boolean(key) && draft !== null, retry: false, keepPreviousData: true, refetchOnWindowFocus: false }
  );
}

/* ---------------------------------------------------------------------------------------------
 * My work
 * -------------------------------------------------------------------------------------------*/

/** One page of what waits for the signed-in person (page 1 of 50 unless told), overdue first; `pagination.total` and `overdue` count all of it. */
export function useMyWork(page = 1, pageSize = MY_WORK_PAGE_SIZE) {
  const { get } = useFetchClient();
  const path = page === 1 && pageSize === MY_WORK_PAGE_SIZE ? '/pmo/my-work' : `/pmo/my-work?page=${page}&pageSize=${pageSize}`;
  return useQuery<MyWorkAnswer, PmoApiError>([...keys.myWork, page, pageSize], () => call(() => get<MyWorkAnswer>(path)), {
    retry: false,
    staleTime: 30_000,
  });
}
