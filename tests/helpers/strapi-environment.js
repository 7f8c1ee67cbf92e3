'use strict';
/**
 * Jest test environment that hands every test file the worker's one Strapi instance.
 * This module lives in the worker's own context (not a test sandbox), so `booting` persists
 * across the test files the worker runs: Strapi boots once per worker, on its own database.
 */
const { TestEnvironment } = require('jest-environment-node');
const { bootStrapi } = require('./boot');

let booting = null;

function shared() {
  if (!booting) {
    booting = bootStrapi().then((strapi) => {
      const state = { strapi, tokens: new Map(), cache: new Map() };
      // Lets global-teardown shut Strapi down when tests ran in this very process.
      global.__PMO_TEST_SHUTDOWN__ = () => strapi.destroy();
      return state;
    });
  }
  return booting;
}

class StrapiEnvironment extends TestEnvironment {
  async setup() {
    await super.setup();
    this.global.__PMO__ = await shared();
  }
}

module.exports = StrapiEnvironment;
