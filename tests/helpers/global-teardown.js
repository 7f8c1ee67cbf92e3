'use strict';
const { dropRunDatabases } = require('./database');

module.exports = async () => {
  if (typeof global.__PMO_TEST_SHUTDOWN__ === 'function') {
    await global.__PMO_TEST_SHUTDOWN__();
    global.__PMO_TEST_SHUTDOWN__ = undefined;
  }
  await dropRunDatabases();
};
