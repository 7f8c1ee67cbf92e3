import type { Core } from '@strapi/strapi';
import { CAPABILITIES } from './capabilities';
import { drain } from './operations';

/**
 * On shutdown (SIGTERM, SIGINT or strapi.destroy()): first the requests in flight are answered
 * (operations/drain.ts), then each capability lets go of what it holds (job leases).
 */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await drain(strapi);
  for (const capability of CAPABILITIES) await capability.destroy?.(strapi);
};

export default destroy;
