'use strict';
/**
 * What is built and whether it is stale, shared by `npm run demo` and the test suites:
 * the pmo plugin bundle (from its server, admin and shared sources), the admin panel bundle
 * (dist/build, from the plugin's admin side and the app's src/admin) and the compiled app.
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const PLUGIN = path.join(ROOT, 'src', 'plugins', 'pmo');

const BUILT = {
  plugin: path.join(PLUGIN, 'dist', 'server', 'index.js'),
  admin: path.join(ROOT, 'dist', 'build', 'index.html'),
  app: path.join(ROOT, 'dist', 'config', 'database.js'),
};

const SOURCES = {
  plugin: ['server', 'admin', 'shared', 'package.json'].map((part) => path.join(PLUGIN, part)),
  admin: [path.join(PLUGIN, 'admin'), path.join(PLUGIN, 'shared'), path.join(PLUGIN, 'package.json'), path.join(ROOT, 'src', 'admin')],
};

/** Newest modification time under a file or folder (node_modules and dist excluded). */
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

/** True when `part`'s bundle is missing or older than its sources. */
function isStale(part) {
  const built = BUILT[part];
  if (!fs.existsSync(built)) return true;
  const sources = SOURCES[part];
  return sources ? Math.max(...sources.map(newestMtime)) > fs.statSync(built).mtimeMs : false;
}

module.exports = { ROOT, PLUGIN, BUILT, isStale, newestMtime };
