/** The document review route (server/src/compliance/document-review.ts), typed. */
import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';

import { call, type PmoApiError } from './client';

export const DOCUMENT_STATUSES = ['draft', 'in-review', 'approved', 'superseded'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export type DocumentReview = {
  documentId: string;
  title: string;
  status: DocumentStatus;
  approvedAt: string | null;
  lastReviewedAt: string | null;
  reviewCycleDays: number | null;
  nextReviewDue: string | null;
  overdue: boolean;
};

const key = (documentId: string) => ['pmo', 'document-review', documentId];

export function useDocumentReview(documentId: string | undefined) {
  const { get } = useFetchClient();
  return useQuery<DocumentReview, PmoApiError>(
    key(documentId ?? ''),
    () => call(() => get<DocumentReview>(`/pmo/documents/${documentId}/review`)),
    { enabled: Boolean(documentId), retry: false, refetchOnWindowFocus: false }
  );
}

export function useUpdateDocumentReview(documentId: string) {
  const { put } = useFetchClient();
  const queryClient = useQueryClient();
  return useMutation<DocumentReview, PmoApiError, { status?: DocumentStatus; reviewed?: boolean }>(
    (body) => call(() => put<DocumentReview>(`/pmo/documents/${documentId}/review`, body)),
    {
      onSuccess: (review) => {
        queryClient.setQueryData(key(documentId), review);
      },
    }
  );
}
