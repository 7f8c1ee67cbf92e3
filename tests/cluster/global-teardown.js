'use strict';
const { dropRunDatabases } = require('../helpers/database');

module.exports = async () => {
  process.env.DATABASE_CLIENT = 'postgres';
  await dropRunDatabases();
};
