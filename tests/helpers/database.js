'use strict';
/**
 * Each Jest worker gets its own fresh database: a SQLite file under .tmp/, or a PostgreSQL
 * database named after the run and the worker, created here and dropped after the run.
 */
const fs = require('fs');
const path = require('path');
const { TMP } = require('./paths');

const PG_ADMIN_URL = process.env.PMO_TEST_PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const isPostgres = () => process.env.DATABASE_CLIENT === 'postgres';
const runId = () => process.env.PMO_TEST_RUN || 'local';
const prefix = () => `pmo_test_${runId()}_`;

async function withPgAdmin(work) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const databaseName = (label) => `${prefix()}${label}`.replace(/[^a-zA-Z0-9_]/g, '_').toLowerCase();

/** Creates an empty database for this worker and returns the environment pointing Strapi at it. */
async function freshDatabase(label) {
  const name = databaseName(label);
  if (isPostgres()) {
    await withPgAdmin(async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${name}"`);
    });
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    return { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString(), DATABASE_NAME: name };
  }
  fs.mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, `${name}.db`);
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
  return { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.relative(path.join(TMP, '..'), file) };
}

/** Drops the one database `freshDatabase(label)` made, leaving other workers' alone. */
async function dropDatabase(label) {
  const name = databaseName(label);
  if (isPostgres()) {
    await withPgAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    return;
  }
  const file = path.join(TMP, `${name}.db`);
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/** Drops every database this run created. */
async function dropRunDatabases() {
  if (isPostgres()) {
    await withPgAdmin(async (client) => {
      const { rows } = await client.query(
        'SELECT datname FROM pg_database WHERE datname LIKE $1',
        [`${prefix()}%`]
      );
      for (const { datname } of rows) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    });
    return;
  }
  if (!fs.existsSync(TMP)) return;
  for (const file of fs.readdirSync(TMP)) {
    if (file.startsWith(prefix())) fs.rmSync(path.join(TMP, file), { force: true });
  }
}

module.exports = { freshDatabase, dropDatabase, dropRunDatabases, withPgAdmin, isPostgres };
