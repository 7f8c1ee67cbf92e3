/** Thin controllers: the route's contract has checked the input (platform/contract.ts); call the engine, answer with DESIGN.md's status codes. */
import type { Core } from '@strapi/strapi';
import { workflowRoutes as routes } from '../../../shared/contracts/workflow';
import { workflowTryRoutes as tryRoutes } from '../../../shared/contracts/workflow-try';
import { routeInput, type RouteContext } from '../platform/contract';
import { getService } from '../services';
import type { AdminUser } from './actor';
import { displayName } from './actor';

type Ctx = RouteContext<{ user: AdminUser }>;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const engine = () => getService(strapi, 'workflow');
  return {
    async list(ctx: Ctx) {
      ctx.body = await engine().listWorkflows();
    },
    async get(ctx: Ctx) {
      ctx.body = await engine().getWorkflow(routeInput(ctx, routes.get).params.key);
    },
    async create(ctx: Ctx) {
      const { body } = routeInput(ctx, routes.create);
      ctx.status = 201;
      ctx.body = await engine().createWorkflow(body, displayName(ctx.state.user));
    },
    async update(ctx: Ctx) {
      const { params, body } = routeInput(ctx, routes.update);
      ctx.body = await engine().updateWorkflow(params.key, body, displayName(ctx.state.user));
    },
    async validate(ctx: Ctx) {
      ctx.body = await engine().validate(routeInput(ctx, routes.validate).body);
    },
    async instance(ctx: Ctx) {
      const { uid, documentId } = routeInput(ctx, routes.instance).query;
      ctx.body = await engine().view(uid, documentId, ctx.state.user);
    },
    async fire(ctx: Ctx) {
      const result = await engine().fire(routeInput(ctx, routes.fire).body, ctx.state.user);
      // 200: the item moved ({ outcome, state, version }); 202: a vote short of the quorum
      // ({ outcome, votes, quorum, version }). Refusals are errors thrown by the engine.
      ctx.status = result.outcome === 'applied' ? 200 : 202;
      ctx.body = result;
    },
    async roles(ctx: Ctx) {
      routeInput(ctx, tryRoutes.roles);
      ctx.body = await engine().tryOut.roles();
    },
    async tryUsers(ctx: Ctx) {
      const { params, query } = routeInput(ctx, tryRoutes.users);
      ctx.body = await engine().tryOut.users(params.key, query.q);
    },
    async tryItems(ctx: Ctx) {
      const { params, query } = routeInput(ctx, tryRoutes.items);
      ctx.body = await engine().tryOut.items(params.key, query.q);
    },
    /** 200 with { allowed, blockers, … }: nothing is fired, created or recorded. */
    async try(ctx: Ctx) {
      const { params, body } = routeInput(ctx, tryRoutes.try);
      ctx.body = await engine().tryOut.tryTransition(params.key, body);
    },
    async history(ctx: Ctx) {
      const { uid, documentId } = routeInput(ctx, routes.history).query;
      ctx.body = await engine().history(uid, documentId);
    },
  };
};
