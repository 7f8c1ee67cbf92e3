/**
 * Compliance (DESIGN.md, "Workflows on any type, publishing and compliance"): compliance
 * assessments (content type here, written only through these routes, which derive score and
 * passed), the `documents` and `standards` guards the project lifecycle's gates 2–5 use, the
 * compliance matrix and its export `compliance.csv` (docs/compliance.md). Document review is
 * its own capability object (document-review.ts) in this folder.
 */
import type { Core } from '@strapi/strapi';
import type { Capability } from '../capability';
import {
  COMPLIANCE_READ,
  COMPLIANCE_READ_OWN,
  COMPLIANCE_RECORD,
  complianceRoutes as input,
} from '../../../shared/contracts/compliance';
import { routeInput, type RouteContext } from '../platform/contract';
import { forbidden } from '../platform/errors';
import { getService } from '../services';
import assessmentSchema from './content-types/compliance-assessment.json';
import { complianceGuards } from './guards';
import { createComplianceMatrix } from './matrix';
import { createComplianceService, getComplianceService, type Caller } from './service';
import { sendDownload } from '../platform/download';

type Ability = { can(action: string, subject?: string | null): boolean };
type Ctx = RouteContext<{ user: Caller['user']; userAbility: Ability }>;

const READERS = [COMPLIANCE_READ, COMPLIANCE_READ_OWN];

/** Route policy: one of the actions (admin::hasPermissions wants them all), refused in words. */
function mayUseCompliance(policyContext: { state: { userAbility?: Ability } }, config: { actions: string[]; refusal: string }) {
  const ability = policyContext.state.userAbility;
  if (!ability || !config.actions.some((action) => ability.can(action))) throw forbidden(config.refusal);
  return true;
}

const policy = (actions: string[], refusal: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'plugin::pmo.may-use-compliance', config: { actions, refusal } }],
});
const read = policy(READERS, 'You may not see compliance assessments');
const recordPolicy = policy([COMPLIANCE_RECORD], 'You may not record compliance assessments');

const caller = (ctx: Ctx): Caller => ({ user: ctx.state.user, ability: ctx.state.userAbility });

const controller = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getComplianceService(strapi);
  const matrix = createComplianceMatrix(strapi);
  return {
    async matrix(ctx: Ctx) {
      ctx.body = await matrix.matrix(caller(ctx), routeInput(ctx, input.matrix).query);
    },
    async exportCsv(ctx: Ctx) {
      sendDownload(ctx, await matrix.exportCsv(caller(ctx), routeInput(ctx, input.exportCsv).query as never), 'text/csv; charset=utf-8');
    },
    async standards(ctx: Ctx) {
      routeInput(ctx, input.standards);
      ctx.body = await service().publishedStandards();
    },
    async list(ctx: Ctx) {
      ctx.body = await service().list(caller(ctx), routeInput(ctx, input.list).query);
    },
    async get(ctx: Ctx) {
      ctx.body = await service().get(caller(ctx), routeInput(ctx, input.get).params.documentId);
    },
    async record(ctx: Ctx) {
      ctx.body = await service().record(caller(ctx), routeInput(ctx, input.record).body);
      ctx.status = 201;
    },
  };
};

export const compliance: Capability = {
  name: 'compliance',
  contentTypes: { 'compliance-assessment': { schema: assessmentSchema } },
  services: { compliance: ({ strapi }) => createComplianceService(strapi) },
  controllers: { compliance: controller },
  adminRoutes: [
    { method: 'GET', path: '/compliance/matrix', handler: 'compliance.matrix', input: input.matrix, config: read },
    { method: 'GET', path: '/compliance/standards', handler: 'compliance.standards', input: input.standards, config: read },
    { method: 'GET', path: '/compliance/assessments', handler: 'compliance.list', input: input.list, config: read },
    { method: 'GET', path: '/compliance/assessments/:documentId', handler: 'compliance.get', input: input.get, config: read },
    { method: 'POST', path: '/compliance/assessments', handler: 'compliance.record', input: input.record, config: recordPolicy },
    // Before finance's `/exports/:report.csv` (capabilities.ts lists compliance first), as mentoring's hours.csv.
    { method: 'GET', path: '/exports/compliance.csv', handler: 'compliance.exportCsv', input: input.exportCsv, config: read },
  ],
  policies: { 'may-use-compliance': mayUseCompliance as never },
  actions: [
    { section: 'plugins', displayName: 'See the compliance of every project', uid: 'compliance.read', subCategory: 'compliance', pluginName: 'pmo' },
    {
      section: 'plugins',
      displayName: 'See the compliance of the projects one manages',
      uid: 'compliance.read-own',
      subCategory: 'compliance',
      pluginName: 'pmo',
    },
    { section: 'plugins', displayName: 'Record compliance assessments', uid: 'compliance.record', subCategory: 'compliance', pluginName: 'pmo' },
  ],
  grants: {
    'pmo-director': [COMPLIANCE_READ],
    'pmo-manager': [COMPLIANCE_READ, COMPLIANCE_RECORD],
    'pmo-analyst': [COMPLIANCE_READ, COMPLIANCE_RECORD],
    'pmo-administrator': [COMPLIANCE_READ, COMPLIANCE_RECORD],
    'project-manager': [COMPLIANCE_READ_OWN],
  },
  register(strapi) {
    const catalogue = getService(strapi, 'catalogue');
    complianceGuards(strapi).forEach((guard) => catalogue.registerGuard(guard));
  },
};
