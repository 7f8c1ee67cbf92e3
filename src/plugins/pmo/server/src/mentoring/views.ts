/**
 * What the mentoring routes answer, shaped for the Mentoring page. Pure: a session's
 * confidential notes appear only when the viewer's access allows, and then as a plain key;
 * otherwise the key is absent (not empty, not flagged), so nothing hints that notes exist.
 */
import type {
  ActionItem,
  CompetencyRef,
  MentoringRelationship,
  MentoringSession,
  PersonRef,
  RatingInput,
  RelationshipStatus,
  RelationshipSummary,
} from '../../../shared/contracts/mentoring';
import { isOverdue } from './action-items';
import { visibleSession, type RelationshipAccess } from './visibility';

/** A relationship as stored, without its row id and timestamps. */
export type RelationshipFacts = {
  documentId: string;
  mentor: PersonRef | null;
  mentee: PersonRef | null;
  goals: string | null;
  focusCompetencies: CompetencyRef[];
  startDate: string;
  endDate: string | null;
  status: RelationshipStatus;
};

export function relationshipView(
  relationship: RelationshipFacts,
  access: RelationshipAccess,
  summary: RelationshipSummary
): MentoringRelationship {
  const { standing, ...permissions } = access;
  return {
    documentId: relationship.documentId,
    mentor: relationship.mentor,
    mentee: relationship.mentee,
    goals: relationship.goals,
    focusCompetencies: relationship.focusCompetencies,
    startDate: relationship.startDate,
    endDate: relationship.endDate,
    status: relationship.status,
    myRole: standing!,
    permissions,
    summary,
  };
}

type SessionFacts = {
  documentId: string;
  relationship: string;
  date: string;
  durationMinutes: number;
  topics: string | null;
  ratings: RatingInput[];
  sharedNotes: string | null;
  confidentialNotes?: string | null;
  actionItems: ActionItem[];
  revision: number;
  createdAt: string;
  updatedAt: string;
};

/** A competency that has since been deleted still shows its ratings, under a placeholder name. */
const unknownCompetency = (documentId: string): CompetencyRef => ({ documentId, key: '', name: 'Removed competency' });

export function sessionView(
  session: SessionFacts,
  access: RelationshipAccess,
  competencies: Map<string, CompetencyRef>,
  asOf: string
): MentoringSession {
  const view: MentoringSession = {
    documentId: session.documentId,
    relationship: session.relationship,
    date: session.date,
    durationMinutes: session.durationMinutes,
    topics: session.topics,
    ratings: session.ratings.map((r) => ({
      competency: competencies.get(r.competency) ?? unknownCompetency(r.competency),
      rating: r.rating,
    })),
    sharedNotes: session.sharedNotes,
    ...(access.seeConfidentialNotes && 'confidentialNotes' in session ? { confidentialNotes: session.confidentialNotes ?? null } : {}),
    actionItems: session.actionItems.map((item) => ({ ...item, overdue: isOverdue(item, asOf) })),
    revision: session.revision,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
  };
  return visibleSession(view, access) as MentoringSession;
}
