/**
 * The `capacity` service (docs/people.md): people × months with booked, tentative and free
 * percent; one person's allocations and certifications; the months an allocation would take a
 * person over their available capacity. Reads go through sql.ts; the arithmetic is months.ts's.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  ALLOCATION_STATES,
  CERTIFICATION_NOTICE_DAYS,
  DEPARTMENT_UID,
  PERSON_UID,
  type AllocationState,
  type AllocationView,
  type CapacityAnswer,
  type CapacityQuery,
  type PersonCapacityAnswer,
} from '../../../../shared/contracts/capacity';
import { errors, invalidField } from '../../platform/errors';
import { PROGRAMME_UID } from '../../../../shared/contracts/uids';
import { addDays, toIsoDay, todayIso } from '../../platform/dates';
import { withKnex } from '../../platform/db';
import { availablePercent, monthBounds, monthFigures, monthOf, monthsBetween, monthsOver, overlapDays, percentOf, type Span } from './months';
import { createCapacitySql, type PeopleFilter, type PersonRow } from './sql';

const DEFAULT_PAGE_SIZE = 50;

type Row = Record<string, any>;

/** The range asked for: from defaults to this month, to to eleven months after from. */
export function monthRange(query: { from?: string; to?: string }, today = todayIso()) {
  const from = query.from ?? (query.to ? monthOf(`${query.to}-01`, -11) : monthOf(today));
  const to = query.to ?? monthOf(`${from}-01`, 11);
  return monthsBetween(from, to);
}

const stateOf = (value: unknown): AllocationState => (ALLOCATION_STATES as readonly string[]).includes(String(value)) ? (value as AllocationState) : 'requested';

export function createCapacityService(strapi: Core.Strapi) {
  const sql = createCapacitySql(strapi);

  /** Each person's months, from the page's rows and their sums. */
  async function figures(knex: Knex, rows: PersonRow[], months: string[]) {
    const sums = await sql.sums(
      knex,
      rows.map((row) => row.id),
      months
    );
    const byKey = new Map(sums.map((sum) => [`${sum.person_id}:${sum.month}`, sum]));
    return rows.map((row) => {
      const capacity = row.capacity_percent ?? 100;
      const nonProject = row.non_project_percent ?? 0;
      const available = availablePercent(capacity, nonProject);
      return {
        person: {
          documentId: row.document_id,
          fullName: row.full_name,
          department: row.department_document_id ? { documentId: row.department_document_id, name: row.department_name ?? '' } : null,
        },
        capacityPercent: capacity,
        nonProjectPercent: nonProject,
        availablePercent: available,
        months: months.map((month) => {
          const sum = byKey.get(`${row.id}:${month}`);
          const days = monthBounds(month).days;
          return monthFigures(month, percentOf(Number(sum?.booked ?? 0), days), percentOf(Number(sum?.tentative ?? 0), days), available);
        }),
      };
    });
  }

  return {
    monthRange,

    /** A department or programme filter that names none is a 400 naming it. */
    async checkFilters(filter: { department?: string; programme?: string }) {
      if (filter.department) {
        const found = await strapi.db.query(DEPARTMENT_UID as never).count({ where: { $or: [{ documentId: filter.department }, { name: { $eqi: filter.department } }] } } as never);
        if (!found) throw invalidField(['department'], `Choose a department: there is none called "${filter.department.slice(0, 80)}"`);
      }
      if (filter.programme) {
        const found = await strapi.db.query(PROGRAMME_UID as never).count({ where: { $or: [{ documentId: filter.programme }, { code: filter.programme }] } } as never);
        if (!found) throw invalidField(['programme'], `Choose a programme: there is none with the code "${filter.programme.slice(0, 80)}"`);
      }
    },

    /** GET /pmo/capacity */
    async capacity(query: CapacityQuery): Promise<CapacityAnswer> {
      const months = monthRange(query);
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
      const filter: PeopleFilter = { department: query.department, programme: query.programme, role: query.role, q: query.q };
      return withKnex(strapi, async (knex) => {
        const { rows, total } = await sql.peoplePage(knex, filter, page, pageSize);
        return { months, people: await figures(knex, rows, months), pagination: { page, pageSize, total } };
      });
    },

    /** Pages of people with their months, for the export: `size` people a query. */
    async *capacityPages(filter: PeopleFilter, months: string[], size = 500) {
      for (let page = 1; ; page += 1) {
        const batch = await withKnex(strapi, async (knex) => {
          const { rows } = await sql.peoplePage(knex, filter, page, size);
          return figures(knex, rows, months);
        });
        yield batch;
        if (batch.length < size) return;
      }
    },

    /** A person's page: their allocations (those overlapping `month` when given) and certifications. */
    async person(documentId: string, month?: string): Promise<PersonCapacityAnswer> {
      const person = (await strapi.db.query(PERSON_UID as never).findOne({
        where: { documentId },
        select: ['id', 'documentId', 'fullName', 'email', 'jobTitle', 'capacityPercent', 'nonProjectPercent'],
        populate: { department: { select: ['documentId', 'name'], populate: { leader: { select: ['fullName'] } } }, certifications: true },
      } as never)) as Row | null;
      if (!person) throw new errors.NotFoundError('There is no such person (they may have been deleted)');
      const range = month ? monthBounds(month) : undefined;
      const rows = (await withKnex(strapi, (knex) => sql.personAllocations(knex, person.id, range))) as Row[];
      const today = todayIso();
      const soon = addDays(today, CERTIFICATION_NOTICE_DAYS);
      const allocations: AllocationView[] = rows.map((row) => {
        const span: Span = { percent: Number(row.percent), startDate: toIsoDay(row.start_date), endDate: toIsoDay(row.end_date) };
        return {
          documentId: row.document_id,
          project: row.project_document_id ? { documentId: row.project_document_id, code: row.project_code ?? '', name: row.project_name ?? '' } : null,
          role: row.role ?? null,
          percent: span.percent,
          startDate: span.startDate,
          endDate: span.endDate,
          state: stateOf(row.state),
          inMonth: month ? percentOf(span.percent * overlapDays(span, month), monthBounds(month).days) : null,
        };
      });
      const certifications = ((person.certifications ?? []) as Row[])
        .map((certificate) => {
          const expiresOn = toIsoDay(certificate.expiresOn);
          return {
            name: String(certificate.name ?? ''),
            body: certificate.body ?? null,
            obtainedOn: toIsoDay(certificate.obtainedOn),
            expiresOn,
            expired: !!expiresOn && expiresOn < today,
            expiringSoon: !!expiresOn && expiresOn >= today && expiresOn <= soon,
          };
        })
        .sort((a, b) => (a.expiresOn ?? '9999').localeCompare(b.expiresOn ?? '9999'));
      return {
        person: {
          documentId: person.documentId,
          fullName: person.fullName,
          email: person.email ?? null,
          jobTitle: person.jobTitle ?? null,
          department: person.department
            ? { documentId: person.department.documentId, name: person.department.name, leader: person.department.leader?.fullName ?? null }
            : null,
          capacityPercent: person.capacityPercent ?? 100,
          nonProjectPercent: person.nonProjectPercent ?? 0,
        },
        allocations,
        certifications,
      };
    },

    /**
     * The months in which a person's allocations that are not declined (booked and tentative
     * alike, as if every request were approved) exceed their available capacity, with the
     * person's name and availability. `only`: the months to look at (those of the allocation saved).
     */
    async monthsOver(personId: number, only: string[]) {
      const person = (await strapi.db.query(PERSON_UID as never).findOne({
        where: { id: personId },
        select: ['fullName', 'capacityPercent', 'nonProjectPercent'],
      } as never)) as Row | null;
      if (!person || !only.length) return { fullName: '', available: 100, over: [] as Array<{ month: string; percent: number }> };
      const range = { first: monthBounds(only[0]).first, last: monthBounds(only[only.length - 1]).last };
      const rows = (await withKnex(strapi, (knex) => sql.personAllocations(knex, personId, range))) as Row[];
      const spans: Span[] = rows
        .filter((row) => row.state !== 'declined')
        .map((row) => ({ percent: Number(row.percent), startDate: toIsoDay(row.start_date), endDate: toIsoDay(row.end_date) }));
      const available = availablePercent(person.capacityPercent, person.nonProjectPercent);
      const over = monthsOver(spans, only, available);
      return { fullName: String(person.fullName ?? ''), available, over };
    },
  };
}

export type CapacityService = ReturnType<typeof createCapacityService>;
