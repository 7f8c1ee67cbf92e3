import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: {
    keys: env.array('APP_KEYS')!,
  },
  // No update checks: PMO Hub may run where there is no internet.
  logger: { updates: { enabled: false } },
  // nginx keeps idle connections to an instance open (deploy/nginx/pmo-hub.conf: upstream
  // keepalive_timeout 60 s) and may send a request on one just as the instance closes it (Node's
  // default is 5 s idle): nginx then answers a POST or PUT 502, since it never re-sends those. The
  // instance keeps idle connections longer than any proxy in front of it.
  http: {
    serverOptions: {
      keepAliveTimeout: env.int('PMO_KEEP_ALIVE_MS', 65_000),
      headersTimeout: env.int('PMO_KEEP_ALIVE_MS', 65_000) + 1_000,
    },
  },
  webhooks: {
    populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
  },
});

export default config;
