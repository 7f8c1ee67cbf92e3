/** Thin controllers: the route's contract has checked the input (platform/contract.ts); the service draws the PDF. */
import type { Core } from '@strapi/strapi';
import { reportsRoutes as routes, type HighlightLevel } from '../../../../shared/contracts/reports';
import { routeInput, type RouteContext } from '../../platform/contract';
import type { Ability } from './access';
import type { AdminUser } from '../../workflow';
import { getReportsService } from './service';
import { sendDownload } from '../../platform/download';

type Ctx = RouteContext<{ user: AdminUser; userAbility: Ability }>;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function send(ctx: Ctx, level: HighlightLevel) {
    const { params, query } = routeInput(ctx, level === 'projects' ? routes.projectHighlight : routes.programmeHighlight);
    const caller = { user: ctx.state.user, ability: ctx.state.userAbility };
    sendDownload(ctx, await getReportsService(strapi).highlightPdf(level, caller, params.documentId, query.asOf), 'application/pdf');
  }
  return {
    async project(ctx: Ctx) {
      await send(ctx, 'projects');
    },
    async programme(ctx: Ctx) {
      await send(ctx, 'programmes');
    },
  };
};
