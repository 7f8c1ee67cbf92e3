/**
 * The SQL of a programme's or portfolio's roll-up (evm.ts): its totals over every project,
 * summed exactly by the database without one row per project, and one page of its projects.
 *
 * Totals: the budget totals of all the projects (budget-totals.ts) grouped by their project's
 * latest percent complete (at most 102 groups: 0 to 100 and none), each group's BAC and two parts
 * of PV summed exactly, and the actual cost from the cost totals (both with sumParts). earned-value.ts
 * `rollUpBaseline` turns them into the four sums with one division each, equal to adding every
 * project's figures (tests/api/finance-rollup.test.ts checks it on random data). A page: the
 * projects' ids in the order asked, then their own figures (repository.projectFacts). A
 * portfolio's programmes: the same sums grouped by programme too.
 */
import type { Knex } from 'knex';
import type { RollUpSort } from '../../../shared/contracts/finance';
import { sumParts } from '../platform/money-sql';
import type { CalendarDate } from '../platform/dates';
import type { ProgressGroup } from './earned-value';
import type { FinanceTables, ProjectFilter } from './repository';

/** What the repository lends: its tables, its project filter and the parts its own queries are built from. */
export type RollUpParts = {
  knex: () => Knex;
  tables: () => FinanceTables;
  filterProjects: <Q extends Knex.QueryBuilder>(query: Q, projectColumn: string, filter: ProjectFilter) => Q;
  budgetParts: (filter: ProjectFilter, asOf: CalendarDate) => Knex.QueryBuilder;
  budgetSums: (knex: Knex) => Knex.Raw[];
  progressAsOf: (filter: ProjectFilter, asOf: CalendarDate) => Knex.QueryBuilder;
  costToDate: (filter: ProjectFilter, asOf: CalendarDate) => Knex.QueryBuilder;
};

/** A roll-up's sums as the database answers them: by percent complete, and the actual cost. */
export type RollUpTotals = { groups: ProgressGroup[]; actualCost: bigint };

/** A programme of a portfolio (its row) and its roll-up's sums. */
export type ProgrammeTotals = { programme: { id: number; documentId: string; code: string; name: string }; totals: RollUpTotals };

/** A page of a roll-up's projects: which page (from 1), how many a page, in which order. */
export type RollUpPaging = { page: number; pageSize: number; sort: RollUpSort };

/** One row of the budget sums by percent complete, as the database answers it. */
const progressGroup = (row: any): ProgressGroup => ({
  percentComplete: row.percent_complete === null ? null : Number(row.percent_complete),
  bac: BigInt(row.bac),
  plannedBeforeMonth: BigInt(row.before_month),
  plannedInMonth: BigInt(row.in_month),
});

export function createRollUpSql({ knex, tables, filterProjects, budgetParts, budgetSums, progressAsOf, costToDate }: RollUpParts) {
  /** The filter's budget sums grouped by its projects' latest percent complete. */
  const budgetByProgress = (filter: ProjectFilter, asOf: CalendarDate) =>
    budgetParts(filter, asOf)
      .leftJoin(progressAsOf(filter, asOf).as('s'), 's.project_id', 'x.project_id')
      .groupBy('s.percent_complete')
      .select({ percent_complete: 's.percent_complete' })
      .select(budgetSums(knex()));
  /** The filter's actual cost to date, summed. */
  const actualCost = (filter: ProjectFilter, asOf: CalendarDate) => costToDate(filter, asOf).select(sumParts(knex(), 'x.amount_high', 'x.amount_low', 'actual_cost'));

  return {
    /** The filter's BAC, PV parts and AC summed over all its projects (see the top of this file). */
    async rollUpTotals(filter: ProjectFilter, asOf: CalendarDate): Promise<RollUpTotals> {
      const [groups, cost] = (await Promise.all([budgetByProgress(filter, asOf), actualCost(filter, asOf)])) as [any[], any[]];
      return { groups: groups.map(progressGroup), actualCost: BigInt(cost[0]?.actual_cost ?? '0') };
    },

    /**
     * The same sums for each programme of a portfolio, by name: the budget and the costs grouped
     * by programme as well, so two queries whatever the number of programmes (the finance
     * overview shows them all; it asked for each programme's roll-up, one request each, before).
     * A programme with no projects has zero sums.
     */
    async rollUpTotalsByProgramme(portfolioId: number, asOf: CalendarDate): Promise<ProgrammeTotals[]> {
      const k = knex();
      const { projectProgramme: pp, programme: prg, programmePortfolio: pf } = tables();
      const filter: ProjectFilter = { portfolioId };
      const programmeOf = `pp.${pp.target}`;
      // rollUpTotals' two queries, each also grouped by the project's programme.
      const perProgramme = (query: Knex.QueryBuilder) =>
        query.join(`${pp.table} as pp`, `pp.${pp.owner}`, 'x.project_id').groupBy(programmeOf).select({ programme_id: programmeOf });
      const budget = perProgramme(budgetByProgress(filter, asOf));
      const costs = perProgramme(actualCost(filter, asOf));
      const programmes = k(`${prg.table} as prg`)
        .join(`${pf.table} as pf`, `pf.${pf.owner}`, 'prg.id')
        .where(`pf.${pf.target}`, portfolioId)
        .select({ id: 'prg.id', document_id: `prg.${prg.documentId}`, code: `prg.${prg.code}`, name: `prg.${prg.name}` })
        .orderBy([{ column: `prg.${prg.name}` }, { column: `prg.${prg.code}` }, { column: 'prg.id' }]);
      const [groups, cost, rows] = (await Promise.all([budget, costs, programmes])) as [any[], any[], any[]];
      const byProgramme = new Map<number, RollUpTotals>(rows.map((row) => [Number(row.id), { groups: [], actualCost: BigInt(0) }]));
      for (const row of groups) byProgramme.get(Number(row.programme_id))?.groups.push(progressGroup(row));
      for (const row of cost) {
        const totals = byProgramme.get(Number(row.programme_id));
        if (totals) totals.actualCost = BigInt(row.actual_cost ?? '0');
      }
      return rows.map((row) => ({
        programme: { id: Number(row.id), documentId: row.document_id, code: row.code, name: row.name },
        totals: byProgramme.get(Number(row.id))!,
      }));
    },

    /** How many projects the filter covers. */
    async countProjects(filter: ProjectFilter): Promise<number> {
      const { project: p } = tables();
      const rows = (await filterProjects(knex()(`${p.table} as p`), 'p.id', filter).count({ total: '*' })) as Array<{ total: unknown }>;
      return Number(rows[0]?.total ?? 0);
    },

    /** The ids of one page of the filter's projects, in the order asked (code, or name then code; the id last). */
    async projectPage(filter: ProjectFilter, { page, pageSize, sort }: RollUpPaging): Promise<number[]> {
      const { project: p } = tables();
      const order = [...(sort === 'name' ? [`p.${p.name}`] : []), `p.${p.code}`, 'p.id'].map((column) => ({ column }));
      const rows = (await filterProjects(knex()(`${p.table} as p`), 'p.id', filter)
        .select('p.id')
        .orderBy(order)
        .limit(pageSize)
        .offset((page - 1) * pageSize)) as Array<{ id: unknown }>;
      return rows.map((row) => Number(row.id));
    },
  };
}
