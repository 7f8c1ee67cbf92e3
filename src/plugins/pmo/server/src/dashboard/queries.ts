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

/** The columns every coded item (project, programme) answers with, under a prefix. */
const codedColumns = (alias: string, prefix: string, t: { documentId: string; code: string; name: string }) => ({
  [`${prefix}_document_id`]: `${alias}.${t.documentId}`,
  [`${prefix}_code`]: `${alias}.${t.code}`,
  [`${prefix}_name`]: `${alias}.${t.name}`,
});

export function createDashboardQueries(strapi: Core.Strapi) {
  const knex = () => strapi.db.connection as unknown as Knex;
  const t = () => dashboardTables(strapi);

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

  /** Joins an item's project (`p`, through `lp`) and programme (`g`, through `lg`), and selects their refs. */
  function withPlace(query: Knex.QueryBuilder, alias: string, links: { project: { table: string; owner: string; target: string }; programme?: { table: string; owner: string; target: string } }) {
    const { project, programme } = t();
    query
      .leftJoin(`${links.project.table} as lp`, `lp.${links.project.owner}`, `${alias}.id`)
      .leftJoin(`${project.table} as p`, 'p.id', `lp.${links.project.target}`)
      .select(codedColumns('p', 'project', project));
    if (links.programme) {
      query
        .leftJoin(`${links.programme.table} as lg`, `lg.${links.programme.owner}`, `${alias}.id`)
        .leftJoin(`${programme.table} as g`, 'g.id', `lg.${links.programme.target}`)
        .select(codedColumns('g', 'programme', programme));
    }
    return query;
  }

  /** A person's full name through a link (`alias` is the item). */
  function withOwner(query: Knex.QueryBuilder, alias: string, link: { table: string; owner: string; target: string }) {
    const { person } = t();
    return query
      .leftJoin(`${link.table} as lo`, `lo.${link.owner}`, `${alias}.id`)
      .leftJoin(`${person.table} as o`, 'o.id', `lo.${link.target}`)
      .select({ owner: `o.${person.fullName}` });
  }

  return {
    /** Every project in scope: state, reporting facts and manager. */
    projects(scope: Scope): Knex.QueryBuilder {
      const { project: p, person } = t();
      return knex()(`${p.table} as p`)
        .whereIn('p.id', scope.projects())
        .leftJoin(`${p.manager.table} as pm`, `pm.${p.manager.owner}`, 'p.id')
        .leftJoin(`${person.table} as m`, 'm.id', `pm.${p.manager.target}`)
        .select({
          id: 'p.id',
          document_id: `p.${p.documentId}`,
          code: `p.${p.code}`,
          name: `p.${p.name}`,
          state: `p.${p.state}`,
          cadence: `p.${p.cadence}`,
          start_date: `p.${p.startDate}`,
          created_at: `p.${p.createdAt}`,
          manager: `m.${person.fullName}`,
        })
        .orderBy([{ column: `p.${p.code}` }, { column: 'p.id' }]);
    },

    /** Each project's latest status report on or before `day`: its overall RAG and date. */
    latestReports(scope: Scope, day: string, readable: Readable): Knex.QueryBuilder {
      return latestStatusReports(strapi, knex(), {
        onOrBefore: day,
        columns: { overall: 'ragOverall', as_of: 'asOf' },
        narrow: (query, projectColumn) => {
          query.whereIn(projectColumn, scope.projects());
          narrowReadable(query, 's.id', readable);
        },
      });
    },

    /** Open risks in scope counted by probability and impact (their current score). */
    heatmap(scope: Scope, readable: Readable): Knex.QueryBuilder {
      const { risk: r } = t();
      const query = knex()(`${r.table} as r`)
        .leftJoin(`${r.project.table} as rp`, `rp.${r.project.owner}`, 'r.id')
        .leftJoin(`${r.programme.table} as rg`, `rg.${r.programme.owner}`, 'r.id')
        .where(`r.${r.status}`, 'open');
      placedIn(query, `rp.${r.project.target}`, `rg.${r.programme.target}`, scope);
      narrowReadable(query, 'r.id', readable);
      return query
        .select({ probability: `r.${r.probability}`, impact: `r.${r.impact}` })
        .count({ count: '*' })
        .groupBy(`r.${r.probability}`, `r.${r.impact}`);
    },

    /** Open critical issues raised on or before `day`. */
    criticalIssues(scope: Scope, day: string, readable: Readable): Knex.QueryBuilder {
      const { issue: i } = t();
      const query = knex()(`${i.table} as i`)
        .where(`i.${i.status}`, 'open')
        .where(`i.${i.priority}`, 'critical')
        .where(`i.${i.raisedOn}`, '<=', day);
      withPlace(query, 'i', i);
      withOwner(query, 'i', i.owner);
      placedIn(query, `lp.${i.project.target}`, `lg.${i.programme.target}`, scope);
      narrowReadable(query, 'i.id', readable);
      return query.select({
        document_id: `i.${i.documentId}`,
        title: `i.${i.title}`,
        raised_on: `i.${i.raisedOn}`,
        target_date: `i.${i.targetDate}`,
      });
    },

    /** Documents in force whose next review was due before `day`. */
    overdueDocuments(scope: Scope, day: string, readable: Readable): Knex.QueryBuilder {
      const { document: d } = t();
      const query = knex()(`${d.table} as d`)
        .where(`d.${d.nextReviewDue}`, '<', day)
        .where((status) => status.whereNull(`d.${d.status}`).orWhereNot(`d.${d.status}`, 'superseded'));
      withPlace(query, 'd', d);
      withOwner(query, 'd', d.owner);
      placedIn(query, `lp.${d.project.target}`, `lg.${d.programme.target}`, scope);
      narrowReadable(query, 'd.id', readable);
      return query.select({ document_id: `d.${d.documentId}`, title: `d.${d.title}`, due_date: `d.${d.nextReviewDue}` });
    },

    /** Gate conditions not done whose due date is before `day`, of projects in scope. */
    overdueConditions(scope: Scope, day: string): Knex.QueryBuilder {
      const { condition: c, review: v, project } = t();
      const query = knex()(`${c.table} as c`)
        .where(`c.${c.dueDate}`, '<', day)
        .where((done) => done.whereNull(`c.${c.done}`).orWhere(`c.${c.done}`, false))
        .join(`${c.review.table} as cr`, `cr.${c.review.owner}`, 'c.id')
        .join(`${v.table} as v`, 'v.id', `cr.${c.review.target}`)
        .join(`${v.project.table} as lp`, `lp.${v.project.owner}`, 'v.id')
        .join(`${project.table} as p`, 'p.id', `lp.${v.project.target}`)
        .whereIn('p.id', scope.projects())
        .select(codedColumns('p', 'project', project));
      withOwner(query, 'c', c.owner);
      return query.select({ document_id: `c.${c.documentId}`, text: `c.${c.text}`, due_date: `c.${c.dueDate}`, review: `v.${v.documentId}` });
    },

    /** Gate reviews not yet decided, scheduled from `from` to `to` (both included), of projects in scope. */
    upcomingReviews(scope: Scope, from: string, to: string): Knex.QueryBuilder {
      const { review: v, project } = t();
      return knex()(`${v.table} as v`)
        .whereNull(`v.${v.decision}`)
        .whereBetween(`v.${v.scheduledDate}`, [from, to])
        .join(`${v.project.table} as lp`, `lp.${v.project.owner}`, 'v.id')
        .join(`${project.table} as p`, 'p.id', `lp.${v.project.target}`)
        .whereIn('p.id', scope.projects())
        .select(codedColumns('p', 'project', project))
        .select({ document_id: `v.${v.documentId}`, gate: `v.${v.gate}`, scheduled_date: `v.${v.scheduledDate}` });
    },

    /** Dependencies still open (or flagged late) needed before `day`, either of whose projects is in scope. */
    lateDependencies(scope: Scope, day: string, readable: Readable): Knex.QueryBuilder {
      const { dependency: d, project } = t();
      const query = knex()(`${d.table} as d`)
        .whereIn(`d.${d.status}`, ['open', 'late'])
        .where(`d.${d.needBy}`, '<', day)
        .leftJoin(`${d.from.table} as lf`, `lf.${d.from.owner}`, 'd.id')
        .leftJoin(`${project.table} as f`, 'f.id', `lf.${d.from.target}`)
        .leftJoin(`${d.to.table} as lt`, `lt.${d.to.owner}`, 'd.id')
        .leftJoin(`${project.table} as n`, 'n.id', `lt.${d.to.target}`)
        .where((side) => side.whereIn('f.id', scope.projects()).orWhereIn('n.id', scope.projects()));
      narrowReadable(query, 'd.id', readable);
      return query
        .select(codedColumns('f', 'from', project), codedColumns('n', 'to', project))
        .select({ document_id: `d.${d.documentId}`, description: `d.${d.description}`, need_by: `d.${d.needBy}`, status: `d.${d.status}` });
    },
  };
}

export type DashboardQueries = ReturnType<typeof createDashboardQueries>;

/** The lifecycle states whose projects report status (governance chases the same). */
export const REPORTING_STATES: readonly string[] = RUNNING_STATES;

export type { Ids };
