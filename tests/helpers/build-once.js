'use strict';
/**
 * Builds what the tests run against, once per run and only when stale: the plugin bundle
 * (src/plugins/pmo/dist) and the compiled app (dist/). The admin panel bundle is built by
 * `npm run build` and only the end-to-end suite needs it.
 */
const fs = require('fs');
const path = require('path');
const { isStale } = require('../../scripts/build-state');
const { execFileSync } = require('child_process');
const { ROOT, DIST } = require('./paths');

async function buildOnce() {
  if (isStale('plugin')) {
    console.log('[tests] building the pmo plugin…');
    execFileSync('npm', ['run', 'build', '-w', 'pmo'], { cwd: ROOT, stdio: 'inherit' });
  }
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: ROOT });
  if (!fs.existsSync(path.join(DIST, 'config', 'database.js'))) {
    throw new Error('Compiling the app did not produce dist/config/database.js');
  }
}

module.exports = { buildOnce };
