/** Thin controllers: the route's contract has checked the input (platform/contract.ts); the policy the read right. */
import type { Core } from '@strapi/strapi';
import { milestoneRoutes as routes } from '../../../../shared/contracts/milestones';
import { routeInput, type RouteContext } from '../../platform/contract';
import { todayIso } from '../../platform/dates';
import { createMilestoneService } from './service';
import { sendDownload } from '../../platform/download';

type Ctx = RouteContext;

/** The admin routes: a project's slip trend and a programme's roadmap. */
export const planningController = ({ strapi }: { strapi: Core.Strapi }) => {
  const milestones = createMilestoneService(strapi);
  return {
    async slipTrend(ctx: Ctx) {
      const { query } = routeInput(ctx, routes.slipTrend);
      ctx.body = await milestones.slipTrend(query.project, query.asOf ?? todayIso());
    },
    async roadmap(ctx: Ctx) {
      const { query } = routeInput(ctx, routes.roadmap);
      ctx.body = await milestones.roadmap(query.programme, query.today ?? todayIso());
    },
  };
};

/** milestones.csv, in the admin and for API tokens (Content-API permission `plugin::pmo.milestones.download`). */
export const milestoneExportsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const milestones = createMilestoneService(strapi);
  return {
    async download(ctx: Ctx) {
      const { query } = routeInput(ctx, routes.exportCsv);
      sendDownload(ctx, await milestones.csv(query), 'text/csv; charset=utf-8');
    },
  };
};
