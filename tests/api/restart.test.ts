/** Bootstrap is idempotent: restarting Strapi on the same database changes nothing. */
import { execFile } from 'child_process';
import path from 'path';
import { promisify } from 'util';
import { PMO_ROLES } from '../helpers/strapi';

const { freshDatabase } = require('../helpers/database');
const run = promisify(execFile);

async function bootAndReport(env: Record<string, string>) {
  const { stdout } = await run(process.execPath, [path.join(__dirname, '../helpers/boot-report.js')], {
    env: { ...process.env, ...env },
    timeout: 120000,
  });
  const line = stdout.split('\n').find((l) => l.startsWith('REPORT '));
  return JSON.parse(line!.slice('REPORT '.length)) as { roles: Record<string, number>; permissions: number; templates: number; jobLeases: number };
}

describe('restarting PMO Hub', () => {
  it('leaves each PMO role existing exactly once, with the same permissions', async () => {
    const database = await freshDatabase('restart');
    const first = await bootAndReport(database);
    const second = await bootAndReport(database);
    for (const role of PMO_ROLES) {
      expect(first.roles[role]).toBe(1);
      expect(second.roles[role]).toBe(1);
    }
    expect(second.roles['strapi-super-admin']).toBe(1);
    expect(first).toMatchObject({ templates: 13, jobLeases: 2 });
    expect(second).toEqual(first);
  });
});
