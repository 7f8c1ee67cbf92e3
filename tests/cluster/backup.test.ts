/**
 * Backups as docs/deployment.md tells an operator to take them: `strapi export` encrypted with a
 * key, `strapi import` of that file into another database. Every PMO Hub content type (the app's
 * and the plugin's) arrives with every row; Strapi's admin data (users, roles, tokens) is not
 * part of an export, as the page says.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { asCapability, asRole, getStrapi, uniqueCode } from '../helpers/strapi';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const STRAPI = path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const { TEST_SECRETS } = require('../helpers/boot') as { TEST_SECRETS: Record<string, string> };
const { freshDatabase, dropDatabase } = require('../helpers/database') as {
  freshDatabase(label: string): Promise<Record<string, string>>;
  dropDatabase(label: string): Promise<void>;
};

type PgClient = { connect(): Promise<void>; query(text: string): Promise<{ rows: any[] }>; end(): Promise<void> };
const { Client } = require('pg') as { Client: new (options: { connectionString: string }) => PgClient };

/** Rows per table of every PMO Hub content type (api::* and plugin::pmo.*). */
async function counts(connectionString: string): Promise<Record<string, number>> {
  const tables = Object.values(getStrapi().contentTypes)
    .filter((type: any) => type.uid.startsWith('api::') || type.uid.startsWith('plugin::pmo.'))
    .map((type: any) => [type.uid, type.collectionName] as const);
  const client = new Client({ connectionString });
  await client.connect();
  try {
    const result: Record<string, number> = {};
    for (const [uid, table] of tables) result[uid] = (await client.query(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n;
    return result;
  } finally {
    await client.end();
  }
}

describe('strapi export (encrypted) and strapi import', () => {
  const label = `restore_${Date.now().toString(36)}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-backup-'));
  afterAll(async () => {
    await dropDatabase(label);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('carries every row of every PMO Hub type to another database', async () => {
    // Something in the types a PMO writes every day: a project through a gate (instance and history), a change request, mail.
    const strapi = getStrapi();
    const project = await strapi.documents('api::project.project').create({ data: { name: 'Backed up', code: uniqueCode('BAK') } as any });
    await asCapability('governance', () =>
      strapi.documents('plugin::pmo.gate-review' as any).create({ data: { project: project.documentId, gate: 1, decision: 'go', heldDate: '2026-01-15' } as any })
    );
    const manager = await asRole('pmo-manager');
    expect((await manager.post('/pmo/transitions').send({ uid: 'api::project.project', documentId: project.documentId, transition: 'gate-1' })).status).toBe(200);

    const { connection } = strapi.config.get('database.connection') as { connection: { connectionString: string } };
    const source = await counts(connection.connectionString);
    for (const uid of ['api::project.project', 'plugin::pmo.gate-review', 'plugin::pmo.workflow-instance', 'plugin::pmo.transition-event', 'plugin::pmo.workflow', 'plugin::pmo.notification-template', 'plugin::pmo.competency']) {
      expect([uid, source[uid] > 0]).toEqual([uid, true]);
    }

    const env = { ...process.env, ...TEST_SECRETS, NODE_ENV: 'test', STRAPI_TELEMETRY_DISABLED: 'true', DATABASE_CLIENT: 'postgres', PMO_JOBS: 'false' };
    const file = path.join(dir, 'pmo-hub');
    await run(process.execPath, [STRAPI, 'export', '--file', file, '--key', 'backup-key-for-the-test', '--exclude', 'files'], {
      cwd: ROOT,
      env: { ...env, DATABASE_URL: connection.connectionString },
      maxBuffer: 10 * 1024 * 1024,
    });
    const archive = `${file}.tar.gz.enc`;
    expect(fs.existsSync(archive)).toBe(true);
    // Encrypted: no row of it can be read without the key.
    expect(fs.readFileSync(archive).includes(Buffer.from('Backed up'))).toBe(false);

    const target = await freshDatabase(label);
    await run(process.execPath, [STRAPI, 'import', '--file', archive, '--key', 'backup-key-for-the-test', '--force'], {
      cwd: ROOT,
      env: { ...env, DATABASE_URL: target.DATABASE_URL },
      maxBuffer: 10 * 1024 * 1024,
    });
    expect(await counts(target.DATABASE_URL)).toEqual(await counts(connection.connectionString));
  });
});
