'use strict';
/**
 * Before the end-to-end suite: the app and the plugin compiled (when stale), the admin panel
 * bundle built (when missing or older than its sources), and Debian's Chromium present.
 * Nothing here ever downloads a browser.
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { ROOT, PLUGIN, DIST } = require('../helpers/paths');
const { buildOnce } = require('../helpers/build-once');
const { BUILT, isStale } = require('../../scripts/build-state');
const { CHROMIUM, ARTIFACTS } = require('./support/constants');

const ADMIN_INDEX = BUILT.admin;

module.exports = async () => {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.PMO_TEST_RUN = process.env.PMO_TEST_RUN || `${Date.now().toString(36)}${process.pid}`;

  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `The end-to-end suite drives Debian's Chromium at ${CHROMIUM}, which is missing. ` +
        'Install it with `apt-get install -y chromium` (it never downloads a browser itself).'
    );
  }

  // The plugin bundle and the compiled app (dist/), each only when stale.
  await buildOnce();

  if (isStale('admin')) {
    console.log('[e2e] building the admin panel (npm run build:app)…');
    execFileSync('npm', ['run', 'build:app'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' },
    });
  }
  for (const required of [
    path.join(PLUGIN, 'dist', 'server', 'index.js'),
    ADMIN_INDEX,
    path.join(DIST, 'config', 'database.js'),
  ]) {
    if (!fs.existsSync(required)) throw new Error(`The build did not produce ${required}`);
  }

  fs.mkdirSync(ARTIFACTS, { recursive: true });
};
