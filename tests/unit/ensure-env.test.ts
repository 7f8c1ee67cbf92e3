import fs from 'fs';
import os from 'os';
import path from 'path';

const { ensureEnv } = require('../../scripts/ensure-env');

describe('first-run .env', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-env-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes fresh secrets once and never overwrites an existing .env', () => {
    expect(ensureEnv(dir)).toBe(true);
    const first = fs.readFileSync(path.join(dir, '.env'), 'utf8');
    for (const key of ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY']) {
      expect(first).toMatch(new RegExp(`^${key}=\\S{16,}`, 'm'));
    }
    expect(first).not.toMatch(/tobemodified/);
    expect(ensureEnv(dir)).toBe(false);
    expect(fs.readFileSync(path.join(dir, '.env'), 'utf8')).toBe(first);
  });

  it('generates different secrets for different installations', () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-env-'));
    ensureEnv(dir);
    ensureEnv(other);
    const secret = (d: string) => /^ADMIN_JWT_SECRET=(.*)$/m.exec(fs.readFileSync(path.join(d, '.env'), 'utf8'))![1];
    expect(secret(dir)).not.toBe(secret(other));
    fs.rmSync(other, { recursive: true, force: true });
  });
});
