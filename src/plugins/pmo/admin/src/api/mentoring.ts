/**
 * Typed client for the mentoring admin routes (/pmo/mentoring/...), over Strapi's fetch client.
 * The shapes mirror server/src/mentoring/views.ts and reports.ts: a session's
 * `confidentialNotes` key is present only when the viewer may read it.
 */
import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';

import { PmoApiError, call } from './client';

/* ---------------------------------------------------------------------------------------------
 * Shapes
 * -------------------------------------------------------------------------------------------*/

export type PersonRef = { documentId: string; fullName: string; email: string };
export type CompetencyRef = { documentId: string; key: string; name: string };
export type Competency = CompetencyRef & { description: string | null; position: number; active: boolean };

export type RelationshipStatus = 'active' | 'paused' | 'completed';
export const RELATIONSHIP_STATUSES: RelationshipStatus[] = ['active', 'paused', 'completed'];

/** Why the viewer sees a relationship. */
export type Standing = 'mentor' | 'mentee' | 'oversight';

export type RelationshipPermissions = {
  seeConfidentialNotes: boolean;
  logSessions: boolean;
  tickActionItems: boolean;
  manage: boolean;
  remove: boolean;
};

export type RelationshipSummary = {
  sessions: number;
  minutes: number;
  lastSessionDate: string | null;
  openActionItems: number;
  overdueActionItems: number;
};

export type MentoringRelationship = {
  documentId: string;
  mentor: PersonRef | null;
  mentee: PersonRef | null;
  goals: string | null;
  focusCompetencies: CompetencyRef[];
  startDate: string;
  endDate: string | null;
  status: RelationshipStatus;
  myRole: Standing;
  permissions: RelationshipPermissions;
  summary: RelationshipSummary;
};

export type ActionItemOwner = 'mentor' | 'mentee';

export type ActionItem = {
  id: string;
  text: string;
  owner: ActionItemOwner;
  dueDate: string | null;
  done: boolean;
  doneAt: string | null;
  /** The session this item was carried from. */
  carriedFrom: string | null;
  /** The later session it was carried to: no longer open here. */
  carriedTo: string | null;
  overdue: boolean;
};

export type MentoringSession = {
  documentId: string;
  relationship: string;
  date: string;
  durationMinutes: number;
  topics: string | null;
  ratings: Array<{ competency: CompetencyRef; rating: number }>;
  sharedNotes: string | null;
  /** Absent unless the viewer is the mentor, the mentee or a PMO director. */
  confidentialNotes?: string | null;
  actionItems: ActionItem[];
  revision: number;
  createdAt: string;
  updatedAt: string;
};

export type Timeline = { relationship: string; sessions: MentoringSession[] };

/** What a client sends for an action item: an `id` names an existing one (kept, or carried forward). */
export type ActionItemInput = {
  id?: string;
  text: string;
  owner: ActionItemOwner;
  dueDate: string | null;
  done: boolean;
};

export type RatingInput = { competency: string; rating: number };

export type SessionInput = {
  relationship?: string;
  date?: string;
  durationMinutes?: number;
  topics?: string | null;
  ratings?: RatingInput[];
  sharedNotes?: string | null;
  confidentialNotes?: string | null;
  actionItems?: ActionItemInput[];
  revision?: number;
};

/** GET /relationships/:id/next-session: a draft to edit and POST, open items carried forward. */
export type NextSession = {
  relationship: string;
  lastSession: { documentId: string; date: string; durationMinutes: number } | null;
  focusCompetencies: Array<{ competency: CompetencyRef; previous: { rating: number; date: string } | null }>;
  draft: Required<Omit<SessionInput, 'revision' | 'actionItems'>> & {
    actionItems: Array<ActionItemInput & { carriedFrom?: string }>;
  };
};

export type RatingPoint = { date: string; session: string; relationship: string; rating: number };
export type RatingSeries = {
  competency: CompetencyRef;
  focus: boolean;
  points: RatingPoint[];
  first: number | null;
  latest: number | null;
  change: number | null;
};
export type Ratings = { relationships: string[]; series: RatingSeries[] };

export type ActionItemRow = ActionItem & {
  session: { documentId: string; date: string };
  ownerPerson: PersonRef | null;
  relationship: { documentId: string; mentor: PersonRef | null; mentee: PersonRef | null; status: RelationshipStatus };
};
export type ActionItemReport = { asOf: string; status: 'open' | 'overdue'; items: ActionItemRow[] };

export type HoursRow = { quarter: string; mentor: PersonRef; sessions: number; minutes: number; hours: string };
export type HoursReport = { from: string | null; to: string | null; rows: HoursRow[] };

export type MentoringMe = {
  /** The people (by email) that are the signed-in user. */
  people: PersonRef[];
  /** PMO managers and directors (and super admins) oversee every relationship. */
  seesAllRelationships: boolean;
  seesConfidentialNotesOfOthers: boolean;
};

export type RelationshipInput = {
  mentor?: string;
  mentee?: string;
  goals?: string | null;
  focusCompetencies?: string[];
  startDate?: string;
  endDate?: string | null;
  status?: RelationshipStatus;
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
  relationships: (as: string, status: string | null) => ['pmo', 'mentoring', 'relationships', as, status] as const,
  relationship: (documentId: string) => ['pmo', 'mentoring', 'relationship', documentId] as const,
  timeline: (documentId: string) => ['pmo', 'mentoring', 'timeline', documentId] as const,
  nextSession: (documentId: string) => ['pmo', 'mentoring', 'next-session', documentId] as const,
  session: (documentId: string) => ['pmo', 'mentoring', 'session', documentId] as const,
  ratings: (relationship: string) => ['pmo', 'mentoring', 'ratings', relationship] as const,
  actionItems: (status: string, relationship: string | null) => ['pmo', 'mentoring', 'action-items', status, relationship] as const,
  hours: (from: string | null, to: string | null) => ['pmo', 'mentoring', 'hours', from, to] as const,
  people: (search: string) => ['pmo', 'mentoring', 'people', search] as const,
};

const quiet = { retry: false, refetchOnWindowFocus: false } as const;

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

export function useRelationships(query: { as?: 'any' | 'mentor' | 'mentee'; status?: RelationshipStatus | null } = {}) {
  const { get } = useFetchClient();
  const as = query.as ?? 'any';
  const status = query.status ?? null;
  return useQuery<MentoringRelationship[], PmoApiError>(
    mentoringKeys.relationships(as, status),
    () => call(() => get<MentoringRelationship[]>(withQuery(`${BASE}/relationships`, { as, status }))),
    quiet
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
export function useActionItems(status: 'open' | 'overdue', relationship: string | null = null, enabled = true) {
  const { get } = useFetchClient();
  return useQuery<ActionItemReport, PmoApiError>(
    mentoringKeys.actionItems(status, relationship),
    () => call(() => get<ActionItemReport>(withQuery(`${BASE}/action-items`, { status, relationship }))),
    { ...quiet, enabled }
  );
}

export function useHours(period: { from: string | null; to: string | null }, enabled = true) {
  const { get } = useFetchClient();
  return useQuery<HoursReport, PmoApiError>(
    mentoringKeys.hours(period.from, period.to),
    () => call(() => get<HoursReport>(withQuery(`${BASE}/reports/hours`, { from: period.from, to: period.to }))),
    { ...quiet, enabled, keepPreviousData: true }
  );
}

/**
 * People of the directory, for choosing a mentor and a mentee: through the Content Manager,
 * where every PMO role reads `api::person.person`.
 */
export function usePeople(search: string, enabled = true) {
  const { get } = useFetchClient();
  return useQuery<PersonRef[], PmoApiError>(
    mentoringKeys.people(search),
    async () => {
      const { results } = await call(() =>
        get<{ results: PersonRef[] }>(
          withQuery('/content-manager/collection-types/api::person.person', {
            page: '1',
            pageSize: '50',
            sort: 'fullName:ASC',
            _q: search.trim() || null,
          })
        )
      );
      return results.map(({ documentId, fullName, email }) => ({ documentId, fullName, email }));
    },
    { ...quiet, enabled, staleTime: 30_000, keepPreviousData: true }
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
  return useMutation<MentoringRelationship, PmoApiError, RelationshipInput>(
    (input) => call(() => post<MentoringRelationship>(`${BASE}/relationships`, input)),
    { onSuccess: invalidate }
  );
}

export function useUpdateRelationship() {
  const { put } = useFetchClient();
  const invalidate = useInvalidateMentoring();
  return useMutation<MentoringRelationship, PmoApiError, { documentId: string; input: RelationshipInput }>(
    ({ documentId, input }) => call(() => put<MentoringRelationship>(`${BASE}/relationships/${id(documentId)}`, input)),
    { onSuccess: invalidate }
  );
}

/** POST a new session, or PUT changes to one (`documentId` given, with its `revision`). */
export function useSaveSession() {
  const { post, put } = useFetchClient();
  const invalidate = useInvalidateMentoring();
  return useMutation<MentoringSession, PmoApiError, { documentId?: string; input: SessionInput }>(
    ({ documentId, input }) =>
      call(() =>
        documentId === undefined
          ? post<MentoringSession>(`${BASE}/sessions`, input)
          : put<MentoringSession>(`${BASE}/sessions/${id(documentId)}`, input)
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
  return useMutation<MentoringSession, PmoApiError, { session: string; item: string; done: boolean }>(
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
  return useMutation<Blob, PmoApiError, { from: string | null; to: string | null }>(({ from, to }) =>
    call(() => get<Blob>(withQuery(`${BASE}/exports/hours.csv`, { from, to }), { responseType: 'blob' }))
  );
}
