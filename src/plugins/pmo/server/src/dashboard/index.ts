/**
 * The portfolio dashboard (DESIGN.md, "RAID, dashboard and reports"; docs/dashboard.md):
 * `GET /pmo/dashboard` answers every figure of a portfolio, programme, manager or department as
 * of a date in one round of set-based queries (each list its first 20 items with its full count),
 * and `GET /pmo/exports/dashboard.xlsx` the same as a workbook, every item of every list. Both need `dashboard.read`; each section also needs its own read right (finance
 * figures finance.read, the heat map reading risks, …) and is null without it. The highlight
 * reports (PDF) of a project or programme are the dashboard's too (highlight/, docs/reports.md).
 */
import { requirePermissions, type Capability } from '../capability';
import { DASHBOARD_READ, dashboardRoutes as input } from '../../../shared/contracts/dashboard';
import { DEPENDENCY_UID, ISSUE_UID, RISK_UID } from '../../../shared/contracts/uids';
import { routeInput, type RouteContext } from '../platform/contract';
import { PMO_ROLE_KEYS } from '../../../shared/pmo-roles';
import type { Ability } from './scope';
import { createDashboardService, getDashboardService } from './service';
import { dashboardWorkbook } from './workbook';
import { XLSX_CONTENT_TYPE, xlsxBuffer } from './xlsx';
import { highlightReports } from './highlight';

type Ctx = RouteContext<{ userAbility: Ability }>;

const controller = ({ strapi }: { strapi: any }) => ({
  async dashboard(ctx: Ctx) {
    const { query } = routeInput(ctx, input.dashboard);
    ctx.body = await getDashboardService(strapi).dashboard(query, ctx.state.userAbility);
  },
  async xlsx(ctx: Ctx) {
    const { query } = routeInput(ctx, input.xlsx);
    const answer = await getDashboardService(strapi).dashboard(query, ctx.state.userAbility, { complete: true });
    const body = await xlsxBuffer(dashboardWorkbook(answer));
    ctx.attachment(`dashboard-${answer.asOf}.xlsx`);
    ctx.set('Content-Type', XLSX_CONTENT_TYPE);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = body;
  },
});

/** Every PMO role opens PMO Hub on the dashboard. */
const ROLES = PMO_ROLE_KEYS;

/**
 * Reading the registers the dashboard counts: every PMO role reads every app type (roles/
 * definitions.ts), so risks, issues and dependencies too. Who edits them is the registers' own
 * business (raid/); grants are merged, so these only add reading.
 */
const READ_REGISTERS: Record<string, Array<'read'>> = { [RISK_UID]: ['read'], [ISSUE_UID]: ['read'], [DEPENDENCY_UID]: ['read'] };

const read = requirePermissions(DASHBOARD_READ);

export const dashboard: Capability = {
  name: 'dashboard',
  services: { dashboard: ({ strapi }) => createDashboardService(strapi), ...highlightReports.services },
  controllers: { dashboard: controller, ...highlightReports.controllers },
  adminRoutes: [
    { method: 'GET', path: '/dashboard', handler: 'dashboard.dashboard', input: input.dashboard, config: read },
    { method: 'GET', path: '/exports/dashboard.xlsx', handler: 'dashboard.xlsx', input: input.xlsx, config: read },
    ...(highlightReports.adminRoutes ?? []),
  ],
  actions: [
    {
      section: 'plugins',
      displayName: 'See the portfolio dashboard (each figure still needs its own read right)',
      uid: 'dashboard.read',
      subCategory: 'dashboard',
      pluginName: 'pmo',
    },
  ],
  grants: Object.fromEntries(ROLES.map((role) => [role, [DASHBOARD_READ]])) as Capability['grants'],
  contentGrants: Object.fromEntries(ROLES.map((role) => [role, READ_REGISTERS])) as Capability['contentGrants'],
};
