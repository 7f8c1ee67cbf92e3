'use strict';
/**
 * The cluster suite (npm run test:cluster): PostgreSQL only. Builds what the instances run (the
 * plugin bundle and dist/, as the API suite does) and names this run's databases so the teardown
 * drops exactly them.
 */
const { buildOnce } = require('../helpers/build-once');

module.exports = async () => {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.DATABASE_CLIENT = 'postgres';
  process.env.PMO_TEST_RUN = process.env.PMO_TEST_RUN || `${Date.now().toString(36)}${process.pid}`;
  await buildOnce();
};
