/**
 * Budget totals: each project's budget at completion (BAC: every budget line but management
 * reserve, DESIGN.md) summed per month and in all, kept exact by database triggers in the
 * transaction of every write (kept-sums.ts), so earned value reads one total per project and its
 * months from asOf's on, instead of every budget line (120,000 at 10,000 projects).
 *
 * `pmo_budget_totals` holds one row per project, span (`m` month, `t` the project's whole BAC)
 * and period (`YYYY-MM`, or empty): the lines' count and their amounts as two integer parts.
 * A line moved into or out of management reserve moves in or out of the totals.
 * tests/api/finance-budget-totals.test.ts checks them against the bare sums after random writes.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { MANAGEMENT_RESERVE } from '../../../shared/contracts/finance';
import { BUDGET_LINE_UID } from '../../../shared/contracts/uids';
import { formatIsoDate, type CalendarDate } from '../platform/dates';
import { negatedParts } from '../platform/money-sql';
import { keptSums } from './kept-sums';

export const BUDGET_TOTALS_TABLE = 'pmo_budget_totals';
const T = BUDGET_TOTALS_TABLE;

const budgetTotals = keptSums({
  table: T,
  version: 'v1',
  uid: BUDGET_LINE_UID,
  date: 'period',
  amount: 'amount',
  project: 'project',
  spans: { m: 7, t: 0 },
  exclude: { attribute: 'category', value: MANAGEMENT_RESERVE },
  words: 'budget totals from the budget lines',
});

/** Creates the totals table and its triggers where missing; recomputes the totals when a trigger was (finance's bootstrap). */
export const ensureBudgetTotals = (strapi: Core.Strapi) => budgetTotals.ensure(strapi);

/** Every total recomputed from the lines, writers waiting: for data written with the triggers off (bench/seed-scale). */
export const rebuildBudgetTotals = (strapi: Core.Strapi) => budgetTotals.rebuild(strapi);

/** The three sums of a project's budget as of a day, each as two parts (`<name>_high`, `<name>_low`) to add with sumParts. */
export const BUDGET_PARTS = ['bac', 'before_month', 'in_month'] as const;

/**
 * The budget of the projects `narrow` keeps as of asOf, as rows of `project_id` and the parts of
 * BAC, of the BAC planned in months before asOf's (`before_month`, PV in full) and of asOf's own
 * month (`in_month`, PV pro rata): each project's whole total counts in BAC and in the months
 * before, and each of its months from asOf's on is taken off the months before (negated parts),
 * asOf's month also counting in its own. What it reads grows with the projects and the months
 * still ahead of them, not with their budget lines.
 */
export function budgetToDate(knex: Knex, asOf: CalendarDate, narrow: (query: Knex.QueryBuilder, projectColumn: string) => void): Knex.QueryBuilder {
  const month = formatIsoDate(asOf).slice(0, 7);
  const less = negatedParts('t.amount_high', 't.amount_low');
  const whole = knex(`${T} as t`)
    .where('t.span', 't')
    .select({ project_id: 't.project_id', bac_high: 't.amount_high', bac_low: 't.amount_low', before_month_high: 't.amount_high', before_month_low: 't.amount_low' })
    .select(knex.raw('0 AS in_month_high'), knex.raw('0 AS in_month_low'));
  const ahead = knex(`${T} as t`)
    .where('t.span', 'm')
    .where('t.period', '>=', month)
    .select('t.project_id', knex.raw('0 AS bac_high'), knex.raw('0 AS bac_low'))
    .select(knex.raw(`${less.high} AS before_month_high`), knex.raw(`${less.low} AS before_month_low`))
    .select(
      knex.raw('CASE WHEN ?? = ? THEN ?? ELSE 0 END AS in_month_high', ['t.period', month, 't.amount_high']),
      knex.raw('CASE WHEN ?? = ? THEN ?? ELSE 0 END AS in_month_low', ['t.period', month, 't.amount_low'])
    );
  for (const query of [whole, ahead]) narrow(query, 't.project_id');
  return whole.unionAll([ahead]);
}
