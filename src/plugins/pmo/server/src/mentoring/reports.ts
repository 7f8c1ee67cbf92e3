/**
 * The mentoring reports, computed from sessions the viewer may see: a relationship's summary,
 * each competency's ratings over time, open and overdue action items, and mentoring hours per
 * mentor per quarter. Pure.
 */
import { isOpen, isOverdue, type ActionItem } from './action-items';
import { quarterOf } from '../platform/dates';
import {
  MAX_RATING,
  MIN_RATING,
  type ActionItemView,
  type CompetencyRef,
  type HoursRow,
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

/** An open item with its session; the service adds the people of its relationship. */
export type ActionItemRow = ActionItemView & { session: { documentId: string; date: string }; relationship: string };

/** Open (or only overdue) items across sessions, the most overdue first, undated last. */
export function actionItemRows(sessions: SessionFacts[], status: 'open' | 'overdue', asOf: string): ActionItemRow[] {
  const rows = sessions.flatMap((session) =>
    session.actionItems
      .filter((item) => (status === 'overdue' ? isOverdue(item, asOf) : isOpen(item)))
      .map((item) => ({
        ...item,
        overdue: isOverdue(item, asOf),
        session: { documentId: session.documentId, date: session.date },
        relationship: session.relationship,
      }))
  );
  return rows.sort((a, b) => {
    if (a.dueDate !== b.dueDate) {
      if (a.dueDate === null) return 1;
      if (b.dueDate === null) return -1;
      return a.dueDate < b.dueDate ? -1 : 1;
    }
    return a.session.date < b.session.date ? -1 : a.session.date > b.session.date ? 1 : 0;
  });
}

/** Two decimals, from whole minutes (no float sums: minutes are added as integers). */
export function hoursFromMinutes(minutes: number) {
  const hundredths = Math.round((minutes * 100) / 60);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** Sessions summed per mentor and calendar quarter, by quarter then mentor name. */
export function hoursPerMentorPerQuarter(
  sessions: Array<{ date: string; durationMinutes: number; mentor: PersonRef | null }>
): HoursRow[] {
  const buckets = new Map<string, { quarter: string; mentor: PersonRef; sessions: number; minutes: number }>();
  for (const session of sessions) {
    if (!session.mentor) continue;
    const quarter = quarterOf(session.date);
    const key = `${quarter}\u0000${session.mentor.documentId}`;
    const bucket = buckets.get(key) ?? { quarter, mentor: session.mentor, sessions: 0, minutes: 0 };
    bucket.sessions += 1;
    bucket.minutes += session.durationMinutes;
    buckets.set(key, bucket);
  }
  return [...buckets.values()]
    .map((bucket) => ({ ...bucket, hours: hoursFromMinutes(bucket.minutes) }))
    .sort((a, b) =>
      a.quarter !== b.quarter
        ? a.quarter < b.quarter ? -1 : 1
        : a.mentor.fullName.localeCompare(b.mentor.fullName) || a.mentor.documentId.localeCompare(b.mentor.documentId)
    );
}
