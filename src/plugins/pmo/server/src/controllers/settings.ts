import type { Core } from '@strapi/strapi';
import type { PmoSettings } from '../../../shared/contracts/workflow';
import type { PmoConfig } from '../config';

/** What the admin panel needs to render PMO Hub (the organisation currency). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: { body: unknown }) {
    const config = strapi.config.get('plugin::pmo') as PmoConfig;
    const settings: PmoSettings = { currency: config.currency };
    ctx.body = settings;
  },
});
