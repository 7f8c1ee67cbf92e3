/**
 * Database access for the mentoring log, through the query layer only: the Document Service is
 * closed to relationships and sessions (document-guard.ts), so the Content Manager, and anything
 * else generic built on it, cannot reach them; and no entry.* event (webhook) carries them.
 * Reads select columns explicitly: confidential notes are loaded only for the relationships whose
 * viewer may see them, never loaded-then-hidden.
 */
import type { Core } from '@strapi/strapi';
import { storedItems, type ActionItem } from './action-items';
import { toIsoDate } from '../platform/dates';
import { storedRatings } from './reports';
import type { RelationshipFacts } from './views';
import type { Parties } from './visibility';
import { PERSON_UID } from '../../../shared/contracts/uids';
import {
  COMPETENCY_UID,
  RELATIONSHIP_UID,
  SESSION_UID,
  type Competency,
  type CompetencyRef,
  type PersonRef,
  type RelationshipStatus,
} from '../../../shared/contracts/mentoring';

export type Relationship = RelationshipFacts & { id: number; createdAt: string; updatedAt: string };

export type Session = {
  id: number;
  documentId: string;
  relationship: string;
  relationshipId: number;
  date: string;
  durationMinutes: number;
  topics: string | null;
  ratings: ReturnType<typeof storedRatings>;
  sharedNotes: string | null;
  /** Present only when the query asked for it. */
  confidentialNotes?: string | null;
  actionItems: ActionItem[];
  revision: number;
  createdAt: string;
  updatedAt: string;
};

/** Whose relationships: every one (oversight), or those where one of these people is a party. */
export type Scope = 'all' | { personIds: string[]; as?: 'mentor' | 'mentee' | 'any' };

const PERSON_FIELDS = ['documentId', 'fullName', 'email'];
const COMPETENCY_FIELDS = ['documentId', 'key', 'name'];
const SESSION_FIELDS = [
  'id',
  'documentId',
  'date',
  'durationMinutes',
  'topics',
  'ratings',
  'sharedNotes',
  'actionItems',
  'revision',
  'createdAt',
  'updatedAt',
];

type Row = Record<string, any>;

const person = (row: Row | null | undefined): PersonRef | null =>
  row ? { documentId: row.documentId, fullName: row.fullName, email: row.email ?? null } : null;
const competencyRef = (row: Row): CompetencyRef => ({ documentId: row.documentId, key: row.key, name: row.name });
const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value ?? ''));

function relationshipOf(row: Row): Relationship {
  return {
    id: row.id,
    documentId: row.documentId,
    mentor: person(row.mentor),
    mentee: person(row.mentee),
    goals: row.goals ?? null,
    focusCompetencies: (row.focusCompetencies ?? [])
      .slice()
      .sort((a: Row, b: Row) => (a.position ?? 0) - (b.position ?? 0) || String(a.name).localeCompare(String(b.name)))
      .map(competencyRef),
    startDate: toIsoDate(row.startDate)!,
    endDate: toIsoDate(row.endDate),
    status: row.status,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

function sessionOf(row: Row): Session {
  return {
    id: row.id,
    documentId: row.documentId,
    relationship: row.relationship?.documentId ?? '',
    relationshipId: row.relationship?.id ?? 0,
    date: toIsoDate(row.date)!,
    durationMinutes: Number(row.durationMinutes),
    topics: row.topics ?? null,
    ratings: storedRatings(row.ratings),
    sharedNotes: row.sharedNotes ?? null,
    ...('confidentialNotes' in row ? { confidentialNotes: row.confidentialNotes ?? null } : {}),
    actionItems: storedItems(row.actionItems),
    revision: Number(row.revision ?? 1),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

const RELATIONSHIP_POPULATE = {
  mentor: { select: PERSON_FIELDS },
  mentee: { select: PERSON_FIELDS },
  focusCompetencies: { select: [...COMPETENCY_FIELDS, 'position'] },
};

const RELATIONSHIP_FIELDS = ['id', 'documentId', 'goals', 'startDate', 'endDate', 'status', 'createdAt', 'updatedAt'];
const LATEST_STARTED = [{ startDate: 'desc' }, { id: 'desc' }];

export type RelationshipFilters = { status?: RelationshipStatus | null; mentor?: string | null; mentee?: string | null };

/** The where-clause of a scope on relationships: null when it can hold none (no people to be a party). */
export function scopeWhere(scope: Scope): Row | null {
  if (scope === 'all') return {};
  if (scope.personIds.length === 0) return null;
  const mine = { documentId: { $in: scope.personIds } };
  const as = scope.as ?? 'any';
  if (as === 'mentor') return { mentor: mine };
  if (as === 'mentee') return { mentee: mine };
  return { $or: [{ mentor: mine }, { mentee: mine }] };
}

function relationshipWhere(scope: Scope, filters: RelationshipFilters): Row | null {
  const where = scopeWhere(scope);
  if (!where) return null;
  const and: Row[] = [where];
  if (filters.status) and.push({ status: filters.status });
  if (filters.mentor) and.push({ mentor: { documentId: filters.mentor } });
  if (filters.mentee) and.push({ mentee: { documentId: filters.mentee } });
  return { $and: and };
}

export type SessionPageFilter = {
  scope: Scope;
  /** One relationship (row id) the caller has checked the viewer sees. */
  relationshipId?: number | null;
  /** Whose confidential notes `q` searches: every relationship's, or the relationships of a scope. */
  confidential: Scope;
  q?: string | null;
  from?: string | null;
  to?: string | null;
  offset: number;
  limit: number;
};

function sessionWhere(filter: SessionPageFilter): Row | null {
  const visible = scopeWhere(filter.scope);
  if (!visible) return null;
  const and: Row[] = [];
  if (filter.relationshipId) and.push({ relationship: { id: filter.relationshipId } });
  else if (filter.scope !== 'all') and.push({ relationship: visible });
  if (filter.from) and.push({ date: { $gte: filter.from } });
  if (filter.to) and.push({ date: { $lte: filter.to } });
  if (filter.q) {
    const matches: Row[] = [{ topics: { $containsi: filter.q } }, { sharedNotes: { $containsi: filter.q } }];
    const confidential = scopeWhere(filter.confidential);
    if (confidential) {
      const notes = { confidentialNotes: { $containsi: filter.q } };
      matches.push(filter.confidential === 'all' ? notes : { $and: [{ relationship: confidential }, notes] });
    }
    and.push({ $or: matches });
  }
  return { $and: and };
}

export type SessionFilter = {
  relationshipIds: number[];
  /** Relationships whose confidential notes this read may load (and search). */
  confidentialFor: number[];
  from?: string | null;
  to?: string | null;
  q?: string | null;
  order?: 'asc' | 'desc';
};

export function createMentoringRepository(strapi: Core.Strapi) {
  const query = (uid: string) => strapi.db.query(uid as any);

  async function confidentialNotes(ids: number[]): Promise<Map<number, string | null>> {
    if (ids.length === 0) return new Map();
    const notes = await query(SESSION_UID).findMany({ where: { id: { $in: ids } }, select: ['id', 'confidentialNotes'] });
    return new Map(notes.map((row: Row) => [row.id as number, (row.confidentialNotes ?? null) as string | null]));
  }

  return {
    async competencies(onlyActive = false): Promise<Competency[]> {
      const rows = await query(COMPETENCY_UID).findMany({
        where: onlyActive ? { active: true } : {},
        select: ['documentId', 'key', 'name', 'description', 'position', 'active'],
        orderBy: [{ position: 'asc' }, { name: 'asc' }],
      });
      return rows.map((row: Row) => ({ ...competencyRef(row), description: row.description ?? null, position: row.position ?? 0, active: row.active !== false }));
    },

    /** Idempotent: adds the framework's competencies that are missing (by key), changes nothing else. */
    async seedCompetencies(defaults: Array<{ key: string; name: string; position: number }>) {
      const existing = await query(COMPETENCY_UID).findMany({ select: ['key', 'name'] });
      const keys = new Set(existing.map((row: Row) => row.key));
      const names = new Set(existing.map((row: Row) => String(row.name).toLowerCase()));
      for (const competency of defaults) {
        if (keys.has(competency.key) || names.has(competency.name.toLowerCase())) continue;
        await strapi.documents(COMPETENCY_UID as any).create({ data: { ...competency, active: true } as any });
      }
    },

    async peopleByIds(documentIds: string[]): Promise<PersonRef[]> {
      if (documentIds.length === 0) return [];
      const rows = await query(PERSON_UID).findMany({ where: { documentId: { $in: documentIds } }, select: PERSON_FIELDS });
      return rows.map((row: Row) => person(row)!);
    },

    /** The relationships in scope (and filters), the latest started first; only where a subject bounds them. */
    async relationships(scope: Scope, filters: RelationshipFilters = {}): Promise<Relationship[]> {
      const where = relationshipWhere(scope, filters);
      if (!where) return [];
      const rows = await query(RELATIONSHIP_UID).findMany({ where, select: RELATIONSHIP_FIELDS, populate: RELATIONSHIP_POPULATE, orderBy: LATEST_STARTED });
      return rows.map(relationshipOf);
    },

    /** One page of the relationships in scope, offset and counted in SQL. */
    async relationshipsPage(scope: Scope, filters: RelationshipFilters, page: { offset: number; limit: number }) {
      const where = relationshipWhere(scope, filters);
      if (!where) return { relationships: [] as Relationship[], total: 0 };
      const [rows, total] = await Promise.all([
        query(RELATIONSHIP_UID).findMany({ where, select: RELATIONSHIP_FIELDS, populate: RELATIONSHIP_POPULATE, orderBy: LATEST_STARTED, ...page }),
        query(RELATIONSHIP_UID).count({ where }),
      ]);
      return { relationships: rows.map(relationshipOf) as Relationship[], total: Number(total) };
    },

    /** The relationships with these row ids (a page's lookups, in one query). */
    async relationshipsByIds(ids: number[]): Promise<Relationship[]> {
      if (ids.length === 0) return [];
      const rows = await query(RELATIONSHIP_UID).findMany({ where: { id: { $in: ids } }, select: RELATIONSHIP_FIELDS, populate: RELATIONSHIP_POPULATE });
      return rows.map(relationshipOf);
    },

    /**
     * One page of the sessions in scope, newest first, with the parties of each session's
     * relationship (to decide the viewer's access). `confidential` says whose confidential notes
     * `q` may search: every relationship's (a director), or those of the scope's people.
     */
    async sessionsPage(filter: SessionPageFilter) {
      const where = sessionWhere(filter);
      if (!where) return { sessions: [] as Array<Session & { parties: Parties }>, total: 0 };
      const [rows, total] = await Promise.all([
        query(SESSION_UID).findMany({
          where,
          select: SESSION_FIELDS,
          populate: { relationship: { select: ['id', 'documentId'], populate: { mentor: { select: ['documentId'] }, mentee: { select: ['documentId'] } } } },
          orderBy: [{ date: 'desc' }, { id: 'desc' }],
          offset: filter.offset,
          limit: filter.limit,
        }),
        query(SESSION_UID).count({ where }),
      ]);
      const sessions = rows.map((row: Row) => ({
        ...sessionOf(row),
        parties: { mentor: row.relationship?.mentor?.documentId ?? null, mentee: row.relationship?.mentee?.documentId ?? null },
      }));
      return { sessions, total: Number(total) };
    },

    /** The confidential notes of these sessions (row ids), for a viewer allowed to read them. */
    confidentialNotes,

    async relationship(documentId: string): Promise<Relationship | null> {
      const row = await query(RELATIONSHIP_UID).findOne({
        where: { documentId },
        select: ['id', 'documentId', 'goals', 'startDate', 'endDate', 'status', 'createdAt', 'updatedAt'],
        populate: RELATIONSHIP_POPULATE,
      });
      return row ? relationshipOf(row) : null;
    },

    /** Row ids of documents of a type with draft & publish off (one row per document). */
    async idsOf(uid: string, documentIds: string[]): Promise<Map<string, number>> {
      if (documentIds.length === 0) return new Map();
      const rows = await query(uid).findMany({ where: { documentId: { $in: documentIds } }, select: ['id', 'documentId'] });
      return new Map(rows.map((row: Row) => [row.documentId, row.id]));
    },

    /** `data` holds row ids for mentor, mentee and focusCompetencies. */
    async createRelationship(data: Row): Promise<string> {
      const created = await query(RELATIONSHIP_UID).create({ data: { ...data, publishedAt: new Date() }, select: ['documentId'] });
      return created.documentId;
    },

    async updateRelationship(id: number, data: Row) {
      await query(RELATIONSHIP_UID).update({ where: { id }, data, select: ['id'] });
    },

    /** The relationship and every session of it, in one transaction. */
    async deleteRelationship(relationship: Relationship) {
      await strapi.db.transaction(async () => {
        const sessions = await query(SESSION_UID).findMany({ where: { relationship: { id: relationship.id } }, select: ['id'] });
        // One by one: the query layer's delete also removes the session's relation links.
        for (const session of sessions) await query(SESSION_UID).delete({ where: { id: session.id } });
        await query(RELATIONSHIP_UID).delete({ where: { id: relationship.id } });
      });
    },

    async sessions(filter: SessionFilter): Promise<Session[]> {
      if (filter.relationshipIds.length === 0) return [];
      const where: Row = { relationship: { id: { $in: filter.relationshipIds } } };
      const dates: Row = {};
      if (filter.from) dates.$gte = filter.from;
      if (filter.to) dates.$lte = filter.to;
      if (Object.keys(dates).length) where.date = dates;
      if (filter.q) {
        const matches: Row[] = [{ topics: { $containsi: filter.q } }, { sharedNotes: { $containsi: filter.q } }];
        if (filter.confidentialFor.length) {
          matches.push({ $and: [{ relationship: { id: { $in: filter.confidentialFor } } }, { confidentialNotes: { $containsi: filter.q } }] });
        }
        where.$or = matches;
      }
      const order = filter.order ?? 'asc';
      const rows = await query(SESSION_UID).findMany({
        where,
        select: SESSION_FIELDS,
        populate: { relationship: { select: ['id', 'documentId'] } },
        orderBy: [{ date: order }, { id: order }],
      });
      const sessions: Session[] = rows.map(sessionOf);
      const byId = await confidentialNotes(sessions.filter((s) => filter.confidentialFor.includes(s.relationshipId)).map((s) => s.id));
      for (const session of sessions) if (byId.has(session.id)) session.confidentialNotes = byId.get(session.id)!;
      return sessions;
    },

    async session(documentId: string, withConfidentialNotes: boolean): Promise<Session | null> {
      const row = await query(SESSION_UID).findOne({
        where: { documentId },
        select: withConfidentialNotes ? [...SESSION_FIELDS, 'confidentialNotes'] : SESSION_FIELDS,
        populate: { relationship: { select: ['id', 'documentId'] } },
      });
      return row ? sessionOf(row) : null;
    },

    /** For the access check before reading a session: its relationship, nothing else. */
    async relationshipOfSession(documentId: string): Promise<string | null> {
      const row = await query(SESSION_UID).findOne({
        where: { documentId },
        select: ['id'],
        populate: { relationship: { select: ['documentId'] } },
      });
      return row?.relationship?.documentId ?? null;
    },

    /** `data.relationship` is the relationship's row id. */
    async createSession(data: Row): Promise<string> {
      const created = await query(SESSION_UID).create({ data: { ...data, publishedAt: new Date() }, select: ['documentId'] });
      return created.documentId;
    },

    /** A conditional write: applies only if nobody changed the session since `revision` was read. */
    async updateSession(id: number, revision: number, data: Row): Promise<boolean> {
      const { count } = await query(SESSION_UID).updateMany({
        where: { id, revision },
        data: { ...data, revision: revision + 1 },
      });
      return count === 1;
    },

    async deleteSession(id: number) {
      await query(SESSION_UID).delete({ where: { id } });
    },

    transaction<T>(work: () => Promise<T>): Promise<T> {
      return strapi.db.transaction(work) as Promise<T>;
    },
  };
}

export type MentoringRepository = ReturnType<typeof createMentoringRepository>;
