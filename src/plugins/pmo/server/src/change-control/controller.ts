/** Thin controllers: parse at the edge (400 naming the field), call the change-control service. */
import type { Core } from '@strapi/strapi';
import { validateYupSchema, yup } from '@strapi/utils';
import type { AdminUser } from '../workflow';
import { parseRaise } from './raise-input';
import { getChangeControlService } from './service';

type Ctx = {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: { user: AdminUser };
  status: number;
  body: unknown;
};

const listQuery = yup
  .object({
    project: yup.string().max(255, 'project must be a project code or documentId'),
    state: yup.string().max(64, 'state must be a state key'),
    type: yup.string().oneOf(['normal', 'standard', 'emergency'], 'type must be one of normal, standard, emergency'),
    olderThanDays: yup.string().matches(/^\d{1,5}$/, 'olderThanDays must be a whole number of days'),
  })
  .noUnknown(true, 'unknown query parameter(s): ${unknown}');

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Ctx) {
    // Strict: a non-strict yup drops unknown parameters silently.
    const { olderThanDays, ...filters } = await validateYupSchema(listQuery, { strict: true })(ctx.query);
    ctx.body = await getChangeControlService(strapi).list({
      ...filters,
      olderThanDays: olderThanDays === undefined ? undefined : Number(olderThanDays),
    });
  },
  async get(ctx: Ctx) {
    ctx.body = await getChangeControlService(strapi).detail(ctx.params.documentId);
  },
  async raise(ctx: Ctx) {
    const input = await parseRaise(ctx.request.body);
    ctx.status = 201;
    ctx.body = await getChangeControlService(strapi).raise(input, ctx.state.user);
  },
});
