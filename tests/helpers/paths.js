'use strict';
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

module.exports = {
  ROOT,
  DIST: path.join(ROOT, 'dist'),
  PLUGIN: path.join(ROOT, 'src', 'plugins', 'pmo'),
  TMP: path.join(ROOT, '.tmp'),
  ARTIFACTS: path.join(ROOT, 'test-results'),
};
