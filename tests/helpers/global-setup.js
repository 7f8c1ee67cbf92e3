'use strict';
const { buildOnce } = require('./build-once');

module.exports = async () => {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  // Workers inherit this: it names the databases of this run so teardown drops exactly them.
  process.env.PMO_TEST_RUN = process.env.PMO_TEST_RUN || `${Date.now().toString(36)}${process.pid}`;
  await buildOnce();
};
