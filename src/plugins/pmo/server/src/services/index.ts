import type { Core } from '@strapi/strapi';
import { createCatalogue } from '../workflow/catalogue';
import { createWorkflowEngine } from '../workflow/engine';

const services = {
  /** Guard and effect types; capabilities register theirs in their register phase. */
  catalogue: () => createCatalogue(),
  workflow: ({ strapi }: { strapi: Core.Strapi }) =>
    createWorkflowEngine(strapi, strapi.plugin('pmo').service('catalogue')),
};

export default services;

export type PmoServices = {
  [K in keyof typeof services]: ReturnType<(typeof services)[K]>;
};

/** The plugin's services, typed: a rename is a compile error, not a runtime `undefined`. */
export function getService<K extends keyof PmoServices>(strapi: Core.Strapi, name: K): PmoServices[K] {
  return strapi.plugin('pmo').service(name) as PmoServices[K];
}
