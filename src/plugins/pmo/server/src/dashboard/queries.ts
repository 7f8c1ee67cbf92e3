/**
 * The dashboard's set-based queries: each one reads one section for every project in scope at
 * once (never a query per project), narrowed by the scope's subqueries and the caller's read
 * conditions. Rows come back raw; figures.ts turns them into the answer.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { REPORT_GRACE_DAYS, RUNNING_STATES } from '../../../shared/contracts/governance';
import { addDays } from '../platform/dates';
import { latestStatusReports, type Link } from '../platform/db';
import { PERIOD_DAYS, SHORTEST_MONTH_DAYS } from '../platform/reporting';
import type { Ids, Readable, Scope } from './scope';
import { dashboardTables } from './tables';

export type Row = Record<string, any>;

/** One key of a list's order: ascending unless `desc`; `nullsLast` puts empty values last on both databases. */
type Order = { column: string; desc?: boolean; nullsLast?: boolean };

/** How many of a list's rows to read: a number, or null for every one (the workbook). */
export type Limit = number | null;

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

  /**
   * Only the links to a project in scope. For every project, any link to a project: a link's
   * target is a project or nothing, since the foreign key (enforced on both databases) deletes a
   * link with its project, so the join with the whole project table would change no answer.
   */
  const linkedInScope = (query: Knex.QueryBuilder, targetColumn: string, scope: Scope) =>
    scope.all ? query.whereNotNull(targetColumn) : query.whereIn(targetColumn, scope.projects());

  /** Only the items the caller may read, when the role reads some of them. */
  const narrowReadable = (query: Knex.QueryBuilder, column: string, readable: Readable) => {
    if (readable.can && readable.only) query.whereIn(column, readable.only());
    return query;
  };

  /**
   * The items of `table` (as `alias`) held by a project in scope, or, with no project, by a
   * programme in scope, each row made by `select` (which also filters the items): one part per
   * placement, each reached from its link table, so a narrow scope reads its own items only and
   * no item is joined to links it does not need. "No project" is no link to a project, as a left
   * join's null was.
   */
  function placed(table: string, alias: string, links: { project: Link; programme: Link }, scope: Scope, select: (query: Knex.QueryBuilder) => void) {
    const part = (link: Link, as: string) => {
      const query = knex()(`${link.table} as ${as}`).join(`${table} as ${alias}`, `${alias}.id`, `${as}.${link.owner}`);
      select(query);
      return query;
    };
    const { project, programme } = links;
    const items = linkedInScope(part(project, 'lp'), `lp.${project.target}`, scope);
    const programmes = scope.programmes;
    if (programmes) {
      const noProject = knex()(`${project.table} as lq`)
        .where(`lq.${project.owner}`, knex().ref(`${alias}.id`))
        .whereNotNull(`lq.${project.target}`)
        .select(knex().raw('1'));
      items.unionAll(part(programme, 'lg').whereIn(`lg.${programme.target}`, programmes()).whereNotExists(noProject));
    }
    return items;
  }

  /** Joins an item's project (`p`, through `lp`) and programme (`g`, through `lg`), and selects their refs. */
  function withPlace(query: Knex.QueryBuilder, alias: string, links: { project: Link; programme: Link }) {
    const { project, programme } = t();
    return query
      .leftJoin(`${links.project.table} as lp`, `lp.${links.project.owner}`, `${alias}.id`)
      .leftJoin(`${project.table} as p`, 'p.id', `lp.${links.project.target}`)
      .leftJoin(`${links.programme.table} as lg`, `lg.${links.programme.owner}`, `${alias}.id`)
      .leftJoin(`${programme.table} as g`, 'g.id', `lg.${links.programme.target}`)
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
      narrow: (query, projectColumn, reportColumn) => {
        inScope(query, projectColumn, scope);
        narrowReadable(query, reportColumn, readable);
      },
    });
  }

  /** Selects the item's id and the columns of a list's `order` as `k0`, `k1`…: what `firstOf` reads. */
  function keyed(query: Knex.QueryBuilder, alias: string, order: Order[]) {
    query.select({ id: `${alias}.id` });
    order.forEach(({ column }, index) => query.select({ [`k${index}`]: column }));
    return query;
  }

  /**
   * A list's first `limit` rows in `order` (every row when null), each with the count of all of
   * them as `total_count`, read limit-first: `narrow` (the items, filtered, with only the joins
   * their filters need, `keyed`) is ordered and cut, the count a window over all of it (counted
   * before the limit); then `named` joins names, owners and places to the rows kept only (`f`:
   * the narrow row, `alias`: the item of `table` again), in the same order.
   */
  function firstOf(narrow: Knex.QueryBuilder, order: Order[], limit: Limit, table: string, alias: string, named: (query: Knex.QueryBuilder) => void) {
    const keys = (prefix: string) => order.map((key, index) => ({ ...key, column: `${prefix}.k${index}` }));
    const first = knex().from(narrow.as('u')).select('u.*', knex().raw('COUNT(*) OVER () AS total_count'));
    orderBy(first, keys('u'));
    if (limit !== null) first.limit(limit);
    const query = knex().from(first.as('f')).join(`${table} as ${alias}`, `${alias}.id`, 'f.id').select('f.total_count');
    named(query);
    return orderBy(query, keys('f'));
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

    /**
     * The projects in scope that report status (a running state) and may be late on `day`, with
     * what their lateness is reckoned from: the last report on or before `day` that the caller may
     * read (`last_report`, `YYYY-MM-DD`), else the start, else the day the project was created.
     * Those certainly not late are left out by the database: a report is late no earlier than one
     * period (its days, and for a calendar month at least its shortest) and the grace days after
     * it, so a project whose last report or start is as recent as that is not (figures.ts
     * `lateReports` decides the rest exactly). An unknown cadence is given the shortest period.
     */
    lateCandidates(scope: Scope, day: string, readable: Readable): Knex.QueryBuilder {
      const { project: p } = t();
      const k = knex();
      const since = `COALESCE(l.as_of, p.${p.startDate})`;
      const before = (days: number) => addDays(day, -(days + REPORT_GRACE_DAYS));
      const bounds = { ...PERIOD_DAYS, monthly: SHORTEST_MONTH_DAYS } as Record<string, number>;
      const shortest = Math.min(...Object.values(bounds));
      return inScope(k(`${p.table} as p`), 'p.id', scope)
        .whereIn(`p.${p.state}`, REPORTING_STATES as string[])
        .leftJoin(latestReports(scope, day, readable).as('l'), 'l.project_id', 'p.id')
        .where((late) => {
          late.whereRaw(`${since} IS NULL`);
          for (const [cadence, days] of Object.entries(bounds)) late.orWhere((w) => w.where(`p.${p.cadence}`, cadence).whereRaw(`${since} < ?`, [before(days)]));
          late.orWhere((w) =>
            w.where((other) => other.whereNull(`p.${p.cadence}`).orWhereNotIn(`p.${p.cadence}`, Object.keys(bounds))).whereRaw(`${since} < ?`, [before(shortest)])
          );
        })
        .select({
          id: 'p.id',
          code: `p.${p.code}`,
          cadence: `p.${p.cadence}`,
        })
        // Days as the database writes them (`YYYY-MM-DD`), not parsed into dates and back; the
        // creation time only where it is what lateness is reckoned from.
        .select(
          k.raw('CAST(?? AS TEXT) AS ??', ['l.as_of', 'last_report']),
          k.raw('CAST(?? AS TEXT) AS ??', [`p.${p.startDate}`, 'start_date']),
          k.raw(`CASE WHEN ${since} IS NULL THEN ?? END AS ??`, [`p.${p.createdAt}`, 'created_at'])
        );
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
      const risks = placed(r.table, 'r', r, scope, (query) => {
        query.where(`r.${r.status}`, 'open').select({ probability: `r.${r.probability}`, impact: `r.${r.impact}` });
        narrowReadable(query, 'r.id', readable);
      });
      return knex()
        .from(risks.as('h'))
        .select('h.probability', 'h.impact')
        .count({ count: '*' })
        .groupBy('h.probability', 'h.impact');
    },

    /** Open critical issues raised on or before `day`: earliest target date first (none last), then raised on, then title. */
    criticalIssues(scope: Scope, day: string, readable: Readable, limit: Limit): Knex.QueryBuilder {
      const { issue: i } = t();
      const order = [{ column: `i.${i.targetDate}`, nullsLast: true }, { column: `i.${i.raisedOn}` }, { column: `i.${i.title}` }, { column: 'i.id' }];
      const issues = placed(i.table, 'i', i, scope, (query) => {
        query.where(`i.${i.status}`, 'open').where(`i.${i.priority}`, 'critical').where(`i.${i.raisedOn}`, '<=', day);
        narrowReadable(query, 'i.id', readable);
        keyed(query, 'i', order);
      });
      return firstOf(issues, order, limit, i.table, 'i', (query) => {
        withPlace(query, 'i', i);
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
      const order = [{ column: `d.${d.nextReviewDue}` }, { column: `d.${d.title}` }, { column: 'd.id' }];
      const documents = placed(d.table, 'd', d, scope, (query) => {
        query.where(`d.${d.nextReviewDue}`, '<', day).where((status) => status.whereNull(`d.${d.status}`).orWhereNot(`d.${d.status}`, 'superseded'));
        narrowReadable(query, 'd.id', readable);
        keyed(query, 'd', order);
      });
      return firstOf(documents, order, limit, d.table, 'd', (query) => {
        withPlace(query, 'd', d);
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
        .select({ project_id: 'p.id', review: `v.${v.documentId}` });
      inScope(narrow, 'p.id', scope);
      const order = [{ column: `c.${c.dueDate}` }, { column: `c.${c.text}` }, { column: 'c.id' }];
      return firstOf(keyed(narrow, 'c', order), order, limit, c.table, 'c', (query) => {
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
        .select({ project_id: 'p.id' });
      inScope(narrow, 'p.id', scope);
      const order = [{ column: `v.${v.scheduledDate}` }, { column: `v.${v.gate}` }, { column: `p.${project.name}` }, { column: 'v.id' }];
      return firstOf(keyed(narrow, 'v', order), order, limit, v.table, 'v', (query) => {
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
        .where((side) => side.where((from) => linkedInScope(from, `lf.${d.from.target}`, scope)).orWhere((to) => linkedInScope(to, `lt.${d.to.target}`, scope)))
        .select({ from_id: `lf.${d.from.target}`, to_id: `lt.${d.to.target}` });
      narrowReadable(narrow, 'd.id', readable);
      const order = [{ column: `d.${d.needBy}` }, { column: `d.${d.description}` }, { column: 'd.id' }];
      return firstOf(keyed(narrow, 'd', order), order, limit, d.table, 'd', (query) => {
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
