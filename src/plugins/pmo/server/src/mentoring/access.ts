/**
 * What every mentoring route reads, as the viewer may see it: who the acting user is (visibility.ts
 * decides from these facts), the relationships they see, one relationship or session or a 404
 * (whether it does not exist or is not theirs to see), and the views the routes answer.
 */
import type { Core } from '@strapi/strapi';
import type { CompetencyRef, RelationshipListQuery } from '../../../shared/contracts/mentoring';
import { pageOf } from '../../../shared/contracts/common';
import { todayIso } from '../platform/dates';
import { errors } from '../platform/errors';
import { actorFacts, type AdminUser } from '../workflow';
import { isOpen, type HeldItem } from './action-items';
import type { MentoringRepository, Relationship, RelationshipFilters, Scope, Session } from './repository';
import { summarise } from './reports';
import { relationshipView, sessionView } from './views';
import { accessTo, hasOversight, type RelationshipAccess, type Viewer } from './visibility';

export const notFound = (what: string) => new errors.NotFoundError(`${what} was not found, or is not yours to see`);

export type Visible = { relationship: Relationship; access: RelationshipAccess };

export const parties = (relationship: Relationship) => ({
  mentor: relationship.mentor?.documentId ?? null,
  mentee: relationship.mentee?.documentId ?? null,
});

export const openItemsOf = (sessions: Session[]): HeldItem[] =>
  sessions.flatMap((session) => session.actionItems.filter(isOpen).map((item) => ({ sessionId: session.documentId, item })));

type ListAs = RelationshipListQuery['as'];

/**
 * Which relationships a viewer sees, as a scope the SQL applies (visibility.ts in the query's
 * words): oversight sees every one, anyone else those where one of their people is a party;
 * `as` narrows to those they mentor, are mentored in, or either (`mine`).
 */
export function scopeOf(viewer: Viewer, as: ListAs = 'any'): Scope {
  if (hasOversight(viewer) && as === 'any') return 'all';
  return { personIds: viewer.personIds, as: as === 'mine' ? 'any' : as };
}

/** Whose confidential notes this viewer reads (visibility.ts): a director every relationship's, anyone else their own. */
export function confidentialScopeOf(viewer: Viewer): Scope {
  return accessTo(viewer, { mentor: null, mentee: null }).seeConfidentialNotes ? 'all' : { personIds: viewer.personIds, as: 'any' };
}

export function createMentoringAccess(strapi: Core.Strapi, repository: MentoringRepository) {
  async function viewerOf(user: AdminUser): Promise<Viewer> {
    const facts = await actorFacts(strapi, user);
    return { isSuperAdmin: facts.isSuperAdmin, roles: facts.roles, personIds: facts.personIds };
  }

  /** The relationships with the viewer's access to each; those the viewer may not see are dropped (the scope has already left them out). */
  const withAccess = (viewer: Viewer, relationships: Relationship[]): Visible[] =>
    relationships
      .map((relationship) => ({ relationship, access: accessTo(viewer, parties(relationship)) }))
      .filter((visible) => visible.access.standing !== null);

  /** The relationships this viewer sees, narrowed by a mentor or mentee: for reports bounded by one of them. */
  async function visibleRelationships(viewer: Viewer, filters: RelationshipFilters & { as?: ListAs } = {}): Promise<Visible[]> {
    return withAccess(viewer, await repository.relationships(scopeOf(viewer, filters.as), filters));
  }

  /** One page of the relationships this viewer sees, the latest started first, counted in SQL. */
  async function relationshipPage(viewer: Viewer, query: RelationshipListQuery) {
    const { page, pageSize, offset, limit } = pageOf(query);
    const found = await repository.relationshipsPage(scopeOf(viewer, query.as), { status: query.status }, { offset, limit });
    return { visible: withAccess(viewer, found.relationships), pagination: { page, pageSize, total: found.total } };
  }

  /** One relationship, or 404 (whether it does not exist or is not the viewer's to see). */
  async function requireVisible(viewer: Viewer, documentId: string): Promise<Visible> {
    const relationship = await repository.relationship(documentId);
    const access = relationship ? accessTo(viewer, parties(relationship)) : null;
    if (!relationship || !access?.standing) throw notFound('The mentoring relationship');
    return { relationship, access };
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

  async function competencyIndex() {
    const competencies: CompetencyRef[] = await repository.competencies();
    return { list: competencies, byId: new Map(competencies.map((c) => [c.documentId, c])) };
  }

  /** The sessions of these relationships, with confidential notes only where asked and allowed. */
  const sessionsOf = (visible: Visible[], options: { withNotes?: boolean } = {}) =>
    repository.sessions({
      relationshipIds: visible.map((v) => v.relationship.id),
      confidentialFor: options.withNotes ? visible.filter((v) => v.access.seeConfidentialNotes).map((v) => v.relationship.id) : [],
    });

  async function relationshipViews(visible: Visible[]) {
    const sessions = await sessionsOf(visible);
    const asOf = todayIso();
    return visible.map(({ relationship, access }) =>
      relationshipView(relationship, access, summarise(sessions.filter((s) => s.relationshipId === relationship.id), asOf))
    );
  }

  /** One relationship's view, as the viewer sees it. */
  async function relationshipViewOf(viewer: Viewer, documentId: string) {
    const [view] = await relationshipViews([await requireVisible(viewer, documentId)]);
    return view;
  }

  async function sessionViewFor(documentId: string, access: RelationshipAccess) {
    const session = (await repository.session(documentId, access.seeConfidentialNotes))!;
    const { byId } = await competencyIndex();
    return sessionView(session, access, byId, todayIso());
  }

  return {
    viewerOf,
    visibleRelationships,
    relationshipPage,
    requireVisible,
    requireSession,
    competencyIndex,
    sessionsOf,
    relationshipViews,
    relationshipViewOf,
    sessionViewFor,
  };
}

export type MentoringAccess = ReturnType<typeof createMentoringAccess>;
