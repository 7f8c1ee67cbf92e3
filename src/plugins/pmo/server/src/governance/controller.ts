/** Thin controllers: the route's contract has checked the input (platform/contract.ts); call the service. */
import type { Core } from '@strapi/strapi';
import { GOVERNANCE_MANAGE, governanceRoutes as routes } from '../../../shared/contracts/governance';
import { routeInput, type RouteContext } from '../platform/contract';
import type { AdminUser } from '../workflow';
import { getGovernanceService } from './service';

type Ctx = RouteContext<{ user: AdminUser; userAbility: { can(action: string): boolean } }>;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const governance = () => getGovernanceService(strapi);
  return {
    async board(ctx: Ctx) {
      ctx.body = await governance().board(ctx.state.user, routeInput(ctx, routes.board).query);
    },
    async project(ctx: Ctx) {
      ctx.body = await governance().projectGovernance(routeInput(ctx, routes.project).params.documentId, ctx.state.user);
    },
    async list(ctx: Ctx) {
      ctx.body = await governance().listReviews(routeInput(ctx, routes.list).query);
    },
    async get(ctx: Ctx) {
      ctx.body = await governance().getReview(routeInput(ctx, routes.get).params.documentId);
    },
    async schedule(ctx: Ctx) {
      const { body } = routeInput(ctx, routes.schedule);
      ctx.status = 201;
      ctx.body = await governance().scheduleReview(body, ctx.state.user);
    },
    async update(ctx: Ctx) {
      const { params, body } = routeInput(ctx, routes.update);
      ctx.body = await governance().updateReview(params.documentId, body, ctx.state.user);
    },
    async updateCondition(ctx: Ctx) {
      const { params, body } = routeInput(ctx, routes.updateCondition);
      const canManage = ctx.state.userAbility.can(GOVERNANCE_MANAGE);
      ctx.body = await governance().updateCondition(params.documentId, body, ctx.state.user, canManage);
    },
  };
};
