/** Thin controllers: parse at the edge (400 naming the field), call the mentoring service, answer. */
import type { Core } from '@strapi/strapi';
import type { AdminUser } from '../workflow';
import {
  parseActionItemsQuery,
  parseHoursExportQuery,
  parseHoursQuery,
  parseRatingsQuery,
  parseRelationshipInput,
  parseRelationshipListQuery,
  parseSessionInput,
  parseSessionSearchQuery,
  parseTickInput,
} from './input';
import type { Problem } from './problems';
import { getMentoringService, invalid } from './service';

type Ctx = {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: { user: AdminUser };
  status: number;
  body: unknown;
  set(field: string, value: string): void;
};

/** The parsed value, or a 400 naming every field at fault. */
function valid<T>({ value, problems }: { value: T; problems: Problem[] }): T {
  if (problems.length) throw invalid(problems);
  return value;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const mentoring = () => getMentoringService(strapi);
  return {
    async me(ctx: Ctx) {
      ctx.body = await mentoring().me(ctx.state.user);
    },
    async competencies(ctx: Ctx) {
      ctx.body = await mentoring().competencies({ active: ctx.query.active === 'true' });
    },
    async listRelationships(ctx: Ctx) {
      ctx.body = await mentoring().listRelationships(ctx.state.user, valid(parseRelationshipListQuery(ctx.query)));
    },
    async getRelationship(ctx: Ctx) {
      ctx.body = await mentoring().getRelationship(ctx.state.user, ctx.params.documentId);
    },
    async createRelationship(ctx: Ctx) {
      const input = valid(parseRelationshipInput(ctx.request.body, 'create'));
      ctx.status = 201;
      ctx.body = await mentoring().createRelationship(ctx.state.user, input);
    },
    async updateRelationship(ctx: Ctx) {
      const input = valid(parseRelationshipInput(ctx.request.body, 'update'));
      ctx.body = await mentoring().updateRelationship(ctx.state.user, ctx.params.documentId, input);
    },
    async deleteRelationship(ctx: Ctx) {
      await mentoring().deleteRelationship(ctx.state.user, ctx.params.documentId);
      ctx.status = 204;
    },
    async timeline(ctx: Ctx) {
      ctx.body = await mentoring().timeline(ctx.state.user, ctx.params.documentId);
    },
    async nextSession(ctx: Ctx) {
      ctx.body = await mentoring().nextSession(ctx.state.user, ctx.params.documentId);
    },
    async ratings(ctx: Ctx) {
      ctx.body = await mentoring().ratings(ctx.state.user, valid(parseRatingsQuery(ctx.query)));
    },
    async searchSessions(ctx: Ctx) {
      ctx.body = await mentoring().searchSessions(ctx.state.user, valid(parseSessionSearchQuery(ctx.query)));
    },
    async getSession(ctx: Ctx) {
      ctx.body = await mentoring().getSession(ctx.state.user, ctx.params.documentId);
    },
    async createSession(ctx: Ctx) {
      const input = valid(parseSessionInput(ctx.request.body, 'create'));
      ctx.status = 201;
      ctx.body = await mentoring().createSession(ctx.state.user, input);
    },
    async updateSession(ctx: Ctx) {
      const input = valid(parseSessionInput(ctx.request.body, 'update'));
      ctx.body = await mentoring().updateSession(ctx.state.user, ctx.params.documentId, input);
    },
    async deleteSession(ctx: Ctx) {
      await mentoring().deleteSession(ctx.state.user, ctx.params.documentId);
      ctx.status = 204;
    },
    async tickActionItem(ctx: Ctx) {
      const { done } = valid(parseTickInput(ctx.request.body));
      ctx.body = await mentoring().tickActionItem(ctx.state.user, ctx.params.documentId, ctx.params.itemId, done);
    },
    async actionItems(ctx: Ctx) {
      ctx.body = await mentoring().actionItems(ctx.state.user, valid(parseActionItemsQuery(ctx.query)));
    },
    async hours(ctx: Ctx) {
      ctx.body = await mentoring().hours(ctx.state.user, valid(parseHoursQuery(ctx.query)));
    },
    async hoursCsv(ctx: Ctx) {
      const csv = await mentoring().hoursCsv(ctx.state.user, valid(parseHoursExportQuery(ctx.query)));
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', 'attachment; filename="mentoring-hours.csv"');
      ctx.set('Cache-Control', 'no-store');
      ctx.body = csv;
    },
  };
};
