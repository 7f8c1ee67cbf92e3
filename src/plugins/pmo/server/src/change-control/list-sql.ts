/**
 * The change-request list in SQL: the filters, the order and the page are the database's work, so a
 * PMO with 100,000 change requests reads one page of ids and their number (two queries), then that
 * page's rows with their project, raiser and impact (the query layer's populate: one query per
 * relation, not per row).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { CHANGE_REQUEST_PAGE_SIZE, type ChangeRequestFilters, type ChangeRequestSort } from '../../../shared/contracts/change-control';
import { columnsOf, withKnex } from '../platform/db';
import { CHANGE_REQUEST_UID } from './reference';
import { PROJECT_UID } from '../../../shared/contracts/uids';
import { pageOf } from '../../../shared/contracts/common';

const DAY = 86400000;

/** What the list narrows by once the project is found: its id, and the states that count as closed. */
export type ListScope = { projectId?: number; terminalStates: string[] };

export function changeRequestSql(strapi: Core.Strapi) {
  const change = columnsOf(strapi, CHANGE_REQUEST_UID);
  const ofProject = change.link('project');
  const column = (attribute: string) => `c.${change.column(attribute)}`;
  const created = column('createdAt');

  /** The impact component's cost, joined as `i` through the component link `ci` (only the cost order needs it). */
  function withCost(query: Knex.QueryBuilder) {
    const link = change.meta.attributes.impact.joinTable;
    const impact = columnsOf(strapi, change.meta.attributes.impact.target);
    query
      .leftJoin(`${link.name} as ci`, (on) => {
        on.on(`ci.${link.joinColumn.name}`, 'c.id');
        for (const [key, value] of Object.entries(link.on ?? {})) on.andOnVal(`ci.${key}`, '=', value as string);
      })
      .leftJoin(`${impact.table} as i`, 'i.id', `ci.${link.inverseJoinColumn.name}`);
    return `i.${impact.column('cost')}`;
  }

  function filtered(knex: Knex, filters: ChangeRequestFilters, scope: ListScope) {
    const query = knex(`${change.table} as c`);
    if (scope.projectId !== undefined) {
      query.join(`${ofProject.table} as cp`, `cp.${ofProject.owner}`, 'c.id').where(`cp.${ofProject.target}`, scope.projectId);
    }
    if (filters.state) query.where(column('workflowState'), filters.state);
    if (filters.type) query.where(column('type'), filters.type);
    if (filters.olderThanDays !== undefined) query.where(created, '<=', new Date(Date.now() - filters.olderThanDays * DAY));
    if (filters.open && scope.terminalStates.length) {
      const state = column('workflowState');
      query.where((where) => where.whereNull(state).orWhereNotIn(state, scope.terminalStates));
    }
    return query;
  }

  /** Each order's terms (identifiers bound to `??`), before the tie-break: newest first. */
  function order(query: Knex.QueryBuilder, sort: ChangeRequestSort) {
    const terms: Array<[string, string[]]> = [];
    if (sort === 'reference') terms.push(["COALESCE(??, '') ASC", [column('reference')]]);
    if (sort === 'title') terms.push(['LOWER(??) ASC', [column('title')]]);
    if (sort === 'state') terms.push(["COALESCE(??, '') ASC", [column('workflowState')]]);
    if (sort === 'cost') {
      const cost = withCost(query);
      // Not yet assessed last on both databases (PostgreSQL puts nulls first in a descending order).
      terms.push(['CASE WHEN ?? IS NULL THEN 1 ELSE 0 END ASC', [cost]], ['?? DESC', [cost]]);
    }
    const direction = sort === 'oldest' ? 'ASC' : 'DESC';
    terms.push([`?? ${direction}`, [created]], [`?? ${direction}`, ['c.id']]);
    terms.forEach(([sql, ids]) => query.orderByRaw(sql, ids));
    return query;
  }

  /** One page of ids in the order asked, and how many change requests the filters leave. */
  async function page(filters: ChangeRequestFilters, scope: ListScope) {
    const { page: pageNumber, pageSize, offset, limit } = pageOf(filters, CHANGE_REQUEST_PAGE_SIZE);
    return withKnex(strapi, async (knex) => {
      // One after the other: on PostgreSQL the transaction holds one connection.
      const ids = (await order(filtered(knex, filters, scope).select({ id: 'c.id' }), filters.sort ?? 'newest')
        .offset(offset)
        .limit(limit)) as Array<{ id: number | string }>;
      const [counted] = (await filtered(knex, filters, scope).count({ total: '*' })) as Array<{ total: number | string }>;
      return {
        ids: ids.map((row) => Number(row.id)),
        pagination: { page: pageNumber, pageSize, total: Number(counted?.total ?? 0) },
      };
    });
  }

  /**
   * The ids of the change requests whose project's remaining change budget covers their cost
   * impact, as the `budget` guard judges it: no cost (or none above zero), or a project whose
   * change budget (none: 0) is at least the cost. A subquery for the guard's `narrow`.
   */
  function coveredByBudget(knex: Knex): Knex.QueryBuilder {
    const query = knex(`${change.table} as c`).select('c.id');
    const cost = withCost(query);
    const project = columnsOf(strapi, PROJECT_UID);
    const budget = `p.${project.column('changeBudget')}`;
    query.leftJoin(`${ofProject.table} as cp`, `cp.${ofProject.owner}`, 'c.id').leftJoin(`${project.table} as p`, 'p.id', `cp.${ofProject.target}`);
    return query.where((where) =>
      where
        .whereNull(cost)
        .orWhere(cost, '<=', 0)
        .orWhere((covered) => covered.whereNotNull('p.id').whereRaw('COALESCE(??, 0) >= ??', [budget, cost]))
    );
  }

  return { page, coveredByBudget };
}
