/**
 * The real compiled Strapi (dist/) with the built admin panel served, on a fresh database and a
 * free port of 127.0.0.1, in this test process: tests can both drive the browser and look at what
 * the server stored.
 */
import path from 'path';
import type { AddressInfo } from 'net';
import type { Core } from '@strapi/strapi';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { bootStrapi } = require('../../helpers/boot');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { dropDatabase } = require('../../helpers/database');

export type Credentials = { email: string; password: string };

export type E2EServer = {
  strapi: Core.Strapi;
  /** e.g. http://127.0.0.1:41234 */
  baseURL: string;
  stop: () => Promise<void>;
};

/**
 * Each test file gets its own database: the label is suffixed with the file's name, so two files
 * (run by parallel workers) never share, drop or fill each other's database.
 */
export async function startServer(prefix = 'e2e'): Promise<E2EServer> {
  const testPath: string | undefined = (globalThis as any).expect?.getState?.().testPath;
  const file = testPath ? path.basename(testPath).replace(/\.test\.[jt]s$/, '') : `pid${process.pid}`;
  const label = `${prefix}_${file}`;
  const strapi: Core.Strapi = await bootStrapi({ label, serveAdmin: true });
  // The admin bundle talks to its own origin (STRAPI_ADMIN_BACKEND_URL is "/"), so any port works.
  await new Promise<void>((resolve, reject) => {
    const server = strapi.server.httpServer;
    server.once('error', reject);
    strapi.server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = strapi.server.httpServer.address() as AddressInfo;
  return {
    strapi,
    baseURL: `http://127.0.0.1:${port}`,
    async stop() {
      await strapi.destroy();
      // This run's database (a SQLite file, or a PostgreSQL database with DATABASE_CLIENT=postgres).
      await dropDatabase(label);
    },
  };
}

/** An active super admin who can log into the admin panel with these credentials. */
export async function createSuperAdmin(
  strapi: Core.Strapi,
  credentials: Credentials = {
    email: 'e2e.admin@test.pmo',
    password: 'E2e-Password-1',
  }
): Promise<Credentials> {
  const role = await strapi.db
    .query('admin::role')
    .findOne({ where: { code: 'strapi-super-admin' } });
  if (!role) throw new Error('the super admin role does not exist');
  await (strapi.service('admin::user') as any).create({
    firstname: 'Erin',
    lastname: 'Editor',
    email: credentials.email,
    password: credentials.password,
    isActive: true,
    roles: [role.id],
  });
  return credentials;
}
