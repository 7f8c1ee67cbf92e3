/**
 * The dashboard's set-based queries: each one reads one section for every project in scope at
 * once (never a query per project), narrowed by the scope's subqueries and the caller's read
 * conditions. Rows come back raw; figures.ts turns them into the answer.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { RUNNING_STATES } from '../../../shared/contracts/governance';
import { latestStatusReports } from '../platform/db';
import type { Ids, Readable, Scope } from './scope';
import { dashboardTables } from './tables';

export type Row = Record<string, any>;

/** One key of a list's order: ascending unless `desc`; `nullsLast` puts empty values last on both databases. */
type Order = { column: string; desc?: boolean; nullsLast?: boolean };

/** How many of a list's rows to read: a number, or null for every one (the workbook). */
export type Limit = number | null;

/** A relation's link table: its owner's column and its target's. */
type Link = { table: string; owner: string; target: string };

/** The columns every coded item (project, programme) answers with, under a prefix. */
const codedColumns = (alias: string, prefix: string, t: { documentId: string; code: string; name: string }) => ({
  [`${prefix}_document_id`]: `${alias}.${t.documentId}`,
  [`${prefix}_code`]: `${alias}.${t.code}`,
  [`${prefix}_name`]: `${alias}.${t.name}`,
});

export function createDashboardQueries(strapi: Core.Strapi) {
  const knex = () => strapi.db.connection as unknown as Knex;
  const t = () => dashboardTables(strapi);

  /** Only the rows of projects in scope (all of them: no narrowing). */
  const inScope = (query: Knex.QueryBuilder, projectColumn: string, scope: Scope) => (scope.all ? query : query.whereIn(projectColumn, scope.projects()));

  /** Only the items the caller may read, when the role reads some of them. */
  const narrowReadable = (query: Knex.QueryBuilder, column: string, readable: Readable) => {
    if (readable.can && readable.only) query.whereIn(column, readable.only());
    return query;
  };

  /** Items held by a project in scope, or (with no project) by a programme in scope. */
  const placedIn = (query: Knex.QueryBuilder, projectColumn: string, programmeColumn: string, scope: Scope) =>
    query.where((where) => {
      where.whereIn(projectColumn, scope.projects());
      const programmes = scope.programmes;
      if (programmes) where.orWhere((held) => held.whereNull(projectColumn).whereIn(programmeColumn, programmes()));
    });

  /**
   * The same placement as `placedIn`, as semi-joins on the link tables (the item's id among the
   * links' owners) rather than joins of every item to its links: for a count over many items.
   * "No project" is no link to a project, as the left join's null is.
   */
  const heldIn = (query: Knex.QueryBuilder, idColumn: string, links: { project: Link; programme: Link }, scope: Scope) =>
    query.where((where) => {
      const { project, programme } = links;
      where.whereIn(idColumn, knex()(project.table).whereIn(project.target, scope.projects()).select(project.owner));
      const programmes = scope.programmes;
      if (programmes) {
        where.orWhere((held) =>
          held
            .whereNotIn(idColumn, knex()(project.table).whereNotNull(project.target).whereNotNull(project.owner).select(project.owner))
            .whereIn(idColumn, knex()(programme.table).whereIn(programme.target, programmes()).select(programme.owner))
        );
      }
    });

  /** Joins an item's project and programme links (`lp`, `lg`), what placing it in the scope needs, and carries their targets out. */
  function withLinks(query: Knex.QueryBuilder, alias: string, links: { project: Link; programme: Link }) {
    return query
      .leftJoin(`${links.project.table} as lp`, `lp.${links.project.owner}`, `${alias}.id`)
      .leftJoin(`${links.programme.table} as lg`, `lg.${links.programme.owner}`, `${alias}.id`)
      .select({ project_id: `lp.${links.project.target}`, programme_id: `lg.${links.programme.target}` });
  }

  /** Names the project (`p`) and programme (`g`) of rows carrying `project_id` and `programme_id` (`f`). */
  function withPlace(query: Knex.QueryBuilder) {
    const { project, programme } = t();
    return query
      .leftJoin(`${project.table} as p`, 'p.id', 'f.project_id')
      .leftJoin(`${programme.table} as g`, 'g.id', 'f.programme_id')
      .select(codedColumns('p', 'project', project), codedColumns('g', 'programme', programme));
  }

  /** A person's full name through a link (`alias` is the item). */
  function withOwner(query: Knex.QueryBuilder, alias: string, link: Link) {
    const { person } = t();
    return query
      .leftJoin(`${link.table} as lo`, `lo.${link.owner}`, `${alias}.id`)
      .leftJoin(`${person.table} as o`, 'o.id', `lo.${link.target}`)
      .select({ owner: `o.${person.fullName}` });
  }

  /** Each project's latest status report on or before `day`: its overall RAG and date. */
  function latestReports(scope: Scope, day: string, readable: Readable): Knex.QueryBuilder {
    return latestStatusReports(strapi, knex(), {
      onOrBefore: day,
      columns: { overall: 'ragOverall', as_of: 'asOf' },
      narrow: (query, projectColumn) => {
        inScope(query, projectColumn, scope);
        narrowReadable(query, 's.id', readable);
      },
    });
  }

  /**
   * A list's first `limit` rows in `order` (every row when null), each with the count of all of
   * them as `total_count`, read limit-first: `narrow` (the items `alias` of `table`, filtered,
   * with only the joins its filters need) is ordered and cut, its count a window over the whole
   * narrow result (counted before the limit); then `named` joins names, owners and places to the
   * rows kept only (`f`: the narrow row, `alias`: the item again), in the same order.
   */
  function firstOf(narrow: Knex.QueryBuilder, alias: string, table: string, order: Order[], limit: Limit, named: (query: Knex.QueryBuilder) => void) {
    const keys = order.map((key, index) => ({ ...key, key: `f.k${index}` }));
    narrow.select({ id: `${alias}.id` }, knex().raw('COUNT(*) OVER () AS total_count'));
    order.forEach(({ column }, index) => narrow.select({ [`k${index}`]: column }));
    orderBy(narrow, order);
    if (limit !== null) narrow.limit(limit);
    const query = knex().from(narrow.as('f')).join(`${table} as ${alias}`, `${alias}.id`, 'f.id').select('f.total_count');
    named(query);
    return orderBy(query, keys.map(({ key, desc, nullsLast }) => ({ column: key, desc, nullsLast })));
  }

  function orderBy(query: Knex.QueryBuilder, order: Order[]) {
    for (const { column, desc, nullsLast } of order) {
      if (nullsLast) query.orderByRaw('CASE WHEN ?? IS NULL THEN 1 ELSE 0 END', [column]);
      query.orderBy(column, desc ? 'desc' : 'asc');
    }
    return query;
  }

  return {
    /** The projects in scope counted by lifecycle state (`state` null: none yet). */
    projectsByState(scope: Scope): Knex.QueryBuilder {
      const { project: p } = t();
      return inScope(knex()(`${p.table} as p`), 'p.id', scope)
        .select({ state: `p.${p.state}` })
        .count({ count: '*' })
        .groupBy(`p.${p.state}`);
    },

    /** The projects in scope that report status (a running state): what their lateness is reckoned from. */
    reportingProjects(scope: Scope): Knex.QueryBuilder {
      const { project: p } = t();
      return inScope(knex()(`${p.table} as p`), 'p.id', scope)
        .whereIn(`p.${p.state}`, REPORTING_STATES as string[])
        .select({
          id: 'p.id',
          code: `p.${p.code}`,
          cadence: `p.${p.cadence}`,
          start_date: `p.${p.startDate}`,
          created_at: `p.${p.createdAt}`,
        });
    },

    /** Projects by id: how a list names them, and their manager. */
    async projectDetails(ids: number[]): Promise<Row[]> {
      const { project: p, person } = t();
      const rows: Row[] = [];
      // In slices, so an export of thousands of projects stays under SQLite's bound on variables.
      for (let start = 0; start < ids.length; start += 500) {
        rows.push(
          ...((await knex()(`${p.table} as p`)
            .whereIn('p.id', ids.slice(start, start + 500))
            .leftJoin(`${p.manager.table} as pm`, `pm.${p.manager.owner}`, 'p.id')
            .leftJoin(`${person.table} as m`, 'm.id', `pm.${p.manager.target}`)
            .select({ id: 'p.id', document_id: `p.${p.documentId}`, name: `p.${p.name}`, manager: `m.${person.fullName}` })) as Row[])
        );
      }
      return rows;
    },

    latestReports,

    /** The projects in scope counted by the overall RAG of their latest report on or before `day` (none: not counted). */
    ragCounts(scope: Scope, day: string, readable: Readable): Knex.QueryBuilder {
      return knex()
        .from(latestReports(scope, day, readable).as('l'))
        .select({ overall: 'l.overall' })
        .count({ count: '*' })
        .groupBy('l.overall');
    },

    /** Open risks in scope counted by probability and impact (their current score). */
    heatmap(scope: Scope, readable: Readable): Knex.QueryBuilder {
      const { risk: r } = t();
      const query = knex()(`${r.table} as r`).where(`r.${r.status}`, 'open');
      heldIn(query, 'r.id', r, scope);
      narrowReadable(query, 'r.id', readable);
      return query
        .select({ probability: `r.${r.probability}`, impact: `r.${r.impact}` })
        .count({ count: '*' })
        .groupBy(`r.${r.probability}`, `r.${r.impact}`);
    },

    /** Open critical issues raised on or before `day`: earliest target date first (none last), then raised on, then title. */
    criticalIssues(scope: Scope, day: string, readable: Readable, limit: Limit): Knex.QueryBuilder {
      const { issue: i } = t();
      const narrow = knex()(`${i.table} as i`)
        .where(`i.${i.status}`, 'open')
        .where(`i.${i.priority}`, 'critical')
        .where(`i.${i.raisedOn}`, '<=', day);
      withLinks(narrow, 'i', i);
      placedIn(narrow, `lp.${i.project.target}`, `lg.${i.programme.target}`, scope);
      narrowReadable(narrow, 'i.id', readable);
      const order = [{ column: `i.${i.targetDate}`, nullsLast: true }, { column: `i.${i.raisedOn}` }, { column: `i.${i.title}` }, { column: 'i.id' }];
      return firstOf(narrow, 'i', i.table, order, limit, (query) => {
        withPlace(query);
        withOwner(query, 'i', i.owner);
        query.select({
          document_id: `i.${i.documentId}`,
          title: `i.${i.title}`,
          raised_on: `i.${i.raisedOn}`,
          target_date: `i.${i.targetDate}`,
        });
      });
    },

    /** Documents in force whose next review was due before `day`: longest overdue first, then title. */
    overdueDocuments(scope: Scope, day: string, readable: Readable, limit: Limit): Knex.QueryBuilder {
      const { document: d } = t();
      const narrow = knex()(`${d.table} as d`)
        .where(`d.${d.nextReviewDue}`, '<', day)
        .where((status) => status.whereNull(`d.${d.status}`).orWhereNot(`d.${d.status}`, 'superseded'));
      withLinks(narrow, 'd', d);
      placedIn(narrow, `lp.${d.project.target}`, `lg.${d.programme.target}`, scope);
      narrowReadable(narrow, 'd.id', readable);
      return firstOf(narrow, 'd', d.table, [{ column: `d.${d.nextReviewDue}` }, { column: `d.${d.title}` }, { column: 'd.id' }], limit, (query) => {
        withPlace(query);
        withOwner(query, 'd', d.owner);
        query.select({ document_id: `d.${d.documentId}`, title: `d.${d.title}`, due_date: `d.${d.nextReviewDue}` });
      });
    },

    /** Gate conditions not done whose due date is before `day`, of projects in scope: longest overdue first, then text. */
    overdueConditions(scope: Scope, day: string, limit: Limit): Knex.QueryBuilder {
      const { condition: c, review: v, project } = t();
      const narrow = knex()(`${c.table} as c`)
        .where(`c.${c.dueDate}`, '<', day)
        .where((done) => done.whereNull(`c.${c.done}`).orWhere(`c.${c.done}`, false))
        .join(`${c.review.table} as cr`, `cr.${c.review.owner}`, 'c.id')
        .join(`${v.table} as v`, 'v.id', `cr.${c.review.target}`)
        .join(`${v.project.table} as lp`, `lp.${v.project.owner}`, 'v.id')
        .join(`${project.table} as p`, 'p.id', `lp.${v.project.target}`)
        .whereIn('p.id', scope.projects())
        .select({ project_id: 'p.id', review: `v.${v.documentId}` });
      return firstOf(narrow, 'c', c.table, [{ column: `c.${c.dueDate}` }, { column: `c.${c.text}` }, { column: 'c.id' }], limit, (query) => {
        query.join(`${project.table} as p`, 'p.id', 'f.project_id').select(codedColumns('p', 'project', project));
        withOwner(query, 'c', c.owner);
        query.select({ document_id: `c.${c.documentId}`, text: `c.${c.text}`, due_date: `c.${c.dueDate}`, review: 'f.review' });
      });
    },

    /** Gate reviews not yet decided, scheduled from `from` to `to` (both included), of projects in scope: soonest first, then gate. */
    upcomingReviews(scope: Scope, from: string, to: string, limit: Limit): Knex.QueryBuilder {
      const { review: v, project } = t();
      const narrow = knex()(`${v.table} as v`)
        .whereNull(`v.${v.decision}`)
        .whereBetween(`v.${v.scheduledDate}`, [from, to])
        .join(`${v.project.table} as lp`, `lp.${v.project.owner}`, 'v.id')
        .join(`${project.table} as p`, 'p.id', `lp.${v.project.target}`)
        .whereIn('p.id', scope.projects())
        .select({ project_id: 'p.id' });
      const order = [{ column: `v.${v.scheduledDate}` }, { column: `v.${v.gate}` }, { column: `p.${project.name}` }, { column: 'v.id' }];
      return firstOf(narrow, 'v', v.table, order, limit, (query) => {
        query
          .join(`${project.table} as p`, 'p.id', 'f.project_id')
          .select(codedColumns('p', 'project', project))
          .select({ document_id: `v.${v.documentId}`, gate: `v.${v.gate}`, scheduled_date: `v.${v.scheduledDate}` });
      });
    },

    /** Dependencies still open (or flagged late) needed before `day`, either of whose projects is in scope: longest late first. */
    lateDependencies(scope: Scope, day: string, readable: Readable, limit: Limit): Knex.QueryBuilder {
      const { dependency: d, project } = t();
      const narrow = knex()(`${d.table} as d`)
        .whereIn(`d.${d.status}`, ['open', 'late'])
        .where(`d.${d.needBy}`, '<', day)
        .leftJoin(`${d.from.table} as lf`, `lf.${d.from.owner}`, 'd.id')
        .leftJoin(`${d.to.table} as lt`, `lt.${d.to.owner}`, 'd.id')
        .where((side) => side.whereIn(`lf.${d.from.target}`, scope.projects()).orWhereIn(`lt.${d.to.target}`, scope.projects()))
        .select({ from_id: `lf.${d.from.target}`, to_id: `lt.${d.to.target}` });
      narrowReadable(narrow, 'd.id', readable);
      return firstOf(narrow, 'd', d.table, [{ column: `d.${d.needBy}` }, { column: `d.${d.description}` }, { column: 'd.id' }], limit, (query) => {
        query
          .leftJoin(`${project.table} as pf`, 'pf.id', 'f.from_id')
          .leftJoin(`${project.table} as pn`, 'pn.id', 'f.to_id')
          .select(codedColumns('pf', 'from', project), codedColumns('pn', 'to', project))
          .select({ document_id: `d.${d.documentId}`, description: `d.${d.description}`, need_by: `d.${d.needBy}`, status: `d.${d.status}` });
      });
    },
  };
}

export type DashboardQueries = ReturnType<typeof createDashboardQueries>;

/** The lifecycle states whose projects report status (governance chases the same). */
export const REPORTING_STATES: readonly string[] = RUNNING_STATES;

export type { Ids };
