/**
 * The document review routes (server/src/compliance/document-review.ts): a document's review and
 * versions, recording a review, making a new version. Typed by the shared contract
 * (shared/contracts/documents.ts) the server validates with.
 */
import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';

import {
  DOCUMENT_STATUSES,
  DOCUMENT_UID,
  type DocumentReview,
  type DocumentStatus,
  type NewVersionInput,
  type OverdueDocuments,
  type ReviewUpdate,
} from '../../../shared/contracts/documents';
import { MAX_PAGE_SIZE } from '../../../shared/contracts/common';
import { call, type PmoApiError } from './client';

export { DOCUMENT_STATUSES, DOCUMENT_UID };
export type { DocumentReview, DocumentStatus, ReviewUpdate };

const key = (documentId: string) => ['pmo', 'document-review', documentId];
const path = (documentId: string) => `/pmo/documents/${encodeURIComponent(documentId)}/review`;

export function useDocumentReview(documentId: string | undefined) {
  const { get } = useFetchClient();
  return useQuery<DocumentReview, PmoApiError>(
    key(documentId ?? ''),
    () => call(() => get<DocumentReview>(path(documentId!))),
    { enabled: Boolean(documentId), retry: false, refetchOnWindowFocus: false }
  );
}

export function useUpdateDocumentReview(documentId: string) {
  const { put } = useFetchClient();
  const queryClient = useQueryClient();
  return useMutation<DocumentReview, PmoApiError, ReviewUpdate>(
    (body) => call(() => put<DocumentReview>(path(documentId), body)),
    {
      onSuccess: (review) => {
        queryClient.setQueryData(key(documentId), review);
      },
    }
  );
}

/** POST /pmo/documents/:documentId/versions: the new version's review (the previous one is superseded). */
export function useNewDocumentVersion(documentId: string) {
  const { post } = useFetchClient();
  const queryClient = useQueryClient();
  return useMutation<DocumentReview, PmoApiError, NewVersionInput>(
    (body) => call(() => post<DocumentReview>(`/pmo/documents/${encodeURIComponent(documentId)}/versions`, body)),
    {
      onSuccess: () => {
        void queryClient.invalidateQueries(key(documentId));
        void queryClient.invalidateQueries(['pmo', 'workflow-instance']);
      },
    }
  );
}

type Get = ReturnType<typeof useFetchClient>['get'];
type Waiting = { documentId: string; resolve: (overdue: boolean) => void; reject: (error: unknown) => void };

/**
 * The cells of a list ask in the same moment: their documentIds are gathered and asked together,
 * a page's worth (100) a request (`GET /pmo/documents/overdue?documentIds=`), never the whole table
 * and never one request a row.
 */
const overdueBatch: { waiting: Waiting[]; timer: ReturnType<typeof setTimeout> | null } = { waiting: [], timer: null };

function flushOverdue(get: Get) {
  const waiting = overdueBatch.waiting;
  overdueBatch.waiting = [];
  overdueBatch.timer = null;
  for (let start = 0; start < waiting.length; start += MAX_PAGE_SIZE) {
    const part = waiting.slice(start, start + MAX_PAGE_SIZE);
    const documentIds = [...new Set(part.map((item) => item.documentId))].join(',');
    call(() => get<OverdueDocuments>('/pmo/documents/overdue', { params: { documentIds, pageSize: MAX_PAGE_SIZE } })).then(
      (answer) => {
        const overdue = new Set(answer.documentIds);
        part.forEach((item) => item.resolve(overdue.has(item.documentId)));
      },
      (error) => part.forEach((item) => item.reject(error))
    );
  }
}

const askOverdue = (get: Get, documentId: string) =>
  new Promise<boolean>((resolve, reject) => {
    overdueBatch.waiting.push({ documentId, resolve, reject });
    overdueBatch.timer ??= setTimeout(() => flushOverdue(get), 0);
  });

/** Whether a document is overdue for review today, for the document list's badge (asked with its page's other rows). */
export function useIsOverdueDocument(documentId: string, enabled = true) {
  const { get } = useFetchClient();
  return useQuery<boolean, PmoApiError>(['pmo', 'documents', 'overdue', documentId], () => askOverdue(get, documentId), {
    enabled: enabled && Boolean(documentId),
    retry: false,
    staleTime: 30_000,
  });
}
