import type { Core } from '@strapi/strapi';
import { rebuildLatestReports } from '../platform/latest-reports';
import { asCapability, refuseProtectedFieldChanges } from '../security/protected-fields';
import { createCatalogue } from '../workflow/catalogue';
import { createWorkflowEngine } from '../workflow/engine';

const services = {
  /** Guard and effect types; capabilities register theirs in their register phase. */
  catalogue: () => createCatalogue(),
  workflow: ({ strapi }: { strapi: Core.Strapi }) =>
    createWorkflowEngine(strapi, strapi.plugin('pmo').service('catalogue')),
  /**
   * The protected fields check for code that does not import the plugin's modules (the demo
   * load, the tests): `asCapability` must be this module's, whose scope the check reads.
   */
  protectedFields: ({ strapi }: { strapi: Core.Strapi }) => ({
    asCapability,
    refuseChanges: (uid: string, documentId: string | null, data: Record<string, unknown>) =>
      refuseProtectedFieldChanges(strapi, uid, documentId, data),
  }),
  /** Each project's latest status report (platform/latest-reports.ts): `rebuild()` after data loaded with the triggers off. */
  latestReports: ({ strapi }: { strapi: Core.Strapi }) => ({ rebuild: () => rebuildLatestReports(strapi) }),
};

export default services;

export type PmoServices = {
  [K in keyof typeof services]: ReturnType<(typeof services)[K]>;
};

/** The plugin's services, typed: a rename is a compile error, not a runtime `undefined`. */
export function getService<K extends keyof PmoServices>(strapi: Core.Strapi, name: K): PmoServices[K] {
  return strapi.plugin('pmo').service(name) as PmoServices[K];
}
