import type { Core } from '@strapi/strapi';

/**
 * The app's own lifecycle is kept thin: PMO Hub's behaviour lives in the `pmo` plugin
 * (src/plugins/pmo), which registers the money field, the RBAC actions and the PMO roles.
 */
export default {
  register(_: { strapi: Core.Strapi }) {},
  bootstrap(_: { strapi: Core.Strapi }) {},
};
