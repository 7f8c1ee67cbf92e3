/**
 * Typed client for the mentoring admin routes (/pmo/mentoring/...), over Strapi's fetch client,
 * typed by the shared contract (shared/contracts/mentoring.ts) the server validates with: a
 * session's `confidentialNotes` key is present only when the viewer may read it.
 */
import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';

import {
  RATINGS,
  RELATIONSHIP_STATUSES,
  type ActionItemOwner,
  type ActionItemReport,
  type ActionItemRow,
  type ActionItemsQuery,
  type ActionItemView,
  type Competency,
  type CompetencyRef,
  type HoursQuery,
  type HoursReport,
  type HoursRow,
  type MentoringMe,
  type MentoringRelationship,
  type MentoringSession,
  type NextSession,
  type PersonRef,
  type Ratings,
  type RatingSeries,
  type RelationshipCreate,
  type RelationshipListQuery,
  type RelationshipPage,
  type RelationshipStatus,
  type RelationshipUpdate,
  type SessionCreate,
  type SessionUpdate,
  type TickInput,
  type Timeline,
} from '../../../shared/contracts/mentoring';
import { PmoApiError, call } from './client';

/* ---------------------------------------------------------------------------------------------
 * Shapes: the contract's (shared/contracts/mentoring.ts), the server's own types
 * -------------------------------------------------------------------------------------------*/

export { RATINGS, RELATIONSHIP_STATUSES };
export type {
  ActionItemOwner,
  ActionItemReport,
  ActionItemRow,
  ActionItemView,
  Competency,
  CompetencyRef,
  HoursReport,
  HoursRow,
  MentoringMe,
  MentoringRelationship,
  MentoringSession,
  NextSession,
  PersonRef,
  Ratings,
  RatingSeries,
  RelationshipCreate,
  RelationshipStatus,
  RelationshipUpdate,
  SessionCreate,
  SessionUpdate,
  Timeline,
};

/* ---------------------------------------------------------------------------------------------
 * Queries
 * -------------------------------------------------------------------------------------------*/

const BASE = '/pmo/mentoring';

/** The fetch client does not encode query values, so the query string is built here. */
const withQuery = (path: string, query: Record<string, string | null | undefined>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
};

const id = (documentId: string) => encodeURIComponent(documentId);

export const mentoringKeys = {
  all: ['pmo', 'mentoring'] as const,
  me: ['pmo', 'mentoring', 'me'] as const,
  competencies: ['pmo', 'mentoring', 'competencies'] as const,
  relationships: (as: string, status: string | null, page: Paging) => ['pmo', 'mentoring', 'relationships', as, status, page] as const,
  relationship: (documentId: string) => ['pmo', 'mentoring', 'relationship', documentId] as const,
  timeline: (documentId: string) => ['pmo', 'mentoring', 'timeline', documentId] as const,
  nextSession: (documentId: string) => ['pmo', 'mentoring', 'next-session', documentId] as const,
  session: (documentId: string) => ['pmo', 'mentoring', 'session', documentId] as const,
  ratings: (relationship: string) => ['pmo', 'mentoring', 'ratings', relationship] as const,
  actionItems: (status: string, relationship: string | null, page: Paging = {}) => ['pmo', 'mentoring', 'action-items', status, relationship, page] as const,
  hours: (from: string | null, to: string | null, page: Paging) => ['pmo', 'mentoring', 'hours', from, to, page] as const,
};

const quiet = { retry: false, refetchOnWindowFocus: false } as const;

/** The page of a list asked for, as the URL holds it (`?page=&pageSize=`, Strapi's Pagination); none: the server's default. */
export type Paging = { page?: string; pageSize?: string };

export function useMentoringMe() {
  const { get } = useFetchClient();
  return useQuery<MentoringMe, PmoApiError>(mentoringKeys.me, () => call(() => get<MentoringMe>(`${BASE}/me`)), {
    ...quiet,
    staleTime: 60_000,
  });
}

export function useCompetencies() {
  const { get } = useFetchClient();
  return useQuery<Competency[], PmoApiError>(
    mentoringKeys.competencies,
    () => call(() => get<Competency[]>(`${BASE}/competencies`)),
    { ...quiet, staleTime: 60_000 }
  );
}

/** One page of the relationships the viewer sees (`as=mine`: only those they are a party to). */
export function useRelationships(query: Partial<Pick<RelationshipListQuery, 'as' | 'status'>> = {}, page: Paging = {}) {
  const { get } = useFetchClient();
  const as = query.as ?? 'any';
  const status = query.status ?? null;
  return useQuery<RelationshipPage, PmoApiError>(
    mentoringKeys.relationships(as, status, page),
    () => call(() => get<RelationshipPage>(withQuery(`${BASE}/relationships`, { as, status, ...page }))),
    { ...quiet, keepPreviousData: true }
  );
}

export function useRelationship(documentId: string | undefined) {
  const { get } = useFetchClient();
  return useQuery<MentoringRelationship, PmoApiError>(
    mentoringKeys.relationship(documentId ?? ''),
    () => call(() => get<MentoringRelationship>(`${BASE}/relationships/${id(documentId!)}`)),
    { ...quiet, enabled: Boolean(documentId) }
  );
}

export function useTimeline(documentId: string | undefined) {
  const { get } = useFetchClient();
  return useQuery<Timeline, PmoApiError>(
    mentoringKeys.timeline(documentId ?? ''),
    () => call(() => get<Timeline>(`${BASE}/relationships/${id(documentId!)}/timeline`)),
    { ...quiet, enabled: Boolean(documentId) }
  );
}

/** The next session's draft (mentor only); never cached, so it always carries the latest open items. */
export function useNextSession(documentId: string | undefined, enabled = true) {
  const { get } = useFetchClient();
  return useQuery<NextSession, PmoApiError>(
    mentoringKeys.nextSession(documentId ?? ''),
    () => call(() => get<NextSession>(`${BASE}/relationships/${id(documentId!)}/next-session`)),
    { ...quiet, enabled: enabled && Boolean(documentId), cacheTime: 0 }
  );
}

export function useSession(documentId: string | undefined) {
  const { get } = useFetchClient();
  return useQuery<MentoringSession, PmoApiError>(
    mentoringKeys.session(documentId ?? ''),
    () => call(() => get<MentoringSession>(`${BASE}/sessions/${id(documentId!)}`)),
    { ...quiet, enabled: Boolean(documentId), cacheTime: 0 }
  );
}

/** Each competency's ratings over the relationship's sessions. */
export function useRatings(relationship: string | undefined) {
  const { get } = useFetchClient();
  return useQuery<Ratings, PmoApiError>(
    mentoringKeys.ratings(relationship ?? ''),
    () => call(() => get<Ratings>(withQuery(`${BASE}/ratings`, { relationship }))),
    { ...quiet, enabled: Boolean(relationship) }
  );
}

/** Open (or only overdue) action items across the relationships the viewer sees, or one of them. */
export function useActionItems(status: ActionItemsQuery['status'], relationship: string | null = null, enabled = true, page: Paging = {}) {
  const { get } = useFetchClient();
  return useQuery<ActionItemReport, PmoApiError>(
    mentoringKeys.actionItems(status, relationship, page),
    () => call(() => get<ActionItemReport>(withQuery(`${BASE}/action-items`, { status, relationship, ...page }))),
    { ...quiet, enabled, keepPreviousData: true }
  );
}

export function useHours(period: Pick<HoursQuery, 'from' | 'to'>, page: Paging = {}, enabled = true) {
  const { get } = useFetchClient();
  return useQuery<HoursReport, PmoApiError>(
    mentoringKeys.hours(period.from, period.to, page),
    () => call(() => get<HoursReport>(withQuery(`${BASE}/reports/hours`, { from: period.from, to: period.to, ...page }))),
    { ...quiet, enabled, keepPreviousData: true }
  );
}


/* ---------------------------------------------------------------------------------------------
 * Changes (each reloads everything mentoring: summaries, timelines, charts and reports move together)
 * -------------------------------------------------------------------------------------------*/

function useInvalidateMentoring() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(mentoringKeys.all);
}

export function useCreateRelationship() {
  const { post } = useFetchClient();
  const invalidate = useInvalidateMentoring();
  return useMutation<MentoringRelationship, PmoApiError, RelationshipCreate>(
    (input) => call(() => post<MentoringRelationship>(`${BASE}/relationships`, input)),
    { onSuccess: invalidate }
  );
}

export function useUpdateRelationship() {
  const { put } = useFetchClient();
  const invalidate = useInvalidateMentoring();
  return useMutation<MentoringRelationship, PmoApiError, { documentId: string; input: RelationshipUpdate }>(
    ({ documentId, input }) => call(() => put<MentoringRelationship>(`${BASE}/relationships/${id(documentId)}`, input)),
    { onSuccess: invalidate }
  );
}

/** POST a new session, or PUT changes to one (`documentId` given, with its `revision`). */
export function useSaveSession() {
  const { post, put } = useFetchClient();
  const invalidate = useInvalidateMentoring();
  return useMutation<MentoringSession, PmoApiError, { documentId?: undefined; input: SessionCreate } | { documentId: string; input: SessionUpdate }>(
    (change) =>
      call(() =>
        change.documentId === undefined
          ? post<MentoringSession>(`${BASE}/sessions`, change.input)
          : put<MentoringSession>(`${BASE}/sessions/${id(change.documentId)}`, change.input)
      ),
    { onSuccess: invalidate }
  );
}

export function useDeleteSession() {
  const { del } = useFetchClient();
  const invalidate = useInvalidateMentoring();
  return useMutation<void, PmoApiError, string>(
    async (documentId) => {
      await call(() => del(`${BASE}/sessions/${id(documentId)}`));
    },
    { onSuccess: invalidate }
  );
}

/** The mentor or the mentee ticks an action item done (or not). */
export function useTickActionItem() {
  const { put } = useFetchClient();
  const invalidate = useInvalidateMentoring();
  return useMutation<MentoringSession, PmoApiError, { session: string; item: string } & TickInput>(
    ({ session, item, done }) =>
      call(() => put<MentoringSession>(`${BASE}/sessions/${id(session)}/action-items/${id(item)}`, { done })),
    { onSuccess: invalidate }
  );
}

/**
 * GET /exports/hours.csv as a Blob. The route wants the admin JWT, which the fetch client adds, so
 * a plain link would be refused; the page saves the Blob instead.
 */
export function useHoursCsv() {
  const { get } = useFetchClient();
  return useMutation<Blob, PmoApiError, Pick<HoursQuery, 'from' | 'to'>>(({ from, to }) =>
    call(() => get<Blob>(withQuery(`${BASE}/exports/hours.csv`, { from, to }), { responseType: 'blob' }))
  );
}

/** A mentee's competency ratings across the relationships the viewer may see (the person page). */
export function useMenteeRatings(mentee: string | undefined, enabled = true) {
  const { get } = useFetchClient();
  return useQuery<Ratings, PmoApiError>(
    ['pmo', 'mentoring', 'mentee-ratings', mentee ?? ''],
    () => call(() => get<Ratings>(withQuery(`${BASE}/ratings`, { mentee }))),
    { ...quiet, enabled: Boolean(mentee) && enabled }
  );
}
