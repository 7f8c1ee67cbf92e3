import type { Core } from '@strapi/strapi';
import { CAPABILITIES } from './capabilities';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  for (const capability of CAPABILITIES) await capability.destroy?.(strapi);
};

export default destroy;
