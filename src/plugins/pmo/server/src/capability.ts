/**
 * A capability (finance, mentoring, governance, …) is one folder that brings its own content
 * types, services, controllers, routes, RBAC actions and role grants. The plugin's entry points
 * merge them (capabilities.ts), so adding a capability touches one list, not every file.
 */
import type { Core } from '@strapi/strapi';
import type { RouteContract } from '../../shared/contracts/common';
import { validateInput } from './platform/contract';
import type { ContentAction, PmoRoleKey } from './roles/definitions';

export type ActionDefinition = {
  section: 'plugins';
  displayName: string;
  uid: string;
  subCategory?: string;
  pluginName: 'pmo';
};

export type RouteDefinition = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: string;
  /** The route's params, query and body (shared/contracts/), checked before the handler runs. */
  input: RouteContract;
  config?: Record<string, unknown>;
};

type Factory = (deps: { strapi: Core.Strapi }) => unknown;

export type Capability = {
  name: string;
  contentTypes?: Record<string, { schema: unknown }>;
  services?: Record<string, Factory>;
  controllers?: Record<string, Factory>;
  /** Admin routes, mounted under /pmo (admin JWT). Each declares its policy. */
  adminRoutes?: RouteDefinition[];
  /** Content API routes, mounted under /api/pmo (API tokens, users-permissions). */
  contentApiRoutes?: RouteDefinition[];
  /** Route policies, registered as `plugin::pmo.<name>`. */
  policies?: Record<string, (policyContext: never, config: never, deps: { strapi: Core.Strapi }) => unknown>;
  actions?: ActionDefinition[];
  /** Plugin actions each PMO role holds by default. */
  grants?: Partial<Record<PmoRoleKey, string[]>>;
  /** Content Manager rights each PMO role holds by default on this capability's types. */
  contentGrants?: Partial<Record<PmoRoleKey, Record<string, ContentAction[]>>>;
  register?(strapi: Core.Strapi): void;
  bootstrap?(strapi: Core.Strapi): Promise<void>;
  /** On shutdown (the plugin's destroy): let go of what the capability holds, e.g. job leases. */
  destroy?(strapi: Core.Strapi): Promise<void>;
};

/** `admin::hasPermissions` for the given plugin actions: the policy every admin route declares. */
export const requirePermissions = (...actions: string[]) => ({
  policies: [{ name: 'admin::hasPermissions', config: { actions } }],
});

/** A route as Strapi mounts it: its contract becomes the first route middleware, after the policy. */
export function mountRoute({ input, ...route }: RouteDefinition) {
  const config = route.config ?? {};
  const middlewares = Array.isArray(config.middlewares) ? config.middlewares : [];
  return { ...route, config: { ...config, middlewares: [validateInput(input), ...middlewares] } };
}
