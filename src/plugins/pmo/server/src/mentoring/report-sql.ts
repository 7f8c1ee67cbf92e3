/**
 * The mentoring reports that list rows across many relationships, paged in SQL: open action items
 * (each one an element of a session's `actionItems` JSON, expanded with json_each on SQLite and
 * jsonb_array_elements on PostgreSQL) and hours per mentor per quarter (grouped in SQL). The
 * viewer's scope (repository.ts `Scope`: every relationship, or those where one of the viewer's
 * people is a party) is a where-clause here, so totals count only what the viewer may see.
 * Neither report reads notes.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PERSON_UID } from '../../../shared/contracts/uids';
import { RELATIONSHIP_UID, SESSION_UID, type PersonRef } from '../../../shared/contracts/mentoring';
import { columnsOf, withKnex } from '../platform/db';
import { toIsoDate } from '../platform/dates';
import { storedItems, type ActionItem } from './action-items';
import type { Scope } from './repository';

type Row = Record<string, any>;
export type Page = { offset: number; limit: number };

export type OpenItemRow = { item: ActionItem; session: { documentId: string; date: string }; relationshipId: number };
export type HoursGroup = { quarter: string; mentor: PersonRef; sessions: number; minutes: number };

export function createMentoringReportSql(strapi: Core.Strapi) {
  const postgres = () => strapi.db.dialect.client === 'postgres';
  const names = () => {
    const session = columnsOf(strapi, SESSION_UID);
    const relationship = columnsOf(strapi, RELATIONSHIP_UID);
    const person = columnsOf(strapi, PERSON_UID);
    return { session, person, sessionRelationship: session.link('relationship'), mentor: relationship.link('mentor'), mentee: relationship.link('mentee') };
  };

  /** Sessions (`s`) with their relationship's row id in `sr`, narrowed to the scope (or one relationship). */
  function visibleSessions(knex: Knex, scope: Scope, relationshipId: number | null) {
    const n = names();
    const query = knex(`${n.session.table} as s`).join(`${n.sessionRelationship.table} as sr`, `sr.${n.sessionRelationship.owner}`, 's.id');
    const relationshipColumn = `sr.${n.sessionRelationship.target}`;
    if (relationshipId) query.where(relationshipColumn, relationshipId);
    if (scope !== 'all') {
      const partyIn = (link: typeof n.mentor) =>
        knex(`${link.table} as l`).join(`${n.person.table} as p`, 'p.id', `l.${link.target}`).whereIn('p.document_id', scope.personIds).select(`l.${link.owner}`);
      const as = scope.as ?? 'any';
      if (scope.personIds.length === 0) query.whereRaw('1 = 0');
      else if (as === 'mentor') query.whereIn(relationshipColumn, partyIn(n.mentor));
      else if (as === 'mentee') query.whereIn(relationshipColumn, partyIn(n.mentee));
      else query.where((q) => q.whereIn(relationshipColumn, partyIn(n.mentor)).orWhereIn(relationshipColumn, partyIn(n.mentee)));
    }
    return { query, relationshipColumn, n };
  }

  /** The dialect's words for an action item (`j.value`): its fields, open, due date. */
  function itemSql(itemsColumn: string) {
    if (postgres()) {
      const field = (key: string) => `j.value->'${key}'`;
      return {
        expand: `CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(${itemsColumn}::jsonb) = 'array' THEN ${itemsColumn}::jsonb ELSE '[]'::jsonb END) AS j(value)`,
        open: `jsonb_typeof(j.value) = 'object' AND jsonb_typeof(${field('id')}) = 'string' AND (${field('done')}) IS DISTINCT FROM 'true'::jsonb AND COALESCE(jsonb_typeof(${field('carriedTo')}), '') <> 'string'`,
        due: `(CASE WHEN jsonb_typeof(${field('dueDate')}) = 'string' THEN j.value->>'dueDate' END)`,
        id: `(j.value->>'id')`,
      };
    }
    const type = (key: string) => `json_type(j.value, '$.${key}')`;
    return {
      expand: `CROSS JOIN json_each(CASE WHEN json_type(${itemsColumn}) = 'array' THEN ${itemsColumn} ELSE '[]' END) AS j`,
      open: `j.type = 'object' AND ${type('id')} = 'text' AND COALESCE(${type('done')}, '') <> 'true' AND COALESCE(${type('carriedTo')}, '') <> 'text'`,
      due: `(CASE WHEN ${type('dueDate')} = 'text' THEN json_extract(j.value, '$.dueDate') END)`,
      id: `json_extract(j.value, '$.id')`,
    };
  }

  return {
    /** One page of the open (or overdue as of `asOf`) action items in scope: the most overdue first, undated last. */
    openItems(scope: Scope, options: { relationshipId: number | null; status: 'open' | 'overdue'; asOf: string }, page: Page) {
      return withKnex(strapi, async (knex) => {
        const { query, relationshipColumn, n } = visibleSessions(knex, scope, options.relationshipId);
        const items = itemSql(`s.${n.session.column('actionItems')}`);
        query.joinRaw(items.expand).whereRaw(items.open);
        if (options.status === 'overdue') query.whereRaw(`${items.due} IS NOT NULL AND ${items.due} < ?`, [options.asOf]);
        const date = `s.${n.session.column('date')}`;
        const [rows, counted] = await Promise.all([
          query
            .clone()
            .select({ sessionDocumentId: 's.document_id', sessionDate: date, relationshipId: relationshipColumn, item: 'j.value' })
            .orderByRaw(`${items.due} IS NULL, ${items.due}, ${date}, s.id, ${items.id}`)
            .offset(page.offset)
            .limit(page.limit),
          query.clone().count({ total: '*' }).first(),
        ]);
        return {
          rows: (rows as Row[]).map((row) => ({
            item: storedItems([typeof row.item === 'string' ? JSON.parse(row.item) : row.item])[0],
            session: { documentId: row.sessionDocumentId as string, date: toIsoDate(row.sessionDate)! },
            relationshipId: Number(row.relationshipId),
          })) as OpenItemRow[],
          total: Number((counted as Row | undefined)?.total ?? 0),
        };
      });
    },

    /** Sessions counted and minutes summed per mentor and calendar quarter, by quarter then mentor name; paged when `page` is given. */
    hours(scope: Scope, filters: { from: string | null; to: string | null; mentor: string | null }, page: Page | null) {
      return withKnex(strapi, async (knex) => {
        const { query, relationshipColumn, n } = visibleSessions(knex, scope, null);
        const date = `s.${n.session.column('date')}`;
        const minutes = `s.${n.session.column('durationMinutes')}`;
        const fullName = `p.${n.person.column('fullName')}`;
        const email = `p.${n.person.column('email')}`;
        query.join(`${n.mentor.table} as rm`, `rm.${n.mentor.owner}`, relationshipColumn).join(`${n.person.table} as p`, 'p.id', `rm.${n.mentor.target}`);
        if (filters.from) query.where(date, '>=', filters.from);
        if (filters.to) query.where(date, '<=', filters.to);
        if (filters.mentor) query.where('p.document_id', filters.mentor);
        const quarter = postgres()
          ? `to_char(${date}, 'YYYY') || '-Q' || to_char(${date}, 'Q')`
          : `substr(${date}, 1, 4) || '-Q' || ((CAST(substr(${date}, 6, 2) AS INTEGER) + 2) / 3)`;
        const grouped = query
          .select(knex.raw(`${quarter} AS quarter`), 'p.id as personId', 'p.document_id as documentId', `${fullName} as fullName`, `${email} as email`)
          .count({ sessions: '*' })
          .sum({ minutes })
          .groupByRaw(`${quarter}, p.id, p.document_id, ${fullName}, ${email}`);
        const paged = grouped.clone().orderByRaw(`quarter, LOWER(${fullName}), p.document_id`);
        if (page) paged.offset(page.offset).limit(page.limit);
        // Paged: how many groups there are, and the most minutes of any (the chart's scale, the same on every page).
        const [rows, counted] = await Promise.all([paged, page ? knex.count({ total: '*' }).max({ most: 'g.minutes' }).from(grouped.clone().as('g')).first() : null]);
        const groups: HoursGroup[] = (rows as Row[]).map((row) => ({
          quarter: String(row.quarter),
          mentor: { documentId: row.documentId, fullName: row.fullName, email: row.email ?? null },
          sessions: Number(row.sessions),
          minutes: Number(row.minutes),
        }));
        return {
          groups,
          total: counted ? Number((counted as Row).total) : groups.length,
          mostMinutes: counted ? Number((counted as Row).most ?? 0) : groups.reduce((most, group) => Math.max(most, group.minutes), 0),
        };
      });
    },
  };
}

export type MentoringReportSql = ReturnType<typeof createMentoringReportSql>;
