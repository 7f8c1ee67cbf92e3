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
const { CHROMIUM, ARTIFACTS } = require('./support/constants');

const ADMIN_INDEX = path.join(DIST, 'build', 'index.html');

/** What the admin bundle is built from: the plugin's admin side and the app's admin folder. */
const ADMIN_SOURCES = [
  path.join(PLUGIN, 'admin'),
  path.join(PLUGIN, 'shared'),
  path.join(PLUGIN, 'package.json'),
  path.join(ROOT, 'src', 'admin'),
];

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function adminBuildIsStale() {
  if (!fs.existsSync(ADMIN_INDEX)) return true;
  const built = fs.statSync(ADMIN_INDEX).mtimeMs;
  return Math.max(...ADMIN_SOURCES.map(newestMtime)) > built;
}

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

  if (adminBuildIsStale()) {
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
