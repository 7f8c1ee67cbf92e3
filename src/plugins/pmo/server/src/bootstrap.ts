import type { Core } from '@strapi/strapi';
import { applyContentManagerLayouts } from './content-manager/layouts';
import { backfillRecordLabels } from './content-manager/record-labels';
import { CAPABILITIES, capabilityActions } from './capabilities';
import { actionDefinitions } from './permissions';
import { ensureLatestReports } from './platform/latest-reports';
import { ensureLookupIndexes } from './platform/lookup-indexes';
import { ensurePmoRoles } from './roles/ensure-roles';
import { installAbilityCache } from './security/ability-cache';
import { bootstrapWorkflows } from './workflow/bootstrap';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await (strapi.service('admin::permission') as any).actionProvider.registerMany([...actionDefinitions, ...capabilityActions()]);
  await ensurePmoRoles(strapi);
  // Each admin's ability built once per set of permissions, not on every request (security/ability-cache.ts).
  installAbilityCache(strapi);
  await ensureLookupIndexes(strapi);
  // Each project's latest status report, kept by database triggers (platform/latest-reports.ts).
  await ensureLatestReports(strapi);
  await applyContentManagerLayouts(strapi);
  await backfillRecordLabels(strapi);
  await bootstrapWorkflows(strapi);
  for (const capability of CAPABILITIES) await capability.bootstrap?.(strapi);
};

export default bootstrap;
