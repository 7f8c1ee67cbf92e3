/**
 * The cluster suite's handle on `npm run cluster` (scripts/cluster.js): two `strapi start`
 * instances on the worker's own PostgreSQL database and nginx in front. The worker's in-process
 * Strapi (tests/helpers/strapi-environment.js) makes the fixtures and reads the database; every
 * request under test goes to nginx (or to one instance, by its port).
 */
import fs from 'node:fs';
import request from 'supertest';
import { getStrapi } from '../helpers/strapi';

export type Instance = {
  index: number;
  port: number;
  url: string;
  pid: number;
  log(): string;
  stop(timeoutMs?: number): Promise<{ code: number | null; signal: string | null }>;
  kill(): Promise<{ code: number | null; signal: string | null }>;
  exited: Promise<{ code: number | null; signal: string | null }>;
};
export type Cluster = {
  url: string;
  dir: string;
  instances: Instance[];
  restart(index: number): Promise<Instance>;
  accessLog(): Array<{ method: string; path: string; status: number; upstreams: string }>;
  stop(): Promise<Array<{ code: number | null; signal: string | null }>>;
};

/** `database`: the instances' DATABASE_* (default: the worker's database). */
type StartOptions = { instances?: number; database?: Record<string, string>; env?: Record<string, string>; instanceEnv?: Array<Record<string, string>> };

const { startCluster } = require('../../scripts/cluster') as { startCluster(options: StartOptions): Promise<Cluster> };

const { TEST_SECRETS } = require('../helpers/boot') as { TEST_SECRETS: Record<string, string> };

/**
 * The worker's database and the test secrets, passed on explicitly: a test file sees a copy of
 * the environment taken before the worker's Strapi set them.
 */
function instanceEnvironment(): Record<string, string> {
  const { connection } = getStrapi().config.get('database.connection') as { connection: { connectionString: string; database: string } };
  return {
    ...TEST_SECRETS,
    NODE_ENV: 'test',
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL: connection.connectionString,
    DATABASE_NAME: connection.database,
    PMO_CURRENCY: 'EUR',
    PMO_JOBS: 'false',
    PMO_APP_URL: 'http://pmo.test',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: '1',
    SMTP_SECURE: 'false',
    SMTP_IGNORE_TLS: 'true',
    SMTP_FROM: 'PMO Hub <pmo-hub@test.pmo>',
  };
}

export async function startTestCluster(options: StartOptions = {}) {
  if (getStrapi().config.get('database.connection.client') !== 'postgres') throw new Error('The cluster suite runs on PostgreSQL (npm run test:cluster)');
  const cluster = await startCluster({ ...options, env: { ...instanceEnvironment(), ...options.env } });
  const stop = cluster.stop;
  // The instances' and nginx's logs stay in the temporary directory only with PMO_KEEP_CLUSTER=true.
  cluster.stop = async () => {
    const exits = await stop();
    if (process.env.PMO_KEEP_CLUSTER !== 'true') fs.rmSync(cluster.dir, { recursive: true, force: true });
    return exits;
  };
  return cluster;
}

/** Requests as an admin (a token from the worker's Strapi: every instance shares its secrets). */
export function as(base: string, token: string) {
  const auth = (test: request.Test) => test.set('Authorization', `Bearer ${token}`);
  return {
    get: (url: string) => auth(request(base).get(url)),
    post: (url: string) => auth(request(base).post(url)),
    put: (url: string) => auth(request(base).put(url)),
  };
}

/** The instances (by port) that answered requests to `path` through nginx. */
export function upstreamsOf(cluster: Cluster, path: string): Set<number> {
  const ports = new Set<number>();
  for (const entry of cluster.accessLog()) {
    if (entry.path !== path) continue;
    for (const match of entry.upstreams.matchAll(/127\.0\.0\.1:(\d+)/g)) ports.add(Number(match[1]));
  }
  return ports;
}
