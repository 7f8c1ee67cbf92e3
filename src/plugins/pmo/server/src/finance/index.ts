/**
 * Finance: earned value by project, programme and portfolio (and by month, for the S-curves),
 * budget outlines (months × categories), and streamed CSV exports (DESIGN.md, Finance). Admin
 * routes under /pmo need the finance or exports RBAC action; the export route under /api/pmo
 * needs the Content-API permission `plugin::pmo.exports.download`, which an administrator ticks
 * for a custom API token (full-access tokens have it).
 */
import { requirePermissions, type Capability } from '../capability';
import { budgetOutlineController, earnedValueController, exportsController } from './controller';
import { financeServices } from './services';

export const financeActions = {
  /** See earned value of projects, programmes and portfolios. */
  read: 'plugin::pmo.finance.read',
  /** Download the CSV exports. */
  exports: 'plugin::pmo.exports.read',
} as const;

/** The Content-API action of the export route (controller `exports`, action `download`). */
export const EXPORT_CONTENT_API_ACTION = 'plugin::pmo.exports.download';

const readers = [financeActions.read, financeActions.exports];

export const finance: Capability = {
  name: 'finance',
  services: financeServices,
  controllers: { evm: earnedValueController, exports: exportsController, budgetOutline: budgetOutlineController },
  adminRoutes: [
    { method: 'GET', path: '/evm/projects/:documentId', handler: 'evm.project', config: requirePermissions(financeActions.read) },
    { method: 'GET', path: '/evm/programmes/:documentId', handler: 'evm.programme', config: requirePermissions(financeActions.read) },
    { method: 'GET', path: '/evm/portfolios/:documentId', handler: 'evm.portfolio', config: requirePermissions(financeActions.read) },
    { method: 'GET', path: '/evm/projects/:documentId/series', handler: 'evm.projectSeries', config: requirePermissions(financeActions.read) },
    { method: 'GET', path: '/evm/programmes/:documentId/series', handler: 'evm.programmeSeries', config: requirePermissions(financeActions.read) },
    { method: 'GET', path: '/budget-outline/projects/:documentId', handler: 'budgetOutline.project', config: requirePermissions(financeActions.read) },
    { method: 'GET', path: '/budget-outline/programmes/:documentId', handler: 'budgetOutline.programme', config: requirePermissions(financeActions.read) },
    { method: 'GET', path: '/exports/:report.csv', handler: 'exports.download', config: requirePermissions(financeActions.exports) },
  ],
  contentApiRoutes: [
    { method: 'GET', path: '/exports/:report.csv', handler: 'exports.download', config: { auth: { scope: [EXPORT_CONTENT_API_ACTION] } } },
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
