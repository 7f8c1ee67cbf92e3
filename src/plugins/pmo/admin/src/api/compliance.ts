/**
 * Compliance's routes (server/src/compliance/), typed by the shared contract
 * (shared/contracts/compliance.ts) the server validates with.
 */
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';

import {
  COMPLIANCE_RECORD,
  RESULTS,
  RESULT_WORDS,
  type Assessment,
  type AssessmentList,
  type AssessmentInput,
  type CriterionResult,
  type Matrix,
  type StandardSummary,
} from '../../../shared/contracts/compliance';
import { call, type PmoApiError } from './client';

export { RESULTS, RESULT_WORDS };
export type { Assessment, AssessmentList, AssessmentInput, CriterionResult, Matrix, StandardSummary };

export type MatrixFilters = { portfolio?: string; programme?: string; page?: string; pageSize?: string };

const params = (filters: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(filters).filter(([, value]) => value)) as Record<string, string>;

export function useComplianceMatrix(filters: MatrixFilters) {
  const { get } = useFetchClient();
  return useQuery<Matrix, PmoApiError>(
    ['pmo', 'compliance', 'matrix', filters.portfolio ?? '', filters.programme ?? '', filters.page ?? '', filters.pageSize ?? ''],
    () => call(() => get<Matrix>('/pmo/compliance/matrix', { params: params(filters) })),
    { retry: false, keepPreviousData: true }
  );
}

/** The export's path for the filters (for downloadExport). */
export const complianceCsvPath = ({ portfolio, programme }: MatrixFilters) => {
  const query = new URLSearchParams(params({ portfolio, programme })).toString();
  return `/pmo/exports/compliance.csv${query ? `?${query}` : ''}`;
};

export function useComplianceStandards() {
  const { get } = useFetchClient();
  return useQuery<StandardSummary[], PmoApiError>(['pmo', 'compliance', 'standards'], () => call(() => get<StandardSummary[]>('/pmo/compliance/standards')), {
    retry: false,
    staleTime: 30_000,
  });
}

export function useAssessment(documentId: string | undefined) {
  const { get } = useFetchClient();
  return useQuery<Assessment, PmoApiError>(
    ['pmo', 'compliance', 'assessment', documentId ?? ''],
    () => call(() => get<Assessment>(`/pmo/compliance/assessments/${encodeURIComponent(documentId!)}`)),
    { enabled: Boolean(documentId), retry: false }
  );
}

/** The latest assessments (a page of 100) of a project against a standard (the assessment page's history). */
export function useAssessments(filters: { project?: string; standard?: string }) {
  const { get } = useFetchClient();
  return useQuery<AssessmentList, PmoApiError>(
    ['pmo', 'compliance', 'assessments', filters.project ?? '', filters.standard ?? ''],
    () => call(() => get<AssessmentList>('/pmo/compliance/assessments', { params: { ...params(filters), pageSize: 100 } })),
    { enabled: Boolean(filters.project || filters.standard), retry: false }
  );
}

export function useRecordAssessment() {
  const { post } = useFetchClient();
  const queryClient = useQueryClient();
  return useMutation<Assessment, PmoApiError, AssessmentInput>((body) => call(() => post<Assessment>('/pmo/compliance/assessments', body)), {
    onSuccess: () => queryClient.invalidateQueries(['pmo', 'compliance']),
  });
}

/** Whether the signed-in user may record assessments (the server checks again). */
export function useCanRecordAssessments() {
  const { allowedActions, isLoading } = useRBAC([{ action: COMPLIANCE_RECORD, subject: null }]);
  return { canRecord: Boolean(allowedActions.canRecord), isLoading };
}
