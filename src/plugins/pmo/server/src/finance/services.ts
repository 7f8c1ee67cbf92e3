/** Finance's services, and one typed way to reach them: a rename is a compile error. */
import type { Core } from '@strapi/strapi';
import { createEarnedValueService } from './evm';
import { createExportService } from './exports';
import { rebuildBudgetTotals } from './budget-totals';
import { rebuildCostTotals } from './cost-totals';
import { createBudgetOutlineService } from './outline';
import { createFinanceRepository } from './repository';

export const financeServices = {
  earnedValue: ({ strapi }: { strapi: Core.Strapi }) => createEarnedValueService(createFinanceRepository(strapi)),
  exports: ({ strapi }: { strapi: Core.Strapi }) => createExportService(strapi, createFinanceRepository(strapi)),
  budgetOutline: ({ strapi }: { strapi: Core.Strapi }) => createBudgetOutlineService(createFinanceRepository(strapi)),
  /** The cost totals (cost-totals.ts): `rebuild()` after data loaded with the triggers off. */
  costTotals: ({ strapi }: { strapi: Core.Strapi }) => ({ rebuild: () => rebuildCostTotals(strapi) }),
  /** The budget totals (budget-totals.ts): `rebuild()` after data loaded with the triggers off. */
  budgetTotals: ({ strapi }: { strapi: Core.Strapi }) => ({ rebuild: () => rebuildBudgetTotals(strapi) }),
};

type FinanceServices = { [K in keyof typeof financeServices]: ReturnType<(typeof financeServices)[K]> };

export function financeService<K extends keyof FinanceServices>(strapi: Core.Strapi, name: K): FinanceServices[K] {
  return strapi.plugin('pmo').service(name) as FinanceServices[K];
}
