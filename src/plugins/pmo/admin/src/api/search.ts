/**
 * Typed client for `GET /pmo/search` (shared/contracts/search.ts): people, projects, programmes
 * and portfolios by name, code or email, best matches first, among what the user may read. The
 * pickers (components/SearchPicker.tsx) ask as the user types.
 */
import { useFetchClient } from '@strapi/strapi/admin';
import { useQuery } from 'react-query';

import {
  SEARCH_DEFAULT_LIMIT,
  SEARCH_MIN_LENGTH,
  type SearchAnswer,
  type SearchQuery,
  type SearchResult,
  type SearchType,
} from '../../../shared/contracts/search';
import { call, type PmoApiError } from './client';

export { SEARCH_MIN_LENGTH };
export type { SearchResult, SearchType };

export const searchKeys = {
  all: ['pmo', 'search'] as const,
  search: (type: SearchType, q: string, limit: number) => ['pmo', 'search', type, q, limit] as const,
};

/** Whether a text is long enough for the server to search (shorter is a 400, so it is not sent). */
export const isSearchable = (text: string) => text.trim().length >= SEARCH_MIN_LENGTH;

/** The matches for `text`, or nothing asked while it is shorter than the server accepts. */
export function useSearch(type: SearchType, text: string, limit = SEARCH_DEFAULT_LIMIT) {
  const { get } = useFetchClient();
  const q = text.trim();
  return useQuery<SearchResult[], PmoApiError>(
    searchKeys.search(type, q, limit),
    async () => {
      const params: SearchQuery = { type, q, limit };
      return (await call(() => get<SearchAnswer>('/pmo/search', { params }))).results;
    },
    { enabled: isSearchable(q), keepPreviousData: true, staleTime: 30_000, retry: false, refetchOnWindowFocus: false }
  );
}

const CM = '/content-manager/collection-types';
type Named = { documentId: string; code?: string; name?: string; fullName?: string };

/**
 * The item a filter's URL names by its documentId, as a picker shows it ("PRJ-7 · Atlas platform",
 * "Rita Reviewer"): one read of that item, so a shared or reloaded filtered page shows its filter.
 */
export function usePickedById(type: SearchType, documentId: string | undefined) {
  const { get } = useFetchClient();
  const kind = type === 'person' ? 'person' : type;
  return useQuery<SearchResult, PmoApiError>(
    ['pmo', 'picked', type, documentId ?? ''],
    async () => {
      const { data } = await call(() => get<{ data: Named }>(`${CM}/api::${kind}.${kind}/${encodeURIComponent(documentId!)}`));
      return { uid: `api::${kind}.${kind}`, documentId: data.documentId, label: data.fullName ?? data.name ?? '', ...(data.code ? { code: data.code } : {}) } as SearchResult;
    },
    { enabled: Boolean(documentId), retry: false, staleTime: 30_000 }
  );
}
