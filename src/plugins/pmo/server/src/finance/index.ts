/**
 * Finance: earned value by project, programme and portfolio (and by month, for the S-curves),
 * budget outlines (months × categories), and streamed CSV exports (DESIGN.md, Finance). Admin
 * routes under /pmo need the finance or exports RBAC action; the export route under /api/pmo
 * needs the Content-API permission `plugin::pmo.exports.download`, which an administrator ticks
 * for a custom API token (full-access tokens have it).
 */
import { requirePermissions, type Capability } from '../capability';
import { EXPORTS_DOWNLOAD, EXPORTS_READ, FINANCE_READ, financeRoutes as input } from '../../../shared/contracts/finance';
import { budgetOutlineController, earnedValueController, exportsController } from './controller';
import { ensureBudgetTotals } from './budget-totals';
import { ensureCostTotals } from './cost-totals';
import { financeServices } from './services';
import { stopIdleLineWorkers } from '../platform/csv-line-workers';

const read = requirePermissions(FINANCE_READ);
const readers = [FINANCE_READ, EXPORTS_READ];

export const finance: Capability = {
  name: 'finance',
  services: financeServices,
  // The cost and budget totals earned value reads, kept by database triggers (kept-sums.ts).
  bootstrap: async (strapi) => {
    await ensureCostTotals(strapi);
    await ensureBudgetTotals(strapi);
  },
  // The SQLite exports' kept part worker (platform/csv-line-workers.ts).
  destroy: () => stopIdleLineWorkers(),
  controllers: { evm: earnedValueController, exports: exportsController, budgetOutline: budgetOutlineController },
  adminRoutes: [
    { method: 'GET', path: '/evm/projects/:documentId', handler: 'evm.project', input: input.projectEvm, config: read },
    { method: 'GET', path: '/evm/programmes/:documentId', handler: 'evm.programme', input: input.programmeEvm, config: read },
    { method: 'GET', path: '/evm/portfolios/:documentId', handler: 'evm.portfolio', input: input.portfolioEvm, config: read },
    { method: 'GET', path: '/evm/projects/:documentId/series', handler: 'evm.projectSeries', input: input.projectSeries, config: read },
    { method: 'GET', path: '/evm/programmes/:documentId/series', handler: 'evm.programmeSeries', input: input.programmeSeries, config: read },
    { method: 'GET', path: '/budget-outline/projects/:documentId', handler: 'budgetOutline.project', input: input.projectOutline, config: read },
    { method: 'GET', path: '/budget-outline/programmes/:documentId', handler: 'budgetOutline.programme', input: input.programmeOutline, config: read },
    { method: 'GET', path: '/exports/:report.csv', handler: 'exports.download', input: input.exportCsv, config: requirePermissions(EXPORTS_READ) },
  ],
  contentApiRoutes: [
    { method: 'GET', path: '/exports/:report.csv', handler: 'exports.download', input: input.exportCsv, config: { auth: { scope: [EXPORTS_DOWNLOAD] } } },
  ],
  actions: [
    { section: 'plugins', displayName: 'Read earned value', uid: 'finance.read', subCategory: 'finance', pluginName: 'pmo' },
    { section: 'plugins', displayName: 'Download financial exports', uid: 'exports.read', subCategory: 'finance', pluginName: 'pmo' },
  ],
  // Who sees money across every project: the PMO's leadership and analysts, and finance.
  // Project managers, change board and PMO administrators do not (no per-project scoping yet).
  grants: {
    'pmo-director': readers,
    'pmo-manager': readers,
    'pmo-analyst': readers,
    finance: readers,
  },
};
