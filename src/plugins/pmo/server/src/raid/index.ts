/**
 * RAID (DESIGN.md, "RAID, dashboard and reports"; docs/raid.md): the registers of risks, issues,
 * decisions and lessons, and dependencies between projects (app content types, src/api/*).
 * This capability brings their rules on every write (registers.ts: who holds them, a risk's
 * response and derived score), decisions recorded from gate reviews and change requests
 * (decisions.ts), the guards `lessons` (the lifecycle's gate 5), `toProgramme` and
 * `riskAboveTolerance` (the seeded `risk-escalation` and `issue-escalation` workflows), the
 * roll-ups the dashboard reads (the `raid` service), the heat map and dependencies routes, the
 * register exports as CSV and XLSX (the CSVs also under /api/pmo for API tokens), the summary the
 * "Risks and issues" page reads, and "My work" items for risks above tolerance and late
 * dependencies. Routes answer within the caller's Content Manager read right on the register.
 */
import type { Core } from '@strapi/strapi';
import type { Capability, RouteDefinition } from '../capability';
import { RAID_EXPORT_PERMISSIONS, RAID_REPORTS, RAID_REPORT_UIDS, raidRoutes as input, type RaidReport } from '../../../shared/contracts/raid';
import type { WorkflowDefinition } from '../../../shared/contracts/workflow';
import { CONTENT_MANAGER, DEPENDENCY_UID, RISK_UID } from '../../../shared/contracts/uids';
import { registerWorkSource } from '../platform/notices';
import { forbidden } from '../platform/errors';
import { getService } from '../services';
import { seedWorkflow } from '../workflow';
import { exportAction, raidController } from './controller';
import { logDecisionEffect, registerGateDecisions } from './decisions';
import { raidGuards } from './guards';
import issueEscalation from './issue-escalation.json';
import { backfillScores, registerRaidMiddleware } from './registers';
import riskEscalation from './risk-escalation.json';
import { createRaidRollups } from './rollups';
import type { UserAbility } from './sql';
import { raidWork } from './work';

/** The register's words, for a refusal: "You may not read risks". */
const NOUNS: Record<string, string> = {
  [RISK_UID]: 'risks',
  [DEPENDENCY_UID]: 'dependencies',
  [RAID_REPORT_UIDS['issue-log']]: 'issues',
  [RAID_REPORT_UIDS['decision-log']]: 'decisions',
  [RAID_REPORT_UIDS.lessons]: 'lessons',
};

/** Route policy: the caller reads the register in the Content Manager (the PMO roles all do). */
function mayReadRegister(policyContext: { state: { userAbility?: UserAbility } }, config: { uid: string }) {
  const ability = policyContext.state.userAbility;
  if (!ability || !ability.can(CONTENT_MANAGER.read, config.uid)) throw forbidden(`You may not read ${NOUNS[config.uid] ?? 'this register'}`);
  return true;
}

const reads = (uid: string) => ({ policies: ['admin::isAuthenticatedAdmin', { name: 'plugin::pmo.may-read-register', config: { uid } }] });

// Before finance's `/exports/:report.csv` (capabilities.ts lists raid first), as compliance.csv.
const exportRoutes: RouteDefinition[] = RAID_REPORTS.flatMap((report: RaidReport) => [
  { method: 'GET', path: `/exports/${report}.csv`, handler: `raid.${exportAction(report, 'csv')}`, input: input.exportCsv, config: reads(RAID_REPORT_UIDS[report]) },
  { method: 'GET', path: `/exports/${report}.xlsx`, handler: `raid.${exportAction(report, 'xlsx')}`, input: input.exportXlsx, config: reads(RAID_REPORT_UIDS[report]) },
]);

// The CSVs for other systems, under /api/pmo with an API token holding the register's permission
// (RAID_EXPORT_PERMISSIONS: Strapi names a Content-API permission by controller and action).
const contentApiExportRoutes: RouteDefinition[] = RAID_REPORTS.map((report: RaidReport) => ({
  method: 'GET',
  path: `/exports/${report}.csv`,
  handler: `raid.${exportAction(report, 'csv')}`,
  input: input.exportCsv,
  config: { auth: { scope: [RAID_EXPORT_PERMISSIONS[report]] } },
}));

export const raid: Capability = {
  name: 'raid',
  services: { raid: ({ strapi }: { strapi: Core.Strapi }) => createRaidRollups(strapi) },
  controllers: { raid: raidController },
  adminRoutes: [
    { method: 'GET', path: '/raid/heatmap', handler: 'raid.heatmap', input: input.heatmap, config: reads(RISK_UID) },
    { method: 'GET', path: '/raid/summary', handler: 'raid.summary', input: input.summary, config: reads(RISK_UID) },
    { method: 'GET', path: '/raid/dependencies', handler: 'raid.dependencies', input: input.dependencies, config: reads(DEPENDENCY_UID) },
    ...exportRoutes,
  ],
  contentApiRoutes: contentApiExportRoutes,
  policies: { 'may-read-register': mayReadRegister as never },
  register(strapi) {
    const catalogue = getService(strapi, 'catalogue');
    raidGuards(strapi).forEach((guard) => catalogue.registerGuard(guard));
    catalogue.registerEffect(logDecisionEffect(strapi));
    registerRaidMiddleware(strapi);
    registerGateDecisions(strapi);
    registerWorkSource(raidWork);
  },
  async bootstrap(strapi) {
    await seedWorkflow(strapi, riskEscalation as WorkflowDefinition);
    await seedWorkflow(strapi, issueEscalation as WorkflowDefinition);
    await backfillScores(strapi);
  },
};
