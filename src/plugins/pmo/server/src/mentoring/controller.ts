/** Thin controllers: the route's contract has checked the input (platform/contract.ts); call the mentoring service, answer. */
import type { Core } from '@strapi/strapi';
import { mentoringRoutes as routes } from '../../../shared/contracts/mentoring';
import { routeInput, type RouteContext } from '../platform/contract';
import type { AdminUser } from '../workflow';
import { getMentoringService } from './service';

type Ctx = RouteContext<{ user: AdminUser }>;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const mentoring = () => getMentoringService(strapi);
  return {
    async me(ctx: Ctx) {
      ctx.body = await mentoring().me(ctx.state.user);
    },
    async competencies(ctx: Ctx) {
      ctx.body = await mentoring().competencies(routeInput(ctx, routes.competencies).query);
    },
    async listRelationships(ctx: Ctx) {
      ctx.body = await mentoring().listRelationships(ctx.state.user, routeInput(ctx, routes.listRelationships).query);
    },
    async getRelationship(ctx: Ctx) {
      ctx.body = await mentoring().getRelationship(ctx.state.user, routeInput(ctx, routes.getRelationship).params.documentId);
    },
    async createRelationship(ctx: Ctx) {
      const { body } = routeInput(ctx, routes.createRelationship);
      ctx.status = 201;
      ctx.body = await mentoring().createRelationship(ctx.state.user, body);
    },
    async updateRelationship(ctx: Ctx) {
      const { params, body } = routeInput(ctx, routes.updateRelationship);
      ctx.body = await mentoring().updateRelationship(ctx.state.user, params.documentId, body);
    },
    async deleteRelationship(ctx: Ctx) {
      await mentoring().deleteRelationship(ctx.state.user, routeInput(ctx, routes.deleteRelationship).params.documentId);
      ctx.status = 204;
    },
    async timeline(ctx: Ctx) {
      ctx.body = await mentoring().timeline(ctx.state.user, routeInput(ctx, routes.timeline).params.documentId);
    },
    async nextSession(ctx: Ctx) {
      ctx.body = await mentoring().nextSession(ctx.state.user, routeInput(ctx, routes.nextSession).params.documentId);
    },
    async ratings(ctx: Ctx) {
      ctx.body = await mentoring().ratings(ctx.state.user, routeInput(ctx, routes.ratings).query);
    },
    async searchSessions(ctx: Ctx) {
      ctx.body = await mentoring().searchSessions(ctx.state.user, routeInput(ctx, routes.searchSessions).query);
    },
    async getSession(ctx: Ctx) {
      ctx.body = await mentoring().getSession(ctx.state.user, routeInput(ctx, routes.getSession).params.documentId);
    },
    async createSession(ctx: Ctx) {
      const { body } = routeInput(ctx, routes.createSession);
      ctx.status = 201;
      ctx.body = await mentoring().createSession(ctx.state.user, body);
    },
    async updateSession(ctx: Ctx) {
      const { params, body } = routeInput(ctx, routes.updateSession);
      ctx.body = await mentoring().updateSession(ctx.state.user, params.documentId, body);
    },
    async deleteSession(ctx: Ctx) {
      await mentoring().deleteSession(ctx.state.user, routeInput(ctx, routes.deleteSession).params.documentId);
      ctx.status = 204;
    },
    async tickActionItem(ctx: Ctx) {
      const { params, body } = routeInput(ctx, routes.tickActionItem);
      ctx.body = await mentoring().tickActionItem(ctx.state.user, params.documentId, params.itemId, body.done);
    },
    async actionItems(ctx: Ctx) {
      ctx.body = await mentoring().actionItems(ctx.state.user, routeInput(ctx, routes.actionItems).query);
    },
    async hours(ctx: Ctx) {
      ctx.body = await mentoring().hours(ctx.state.user, routeInput(ctx, routes.hours).query);
    },
    async hoursCsv(ctx: Ctx) {
      const csv = await mentoring().hoursCsv(ctx.state.user, routeInput(ctx, routes.hoursCsv).query);
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', 'attachment; filename="mentoring-hours.csv"');
      ctx.set('Cache-Control', 'no-store');
      ctx.body = csv;
    },
  };
};
