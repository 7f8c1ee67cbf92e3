/** Thin controllers: the route's contract has checked the input (platform/contract.ts); call the change-control service. */
import type { Core } from '@strapi/strapi';
import { changeControlRoutes as routes } from '../../../shared/contracts/change-control';
import { routeInput, type RouteContext } from '../platform/contract';
import type { AdminUser } from '../workflow';
import { getChangeControlService } from './service';

type Ctx = RouteContext<{ user: AdminUser }>;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Ctx) {
    ctx.body = await getChangeControlService(strapi).list(routeInput(ctx, routes.list).query);
  },
  async get(ctx: Ctx) {
    ctx.body = await getChangeControlService(strapi).detail(routeInput(ctx, routes.get).params.documentId);
  },
  async raise(ctx: Ctx) {
    const { body } = routeInput(ctx, routes.raise);
    ctx.status = 201;
    ctx.body = await getChangeControlService(strapi).raise(body, ctx.state.user);
  },
});
