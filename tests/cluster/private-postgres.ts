/**
 * A PostgreSQL server of the test's own: `initdb` in a temporary directory, on a port of its own,
 * for the faults that stop and start the server itself. The shared server at 5432 serves every
 * other test run on the machine and is never restarted. As root (CI), the server runs as the
 * `postgres` OS user (PostgreSQL refuses to run as root); otherwise as the current user.
 * PMO_PG_BIN names the directory of initdb/pg_ctl/pg_dump (default: the newest
 * /usr/lib/postgresql/<version>/bin, Debian's postgresql packages).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

function binDir(): string {
  if (process.env.PMO_PG_BIN) return process.env.PMO_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  if (!versions.length) throw new Error('PostgreSQL server binaries not found (Debian: apt-get install -y postgresql); or set PMO_PG_BIN');
  return path.join(root, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

export type PrivatePostgres = {
  port: number;
  /** A connection URL to `database` on this server (user postgres, trust). */
  url(database: string): string;
  /** Stops the server the way `pg_ctlcluster stop` does (fast: sessions are ended with 57P01). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** The copy of `sourceUrl`'s database (pg_dump | pg_restore) as `database` on this server. */
  copyDatabase(sourceUrl: string, database: string): void;
  /** Stops the server (if running) and removes every file of it. */
  drop(): void;
  log(): string;
};

export async function createPrivatePostgres(port: number): Promise<PrivatePostgres> {
  const bin = binDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-pg-'));
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    fs.chownSync(dir, uid, gid);
  }
  const command = (tool: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
  const run = (tool: string, args: string[]) => execFileSync(...command(tool, args), { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60000 }).toString();
  // Without blocking the test's event loop: requests in flight are read meanwhile.
  const runAsync = async (tool: string, args: string[]) => void (await promisify(execFile)(...command(tool, args), { timeout: 60000 }));
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c max_connections=60`;

  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const server: PrivatePostgres = {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: () => runAsync('pg_ctl', ['-D', data, '-l', logFile, '-o', options, '-w', '-t', '30', 'start']),
    stop: () => runAsync('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']),
    copyDatabase(sourceUrl, database) {
      const dump = path.join(os.tmpdir(), `pmo-pg-dump-${process.pid}-${Date.now()}`);
      try {
        execFileSync(path.join(bin, 'pg_dump'), ['--format=custom', '--no-owner', `--file=${dump}`, sourceUrl], { stdio: 'pipe' });
        execFileSync(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', database], { stdio: 'pipe' });
        execFileSync(path.join(bin, 'pg_restore'), ['--no-owner', '--no-privileges', `--dbname=${server.url(database)}`, dump], { stdio: 'pipe' });
      } finally {
        fs.rmSync(dump, { force: true });
      }
    },
    drop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Not running.
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
    log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
  };
  await server.start();
  return server;
}
