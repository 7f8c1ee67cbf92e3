'use strict';
/**
 * Boots Strapi once in its own process on the database given by the environment, prints a JSON
 * report of what bootstrap left there, and exits: restart tests run it twice.
 */
const { bootStrapi } = require('./boot');

(async () => {
  const strapi = await bootStrapi({ database: {} });
  const roles = await strapi.db.query('admin::role').findMany({ select: ['code'] });
  const counts = {};
  for (const { code } of roles) counts[code] = (counts[code] || 0) + 1;
  const permissions = await strapi.db.query('admin::permission').count();
  // Seeded once: the email templates and one lease row per scheduled job.
  const templates = await strapi.db.query('plugin::pmo.notification-template').count();
  const jobLeases = await strapi.db.query('plugin::pmo.job-lease').count();
  await strapi.destroy();
  process.stdout.write(`REPORT ${JSON.stringify({ roles: counts, permissions, templates, jobLeases })}\n`);
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
