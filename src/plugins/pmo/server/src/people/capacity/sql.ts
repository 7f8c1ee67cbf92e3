/**
 * Capacity's queries, set-based (docs/people.md): one query for a page of people (filtered by
 * department, programme, role or name), one for their day-weighted sums over every month asked
 * for, whatever the number of people or allocations. The months are a `VALUES` list joined to
 * the allocations; each row adds percent × (days of the month it covers), summed as a whole
 * number per person, month and kind (booked: approved; tentative: requested or not yet in the
 * workflow). Declined allocations never count.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ALLOCATION_UID, BOOKED_STATE, DECLINED_STATE, DEPARTMENT_UID, PERSON_UID } from '../../../../shared/contracts/capacity';
import { PROGRAMME_UID, PROJECT_UID } from '../../../../shared/contracts/uids';
import { columnsOf } from '../../platform/db';
import { monthBounds } from './months';

export type PeopleFilter = { department?: string; programme?: string; role?: string; q?: string };
export type PersonRow = {
  id: number;
  document_id: string;
  full_name: string;
  capacity_percent: number | null;
  non_project_percent: number | null;
  department_document_id: string | null;
  department_name: string | null;
};
export type SumRow = { person_id: number; month: string; booked: number | string; tentative: number | string };

export function createCapacitySql(strapi: Core.Strapi) {
  const person = columnsOf(strapi, PERSON_UID);
  const department = columnsOf(strapi, DEPARTMENT_UID);
  const allocation = columnsOf(strapi, ALLOCATION_UID);
  const project = columnsOf(strapi, PROJECT_UID);
  const programme = columnsOf(strapi, PROGRAMME_UID);
  const personDepartment = person.link('department');
  const allocationPerson = allocation.link('person');
  const allocationProject = allocation.link('project');
  const projectProgramme = project.link('programme');
  const isPostgres = () => strapi.db.dialect.client === 'postgres';

  const state = `a.${allocation.column('workflowState')}`;
  const start = `a.${allocation.column('startDate')}`;
  const end = `a.${allocation.column('endDate')}`;
  const notDeclined = (query: Knex.QueryBuilder) => query.where((q) => q.whereNull(state).orWhereNot(state, DECLINED_STATE));

  /** The allocations (`a`) of the person in `p`, not declined. */
  function allocationsOfPerson(knex: Knex, query: Knex.QueryBuilder) {
    query
      .from(`${allocation.table} as a`)
      .join(`${allocationPerson.table} as ap`, `ap.${allocationPerson.owner}`, 'a.id')
      .whereRaw('?? = ??', [`ap.${allocationPerson.target}`, 'p.id']);
    notDeclined(query);
    return query;
  }

  /** People (`p`) with their department (`d`), narrowed by the filters. */
  function people(knex: Knex, filter: PeopleFilter) {
    const query = knex(`${person.table} as p`)
      .leftJoin(`${personDepartment.table} as pd`, `pd.${personDepartment.owner}`, 'p.id')
      .leftJoin(`${department.table} as d`, 'd.id', `pd.${personDepartment.target}`);
    if (filter.department) {
      const name = `d.${department.column('name')}`;
      query.where((q) => q.where('d.document_id', filter.department!).orWhereRaw(`LOWER(${name}) = LOWER(?)`, [filter.department!]));
    }
    if (filter.q) query.whereRaw(`LOWER(??) LIKE ?`, [`p.${person.column('fullName')}`, `%${filter.q.toLowerCase().replace(/[%_\\]/g, '')}%`]);
    if (filter.role) {
      query.whereExists(function (this: Knex.QueryBuilder) {
        allocationsOfPerson(knex, this.select(knex.raw('1'))).whereRaw(`LOWER(??) = LOWER(?)`, [`a.${allocation.column('role')}`, filter.role!]);
      });
    }
    if (filter.programme) {
      query.whereExists(function (this: Knex.QueryBuilder) {
        allocationsOfPerson(knex, this.select(knex.raw('1')))
          .join(`${allocationProject.table} as aj`, `aj.${allocationProject.owner}`, 'a.id')
          .join(`${projectProgramme.table} as jg`, `jg.${projectProgramme.owner}`, `aj.${allocationProject.target}`)
          .join(`${programme.table} as g`, 'g.id', `jg.${projectProgramme.target}`)
          .where((q) => q.where('g.document_id', filter.programme!).orWhere(`g.${programme.column('code')}`, filter.programme!));
      });
    }
    return query;
  }

  /** A page of people, ordered by department then name, and how many match. */
  async function peoplePage(knex: Knex, filter: PeopleFilter, page: number, pageSize: number) {
    const [{ total }] = (await people(knex, filter).countDistinct({ total: 'p.id' })) as Array<{ total: number | string }>;
    const rows = (await people(knex, filter)
      .select({
        id: 'p.id',
        document_id: 'p.document_id',
        full_name: `p.${person.column('fullName')}`,
        capacity_percent: `p.${person.column('capacityPercent')}`,
        non_project_percent: `p.${person.column('nonProjectPercent')}`,
        department_document_id: 'd.document_id',
        department_name: `d.${department.column('name')}`,
      })
      // People without a department come last.
      .orderByRaw(`CASE WHEN d.id IS NULL THEN 1 ELSE 0 END, LOWER(d.${department.column('name')}), LOWER(p.${person.column('fullName')}), p.id`)
      .offset((page - 1) * pageSize)
      .limit(pageSize)) as PersonRow[];
    return { rows, total: Number(total) };
  }

  /** The dialect's whole days of month `m` an allocation `a` covers. */
  function overlap() {
    if (isPostgres()) {
      return `(LEAST(COALESCE(${end}, m.last_day), m.last_day) - GREATEST(COALESCE(${start}, m.first_day), m.first_day) + 1)`;
    }
    return `CAST(julianday(MIN(COALESCE(${end}, m.last_day), m.last_day)) - julianday(MAX(COALESCE(${start}, m.first_day), m.first_day)) + 1 AS INTEGER)`;
  }

  /** The `WITH m(month, first_day, last_day)` list of the months. */
  function monthsTable(months: string[]) {
    const cast = isPostgres() ? '::date' : '';
    const values = months.map(() => `(?, ?${cast}, ?${cast})`).join(', ');
    const bindings = months.flatMap((month) => {
      const { first, last } = monthBounds(month);
      return [month, first, last];
    });
    return { sql: `m(month, first_day, last_day) AS (VALUES ${values})`, bindings };
  }

  /**
   * Per person and month, the whole-number sums percent × days of approved (`booked`) and of
   * requested (`tentative`) allocations; a person with nothing in a month has no row for it.
   */
  async function sums(knex: Knex, personIds: number[], months: string[]): Promise<SumRow[]> {
    if (!personIds.length || !months.length) return [];
    const table = monthsTable(months);
    const days = overlap();
    const percent = `a.${allocation.column('percent')}`;
    const sql = `WITH ${table.sql}
      SELECT ap.${allocationPerson.target} AS person_id, m.month AS month,
        SUM(CASE WHEN ${state} = ? THEN ${percent} * ${days} ELSE 0 END) AS booked,
        SUM(CASE WHEN ${state} = ? THEN 0 ELSE ${percent} * ${days} END) AS tentative
      FROM ${allocation.table} a
      JOIN ${allocationPerson.table} ap ON ap.${allocationPerson.owner} = a.id
      JOIN m ON (${start} IS NULL OR ${start} <= m.last_day) AND (${end} IS NULL OR ${end} >= m.first_day)
      WHERE ap.${allocationPerson.target} IN (${personIds.map(() => '?').join(', ')})
        AND (${state} IS NULL OR ${state} <> ?)
      GROUP BY ap.${allocationPerson.target}, m.month`;
    const result = await knex.raw(sql, [...table.bindings, BOOKED_STATE, BOOKED_STATE, ...personIds, DECLINED_STATE]);
    return (isPostgres() ? result.rows : result) as SumRow[];
  }

  /**
   * The allocations of one person (with their project and programme), oldest first; `month`
   * narrows to those overlapping it.
   */
  function personAllocations(knex: Knex, personId: number, range?: { first: string; last: string }) {
    const query = knex(`${allocation.table} as a`)
      .join(`${allocationPerson.table} as ap`, `ap.${allocationPerson.owner}`, 'a.id')
      .leftJoin(`${allocationProject.table} as aj`, `aj.${allocationProject.owner}`, 'a.id')
      .leftJoin(`${project.table} as j`, 'j.id', `aj.${allocationProject.target}`)
      .where(`ap.${allocationPerson.target}`, personId)
      .select({
        id: 'a.id',
        document_id: 'a.document_id',
        percent: `a.${allocation.column('percent')}`,
        role: `a.${allocation.column('role')}`,
        start_date: start,
        end_date: end,
        state,
        project_document_id: 'j.document_id',
        project_code: `j.${project.column('code')}`,
        project_name: `j.${project.column('name')}`,
      })
      .orderByRaw(`CASE WHEN ${start} IS NULL THEN 0 ELSE 1 END, ${start}, a.id`);
    if (range) query.where((q) => q.whereNull(start).orWhere(start, '<=', range.last)).where((q) => q.whereNull(end).orWhere(end, '>=', range.first));
    return query;
  }

  return { peoplePage, sums, personAllocations, isPostgres };
}

export type CapacitySql = ReturnType<typeof createCapacitySql>;
