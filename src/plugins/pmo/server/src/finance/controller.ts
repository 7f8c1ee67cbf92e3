/** Thin controllers: validate the query at the edge (400 naming the parameter), call one service. */
import type { Core } from '@strapi/strapi';
import { invalidField } from '../platform/errors';
import { financeService } from './services';
import { parseEvmQuery, parseExportQuery, parseOutlineQuery, type Parsed } from './params';

type Ctx = {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  set(field: string, value: string): void;
  attachment(filename: string): void;
};

function valid<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw invalidField([parsed.problem.param], parsed.problem.message);
  return parsed.value;
}

export const earnedValueController = ({ strapi }: { strapi: Core.Strapi }) => {
  const evm = () => financeService(strapi, 'earnedValue');
  return {
    async project(ctx: Ctx) {
      ctx.body = await evm().project(ctx.params.documentId, valid(parseEvmQuery(ctx.query)));
    },
    async programme(ctx: Ctx) {
      ctx.body = await evm().programme(ctx.params.documentId, valid(parseEvmQuery(ctx.query)));
    },
    async portfolio(ctx: Ctx) {
      ctx.body = await evm().portfolio(ctx.params.documentId, valid(parseEvmQuery(ctx.query)));
    },
    async projectSeries(ctx: Ctx) {
      ctx.body = await evm().projectSeries(ctx.params.documentId, valid(parseEvmQuery(ctx.query)));
    },
    async programmeSeries(ctx: Ctx) {
      ctx.body = await evm().programmeSeries(ctx.params.documentId, valid(parseEvmQuery(ctx.query)));
    },
  };
};

export const budgetOutlineController = ({ strapi }: { strapi: Core.Strapi }) => {
  const outline = () => financeService(strapi, 'budgetOutline');
  return {
    async project(ctx: Ctx) {
      ctx.body = await outline().project(ctx.params.documentId, valid(parseOutlineQuery(ctx.query)));
    },
    async programme(ctx: Ctx) {
      ctx.body = await outline().programme(ctx.params.documentId, valid(parseOutlineQuery(ctx.query)));
    },
  };
};

export const exportsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET …/exports/<report>.csv: a streamed CSV attachment. */
  async download(ctx: Ctx) {
    const params = valid(parseExportQuery(ctx.params.report, ctx.query));
    const { filename, stream } = await financeService(strapi, 'exports').open(params);
    ctx.attachment(filename);
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = stream;
  },
});
