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

/** GET /pmo/documents/overdue: the documents overdue for review today, for the document list's badges. */
export function useOverdueDocuments(enabled = true) {
  const { get } = useFetchClient();
  return useQuery<OverdueDocuments, PmoApiError>(
    ['pmo', 'documents', 'overdue'],
    () => call(() => get<OverdueDocuments>('/pmo/documents/overdue')),
    { enabled, retry: false, staleTime: 30_000 }
  );
}
