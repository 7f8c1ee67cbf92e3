/** Thin controllers: parse at the edge, call the engine, answer with DESIGN.md's status codes. */
import type { Core } from '@strapi/strapi';
import { errors, validateYupSchema, yup } from '@strapi/utils';
import { getService } from '../services';
import type { AdminUser } from './actor';
import { displayName } from './actor';

type Ctx = {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: { user: AdminUser };
  status: number;
  body: unknown;
};

const targetQuery = yup.object({
  uid: yup.string().required('uid is required (a content type uid such as api::project.project)'),
  documentId: yup.string().required('documentId is required'),
});

const fireBody = yup
  .object({
    uid: yup.string().required('uid is required (a content type uid such as api::project.project)'),
    documentId: yup.string().required('documentId is required'),
    transition: yup.string().required('transition is required (the key of a transition)'),
    comment: yup.string().nullable().max(5000, 'comment must be at most 5000 characters'),
    expectedVersion: yup
      .number()
      .typeError('expectedVersion must be a whole number')
      .integer('expectedVersion must be a whole number')
      .min(1, 'expectedVersion must be 1 or more'),
  })
  .noUnknown(true, 'unknown field(s): ${unknown}')
  .strict();

const definitionBody = (body: unknown) => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new errors.ValidationError('body must be a workflow definition object');
  }
  return body as Record<string, unknown>;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const engine = () => getService(strapi, 'workflow');
  return {
    async list(ctx: Ctx) {
      ctx.body = await engine().listWorkflows();
    },
    async get(ctx: Ctx) {
      ctx.body = await engine().getWorkflow(ctx.params.key);
    },
    async create(ctx: Ctx) {
      ctx.status = 201;
      ctx.body = await engine().createWorkflow(definitionBody(ctx.request.body), displayName(ctx.state.user));
    },
    async update(ctx: Ctx) {
      ctx.body = await engine().updateWorkflow(ctx.params.key, definitionBody(ctx.request.body), displayName(ctx.state.user));
    },
    async validate(ctx: Ctx) {
      ctx.body = { problems: await engine().validate(ctx.request.body) };
    },
    async instance(ctx: Ctx) {
      const { uid, documentId } = await validateYupSchema(targetQuery)(ctx.query);
      ctx.body = await engine().view(uid, documentId, ctx.state.user);
    },
    async fire(ctx: Ctx) {
      const body = await validateYupSchema(fireBody)(ctx.request.body ?? {});
      const result = await engine().fire(body, ctx.state.user);
      // 200: the item moved ({ outcome, state, version }); 202: a vote short of the quorum
      // ({ outcome, votes, quorum, version }). Refusals are errors thrown by the engine.
      ctx.status = result.outcome === 'applied' ? 200 : 202;
      ctx.body = result;
    },
    async history(ctx: Ctx) {
      const { uid, documentId } = await validateYupSchema(targetQuery)(ctx.query);
      ctx.body = await engine().history(uid, documentId);
    },
  };
};
