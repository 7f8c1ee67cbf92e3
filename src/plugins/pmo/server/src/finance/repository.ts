/**
 * Finance's database access: set-based SQL through knex. Sums are done by the database (SUM …
 * GROUP BY), never by loading budget lines or cost entries into JavaScript. Table and column
 * names come from Strapi's metadata, so renaming an attribute does not break a query.
 *
 * Costs are read from the totals the database keeps per project, month and day (cost-totals.ts),
 * not from every entry. Money is read as text so every minor unit stays exact: sums through
 * `sumMinor` and `sumParts` (exact at any size on both databases, see platform/money-sql.ts),
 * single amounts as `CAST(… AS TEXT)` (better-sqlite3 reads integers as doubles).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { BUDGET_CATEGORIES } from '../../../shared/contracts/finance';
import type { CodedRef } from '../../../shared/contracts/refs';
import { errors } from '../platform/errors';
import { sumMinor, sumParts } from '../platform/money-sql';
import { BUDGET_PARTS, budgetToDate } from './budget-totals';
import { costEntriesPerMonth, costPartsUpTo, costToDate } from './cost-totals';
import {
  BUDGET_LINE_UID,
  CHANGE_REQUEST_UID,
  COST_ENTRY_UID,
  PORTFOLIO_UID,
  PROGRAMME_UID,
  PROJECT_UID,
} from '../../../shared/contracts/uids';
import { bacLines, budgetLines, columnsOf, latestStatusReports } from '../platform/db';
import type { BudgetCell } from './budget-outline';
import { formatIsoDate, monthStart, nextDay, nextMonthStart, type CalendarDate } from '../platform/dates';
import type { SCurveFacts } from './s-curve';
import type { PlannedMonth } from './earned-schedule';
import { createRollUpSql } from './rollup-sql';

const UID = {
  project: PROJECT_UID,
  programme: PROGRAMME_UID,
  portfolio: PORTFOLIO_UID,
  budgetLine: BUDGET_LINE_UID,
  costEntry: COST_ENTRY_UID,
  changeRequest: CHANGE_REQUEST_UID,
} as const;

/**
 * Which projects a query covers; every key given narrows it (none: every project). `projectIn`
 * makes a subquery of project ids (called once per use, so each query gets its own): another
 * capability's scope, e.g. the dashboard's projects of a manager the caller may read.
 */
export type ProjectFilter = {
  projectId?: number;
  /** These projects (a roll-up's page). */
  projectIds?: readonly number[];
  programmeId?: number;
  portfolioId?: number;
  projectIn?: () => Knex.QueryBuilder;
};

/** Inclusive date bounds of an export. */
export type DateRange = { from?: CalendarDate; to?: CalendarDate };

export type NamedEntity = { id: number; documentId: string; code: string; name: string };

/** A project, programme or portfolio as an answer names it. */
export const codedRef = ({ documentId, code, name }: NamedEntity): CodedRef => ({ documentId, code, name });

/** One project's sums as of a date, as the database answers them (money as text). */
export type ProjectFactsRow = {
  id: number;
  document_id: string;
  code: string;
  name: string;
  programme_code: string | null;
  bac: string;
  planned_before_month: string;
  planned_in_month: string;
  actual_cost: string;
  percent_complete: number | null;
};

function resolveTables(strapi: Core.Strapi) {
  const project = columnsOf(strapi, UID.project);
  const programme = columnsOf(strapi, UID.programme);
  const budgetLine = columnsOf(strapi, UID.budgetLine);
  const costEntry = columnsOf(strapi, UID.costEntry);
  const changeRequest = columnsOf(strapi, UID.changeRequest);
  const impactJoin = changeRequest.meta.attributes.impact.joinTable;
  // Component links are keyed by the attribute's name in a `field` column: { field: 'impact' }.
  const [impactFieldColumn, impactFieldValue] = Object.entries(impactJoin.on ?? { field: 'impact' })[0] as [string, string];
  const impact = columnsOf(strapi, (strapi.getModel(UID.changeRequest as never) as any).attributes.impact.component);
  return {
    project: {
      table: project.table,
      documentId: project.column('documentId'),
      code: project.column('code'),
      name: project.column('name'),
      startDate: project.column('startDate'),
      endDate: project.column('endDate'),
    },
    projectProgramme: project.link('programme'),
    programme: { table: programme.table, documentId: programme.column('documentId'), code: programme.column('code'), name: programme.column('name') },
    programmePortfolio: programme.link('portfolio'),
    budgetLine: {
      table: budgetLine.table,
      period: budgetLine.column('period'),
      category: budgetLine.column('category'),
      amount: budgetLine.column('amount'),
      project: budgetLine.link('project'),
    },
    costEntry: {
      table: costEntry.table,
      date: costEntry.column('date'),
      category: costEntry.column('category'),
      amount: costEntry.column('amount'),
      supplier: costEntry.column('supplier'),
      reference: costEntry.column('reference'),
      project: costEntry.link('project'),
    },
    changeRequest: {
      table: changeRequest.table,
      reference: changeRequest.column('reference'),
      title: changeRequest.column('title'),
      type: changeRequest.column('type'),
      state: changeRequest.column('workflowState'),
      decision: changeRequest.column('decision'),
      decisionDate: changeRequest.column('decisionDate'),
      project: changeRequest.link('project'),
      impact: {
        links: impactJoin.name as string,
        entity: impactJoin.joinColumn.name as string,
        component: impactJoin.inverseJoinColumn.name as string,
        field: impactFieldColumn,
        fieldValue: impactFieldValue,
        table: impact.table,
        cost: impact.column('cost'),
        scheduleDays: impact.column('scheduleDays'),
      },
    },
  };
}

export type FinanceTables = ReturnType<typeof resolveTables>;

export function createFinanceRepository(strapi: Core.Strapi) {
  let resolved: FinanceTables | null = null;
  const tables = () => (resolved ??= resolveTables(strapi));
  const knex = () => strapi.db.connection as unknown as Knex;
  const isPostgres = () => strapi.db.dialect.client === 'postgres';

  /** Narrows `query` to the filter's projects, on the column holding a project id. */
  function filterProjects<Q extends Knex.QueryBuilder>(query: Q, projectColumn: string, filter: ProjectFilter): Q {
    const { projectProgramme, programmePortfolio } = tables();
    if (filter.projectId !== undefined) query.where(projectColumn, filter.projectId);
    if (filter.projectIds !== undefined) query.whereIn(projectColumn, filter.projectIds as number[]);
    if (filter.projectIn !== undefined) query.whereIn(projectColumn, filter.projectIn());
    if (filter.programmeId !== undefined) {
      query.whereIn(
        projectColumn,
        knex()(projectProgramme.table).select(projectProgramme.owner).where(projectProgramme.target, filter.programmeId)
      );
    }
    if (filter.portfolioId !== undefined) {
      query.whereIn(
        projectColumn,
        knex()(`${projectProgramme.table} as pp`)
          .join(`${programmePortfolio.table} as pf`, `pf.${programmePortfolio.owner}`, `pp.${projectProgramme.target}`)
          .select(`pp.${projectProgramme.owner}`)
          .where(`pf.${programmePortfolio.target}`, filter.portfolioId)
      );
    }
    return query;
  }

  async function findOne(uid: string, where: Record<string, unknown>): Promise<NamedEntity | null> {
    const found = await strapi.db.query(uid as never).findOne({ where, select: ['id', 'documentId', 'code', 'name'] });
    return (found as NamedEntity | null) ?? null;
  }

  /** `YYYY-MM` of a date column (bind the column to `??`). */
  const monthOf = () => (isPostgres() ? `to_char(??, 'YYYY-MM')` : 'substr(??, 1, 7)');

  /** Budget lines (`b`) whose period falls in the range's whole months (the month of `from` to that of `to`). */
  function inMonths<Q extends Knex.QueryBuilder>(query: Q, range: DateRange): Q {
    const { budgetLine: bl } = tables();
    if (range.from) query.where(`b.${bl.period}`, '>=', monthStart(range.from));
    if (range.to) query.where(`b.${bl.period}`, '<', nextMonthStart(range.to));
    return query;
  }

  /** The filter's costs dated on or before `asOf` from the cost totals (`x`: project_id, month and two parts; cost-totals.ts). */
  const costsUpTo = (filter: ProjectFilter, asOf: CalendarDate) =>
    knex().from(costPartsUpTo(knex(), asOf, (query, column) => filterProjects(query, column, filter)).as('x'));

  /** The filter's cost to date per project, from each project's total less what is dated after asOf (`x`: project_id and two parts; cost-totals.ts). */
  const costToDateOf = (filter: ProjectFilter, asOf: CalendarDate) =>
    knex().from(costToDate(knex(), asOf, (query, column) => filterProjects(query, column, filter)).as('x'));

  /** A sum from a left-joined subquery (already text, see sumMinor), "0" where it has no row. */
  const moneyText = (column: string, alias: string) => knex().raw("COALESCE(??, '0') AS ??", [column, alias]);

  /** A column (or its MIN or MAX) read as text, an amount exact and a date as written: `CAST(… AS TEXT) AS alias`. */
  const asText = (column: string, alias: string, aggregate?: 'MIN' | 'MAX') =>
    knex().raw(`CAST(${aggregate ? `${aggregate}(??)` : '??'} AS TEXT) AS ??`, [column, alias]);

  /** The column each cost-ledger cell reads, by its alias (see costLedger). */
  function costLedgerSources(): Record<string, string> {
    const { costEntry: ce, project: p } = tables();
    const c = (name: string) => `c.${name}`;
    return { date: c(ce.date), project_code: `p.${p.code}`, category: c(ce.category), amount: c(ce.amount), supplier: c(ce.supplier), reference: c(ce.reference) };
  }

  /** Joins each project (`p`) to its programme (`prg`, through `pp`), for the programme's code. */
  function withProgramme<Q extends Knex.QueryBuilder>(query: Q): Q {
    const { projectProgramme: pp, programme: prg } = tables();
    query.leftJoin(`${pp.table} as pp`, `pp.${pp.owner}`, 'p.id').leftJoin(`${prg.table} as prg`, 'prg.id', `pp.${pp.target}`);
    return query;
  }

  /**
   * The filter's budget as of asOf from the budget totals (`x`: `project_id` and the two parts of
   * `bac`, `before_month`, PV's months before asOf's in full, and `in_month`, asOf's own month pro
   * rata; budget-totals.ts), to add up with sumParts.
   */
  const budgetParts = (filter: ProjectFilter, asOf: CalendarDate) =>
    knex().from(budgetToDate(knex(), asOf, (query, column) => filterProjects(query, column, filter)).as('x'));

  /** sumParts of each budget sum of `x` (budgetParts), under its own name. */
  const budgetSums = (k: Knex) => BUDGET_PARTS.map((name) => sumParts(k, `x.${name}_high`, `x.${name}_low`, name));

  /** Each of the filter's projects' latest status report on or before asOf (same day: the last entered): `project_id`, `percent_complete`. */
  const progressAsOf = (filter: ProjectFilter, asOf: CalendarDate) =>
    latestStatusReports(strapi, knex(), {
      onOrBefore: formatIsoDate(asOf),
      columns: { percent_complete: 'percentComplete' },
      narrow: (query, projectColumn) => filterProjects(query, projectColumn, filter),
    });

  return {
    ...createRollUpSql({ knex, tables, filterProjects, budgetParts, budgetSums, progressAsOf, costToDate: costToDateOf }),
    /** The currency every amount is in (the plugin's configuration). */
    currency: () => (strapi.config.get('plugin::pmo') as { currency: string }).currency,
    /** The project, programme or portfolio a route names by documentId; a 404 when there is none. */
    async subject(level: 'project' | 'programme' | 'portfolio', documentId: string): Promise<NamedEntity> {
      const found = await findOne(UID[level], { documentId });
      if (!found) throw new errors.NotFoundError(`There is no such ${level} (it may have been deleted)`);
      return found;
    },
    /** A project or programme by its code or its documentId (exports accept either). */
    findProjectByKey: (key: string) => findOne(UID.project, { $or: [{ code: key }, { documentId: key }] }),
    findProgrammeByKey: (key: string) => findOne(UID.programme, { $or: [{ code: key }, { documentId: key }] }),

    /**
     * One row per project: BAC, the two parts of PV, AC and the latest percent complete as of
     * `asOf`, each summed by the database per project. Ordered by project code.
     */
    projectFacts(filter: ProjectFilter, asOf: CalendarDate): Knex.QueryBuilder {
      const k = knex();

      // BAC and the two parts of PV per project, from the budget totals.
      const budget = budgetParts(filter, asOf).groupBy('x.project_id').select('x.project_id').select(budgetSums(k));

      const costs = costToDateOf(filter, asOf)
        .groupBy('x.project_id')
        .select('x.project_id')
        .select(sumParts(k, 'x.amount_high', 'x.amount_low', 'actual_cost'));

      const progress = progressAsOf(filter, asOf);

      const { project: p, programme: prg } = tables();
      return withProgramme(filterProjects(k(`${p.table} as p`), 'p.id', filter))
        .leftJoin(budget.as('b'), 'b.project_id', 'p.id')
        .leftJoin(costs.as('c'), 'c.project_id', 'p.id')
        .leftJoin(progress.as('s'), 's.project_id', 'p.id')
        .select({
          id: 'p.id',
          document_id: `p.${p.documentId}`,
          code: `p.${p.code}`,
          name: `p.${p.name}`,
          programme_code: `prg.${prg.code}`,
          percent_complete: 's.percent_complete',
        })
        .select(
          moneyText('b.bac', 'bac'),
          moneyText('b.before_month', 'planned_before_month'),
          moneyText('b.in_month', 'planned_in_month'),
          moneyText('c.actual_cost', 'actual_cost')
        )
        .orderBy([{ column: `p.${p.code}` }, { column: 'p.id' }]);
    },

    /**
     * Budget outline: one row per project, month and category, summed by the database, with
     * columns in the report's order: project_code, programme_code, period (YYYY-MM), category,
     * amount. `from`/`to` bound the budget lines' period.
     */
    budgetOutline(filter: ProjectFilter, range: DateRange): Knex.QueryBuilder {
      const k = knex();
      const { budgetLine: bl, project: p, programme: prg } = tables();
      const month = monthOf();
      const monthBinding = [`b.${bl.period}`];
      const categoryOrder = `CASE ?? ${BUDGET_CATEGORIES.map((_, i) => `WHEN ? THEN ${i}`).join(' ')} ELSE ${BUDGET_CATEGORIES.length} END`;
      const categoryBindings = [`b.${bl.category}`, ...BUDGET_CATEGORIES];
      const query = withProgramme(
        k(`${bl.table} as b`)
          .leftJoin(`${bl.project.table} as bp`, `bp.${bl.project.owner}`, 'b.id')
          .leftJoin(`${p.table} as p`, 'p.id', `bp.${bl.project.target}`)
      );
      filterProjects(query, `bp.${bl.project.target}`, filter);
      return inMonths(query, range)
        .select({ project_code: `p.${p.code}`, programme_code: `prg.${prg.code}` })
        .select(k.raw(`${month} AS budget_month`, monthBinding), { category: `b.${bl.category}` })
        .select(sumMinor(k, `b.${bl.amount}`, 'amount'))
        .groupBy('p.id', `p.${p.code}`, `prg.${prg.code}`, `b.${bl.category}`)
        .groupByRaw(month, monthBinding)
        .orderBy([{ column: `p.${p.code}` }, { column: 'p.id' }])
        .orderByRaw(month, monthBinding)
        .orderByRaw(categoryOrder, categoryBindings);
    },

    /**
     * What the S-curve of the filter's projects needs (see s-curve.ts), one aggregate query per
     * concern: budget per project and month (management reserve left out), costs per month up
     * to asOf, each project's latest percent complete per month up to asOf, and the projects'
     * earliest start and latest end.
     */
    async sCurveFacts(filter: ProjectFilter, asOf: CalendarDate): Promise<SCurveFacts> {
      const k = knex();
      const { project: p } = tables();
      const month = monthOf();

      const bac = bacLines(strapi, k);
      const planned = filterProjects(bac.query, bac.projectColumn, filter)
        .select({ project_id: bac.projectColumn })
        .select(k.raw(`${month} AS budget_month`, [bac.periodColumn]), sumMinor(k, bac.amountColumn, 'amount'))
        .groupBy(bac.projectColumn)
        .groupByRaw(month, [bac.periodColumn]);

      const costs = costsUpTo(filter, asOf)
        .select({ cost_month: 'x.month' }, sumParts(k, 'x.amount_high', 'x.amount_low', 'amount'))
        .groupBy('x.month');

      // Per project and month, the month's latest report (same day: the last one entered).
      const progress = latestStatusReports(strapi, k, {
        onOrBefore: formatIsoDate(asOf),
        columns: { percent_complete: 'percentComplete' },
        narrow: (query, projectColumn) => filterProjects(query, projectColumn, filter),
        perMonth: month,
      });

      const span = filterProjects(k(`${p.table} as p`), 'p.id', filter).select(
        asText(`p.${p.startDate}`, 'start_date', 'MIN'),
        asText(`p.${p.endDate}`, 'end_date', 'MAX')
      );

      const [plannedRows, costRows, progressRows, spanRows] = await Promise.all([planned, costs, progress, span]);
      const dateText = (value: unknown) => (value === null || value === undefined ? null : String(value).slice(0, 10));
      return {
        planned: plannedRows.map((r: any) => ({ projectId: Number(r.project_id), month: r.budget_month, amount: BigInt(r.amount) })),
        costs: costRows.map((r: any) => ({ month: r.cost_month, amount: BigInt(r.amount) })),
        progress: progressRows
          .filter((r: any) => r.percent_complete !== null)
          .map((r: any) => ({ projectId: Number(r.project_id), month: r.report_month, percentComplete: Number(r.percent_complete) })),
        span: { start: dateText(spanRows[0]?.start_date), end: dateText(spanRows[0]?.end_date) },
      };
    },

    /** The filter's budget per month (`YYYY-MM`), management reserve left out: the earned-schedule PV curve. */
    async plannedByMonth(filter: ProjectFilter): Promise<PlannedMonth[]> {
      const k = knex();
      const month = monthOf();
      const bac = bacLines(strapi, k);
      const rows = await filterProjects(bac.query, bac.projectColumn, filter)
        .select(k.raw(`${month} AS budget_month`, [bac.periodColumn]), sumMinor(k, bac.amountColumn, 'amount'))
        .groupByRaw(month, [bac.periodColumn]);
      return rows.map((r: any) => ({ month: r.budget_month, amount: BigInt(r.amount) }));
    },

    /**
     * The budget outline's grid: one row per month and category of the filter's budget lines,
     * summed by the database (management reserve included: the outline shows it apart).
     */
    async budgetGrid(filter: ProjectFilter, range: DateRange): Promise<BudgetCell[]> {
      const k = knex();
      const month = monthOf();
      const lines = budgetLines(strapi, k);
      const rows = await inMonths(filterProjects(lines.query, lines.projectColumn, filter), range)
        .select(k.raw(`${month} AS budget_month`, [lines.periodColumn]), { category: lines.categoryColumn })
        .select(sumMinor(k, lines.amountColumn, 'amount'))
        .groupBy(lines.categoryColumn)
        .groupByRaw(month, [lines.periodColumn]);
      return rows.map((r: any) => ({ month: r.budget_month, category: r.category, amount: BigInt(r.amount) }));
    },

    /**
     * Cost ledger: one row per cost entry, oldest first, columns in the report's order: date,
     * project_code, category, amount, supplier, reference. `from`/`to` bound the entry date.
     */
    costLedger(filter: ProjectFilter, range: DateRange): Knex.QueryBuilder {
      const k = knex();
      const { costEntry: ce, project: p } = tables();
      const column = costLedgerSources();
      const query = k(`${ce.table} as c`)
        .leftJoin(`${ce.project.table} as cp`, `cp.${ce.project.owner}`, 'c.id')
        .leftJoin(`${p.table} as p`, 'p.id', `cp.${ce.project.target}`);
      filterProjects(query, `cp.${ce.project.target}`, filter);
      if (range.from) query.where(`c.${ce.date}`, '>=', formatIsoDate(range.from));
      if (range.to) query.where(`c.${ce.date}`, '<=', formatIsoDate(range.to));
      return query
        .select(asText(column.date, 'date'), { project_code: column.project_code, category: column.category })
        .select(asText(column.amount, 'amount'), { supplier: column.supplier, reference: column.reference })
        .orderBy([{ column: `c.${ce.date}` }, { column: 'c.id' }]);
    },

    /** The column each cost-ledger cell reads, by its alias (SQLite's line export reads them directly). */
    costLedgerSources,
    /** The filter's cost entries per month in the range, from the cost totals (where an export may be cut). */
    costEntriesPerMonth: (filter: ProjectFilter, range: DateRange) => costEntriesPerMonth(knex(), (query, column) => filterProjects(query, column, filter), range),

    /**
     * Change log: one row per change request, in the order raised, columns in the report's
     * order: reference, project_code, title, type, state, cost_impact, schedule_days, decision,
     * decision_date (a datetime; the export writes its UTC day). `from`/`to` bound the decision
     * date, UTC days inclusive.
     */
    changeLog(filter: ProjectFilter, range: DateRange): Knex.QueryBuilder {
      const k = knex();
      const { changeRequest: cr, project: p } = tables();
      const impact = cr.impact;
      // Strapi stores datetimes as timestamps on PostgreSQL and epoch milliseconds on SQLite.
      const instant = (day: string) => (isPostgres() ? new Date(`${day}T00:00:00.000Z`) : Date.parse(`${day}T00:00:00.000Z`));
      const query = k(`${cr.table} as cr`)
        .leftJoin(`${cr.project.table} as crp`, `crp.${cr.project.owner}`, 'cr.id')
        .leftJoin(`${p.table} as p`, 'p.id', `crp.${cr.project.target}`)
        .leftJoin(`${impact.links} as cc`, (on) =>
          on.on(`cc.${impact.entity}`, '=', 'cr.id').andOn(`cc.${impact.field}`, '=', k.raw('?', [impact.fieldValue]))
        )
        .leftJoin(`${impact.table} as i`, 'i.id', `cc.${impact.component}`);
      filterProjects(query, `crp.${cr.project.target}`, filter);
      if (range.from) query.where(`cr.${cr.decisionDate}`, '>=', instant(formatIsoDate(range.from)) as never);
      if (range.to) query.where(`cr.${cr.decisionDate}`, '<', instant(nextDay(range.to)) as never);
      return query
        .select({ reference: `cr.${cr.reference}`, project_code: `p.${p.code}`, title: `cr.${cr.title}`, type: `cr.${cr.type}`, state: `cr.${cr.state}` })
        .select(asText(`i.${impact.cost}`, 'cost_impact'))
        .select({ schedule_days: `i.${impact.scheduleDays}`, decision: `cr.${cr.decision}`, decision_date: `cr.${cr.decisionDate}` })
        .orderBy('cr.id');
    },
  };
}

export type FinanceRepository = ReturnType<typeof createFinanceRepository>;
