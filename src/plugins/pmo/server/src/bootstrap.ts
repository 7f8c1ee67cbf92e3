import type { Core } from '@strapi/strapi';
import { applyContentManagerLayouts } from './content-manager/layouts';
import { actionDefinitions } from './permissions';
import { ensurePmoRoles } from './roles/ensure-roles';
import { bootstrapWorkflows } from './workflow/bootstrap';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await (strapi.service('admin::permission') as any).actionProvider.registerMany(actionDefinitions);
  await ensurePmoRoles(strapi);
  await applyContentManagerLayouts(strapi);
  await bootstrapWorkflows(strapi);
};

export default bootstrap;
