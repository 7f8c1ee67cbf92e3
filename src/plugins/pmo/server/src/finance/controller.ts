/** Thin controllers: the route's contract has checked the input (platform/contract.ts); call one service. */
import type { Core } from '@strapi/strapi';
import { exportQuery, financeRoutes as routes } from '../../../shared/contracts/finance';
import { parseOrRefuse, routeInput, type RouteContext } from '../platform/contract';
import { financeService } from './services';
import { sendDownload } from '../platform/download';

type Ctx = RouteContext;

export const earnedValueController = ({ strapi }: { strapi: Core.Strapi }) => {
  const evm = () => financeService(strapi, 'earnedValue');
  return {
    async project(ctx: Ctx) {
      const { params, query } = routeInput(ctx, routes.projectEvm);
      ctx.body = await evm().project(params.documentId, query.asOf);
    },
    async programme(ctx: Ctx) {
      const { params, query: { asOf, ...paging } } = routeInput(ctx, routes.programmeEvm);
      ctx.body = await evm().programme(params.documentId, asOf, paging);
    },
    async portfolio(ctx: Ctx) {
      const { params, query: { asOf, programmes, ...paging } } = routeInput(ctx, routes.portfolioEvm);
      ctx.body = await evm().portfolio(params.documentId, asOf, paging, { programmes });
    },
    async projectSeries(ctx: Ctx) {
      const { params, query } = routeInput(ctx, routes.projectSeries);
      ctx.body = await evm().projectSeries(params.documentId, query.asOf);
    },
    async programmeSeries(ctx: Ctx) {
      const { params, query } = routeInput(ctx, routes.programmeSeries);
      ctx.body = await evm().programmeSeries(params.documentId, query.asOf);
    },
  };
};

export const budgetOutlineController = ({ strapi }: { strapi: Core.Strapi }) => {
  const outline = () => financeService(strapi, 'budgetOutline');
  return {
    async project(ctx: Ctx) {
      const { params, query } = routeInput(ctx, routes.projectOutline);
      ctx.body = await outline().project(params.documentId, query);
    },
    async programme(ctx: Ctx) {
      const { params, query } = routeInput(ctx, routes.programmeOutline);
      ctx.body = await outline().programme(params.documentId, query);
    },
  };
};

export const exportsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET …/exports/<report>.csv: a streamed CSV attachment; the query is read for its report. */
  async download(ctx: Ctx) {
    const { params, query } = routeInput(ctx, routes.exportCsv);
    const request = parseOrRefuse(exportQuery[params.report], query, 'query');
    sendDownload(ctx, await financeService(strapi, 'exports').open(request), 'text/csv; charset=utf-8');
  },
});
