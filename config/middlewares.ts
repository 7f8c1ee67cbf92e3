import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  // Request ids, the one 400 shape for unreadable bodies, 500s logged with the request id.
  'plugin::pmo.request-errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  {
    name: 'strapi::body',
    // Larger bodies are answered 413 before they are read; uploads have their own limit.
    config: { jsonLimit: env('PMO_MAX_BODY', '1mb'), formLimit: env('PMO_MAX_BODY', '1mb'), textLimit: env('PMO_MAX_BODY', '1mb') },
  },
  // Prototype-named keys, non-object bodies, malformed relation references: 400 before any route.
  'plugin::pmo.request-guard',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
