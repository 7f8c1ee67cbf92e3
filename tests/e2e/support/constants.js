'use strict';
/** Shared by the e2e global setup (plain Node) and the tests. */
const path = require('path');
const { ARTIFACTS } = require('../../helpers/paths');

/** Debian's Chromium. The suite never downloads a browser. */
const CHROMIUM = process.env.PMO_E2E_CHROMIUM || '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

module.exports = {
  CHROMIUM,
  CHROMIUM_ARGS,
  ARTIFACTS: path.join(ARTIFACTS, 'e2e'),
};
