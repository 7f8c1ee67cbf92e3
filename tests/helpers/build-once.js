'use strict';
/**
 * Builds what the tests run against, once per run and only when stale: the plugin bundle
 * (src/plugins/pmo/dist) and the compiled app (dist/). The admin panel bundle is built by
 * `npm run build` and only the end-to-end suite needs it.
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { ROOT, PLUGIN, DIST } = require('./paths');

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

function pluginIsStale() {
  const built = path.join(PLUGIN, 'dist', 'server', 'index.js');
  if (!fs.existsSync(built)) return true;
  const sources = Math.max(
    ...['server', 'admin', 'shared', 'package.json'].map((part) => {
      const full = path.join(PLUGIN, part);
      return fs.existsSync(full) && fs.statSync(full).isFile()
        ? fs.statSync(full).mtimeMs
        : newestMtime(full);
    })
  );
  return sources > fs.statSync(built).mtimeMs;
}

async function buildOnce() {
  if (pluginIsStale()) {
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
