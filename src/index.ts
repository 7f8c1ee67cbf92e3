import type { Core } from '@strapi/strapi';
import { releaseStartupLock, takeStartupLock } from './startup-lock';

/**
 * The app's own lifecycle is kept thin: PMO Hub's behaviour lives in the `pmo` plugin
 * (src/plugins/pmo), which registers the money field, the RBAC actions and the PMO roles.
 * The one thing here is start-up serialisation (src/startup-lock.ts): `register` runs before
 * Strapi opens the database and `bootstrap` after every plugin's, so the lock they hold covers
 * the schema sync, Strapi's migrations and every plugin's seeding.
 */
export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    await takeStartupLock(strapi);
  },
  async bootstrap(_: { strapi: Core.Strapi }) {
    await releaseStartupLock();
  },
  async destroy(_: { strapi: Core.Strapi }) {
    await releaseStartupLock();
  },
};
