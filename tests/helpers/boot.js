'use strict';
/**
 * Boots the real Strapi app (compiled once per run into dist/ by global-setup) on a fresh
 * database. Runs in Jest's outer context, so one instance serves every test file of a worker.
 */
const { ROOT, DIST } = require('./paths');
const { freshDatabase } = require('./database');

const TEST_SECRETS = {
  APP_KEYS: 'test-key-1,test-key-2',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  JWT_SECRET: 'test-jwt-secret',
  ENCRYPTION_KEY: 'test-encryption-key-0123456789abcdef',
};

/** A TCP port free on the loopback now (the worker's SMTP sink listens there: tests/helpers/smtp-sink.ts). */
function freePort() {
  const net = require('net');
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function bootStrapi({ label, serveAdmin = false, database } = {}) {
  const db = database || (await freshDatabase(label || `w${process.env.JEST_WORKER_ID || '1'}`));
  // Mail goes to the worker's SMTP sink (started by the tests that read mail); the scheduled jobs
  // stay off, so tests run them when they choose (POST /pmo/jobs/:key/run).
  const smtp = {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(process.env.PMO_TEST_SMTP_PORT || (await freePort())),
    SMTP_SECURE: 'false',
    SMTP_IGNORE_TLS: 'true',
    SMTP_FROM: 'PMO Hub <pmo-hub@test.pmo>',
    PMO_JOBS: process.env.PMO_TEST_JOBS || 'false',
    PMO_APP_URL: 'http://pmo.test',
  };
  Object.assign(process.env, {
    NODE_ENV: 'test',
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'none',
    HOST: '127.0.0.1',
    SERVE_ADMIN_PANEL: serveAdmin ? 'true' : 'false',
    PMO_CURRENCY: process.env.PMO_CURRENCY || 'EUR',
    ...TEST_SECRETS,
    ...smtp,
    ...db,
  });
  process.chdir(ROOT);
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: ROOT, distDir: DIST });
  app.log.level = process.env.PMO_TEST_LOG || 'error';
  await app.load();
  app.server.mount();
  return app;
}

module.exports = { bootStrapi, TEST_SECRETS };
