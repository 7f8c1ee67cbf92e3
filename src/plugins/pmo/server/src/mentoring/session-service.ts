/**
 * Mentoring sessions: the timeline of a relationship, the draft of the next session (open action
 * items carried forward), search, and the mentor logging, changing and deleting sessions; the
 * mentor and the mentee tick action items. Changes are conditional on the session's revision.
 */
import { randomUUID } from 'node:crypto';
import type { Problem } from '../../../shared/contracts/common';
import type {
  MentoringSession,
  NextSession,
  SessionCreate,
  SessionPage,
  SessionSearchQuery,
  SessionUpdate,
  Timeline,
} from '../../../shared/contracts/mentoring';
import { todayIso } from '../platform/dates';
import { conflict, forbidden, invalidFields } from '../platform/errors';
import type { AdminUser } from '../workflow';
import { confidentialScopeOf, notFound, openItemsOf, parties, scopeOf, type MentoringAccess } from './access';
import { pageOf } from '../../../shared/contracts/common';
import { itemsForNewSession, itemsForUpdate, markCarried, prefillItems, releaseCarried, tickItem } from './action-items';
import type { MentoringRepository, Relationship } from './repository';
import { sessionView } from './views';
import { accessTo } from './visibility';
import { formatDay } from '../../../shared/calendar';

const newId = () => randomUUID();
const now = () => new Date().toISOString();

/** Ratings only for the relationship's focus competencies (or ones this session already rated). */
function ratingProblems(input: { ratings?: Array<{ competency: string }> }, relationship: Relationship, alreadyRated: string[] = []): Problem[] {
  const allowed = new Set([...relationship.focusCompetencies.map((c) => c.documentId), ...alreadyRated]);
  return (input.ratings ?? []).flatMap((rating, index) =>
    allowed.has(rating.competency)
      ? []
      : [{ path: ['ratings', index, 'competency'], message: `Rating ${index + 1} rates a competency that is not a focus of this relationship` }]
  );
}

function dateProblems(date: string | undefined, relationship: Relationship): Problem[] {
  if (date && date < relationship.startDate) {
    return [{ path: ['date'], message: `The date must be on or after the relationship's start date (${formatDay(relationship.startDate)})` }];
  }
  return [];
}

export function createSessionService(repository: MentoringRepository, reader: MentoringAccess) {
  return {
    /** The relationship's sessions, oldest first, as the viewer may see them. */
    async timeline(user: AdminUser, documentId: string): Promise<Timeline> {
      const viewer = await reader.viewerOf(user);
      const visible = await reader.requireVisible(viewer, documentId);
      const sessions = await reader.sessionsOf([visible], { withNotes: true });
      const { byId } = await reader.competencyIndex();
      const asOf = todayIso();
      return { relationship: documentId, sessions: sessions.map((s) => sessionView(s, visible.access, byId, asOf)) };
    },

    /** A draft of the next session, ready to edit and POST: the open action items carried forward. */
    async nextSession(user: AdminUser, documentId: string): Promise<NextSession> {
      const viewer = await reader.viewerOf(user);
      const { relationship, access } = await reader.requireVisible(viewer, documentId);
      if (!access.logSessions) throw forbidden('Only the mentor of this relationship logs its sessions');
      const sessions = await reader.sessionsOf([{ relationship, access }]);
      const last = sessions[sessions.length - 1] ?? null;
      const previous = (competency: string) => {
        for (const session of [...sessions].reverse()) {
          const rating = session.ratings.find((r) => r.competency === competency);
          if (rating) return { rating: rating.rating, date: session.date };
        }
        return null;
      };
      return {
        relationship: documentId,
        lastSession: last ? { documentId: last.documentId, date: last.date, durationMinutes: last.durationMinutes } : null,
        focusCompetencies: relationship.focusCompetencies.map((competency) => ({ competency, previous: previous(competency.documentId) })),
        draft: {
          relationship: documentId,
          date: todayIso(),
          durationMinutes: last?.durationMinutes ?? 60,
          topics: null,
          ratings: [],
          sharedNotes: null,
          confidentialNotes: null,
          actionItems: prefillItems(openItemsOf(sessions)),
        },
      };
    },

    /**
     * One page of the sessions the viewer sees, newest first; `q` searches topics and shared notes,
     * and confidential notes only where the viewer may read them. Visibility is the SQL's where.
     */
    async searchSessions(user: AdminUser, query: SessionSearchQuery): Promise<SessionPage> {
      const viewer = await reader.viewerOf(user);
      const one = query.relationship ? await reader.requireVisible(viewer, query.relationship) : null;
      const { page, pageSize, offset, limit } = pageOf(query);
      const found = await repository.sessionsPage({
        scope: one ? 'all' : scopeOf(viewer),
        relationshipId: one?.relationship.id ?? null,
        confidential: confidentialScopeOf(viewer),
        q: query.q,
        from: query.from,
        to: query.to,
        offset,
        limit,
      });
      const access = found.sessions.map((session) => accessTo(viewer, session.parties));
      const notes = await repository.confidentialNotes(found.sessions.filter((_, i) => access[i].seeConfidentialNotes).map((s) => s.id));
      const { byId } = await reader.competencyIndex();
      const asOf = todayIso();
      const results = found.sessions.map(({ parties: _parties, ...session }, i) =>
        sessionView(notes.has(session.id) ? { ...session, confidentialNotes: notes.get(session.id)! } : session, access[i], byId, asOf)
      );
      return { results, pagination: { page, pageSize, total: found.total } };
    },

    async getSession(user: AdminUser, documentId: string): Promise<MentoringSession> {
      const viewer = await reader.viewerOf(user);
      const { session, access } = await reader.requireSession(viewer, documentId);
      const { byId } = await reader.competencyIndex();
      return sessionView(session, access, byId, todayIso());
    },

    async createSession(user: AdminUser, input: SessionCreate): Promise<MentoringSession> {
      const viewer = await reader.viewerOf(user);
      const relationship = await repository.relationship(input.relationship);
      const access = relationship ? accessTo(viewer, parties(relationship)) : null;
      if (!relationship || !access?.logSessions) {
        throw forbidden('You can log sessions only for a mentoring relationship in which you are the mentor');
      }
      if (relationship.status === 'completed') {
        throw conflict('This mentoring relationship is completed; set it back to active to log another session');
      }
      const sessions = await reader.sessionsOf([{ relationship, access }]);
      const carry = itemsForNewSession(input.actionItems ?? [], openItemsOf(sessions), newId, now());
      const problems = [...dateProblems(input.date, relationship), ...ratingProblems(input, relationship), ...carry.problems];
      if (problems.length) throw invalidFields(problems);

      const documentId = await repository.transaction(async () => {
        const created = await repository.createSession({
          relationship: relationship.id,
          date: input.date,
          durationMinutes: input.durationMinutes,
          topics: input.topics ?? null,
          ratings: input.ratings ?? [],
          sharedNotes: input.sharedNotes ?? null,
          confidentialNotes: input.confidentialNotes ?? null,
          actionItems: carry.items,
          revision: 1,
          loggedById: user.id,
        });
        for (const source of new Set(carry.carried.map((c) => c.sessionId))) {
          const earlier = sessions.find((s) => s.documentId === source)!;
          const itemIds = carry.carried.filter((c) => c.sessionId === source).map((c) => c.itemId);
          const applied = await repository.updateSession(earlier.id, earlier.revision, {
            actionItems: markCarried(earlier.actionItems, itemIds, created),
          });
          if (!applied) throw conflict('An earlier session changed while this one was being logged; reload and log it again');
        }
        return created;
      });
      return reader.sessionViewFor(documentId, access);
    },

    async updateSession(user: AdminUser, documentId: string, input: SessionUpdate): Promise<MentoringSession> {
      const viewer = await reader.viewerOf(user);
      const { session, relationship, access } = await reader.requireSession(viewer, documentId);
      if (!access.logSessions) throw forbidden('Only the mentor of this relationship changes its sessions');
      if (input.revision !== undefined && input.revision !== session.revision) {
        throw conflict('Someone changed this session since you opened it; reload it and make your change again');
      }
      const problems: Problem[] = [];
      if (input.relationship !== undefined && input.relationship !== relationship.documentId) {
        problems.push({ path: ['relationship'], message: 'The relationship of a session cannot change; log the session under the other relationship' });
      }
      problems.push(...dateProblems(input.date, relationship));
      problems.push(...ratingProblems(input, relationship, session.ratings.map((r) => r.competency)));
      const items = input.actionItems ? itemsForUpdate(session.actionItems, input.actionItems, newId, now()) : null;
      if (items) problems.push(...items.problems);
      if (problems.length) throw invalidFields(problems);

      const { relationship: _relationship, revision: _revision, actionItems: _items, ...fields } = input;
      const applied = await repository.updateSession(session.id, session.revision, {
        ...fields,
        ...(items ? { actionItems: items.items } : {}),
      });
      if (!applied) throw conflict('This session changed while you were saving it; reload it and try again');
      return reader.sessionViewFor(documentId, access);
    },

    async deleteSession(user: AdminUser, documentId: string) {
      const viewer = await reader.viewerOf(user);
      const { session, relationship, access } = await reader.requireSession(viewer, documentId);
      if (!access.logSessions) throw forbidden('Only the mentor of this relationship deletes its sessions');
      const others = (await reader.sessionsOf([{ relationship, access }])).filter((s) => s.id !== session.id);
      await repository.transaction(async () => {
        for (const other of others) {
          if (!other.actionItems.some((item) => item.carriedTo === documentId)) continue;
          const applied = await repository.updateSession(other.id, other.revision, {
            actionItems: releaseCarried(other.actionItems, documentId),
          });
          if (!applied) throw conflict('Another session of this relationship changed meanwhile; reload and try again');
        }
        await repository.deleteSession(session.id);
      });
    },

    /** The mentor or the mentee ticks an action item done (or not). */
    async tickActionItem(user: AdminUser, documentId: string, itemId: string, done: boolean): Promise<MentoringSession> {
      const viewer = await reader.viewerOf(user);
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const { session, access } = await reader.requireSession(viewer, documentId);
        if (!access.tickActionItems) throw forbidden('Only the mentor and the mentee tick the action items of their sessions');
        const items = tickItem(session.actionItems, itemId, done, now());
        if (items === 'not-found') throw notFound('The action item');
        if (items === 'carried') throw conflict('This action item was carried to a later session; tick it there');
        if (await repository.updateSession(session.id, session.revision, { actionItems: items })) {
          return reader.sessionViewFor(documentId, access);
        }
      }
      throw conflict('This session keeps changing; reload it and try again');
    },
  };
}
