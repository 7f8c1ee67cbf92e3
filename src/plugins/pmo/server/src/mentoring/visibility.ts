/**
 * Who sees and does what in the mentoring log. Pure: the service loads the facts (the acting
 * user's admin roles and the people that are them, by email) and asks these rules.
 *
 * - The mentor and the mentee see their relationship, its sessions and its confidential notes.
 * - PMO managers and directors see every relationship and session (oversight); of them, only
 *   directors see confidential notes. A super admin has oversight without confidential notes.
 * - Everyone else sees nothing: not the relationship, not that it exists.
 * - Only the mentor logs, edits and deletes sessions; the mentor and the mentee tick action items.
 * - The mentor and oversight change a relationship; oversight creates one for anybody, anyone
 *   else only with themselves as the mentor; only oversight deletes one.
 */
import type { Standing } from '../../../shared/contracts/mentoring';

export type { Standing };

export const OVERSIGHT_ROLES = ['pmo-director', 'pmo-manager'] as const;
export const CONFIDENTIAL_ROLES = ['pmo-director'] as const;

export type Viewer = {
  isSuperAdmin: boolean;
  /** Admin role codes. */
  roles: string[];
  /** documentIds of the people that are this user (matched by email). */
  personIds: string[];
};

/** Person documentIds of the two parties. */
export type Parties = { mentor: string | null; mentee: string | null };

export type RelationshipAccess = {
  /** Why the viewer sees the relationship; null: they do not. */
  standing: Standing | null;
  seeConfidentialNotes: boolean;
  logSessions: boolean;
  tickActionItems: boolean;
  manage: boolean;
  remove: boolean;
};

const NONE: RelationshipAccess = {
  standing: null,
  seeConfidentialNotes: false,
  logSessions: false,
  tickActionItems: false,
  manage: false,
  remove: false,
};

const holds = (viewer: Viewer, roles: readonly string[]) => viewer.roles.some((role) => roles.includes(role));

/** PMO managers, directors and super admins see every relationship. */
export function hasOversight(viewer: Viewer) {
  return viewer.isSuperAdmin || holds(viewer, OVERSIGHT_ROLES);
}

export function accessTo(viewer: Viewer, parties: Parties): RelationshipAccess {
  const isMentor = parties.mentor !== null && viewer.personIds.includes(parties.mentor);
  const isMentee = parties.mentee !== null && viewer.personIds.includes(parties.mentee);
  const oversight = hasOversight(viewer);
  if (!isMentor && !isMentee && !oversight) return NONE;
  return {
    standing: isMentor ? 'mentor' : isMentee ? 'mentee' : 'oversight',
    seeConfidentialNotes: isMentor || isMentee || holds(viewer, CONFIDENTIAL_ROLES),
    logSessions: isMentor,
    tickActionItems: isMentor || isMentee,
    manage: isMentor || oversight,
    remove: oversight,
  };
}

/** Oversight creates a relationship for anybody; anyone else only one they mentor. */
export function mayCreateRelationship(viewer: Viewer, mentor: string) {
  return hasOversight(viewer) || viewer.personIds.includes(mentor);
}

/** The session as this viewer may see it: without the confidential notes key unless allowed. */
export function visibleSession<T extends { confidentialNotes?: unknown }>(session: T, access: RelationshipAccess) {
  if (access.seeConfidentialNotes) return session;
  const { confidentialNotes: _hidden, ...rest } = session;
  return rest as Omit<T, 'confidentialNotes'>;
}
