/**
 * Search (DESIGN.md, "Search and lists"): `GET /pmo/search` finds people, projects, programmes
 * and portfolios for the admin's pickers, among what the caller may read (service.ts), matching
 * case and accents aside (fold.ts). Any PMO Hub user may ask; the answer is theirs to read.
 */
import type { Core } from '@strapi/strapi';
import { searchRoutes } from '../../../shared/contracts/search';
import { PMO_ACCESS } from '../../../shared/contracts/workflow';
import { requirePermissions, type Capability } from '../capability';
import { routeInput } from '../platform/contract';
import { createSearchService, getSearchService, type UserAbility } from './service';

type Ctx = {
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: { userAbility: UserAbility } & Record<string, unknown>;
  body: unknown;
};

const controller = ({ strapi }: { strapi: Core.Strapi }) => ({
  async search(ctx: Ctx) {
    ctx.body = await getSearchService(strapi).search(routeInput(ctx, searchRoutes.search).query, ctx.state.userAbility);
  },
});

export const search: Capability = {
  name: 'search',
  services: { search: ({ strapi }) => createSearchService(strapi) },
  controllers: { search: controller },
  adminRoutes: [
    { method: 'GET', path: '/search', handler: 'search.search', input: searchRoutes.search, config: requirePermissions(PMO_ACCESS) },
  ],
};
