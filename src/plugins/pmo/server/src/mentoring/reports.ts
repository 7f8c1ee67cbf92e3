/**
 * The mentoring reports computed from one relationship's (or one mentee's) sessions: a
 * relationship's summary, each competency's ratings over time, and hours from minutes. Pure. The
 * reports across every relationship (open action items, hours per mentor) are SQL: report-sql.ts.
 */
import { isOpen, isOverdue, type ActionItem } from './action-items';
import {
  MAX_RATING,
  MIN_RATING,
  type CompetencyRef,
  type PersonRef,
  type RatingInput,
  type RatingSeries,
  type RelationshipSummary,
} from '../../../shared/contracts/mentoring';

export type { CompetencyRef, PersonRef };

/** What the reports need of a session: never its notes. */
export type SessionFacts = {
  documentId: string;
  relationship: string;
  date: string;
  durationMinutes: number;
  ratings: RatingInput[];
  actionItems: ActionItem[];
};

/** Stored JSON, read defensively: a rating outside 1..5 is dropped rather than charted. */
export function storedRatings(value: unknown): RatingInput[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (raw): raw is RatingInput =>
      !!raw &&
      typeof raw === 'object' &&
      typeof raw.competency === 'string' &&
      Number.isInteger(raw.rating) &&
      raw.rating >= MIN_RATING &&
      raw.rating <= MAX_RATING
  );
}

export const byDate = <T extends { date: string; documentId: string }>(a: T, b: T) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0;

export function summarise(sessions: SessionFacts[], asOf: string): RelationshipSummary {
  const items = sessions.flatMap((session) => session.actionItems);
  return {
    sessions: sessions.length,
    minutes: sessions.reduce((sum, session) => sum + session.durationMinutes, 0),
    lastSessionDate: sessions.reduce<string | null>((last, s) => (last === null || s.date > last ? s.date : last), null),
    openActionItems: items.filter(isOpen).length,
    overdueActionItems: items.filter((item) => isOverdue(item, asOf)).length,
  };
}

/**
 * One series per competency, oldest point first: the focus competencies (even unrated, so a
 * chart shows them), then any other competency that was rated, in framework order.
 */
export function ratingSeries(sessions: SessionFacts[], focus: CompetencyRef[], framework: CompetencyRef[]): RatingSeries[] {
  const ordered = [...sessions].sort(byDate);
  const rated = new Set(ordered.flatMap((session) => session.ratings.map((r) => r.competency)));
  const focusIds = new Set(focus.map((c) => c.documentId));
  const competencies = [
    ...focus,
    ...framework.filter((c) => !focusIds.has(c.documentId) && rated.has(c.documentId)),
  ];
  return competencies.map((competency) => {
    const points = ordered.flatMap((session) =>
      session.ratings
        .filter((rating) => rating.competency === competency.documentId)
        .map((rating) => ({ date: session.date, session: session.documentId, relationship: session.relationship, rating: rating.rating }))
    );
    const first = points.length ? points[0].rating : null;
    const latest = points.length ? points[points.length - 1].rating : null;
    return {
      competency,
      focus: focusIds.has(competency.documentId),
      points,
      first,
      latest,
      change: first !== null && latest !== null ? latest - first : null,
    };
  });
}

/** Two decimals, from whole minutes (no float sums: minutes are added as integers). */
export function hoursFromMinutes(minutes: number) {
  const hundredths = Math.round((minutes * 100) / 60);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}
