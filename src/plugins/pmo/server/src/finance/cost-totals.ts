/**
 * Cost totals: each project's cost entries summed per month, per day and in all, kept exact by
 * database triggers in the transaction of every write (kept-sums.ts), so roll-ups read totals
 * instead of every entry.
 *
 * `pmo_cost_totals` holds one row per project, span (`m` month, `d` day, `t` the project's whole
 * total) and period (`YYYY-MM`, `YYYY-MM-DD`, or empty for the total): the entries' count and
 * their amounts as two integer parts (money-sql.ts highPart/lowPart), read back with `sumParts`.
 * tests/api/finance-cost-totals.test.ts checks them against the bare sums after random writes.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { COST_ENTRY_UID } from '../../../shared/contracts/uids';
import { formatIsoDate, type CalendarDate } from '../platform/dates';
import { negatedParts } from '../platform/money-sql';
import { keptSums } from './kept-sums';

export const COST_TOTALS_TABLE = 'pmo_cost_totals';
const T = COST_TOTALS_TABLE;

const costTotals = keptSums({
  table: T,
  version: 'v2',
  uid: COST_ENTRY_UID,
  date: 'date',
  amount: 'amount',
  project: 'project',
  spans: { m: 7, d: 10, t: 0 },
  words: 'cost totals from the cost entries',
});

/** Creates the totals table and its triggers where missing; recomputes the totals when a trigger was (finance's bootstrap). */
export const ensureCostTotals = (strapi: Core.Strapi) => costTotals.ensure(strapi);

/** Every total recomputed from the entries, writers waiting: for data written with the triggers off (bench/seed-scale). */
export const rebuildCostTotals = (strapi: Core.Strapi) => costTotals.rebuild(strapi);

/**
 * The cost of the projects `narrow` keeps, dated on or before asOf, as rows of `project_id`,
 * `month` (`YYYY-MM`), `amount_high` and `amount_low` to add up with sumParts: whole months before
 * asOf's month from the month totals, then asOf's month up to asOf from its day totals. At most
 * one row per project and month plus one per project and day of one month: what a roll-up reads
 * grows with the projects and months, not with the entries.
 */
export function costPartsUpTo(knex: Knex, asOf: CalendarDate, narrow: (query: Knex.QueryBuilder, projectColumn: string) => void): Knex.QueryBuilder {
  const day = formatIsoDate(asOf);
  const month = day.slice(0, 7);
  const parts = { project_id: 't.project_id', amount_high: 't.amount_high', amount_low: 't.amount_low' };
  const months = knex(`${T} as t`).where('t.span', 'm').where('t.period', '<', month).select(parts).select({ month: 't.period' });
  const days = knex(`${T} as t`).where('t.span', 'd').where('t.period', '>=', `${month}-01`).where('t.period', '<=', day);
  days.select(parts).select(knex.raw('substr(??, 1, 7) AS ??', ['t.period', 'month']));
  narrow(months, 't.project_id');
  narrow(days, 't.project_id');
  return months.unionAll(days);
}

/**
 * Each project's cost dated on or before asOf (of the projects `narrow` keeps), as rows of
 * `project_id`, `amount_high` and `amount_low` to add up with sumParts: the project's whole total,
 * less the months after asOf's month and the days of asOf's month after asOf (negated parts). What
 * it reads grows with the projects, not with their months: a cost is rarely dated ahead.
 */
export function costToDate(knex: Knex, asOf: CalendarDate, narrow: (query: Knex.QueryBuilder, projectColumn: string) => void): Knex.QueryBuilder {
  const day = formatIsoDate(asOf);
  const month = day.slice(0, 7);
  const less = negatedParts('t.amount_high', 't.amount_low');
  const total = knex(`${T} as t`).where('t.span', 't').select({ project_id: 't.project_id', amount_high: 't.amount_high', amount_low: 't.amount_low' });
  const taken = () => knex(`${T} as t`).select('t.project_id', knex.raw(`${less.high} AS amount_high`), knex.raw(`${less.low} AS amount_low`));
  const laterMonths = taken().where('t.span', 'm').where('t.period', '>', month);
  const laterDays = taken().where('t.span', 'd').where('t.period', '>', day).where('t.period', '<', `${month}-99`);
  for (const query of [total, laterMonths, laterDays]) narrow(query, 't.project_id');
  return total.unionAll([laterMonths, laterDays]);
}

/**
 * How many cost entries of the projects `narrow` keeps each month holds (`YYYY-MM`, oldest
 * first), within the months `from` and `to` fall in, from the month totals: where a large
 * export may be cut in two (export-split.ts), without reading the entries.
 */
export async function costEntriesPerMonth(
  knex: Knex,
  narrow: (query: Knex.QueryBuilder, projectColumn: string) => void,
  range: { from?: CalendarDate; to?: CalendarDate }
): Promise<Array<{ month: string; entries: number }>> {
  const query = knex(T).where('span', 'm').select({ month: 'period' }).sum({ entries: 'entries' }).groupBy('period').orderBy('period');
  narrow(query, 'project_id');
  if (range.from) query.where('period', '>=', formatIsoDate(range.from).slice(0, 7));
  if (range.to) query.where('period', '<=', formatIsoDate(range.to).slice(0, 7));
  return ((await query) as Array<{ month: string; entries: unknown }>).map(({ month, entries }) => ({ month, entries: Number(entries) }));
}
