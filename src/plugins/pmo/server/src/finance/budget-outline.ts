/**
 * The budget outline of a project or programme as a grid: months × categories, with row and
 * column totals (DESIGN.md, Finance). Pure: no Strapi import. The database sums the budget lines
 * per month and category (repository.budgetGrid); this adds the totals in BigInt minor units and
 * formats once, on output. Management reserve is its own column, outside the BAC total.
 */
import { formatMinor } from '../../../shared/money';
import {
  BAC_CATEGORIES,
  BUDGET_CATEGORIES,
  MANAGEMENT_RESERVE,
  type BudgetOutlineGrid,
  type OutlineRow,
} from '../../../shared/contracts/finance';
import { monthCount, monthRange } from '../platform/dates';

const KNOWN: readonly string[] = BUDGET_CATEGORIES;

/** Gaps between budgeted months are shown as empty months, up to this many months in all. */
export const MAX_FILLED_MONTHS = 120;

/** One database sum: a month (`YYYY-MM`), a category and its budget in minor units. */
export type BudgetCell = { month: string; category: string; amount: bigint };

/** Money as decimal strings ("40000.00"), exact; the totals row's `total` is the BAC. */
export function budgetOutline(cells: BudgetCell[]): BudgetOutlineGrid {
  const extra = [...new Set(cells.map((c) => c.category))].filter((c) => !KNOWN.includes(c)).sort();
  const categories: string[] = [...BAC_CATEGORIES, ...extra];

  const budgeted = [...new Set(cells.map((c) => c.month))].sort();
  const months =
    budgeted.length > 0 && monthCount(budgeted[0], budgeted[budgeted.length - 1]) <= MAX_FILLED_MONTHS
      ? monthRange(budgeted[0], budgeted[budgeted.length - 1])
      : budgeted;

  const zero = () => Object.fromEntries([...categories, MANAGEMENT_RESERVE].map((c) => [c, BigInt(0)])) as Record<string, bigint>;
  const byMonth = new Map(months.map((month) => [month, zero()]));
  const columns = zero();
  for (const { month, category, amount } of cells) {
    byMonth.get(month)![category] += amount;
    columns[category] += amount;
  }

  const row = (amounts: Record<string, bigint>): OutlineRow => {
    let total = BigInt(0);
    for (const category of categories) total += amounts[category];
    return {
      amounts: Object.fromEntries(categories.map((c) => [c, formatMinor(amounts[c])])),
      total: formatMinor(total),
      managementReserve: formatMinor(amounts[MANAGEMENT_RESERVE]),
    };
  };

  return {
    categories,
    months: months.map((month) => ({ month, ...row(byMonth.get(month)!) })),
    totals: row(columns),
  };
}
