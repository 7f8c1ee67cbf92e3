/** Thin controllers: parse at the edge (400 naming the field), call the governance service. */
import type { Core } from '@strapi/strapi';
import type { AdminUser } from '../workflow';
import { parseBoardQuery, parseConditionUpdate, parseListQuery, parseSchedule, parseUpdate } from './input';
import { getGovernanceService } from './service';

export const GOVERNANCE_READ = 'plugin::pmo.governance.read';
export const GOVERNANCE_MANAGE = 'plugin::pmo.governance.manage';

type Ctx = {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: { user: AdminUser; userAbility: { can(action: string): boolean } };
  status: number;
  body: unknown;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const governance = () => getGovernanceService(strapi);
  return {
    async board(ctx: Ctx) {
      ctx.body = await governance().board(ctx.state.user, await parseBoardQuery(ctx.query));
    },
    async project(ctx: Ctx) {
      ctx.body = await governance().projectGovernance(ctx.params.documentId, ctx.state.user);
    },
    async list(ctx: Ctx) {
      ctx.body = await governance().listReviews(await parseListQuery(ctx.query));
    },
    async get(ctx: Ctx) {
      ctx.body = await governance().getReview(ctx.params.documentId);
    },
    async schedule(ctx: Ctx) {
      const input = await parseSchedule(ctx.request.body);
      ctx.status = 201;
      ctx.body = await governance().scheduleReview(input, ctx.state.user);
    },
    async update(ctx: Ctx) {
      ctx.body = await governance().updateReview(ctx.params.documentId, await parseUpdate(ctx.request.body), ctx.state.user);
    },
    async updateCondition(ctx: Ctx) {
      const input = await parseConditionUpdate(ctx.request.body);
      const canManage = ctx.state.userAbility.can(GOVERNANCE_MANAGE);
      ctx.body = await governance().updateCondition(ctx.params.documentId, input, ctx.state.user, canManage);
    },
  };
};
