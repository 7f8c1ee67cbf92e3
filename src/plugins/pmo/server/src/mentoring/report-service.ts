/**
 * The mentoring reports over what the viewer sees (reports.ts computes them): each competency's
 * ratings over time, open and overdue action items, and hours per mentor per quarter, with its CSV.
 */
import type {
  ActionItemReport,
  ActionItemsQuery,
  CompetencyRef,
  HoursExportQuery,
  HoursQuery,
  HoursReport,
  Ratings,
  RatingsQuery,
} from '../../../shared/contracts/mentoring';
import { todayIso } from '../platform/dates';
import type { AdminUser } from '../workflow';
import { notFound, type MentoringAccess, type Visible } from './access';
import { hoursCsv as writeHoursCsv } from './hours-csv';
import type { MentoringRepository } from './repository';
import { actionItemRows, hoursPerMentorPerQuarter, ratingSeries } from './reports';

export function createReportService(repository: MentoringRepository, reader: MentoringAccess) {
  /** Mentoring hours per mentor per calendar quarter, over the sessions the viewer sees. */
  async function hours(user: AdminUser, query: HoursQuery): Promise<HoursReport> {
    const viewer = await reader.viewerOf(user);
    const visible = (await reader.visibleRelationships(viewer)).filter(
      (v) => !query.mentor || v.relationship.mentor?.documentId === query.mentor
    );
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
    /** Each competency's ratings over time, for one relationship or across one mentee's. */
    async ratings(user: AdminUser, query: RatingsQuery): Promise<Ratings> {
      const viewer = await reader.viewerOf(user);
      let visible: Visible[];
      if (query.relationship) visible = [await reader.requireVisible(viewer, query.relationship)];
      else {
        visible = (await reader.visibleRelationships(viewer)).filter((v) => v.relationship.mentee?.documentId === query.mentee);
        if (visible.length === 0) throw notFound('A mentoring relationship with this mentee');
      }
      const sessions = await reader.sessionsOf(visible);
      const focus = new Map<string, CompetencyRef>();
      for (const { relationship } of visible) for (const c of relationship.focusCompetencies) focus.set(c.documentId, c);
      const { list } = await reader.competencyIndex();
      const ordered = list.filter((c) => focus.has(c.documentId));
      return {
        relationships: visible.map((v) => v.relationship.documentId),
        series: ratingSeries(sessions, ordered, list),
      };
    },

    /** Open (or overdue) action items across the relationships the viewer sees, as of a day (today when none is given). */
    async actionItems(user: AdminUser, query: ActionItemsQuery): Promise<ActionItemReport> {
      const viewer = await reader.viewerOf(user);
      const visible = query.relationship ? [await reader.requireVisible(viewer, query.relationship)] : await reader.visibleRelationships(viewer);
      const sessions = await reader.sessionsOf(visible);
      const byId = new Map(visible.map((v) => [v.relationship.documentId, v.relationship]));
      const asOf = query.asOf ?? todayIso();
      return {
        asOf,
        status: query.status,
        items: actionItemRows(sessions, query.status, asOf).map(({ relationship, ...row }) => {
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
