/**
 * Running PMO Hub on several instances (docs/deployment.md): the public readiness route a load
 * balancer calls (`GET /pmo/health`, health.ts) and graceful shutdown (drain.ts): on SIGTERM an
 * instance stops taking requests, answers those in flight, and only then lets its job leases go.
 * Start-up serialisation is the app's (src/startup-lock.ts): it must wrap Strapi's schema sync,
 * which runs before any plugin's bootstrap.
 */
import type { Capability } from '../capability';
import { operationsRoutes as input } from '../../../shared/contracts/operations';
import { routeInput, type RouteContext } from '../platform/contract';
import { drain, trackRequests } from './drain';
import { health } from './health';

const controller = ({ strapi }: { strapi: any }) => ({
  async health(ctx: RouteContext) {
    routeInput(ctx, input.health);
    const answer = await health(strapi);
    ctx.set('Cache-Control', 'no-store');
    ctx.status = answer.status === 'ok' ? 200 : 503;
    ctx.body = answer;
  },
});

export const operations: Capability = {
  name: 'operations',
  controllers: { operations: controller },
  adminRoutes: [
    // Public: a load balancer calls it without credentials; it answers no personal or business data.
    { method: 'GET', path: '/health', handler: 'operations.health', input: input.health, config: { auth: false } },
  ],
  register(strapi) {
    trackRequests(strapi);
  },
};

/** The first thing the plugin's destroy does: before any capability lets go of what it holds. */
export { drain };
