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
import { notFound, scopeOf, type MentoringAccess, type Visible } from './access';
import { isOverdue } from './action-items';
import { pageOf } from '../../../shared/contracts/common';
import type { MentoringReportSql } from './report-sql';
import { hoursCsv as writeHoursCsv } from './hours-csv';
import type { MentoringRepository } from './repository';
import { hoursFromMinutes, ratingSeries } from './reports';

/** The default page sizes: the action items a tab shows, the hours rows (a year of a few dozen mentors). */
const ITEMS_PAGE_SIZE = 25;
const HOURS_PAGE_SIZE = 100;

export function createReportService(repository: MentoringRepository, reader: MentoringAccess, sql: MentoringReportSql) {
  /** Mentoring hours per mentor per calendar quarter, over the sessions the viewer sees, grouped in SQL; a page of them, or (the export) all. */
  async function hoursRows(user: AdminUser, query: HoursExportQuery | HoursQuery, paged: boolean) {
    const viewer = await reader.viewerOf(user);
    const { page, pageSize, offset, limit } = pageOf('page' in query ? query : {}, HOURS_PAGE_SIZE);
    const found = await sql.hours(scopeOf(viewer), query, paged ? { offset, limit } : null);
    return {
      rows: found.groups.map((group) => ({ ...group, hours: hoursFromMinutes(group.minutes) })),
      pagination: { page, pageSize, total: found.total },
      mostMinutes: found.mostMinutes,
    };
  }

  async function hours(user: AdminUser, query: HoursQuery): Promise<HoursReport> {
    const { rows, pagination, mostMinutes } = await hoursRows(user, query, true);
    return { from: query.from, to: query.to, rows, pagination, mostMinutes };
  }

  return {
    /** Each competency's ratings over time, for one relationship or across one mentee's. */
    async ratings(user: AdminUser, query: RatingsQuery): Promise<Ratings> {
      const viewer = await reader.viewerOf(user);
      let visible: Visible[];
      if (query.relationship) visible = [await reader.requireVisible(viewer, query.relationship)];
      else {
        visible = await reader.visibleRelationships(viewer, { mentee: query.mentee });
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

    /** One page of the open (or overdue) action items across the relationships the viewer sees, as of a day (today when none is given). */
    async actionItems(user: AdminUser, query: ActionItemsQuery): Promise<ActionItemReport> {
      const viewer = await reader.viewerOf(user);
      const one = query.relationship ? await reader.requireVisible(viewer, query.relationship) : null;
      const asOf = query.asOf ?? todayIso();
      const { page, pageSize, offset, limit } = pageOf(query, ITEMS_PAGE_SIZE);
      const found = await sql.openItems(
        one ? 'all' : scopeOf(viewer),
        { relationshipId: one?.relationship.id ?? null, status: query.status, asOf },
        { offset, limit }
      );
      const relationships = new Map(
        (await repository.relationshipsByIds([...new Set(found.rows.map((row) => row.relationshipId))])).map((r) => [r.id, r])
      );
      return {
        asOf,
        status: query.status,
        items: found.rows.map(({ item, session, relationshipId }) => {
          const r = relationships.get(relationshipId)!;
          return {
            ...item,
            overdue: isOverdue(item, asOf),
            session,
            ownerPerson: item.owner === 'mentor' ? r.mentor : r.mentee,
            relationship: { documentId: r.documentId, mentor: r.mentor, mentee: r.mentee, status: r.status },
          };
        }),
        pagination: { page, pageSize, total: found.total },
      };
    },

    hours,

    /** Every row of the hours report (grouped in SQL: a row per mentor per quarter), as CSV. */
    async hoursCsv(user: AdminUser, query: HoursExportQuery) {
      const { rows } = await hoursRows(user, query, false);
      return writeHoursCsv(rows, { delimiter: query.delimiter, bom: query.bom });
    },
  };
}
