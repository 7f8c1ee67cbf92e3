/**
 * The mentoring log's rules, applied to every read and write: who sees which relationship and
 * session (visibility.ts), what a valid session is, carrying action items forward, and the
 * reports. Routes reach the data only through here.
 */
import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { conflict, errors, forbidden } from '../platform/errors';
import { actorFacts, type AdminUser } from '../workflow';
import {
  itemsForNewSession,
  itemsForUpdate,
  markCarried,
  prefillItems,
  releaseCarried,
  tickItem,
  isOpen,
  type HeldItem,
} from './action-items';
import { hoursCsv as writeHoursCsv } from './hours-csv';
import { todayIso } from '../platform/dates';
import defaultCompetencies from './default-competencies.json';
import {
  datesProblems,
  type ActionItemsQuery,
  type HoursExportQuery,
  type HoursQuery,
  type RatingsQuery,
  type RelationshipInput,
  type RelationshipListQuery,
  type SessionInput,
  type SessionSearchQuery,
} from './input';
import { describeProblems, pathSegments, type Problem } from './problems';
import { COMPETENCY_UID, PERSON_UID, createMentoringRepository, type Relationship, type Session } from './repository';
import { actionItemRows, hoursPerMentorPerQuarter, ratingSeries, summarise, type CompetencyRef } from './reports';
import { relationshipView, sessionView } from './views';
import { accessTo, hasOversight, mayCreateRelationship, type RelationshipAccess, type Viewer } from './visibility';

/** 400 naming every field at fault, in the shape Strapi's own validation errors have. */
export function invalid(problems: Problem[]) {
  return new errors.ValidationError(describeProblems(problems), {
    errors: problems.map((problem) => ({ path: pathSegments(problem.path), message: problem.message, name: 'ValidationError' })),
  });
}

const notFound = (what: string) => new errors.NotFoundError(`${what} was not found, or is not yours to see`);

type Visible = { relationship: Relationship; access: RelationshipAccess };

export function createMentoringService(strapi: Core.Strapi) {
  const repository = createMentoringRepository(strapi);
  const newId = () => randomUUID();
  const now = () => new Date().toISOString();

  async function viewerOf(user: AdminUser): Promise<Viewer> {
    const facts = await actorFacts(strapi, user);
    return { isSuperAdmin: facts.isSuperAdmin, roles: facts.roles, personIds: facts.personIds };
  }

  const parties = (relationship: Relationship) => ({
    mentor: relationship.mentor?.documentId ?? null,
    mentee: relationship.mentee?.documentId ?? null,
  });

  /** The relationships this viewer sees, each with the viewer's access to it. */
  async function visibleRelationships(viewer: Viewer, options: Partial<RelationshipListQuery> = {}): Promise<Visible[]> {
    const as = options.as ?? 'any';
    const scope = hasOversight(viewer) && as === 'any' ? 'all' : { personIds: viewer.personIds, as };
    const relationships = await repository.relationships(scope, options.status ?? null);
    return relationships
      .map((relationship) => ({ relationship, access: accessTo(viewer, parties(relationship)) }))
      .filter((visible) => visible.access.standing !== null);
  }

  /** One relationship, or 404 (whether it does not exist or is not the viewer's to see). */
  async function requireVisible(viewer: Viewer, documentId: string): Promise<Visible> {
    const relationship = await repository.relationship(documentId);
    const access = relationship ? accessTo(viewer, parties(relationship)) : null;
    if (!relationship || !access?.standing) throw notFound('The mentoring relationship');
    return { relationship, access };
  }

  async function competencyIndex() {
    const competencies = await repository.competencies();
    return { list: competencies as CompetencyRef[], byId: new Map(competencies.map((c) => [c.documentId, c as CompetencyRef])) };
  }

  const sessionsOf = (visible: Visible[], options: { withNotes?: boolean } = {}) =>
    repository.sessions({
      relationshipIds: visible.map((v) => v.relationship.id),
      confidentialFor: options.withNotes ? visible.filter((v) => v.access.seeConfidentialNotes).map((v) => v.relationship.id) : [],
    });

  const openItemsOf = (sessions: Session[]): HeldItem[] =>
    sessions.flatMap((session) => session.actionItems.filter(isOpen).map((item) => ({ sessionId: session.documentId, item })));

  /** Row ids of the focus competencies, or a 400 naming each one that is not in the framework. */
  async function competencyRowIds(documentIds: string[]) {
    const ids = await repository.idsOf(COMPETENCY_UID, documentIds);
    const problems = documentIds.flatMap((id, index) =>
      ids.has(id) ? [] : [{ path: `focusCompetencies[${index}]`, message: `focusCompetencies[${index}] is not a competency of the framework` }]
    );
    if (problems.length) throw invalid(problems);
    return documentIds.map((id) => ids.get(id)!);
  }

  /** Ratings only for the relationship's focus competencies (or ones this session already rated). */
  function ratingProblems(input: SessionInput, relationship: Relationship, alreadyRated: string[] = []): Problem[] {
    const allowed = new Set([...relationship.focusCompetencies.map((c) => c.documentId), ...alreadyRated]);
    return (input.ratings ?? []).flatMap((rating, index) =>
      allowed.has(rating.competency)
        ? []
        : [{ path: `ratings[${index}].competency`, message: `ratings[${index}].competency is not a focus competency of this relationship` }]
    );
  }

  function dateProblems(date: string | undefined, relationship: Relationship): Problem[] {
    if (date && date < relationship.startDate) {
      return [{ path: 'date', message: `date must be on or after the relationship's start date (${relationship.startDate})` }];
    }
    return [];
  }

  async function relationshipViews(visible: Visible[]) {
    const sessions = await sessionsOf(visible);
    const asOf = todayIso();
    return visible.map(({ relationship, access }) =>
      relationshipView(relationship, access, summarise(sessions.filter((s) => s.relationshipId === relationship.id), asOf))
    );
  }

  async function sessionViewFor(documentId: string, access: RelationshipAccess) {
    const session = (await repository.session(documentId, access.seeConfidentialNotes))!;
    const { byId } = await competencyIndex();
    return sessionView(session, access, byId, todayIso());
  }

  /** The session and its relationship, or 404 when the viewer does not see that relationship. */
  async function requireSession(viewer: Viewer, documentId: string) {
    const relationshipId = await repository.relationshipOfSession(documentId);
    if (!relationshipId) throw notFound('The mentoring session');
    const visible = await requireVisible(viewer, relationshipId).catch(() => {
      throw notFound('The mentoring session');
    });
    const session = (await repository.session(documentId, visible.access.seeConfidentialNotes))!;
    return { ...visible, session };
  }

  /** Mentoring hours per mentor per calendar quarter, over the sessions the viewer sees. */
  async function hours(user: AdminUser, query: HoursQuery) {
    const viewer = await viewerOf(user);
    const visible = (await visibleRelationships(viewer)).filter((v) => !query.mentor || v.relationship.mentor?.documentId === query.mentor);
    const sessions = await repository.sessions({
      relationshipIds: visible.map((v) => v.relationship.id),
      confidentialFor: [],
      from: query.from,
      to: query.to,
    });
    const mentorOf = new Map(visible.map((v) => [v.relationship.id, v.relationship.mentor]));
    return {
      from: query.from,
      to: query.to,
      rows: hoursPerMentorPerQuarter(
        sessions.map((s) => ({ date: s.date, durationMinutes: s.durationMinutes, mentor: mentorOf.get(s.relationshipId) ?? null }))
      ),
    };
  }

  return {
    async seed() {
      await repository.seedCompetencies(defaultCompetencies);
    },

    async me(user: AdminUser) {
      const viewer = await viewerOf(user);
      const access = accessTo(viewer, { mentor: null, mentee: null });
      return {
        people: await repository.peopleByIds(viewer.personIds),
        seesAllRelationships: hasOversight(viewer),
        seesConfidentialNotesOfOthers: access.seeConfidentialNotes,
      };
    },

    competencies(options: { active?: boolean } = {}) {
      return repository.competencies(options.active === true);
    },

    async listRelationships(user: AdminUser, query: RelationshipListQuery) {
      const viewer = await viewerOf(user);
      return relationshipViews(await visibleRelationships(viewer, query));
    },

    async getRelationship(user: AdminUser, documentId: string) {
      const viewer = await viewerOf(user);
      const [view] = await relationshipViews([await requireVisible(viewer, documentId)]);
      return view;
    },

    async createRelationship(user: AdminUser, input: RelationshipInput) {
      const viewer = await viewerOf(user);
      if (!mayCreateRelationship(viewer, input.mentor!)) {
        throw forbidden('You can start a mentoring relationship only as its mentor; a PMO manager or director sets one up for others');
      }
      const people = await repository.idsOf(PERSON_UID, [input.mentor!, input.mentee!]);
      const problems: Problem[] = (['mentor', 'mentee'] as const).flatMap((field) =>
        people.has(input[field]!) ? [] : [{ path: field, message: `${field} is not a person in the directory` }]
      );
      problems.push(...datesProblems(input.startDate ?? null, input.endDate ?? null));
      if (problems.length) throw invalid(problems);
      const focusCompetencies = await competencyRowIds(input.focusCompetencies ?? []);
      const documentId = await repository.createRelationship({
        mentor: people.get(input.mentor!),
        mentee: people.get(input.mentee!),
        goals: input.goals ?? null,
        focusCompetencies,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        status: input.status ?? 'active',
      });
      const [view] = await relationshipViews([await requireVisible(viewer, documentId)]);
      return view;
    },

    async updateRelationship(user: AdminUser, documentId: string, input: RelationshipInput) {
      const viewer = await viewerOf(user);
      const { relationship, access } = await requireVisible(viewer, documentId);
      if (!access.manage) throw forbidden('Only the mentor, a PMO manager or a PMO director changes this mentoring relationship');
      const problems: Problem[] = (['mentor', 'mentee'] as const).flatMap((field) =>
        input[field] !== undefined && input[field] !== relationship[field]?.documentId
          ? [{ path: field, message: `${field} cannot change; complete this relationship and start a new one` }]
          : []
      );
      problems.push(...datesProblems(input.startDate ?? relationship.startDate, input.endDate === undefined ? relationship.endDate : input.endDate));
      if (problems.length) throw invalid(problems);
      const { mentor: _mentor, mentee: _mentee, focusCompetencies, ...changes } = input;
      await repository.updateRelationship(relationship.id, {
        ...changes,
        ...(focusCompetencies ? { focusCompetencies: await competencyRowIds(focusCompetencies) } : {}),
      });
      const [view] = await relationshipViews([await requireVisible(viewer, documentId)]);
      return view;
    },

    async deleteRelationship(user: AdminUser, documentId: string) {
      const viewer = await viewerOf(user);
      const { relationship, access } = await requireVisible(viewer, documentId);
      if (!access.remove) throw forbidden('Only a PMO manager or a PMO director deletes a mentoring relationship');
      await repository.deleteRelationship(relationship);
    },

    /** The relationship's sessions, oldest first, as the viewer may see them. */
    async timeline(user: AdminUser, documentId: string) {
      const viewer = await viewerOf(user);
      const visible = await requireVisible(viewer, documentId);
      const sessions = await sessionsOf([visible], { withNotes: true });
      const { byId } = await competencyIndex();
      const asOf = todayIso();
      return { relationship: documentId, sessions: sessions.map((s) => sessionView(s, visible.access, byId, asOf)) };
    },

    /** A draft of the next session, ready to edit and POST: the open action items carried forward. */
    async nextSession(user: AdminUser, documentId: string) {
      const viewer = await viewerOf(user);
      const { relationship, access } = await requireVisible(viewer, documentId);
      if (!access.logSessions) throw forbidden('Only the mentor of this relationship logs its sessions');
      const sessions = await sessionsOf([{ relationship, access }]);
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

    /** Each competency's ratings over time, for one relationship or across one mentee's. */
    async ratings(user: AdminUser, query: RatingsQuery) {
      const viewer = await viewerOf(user);
      let visible: Visible[];
      if (query.relationship) visible = [await requireVisible(viewer, query.relationship)];
      else {
        visible = (await visibleRelationships(viewer)).filter((v) => v.relationship.mentee?.documentId === query.mentee);
        if (visible.length === 0) throw notFound('A mentoring relationship with this mentee');
      }
      const sessions = await sessionsOf(visible);
      const focus = new Map<string, CompetencyRef>();
      for (const { relationship } of visible) for (const c of relationship.focusCompetencies) focus.set(c.documentId, c);
      const { list } = await competencyIndex();
      const ordered = list.filter((c) => focus.has(c.documentId));
      return {
        relationships: visible.map((v) => v.relationship.documentId),
        series: ratingSeries(sessions, ordered, list),
      };
    },

    /** Sessions the viewer sees, newest first; `q` searches topics and shared notes, and confidential notes only where the viewer may read them. */
    async searchSessions(user: AdminUser, query: SessionSearchQuery) {
      const viewer = await viewerOf(user);
      const visible = query.relationship ? [await requireVisible(viewer, query.relationship)] : await visibleRelationships(viewer);
      const sessions = await repository.sessions({
        relationshipIds: visible.map((v) => v.relationship.id),
        confidentialFor: visible.filter((v) => v.access.seeConfidentialNotes).map((v) => v.relationship.id),
        q: query.q,
        from: query.from,
        to: query.to,
        limit: query.limit,
        order: 'desc',
      });
      const { byId } = await competencyIndex();
      const accessById = new Map(visible.map((v) => [v.relationship.id, v.access]));
      const asOf = todayIso();
      return sessions.map((s) => sessionView(s, accessById.get(s.relationshipId)!, byId, asOf));
    },

    async getSession(user: AdminUser, documentId: string) {
      const viewer = await viewerOf(user);
      const { session, access } = await requireSession(viewer, documentId);
      const { byId } = await competencyIndex();
      return sessionView(session, access, byId, todayIso());
    },

    async createSession(user: AdminUser, input: SessionInput) {
      const viewer = await viewerOf(user);
      const relationship = await repository.relationship(input.relationship!);
      const access = relationship ? accessTo(viewer, parties(relationship)) : null;
      if (!relationship || !access?.logSessions) {
        throw forbidden('You can log sessions only for a mentoring relationship in which you are the mentor');
      }
      if (relationship.status === 'completed') {
        throw conflict('This mentoring relationship is completed; set it back to active to log another session');
      }
      const sessions = await sessionsOf([{ relationship, access }]);
      const carry = itemsForNewSession(input.actionItems ?? [], openItemsOf(sessions), newId, now());
      const problems = [...dateProblems(input.date, relationship), ...ratingProblems(input, relationship), ...carry.problems];
      if (problems.length) throw invalid(problems);

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
      return sessionViewFor(documentId, access);
    },

    async updateSession(user: AdminUser, documentId: string, input: SessionInput) {
      const viewer = await viewerOf(user);
      const { session, relationship, access } = await requireSession(viewer, documentId);
      if (!access.logSessions) throw forbidden('Only the mentor of this relationship changes its sessions');
      if (input.revision !== undefined && input.revision !== session.revision) {
        throw conflict(`This session changed since you opened it (revision ${session.revision}, yours ${input.revision}); reload it`);
      }
      const problems: Problem[] = [];
      if (input.relationship !== undefined && input.relationship !== relationship.documentId) {
        problems.push({ path: 'relationship', message: 'relationship cannot change; log the session under the other relationship' });
      }
      problems.push(...dateProblems(input.date, relationship));
      problems.push(...ratingProblems(input, relationship, session.ratings.map((r) => r.competency)));
      const items = input.actionItems ? itemsForUpdate(session.actionItems, input.actionItems, newId, now()) : null;
      if (items) problems.push(...items.problems);
      if (problems.length) throw invalid(problems);

      const { relationship: _relationship, revision: _revision, actionItems: _items, ...fields } = input;
      const applied = await repository.updateSession(session.id, session.revision, {
        ...fields,
        ...(items ? { actionItems: items.items } : {}),
      });
      if (!applied) throw conflict('This session changed while you were saving it; reload it and try again');
      return sessionViewFor(documentId, access);
    },

    async deleteSession(user: AdminUser, documentId: string) {
      const viewer = await viewerOf(user);
      const { session, relationship, access } = await requireSession(viewer, documentId);
      if (!access.logSessions) throw forbidden('Only the mentor of this relationship deletes its sessions');
      const others = (await sessionsOf([{ relationship, access }])).filter((s) => s.id !== session.id);
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
    async tickActionItem(user: AdminUser, documentId: string, itemId: string, done: boolean) {
      const viewer = await viewerOf(user);
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const { session, access } = await requireSession(viewer, documentId);
        if (!access.tickActionItems) throw forbidden('Only the mentor and the mentee tick the action items of their sessions');
        const items = tickItem(session.actionItems, itemId, done, now());
        if (items === 'not-found') throw notFound('The action item');
        if (items === 'carried') throw conflict('This action item was carried to a later session; tick it there');
        if (await repository.updateSession(session.id, session.revision, { actionItems: items })) {
          return sessionViewFor(documentId, access);
        }
      }
      throw conflict('This session keeps changing; reload it and try again');
    },

    /** Open (or overdue) action items across the relationships the viewer sees. */
    async actionItems(user: AdminUser, query: ActionItemsQuery) {
      const viewer = await viewerOf(user);
      const visible = query.relationship ? [await requireVisible(viewer, query.relationship)] : await visibleRelationships(viewer);
      const sessions = await sessionsOf(visible);
      const byId = new Map(visible.map((v) => [v.relationship.documentId, v.relationship]));
      return {
        asOf: query.asOf,
        status: query.status,
        items: actionItemRows(sessions, query.status, query.asOf).map(({ relationship, ...row }) => {
          const r = byId.get(relationship)!;
          return {
            ...row,
            ownerPerson: row.owner === 'mentor' ? r.mentor : r.mentee,
            relationship: { documentId: r.documentId, mentor: r.mentor, mentee: r.mentee, status: r.status },
          };
        }),
      };
    },

    hours,

    async hoursCsv(user: AdminUser, query: HoursExportQuery) {
      const { rows } = await hours(user, query);
      return writeHoursCsv(rows, { delimiter: query.delimiter, bom: query.bom });
    },
  };
}

export type MentoringService = ReturnType<typeof createMentoringService>;

/** The mentoring service, typed. */
export function getMentoringService(strapi: Core.Strapi): MentoringService {
  return strapi.plugin('pmo').service('mentoring') as MentoringService;
}
