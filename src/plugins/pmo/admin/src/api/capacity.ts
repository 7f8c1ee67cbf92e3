/**
 * Capacity's routes (server/src/people/capacity/), typed by the shared contract
 * (shared/contracts/capacity.ts): the heat map's people × months, a person's allocations and
 * certifications (a cell's drill-down with `month`).
 */
import { useFetchClient } from '@strapi/strapi/admin';
import { useQuery } from 'react-query';

import {
  CAPACITY_READ,
  type AllocationWarningsAnswer,
  type CapacityAnswer,
  type CapacityQuery,
  type PersonCapacityAnswer,
} from '../../../shared/contracts/capacity';
import { call, type PmoApiError } from './client';

export { CAPACITY_READ };
export type { CapacityAnswer, PersonCapacityAnswer };

export type CapacityFilters = { from?: string; to?: string; department?: string; programme?: string; role?: string; page?: string };

const params = (filters: CapacityFilters) =>
  Object.fromEntries(Object.entries(filters).filter(([, value]) => value)) as unknown as CapacityQuery;

export function useCapacity(filters: CapacityFilters) {
  const { get } = useFetchClient();
  return useQuery<CapacityAnswer, PmoApiError>(
    ['pmo', 'capacity', params(filters)],
    () => call(() => get<CapacityAnswer>('/pmo/capacity', { params: { pageSize: '100', ...params(filters) } })),
    { retry: false, keepPreviousData: true }
  );
}

export function usePersonCapacity(documentId: string | undefined, month?: string) {
  const { get } = useFetchClient();
  return useQuery<PersonCapacityAnswer, PmoApiError>(
    ['pmo', 'capacity', 'person', documentId, month ?? ''],
    () => call(() => get<PersonCapacityAnswer>(`/pmo/capacity/people/${encodeURIComponent(documentId ?? '')}`, { params: month ? { month } : {} })),
    { retry: false, enabled: !!documentId }
  );
}

/** The capacity.csv export's path for the filters. */
export const capacityCsvPath = (filters: CapacityFilters) => {
  const { page: _page, ...rest } = filters;
  const query = new URLSearchParams(params(rest) as unknown as Record<string, string>).toString();
  return `/pmo/exports/capacity.csv${query ? `?${query}` : ''}`;
};

/** The months an allocation (as stored) books its person over capacity, in words; refetched when `version` changes (after a save). */
export function useAllocationWarnings(documentId: string | undefined, version: string | undefined) {
  const { get } = useFetchClient();
  return useQuery<AllocationWarningsAnswer, PmoApiError>(
    ['pmo', 'capacity', 'allocation-warnings', documentId ?? '', version ?? ''],
    () => call(() => get<AllocationWarningsAnswer>(`/pmo/capacity/allocations/${encodeURIComponent(documentId ?? '')}/warnings`)),
    { retry: false, enabled: !!documentId }
  );
}
