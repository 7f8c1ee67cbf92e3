/** Thin controllers: the route's contract checked the input; the notifications service answers. */
import type { Core } from '@strapi/strapi';
import { notificationsRoutes as routes } from '../../../shared/contracts/notifications';
import { myWorkRoutes } from '../../../shared/contracts/my-work';
import { routeInput, type RouteContext } from '../platform/contract';
import { myWork } from './my-work';
import type { AdminUser } from '../workflow';
import { getNotificationsService } from './service';

type Ctx = RouteContext<{ user: AdminUser }>;

/** `2026-12-02` is that day at midnight, server time; a date-time is that instant. */
export function jobTime(now: string | undefined): Date {
  if (!now) return new Date();
  if (/^\d{4}-\d{2}-\d{2}$/.test(now)) {
    const [year, month, day] = now.split('-').map(Number);
    return new Date(year, month - 1, day);
  }
  return new Date(now);
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getNotificationsService(strapi);
  return {
    async outbox(ctx: Ctx) {
      ctx.body = await service().outbox(routeInput(ctx, routes.outbox).query);
    },
    async retry(ctx: Ctx) {
      ctx.body = await service().retry(routeInput(ctx, routes.retry).params.documentId);
    },
    async jobs(ctx: Ctx) {
      routeInput(ctx, routes.jobs);
      ctx.body = { results: await service().jobs() };
    },
    async run(ctx: Ctx) {
      const { params, body } = routeInput(ctx, routes.run);
      ctx.body = await service().runJob(params.key, jobTime(body.now));
    },
    async myWork(ctx: Ctx) {
      ctx.body = await myWork(strapi, ctx.state.user, routeInput(ctx, myWorkRoutes.myWork).query);
    },
    async preferences(ctx: Ctx) {
      routeInput(ctx, routes.preferences);
      ctx.body = await service().preferences(ctx.state.user);
    },
    async setPreferences(ctx: Ctx) {
      ctx.body = await service().setPreferences(ctx.state.user, routeInput(ctx, routes.setPreferences).body);
    },
    async templates(ctx: Ctx) {
      routeInput(ctx, routes.templates);
      ctx.body = { results: await service().templates() };
    },
    async template(ctx: Ctx) {
      ctx.body = await service().template(routeInput(ctx, routes.template).params.key);
    },
    async updateTemplate(ctx: Ctx) {
      const { params, body } = routeInput(ctx, routes.updateTemplate);
      ctx.body = await service().updateTemplate(params.key, body);
    },
    async preview(ctx: Ctx) {
      const { params, body } = routeInput(ctx, routes.preview);
      ctx.body = await service().previewTemplate(params.key, body);
    },
  };
};
