/** Thin controllers: the route's contract has checked the input (platform/contract.ts); the policy the read right. */
import type { Core } from '@strapi/strapi';
import { ISSUE_UID, RAID_REPORTS, SUMMARY_TOP_RISKS, raidRoutes as routes, type RaidReport, type RaidSummaryAnswer } from '../../../shared/contracts/raid';
import { CONTENT_MANAGER } from '../../../shared/contracts/uids';
import { routeInput, type RouteContext } from '../platform/contract';
import { todayIso } from '../platform/dates';
import { XLSX_CONTENT_TYPE } from '../platform/xlsx';
import { createRaidExports } from './exports';
import { createRaidRollups } from './rollups';
import { createScopes } from './scope';
import type { UserAbility } from './sql';
import { sendDownload } from '../platform/download';

type Ctx = RouteContext<{ userAbility: UserAbility }>;

/** The controller action of a report's export: `riskRegisterCsv`, `lessonsXlsx`. */
export const exportAction = (report: RaidReport, format: 'csv' | 'xlsx') =>
  `${report.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())}${format === 'csv' ? 'Csv' : 'Xlsx'}`;

export const raidController = ({ strapi }: { strapi: Core.Strapi }) => {
  const rollups = createRaidRollups(strapi);
  const scopes = createScopes(strapi);
  const exports = createRaidExports(strapi);

  const send = sendDownload;

  const downloads = Object.fromEntries(
    RAID_REPORTS.flatMap((report) => [
      [
        exportAction(report, 'csv'),
        async (ctx: Ctx) => {
          const { query } = routeInput(ctx, routes.exportCsv);
          const { scope, label } = await scopes.exports(query);
          const file = await exports.csv(report, scope, label, { delimiter: query.delimiter ?? ',', bom: query.bom ?? false, ability: ctx.state.userAbility });
          send(ctx, file, 'text/csv; charset=utf-8');
        },
      ],
      [
        exportAction(report, 'xlsx'),
        async (ctx: Ctx) => {
          const { query } = routeInput(ctx, routes.exportXlsx);
          const { scope, label } = await scopes.exports(query);
          send(ctx, await exports.xlsx(report, scope, label, { ability: ctx.state.userAbility }), XLSX_CONTENT_TYPE);
        },
      ],
    ])
  );

  return {
    async heatmap(ctx: Ctx) {
      const { query } = routeInput(ctx, routes.heatmap);
      const scope = await scopes.heatmap(query);
      ctx.body = { cells: await rollups.heatmap(scope, { residual: query.residual ?? false, ability: ctx.state.userAbility }) };
    },
    /** The "Risks and issues" page: heat map, top risks, issues by priority, exposure, in one round. */
    async summary(ctx: Ctx) {
      const { query } = routeInput(ctx, routes.summary);
      const { scope, holder } = await scopes.named(query);
      const ability = ctx.state.userAbility;
      const issues = ability.can(CONTENT_MANAGER.read, ISSUE_UID);
      const residual = query.residual ?? false;
      const [cells, topRisks, byPriority, exposure] = await Promise.all([
        rollups.heatmap(scope, { residual, ability }),
        rollups.topRisks(scope, { limit: SUMMARY_TOP_RISKS, ability }),
        issues ? rollups.openIssuesByPriority(scope, { ability }) : Promise.resolve(null),
        rollups.exposureByProgramme(scope, { ability, issues }),
      ]);
      const answer: RaidSummaryAnswer = {
        scope: holder,
        residual,
        heatmap: { cells, total: cells.flat().reduce((sum, n) => sum + n, 0) },
        topRisks,
        issuesByPriority: byPriority,
        exposure: exposure.map((row) => ({ ...row, openIssues: issues ? row.openIssues : null })),
      };
      ctx.body = answer;
    },
    async dependencies(ctx: Ctx) {
      const { query } = routeInput(ctx, routes.dependencies);
      const project = await scopes.find('project', query.project, 'project');
      const [page, pageSize, asOf] = [query.page ?? 1, query.pageSize ?? 50, query.asOf ?? todayIso()];
      const found = await rollups.dependenciesOf(project.id, { asOf, lateOnly: query.late ?? false, page, pageSize, ability: ctx.state.userAbility });
      ctx.body = {
        asOf,
        project: { documentId: project.documentId, code: project.code, name: project.name },
        needs: found.needs,
        neededBy: found.neededBy,
        pagination: { page, pageSize, total: found.total },
      };
    },
    ...downloads,
  };
};
