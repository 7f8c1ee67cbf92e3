/** Thin controllers: the route's contract has checked the input (platform/contract.ts); the policy the right to read. */
import type { Core } from '@strapi/strapi';
import { capacityRoutes as routes, overCapacityWords } from '../../../../shared/contracts/capacity';
import { allocationWarnings } from './limit';
import { routeInput, type RouteContext } from '../../platform/contract';
import { capacityCsv } from './exports';
import type { CapacityService } from './service';
import { sendDownload } from '../../platform/download';

type Ctx = RouteContext;

export const capacityService = (strapi: Core.Strapi) => strapi.plugin('pmo').service('capacity') as CapacityService;

export const capacityController = ({ strapi }: { strapi: Core.Strapi }) => {
  async function sendCsv(ctx: Ctx) {
    const { query } = routeInput(ctx, routes.exportCsv);
    await capacityService(strapi).checkFilters(query);
    sendDownload(ctx, await capacityCsv(capacityService(strapi), query), 'text/csv; charset=utf-8');
  }

  return {
    async capacity(ctx: Ctx) {
      const { query } = routeInput(ctx, routes.capacity);
      await capacityService(strapi).checkFilters(query);
      ctx.body = await capacityService(strapi).capacity(query);
    },

    async person(ctx: Ctx) {
      const { params, query } = routeInput(ctx, routes.person);
      ctx.body = await capacityService(strapi).person(params.documentId, query.month);
    },

    /** What the Content Manager's panel shows beside an allocation: the months it books its person over. */
    async allocationWarnings(ctx: Ctx) {
      const { params } = routeInput(ctx, routes.allocationWarnings);
      const { fullName, available, over } = await allocationWarnings(strapi, () => capacityService(strapi), params.documentId);
      ctx.body = { warnings: over.map((entry) => overCapacityWords(fullName, entry.percent, entry.month, available)) };
    },

    /** `/pmo/exports/capacity.csv` (admin). */
    exportCsv: sendCsv,

    /** `/api/pmo/exports/capacity.csv` (an API token with the Content-API permission `capacity.download`). */
    download: sendCsv,
  };
};
