#!/usr/bin/env node
'use strict';
/**
 * `npm run cluster`: PMO Hub as it runs in production, on this machine — two (or more) instances
 * (`strapi start`, the built app) on one PostgreSQL database, each on its own port, and nginx in
 * front on a third, all on 127.0.0.1. nginx runs with deploy/nginx/pmo-hub.conf (its upstream
 * servers and listen address replaced), its own prefix and a generated nginx.conf in a temporary
 * directory — never the system's. Ctrl-C (or SIGTERM) stops nginx and sends each instance SIGTERM,
 * so each finishes its requests and lets its job leases go.
 *
 *   npm run cluster                  # DATABASE_* from the environment (or .env): must be PostgreSQL
 *   npm run cluster -- --instances 3 --port 8080
 *
 * The cluster suite (tests/cluster/) uses `startCluster` from this file.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const http = require('http');
const { spawn, execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const STRAPI_BIN = path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const NGINX_SITE = path.join(ROOT, 'deploy', 'nginx', 'pmo-hub.conf');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP port free on the loopback now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** GET `url`: resolves with { status, body } (never rejects; status 0 when nothing answered). */
function get(url, timeoutMs = 3000) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: timeoutMs, agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode, body }));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve({ status: 0, body: '' }));
  });
}

function nginxBinary() {
  for (const candidate of [process.env.NGINX_BIN, '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  throw new Error('nginx is not installed (Debian: apt-get install -y nginx)');
}

/**
 * deploy/nginx/pmo-hub.conf with the upstream servers and the listen address of this cluster,
 * inside a minimal nginx.conf whose every path is under `dir`.
 */
function nginxConfig(dir, listenPort, upstreamPorts) {
  let site = fs.readFileSync(NGINX_SITE, 'utf8');
  const servers = /^(\s*)server 127\.0\.0\.1:\d+ (.*);$/m.exec(site);
  if (!servers) throw new Error(`${NGINX_SITE} has no "server 127.0.0.1:<port> …;" line to replace`);
  site = site.replace(/^\s*server 127\.0\.0\.1:\d+ .*;\n/gm, '');
  site = site.replace(/(upstream pmo_hub \{\n(?:[ \t]*#.*\n)*)/, (head) => head + upstreamPorts.map((port) => `${servers[1]}server 127.0.0.1:${port} ${servers[2]};\n`).join(''));
  site = site.replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${listenPort};`);
  const tmp = (name) => path.join(dir, name);
  return [
    'worker_processes 1;',
    `pid ${tmp('nginx.pid')};`,
    `error_log ${tmp('error.log')} warn;`,
    'daemon off;',
    'events { worker_connections 1024; }',
    'http {',
    '    default_type application/octet-stream;',
    // Which instance answered each request (the cluster suite reads it).
    "    log_format cluster '$request_method $uri $status $upstream_addr $upstream_status';",
    `    access_log ${tmp('access.log')} cluster;`,
    `    client_body_temp_path ${tmp('body')};`,
    `    proxy_temp_path ${tmp('proxy')};`,
    `    fastcgi_temp_path ${tmp('fastcgi')};`,
    `    uwsgi_temp_path ${tmp('uwsgi')};`,
    `    scgi_temp_path ${tmp('scgi')};`,
    site
      .split('\n')
      .map((line) => (line ? `    ${line}` : line))
      .join('\n'),
    '}',
    '',
  ].join('\n');
}

/** Waits until `url` answers 200 (the instance's readiness route), or the process ends. */
async function waitReady(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    if ((await get(url)).status === 200) return true;
    await sleep(250);
  }
  return false;
}

/**
 * Starts the cluster. `database`: the DATABASE_* variables (PostgreSQL). `env`: variables for every
 * instance; `instanceEnv[i]`: for instance i only (e.g. { PMO_JOBS: 'false' }). Resolves once every
 * instance answers GET /pmo/health with 200 and nginx listens.
 */
async function startCluster({ instances = 2, database, env = {}, instanceEnv = [], port = null, bootTimeoutMs = 180000, log = () => undefined } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-cluster-'));
  // nginx started as root runs its workers as nobody: they must reach the body temp directory
  // under `dir` (mkdtemp makes it 0700), or a body larger than the buffer (16 KB) is a 500.
  fs.chmodSync(dir, 0o711);
  const databaseEnv = database || Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith('DATABASE_')));
  const cluster = { dir, instances: [], nginx: null, url: '', port: 0 };

  const startInstance = async (index, instancePort) => {
    const logFile = path.join(dir, `instance-${index}.log`);
    const out = fs.openSync(logFile, 'a');
    const child = spawn(process.execPath, [STRAPI_BIN, 'start'], {
      cwd: ROOT,
      env: {
        ...process.env,
        STRAPI_TELEMETRY_DISABLED: 'true',
        SERVE_ADMIN_PANEL: 'false',
        BROWSER: 'none',
        ...env,
        ...databaseEnv,
        ...(instanceEnv[index] || {}),
        HOST: '127.0.0.1',
        PORT: String(instancePort),
      },
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const instance = {
      index,
      port: instancePort,
      url: `http://127.0.0.1:${instancePort}`,
      pid: child.pid,
      child,
      logFile,
      exited,
      log: () => fs.readFileSync(logFile, 'utf8'),
      /** SIGTERM (graceful) and the exit it ends in. */
      async stop(timeoutMs = 60000) {
        if (child.exitCode !== null || child.signalCode !== null) return exited;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        const result = await exited;
        clearTimeout(timer);
        return result;
      },
      /** kill -9. */
      async kill() {
        child.kill('SIGKILL');
        return exited;
      },
    };
    cluster.instances[index] = instance;
    log(`instance ${index}: starting on ${instance.url} (pid ${child.pid}, log ${logFile})`);
    return instance;
  };

  /** Starts instance `index` again on its port (after stop or kill) and waits until it is ready. */
  cluster.restart = async (index) => {
    const instance = await startInstance(index, cluster.instances[index].port);
    if (!(await waitReady(`${instance.url}/pmo/health`, instance.child, bootTimeoutMs))) {
      throw new Error(`PMO Hub instance ${index} did not become ready again:\n${instance.log().slice(-4000)}`);
    }
    return instance;
  };

  /** nginx's access log: one { method, path, status, upstreams } per request. */
  cluster.accessLog = () => {
    const file = path.join(dir, 'access.log');
    if (!fs.existsSync(file)) return [];
    return fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [method, uri, status, ...upstreams] = line.split(' ');
        return { method, path: uri, status: Number(status), upstreams: upstreams.join(' ') };
      });
  };

  cluster.stop = async () => {
    if (cluster.nginx && cluster.nginx.exitCode === null) {
      const gone = new Promise((resolve) => cluster.nginx.once('exit', resolve));
      cluster.nginx.kill('SIGQUIT');
      await Promise.race([gone, sleep(5000)]);
      if (cluster.nginx.exitCode === null) cluster.nginx.kill('SIGKILL');
    }
    const results = await Promise.all(cluster.instances.map((instance) => instance.stop()));
    return results;
  };

  try {
    const ports = [];
    for (let index = 0; index < instances; index += 1) ports.push(await freePort());
    // All at the same moment: the start-up lock (src/startup-lock.ts) makes them take turns.
    await Promise.all(ports.map((instancePort, index) => startInstance(index, instancePort)));
    const ready = await Promise.all(cluster.instances.map((instance) => waitReady(`${instance.url}/pmo/health`, instance.child, bootTimeoutMs)));
    ready.forEach((ok, index) => {
      if (!ok) throw new Error(`PMO Hub instance ${index} did not become ready:\n${cluster.instances[index].log().slice(-4000)}`);
    });

    cluster.port = port || (await freePort());
    cluster.url = `http://127.0.0.1:${cluster.port}`;
    const conf = path.join(dir, 'nginx.conf');
    fs.writeFileSync(conf, nginxConfig(dir, cluster.port, ports));
    const nginx = nginxBinary();
    execFileSync(nginx, ['-t', '-q', '-p', dir, '-c', conf], { stdio: 'inherit' });
    const nginxOut = fs.openSync(path.join(dir, 'nginx.out'), 'a');
    cluster.nginx = spawn(nginx, ['-p', dir, '-c', conf], { stdio: ['ignore', nginxOut, nginxOut] });
    fs.closeSync(nginxOut);
    const deadline = Date.now() + 10000;
    while ((await get(`${cluster.url}/_health`)).status !== 204) {
      if (Date.now() > deadline || cluster.nginx.exitCode !== null) throw new Error(`nginx did not start: ${fs.readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
      await sleep(100);
    }
    log(`nginx: ${cluster.url} → ${ports.map((p) => `127.0.0.1:${p}`).join(', ')} (config ${conf})`);
    return cluster;
  } catch (error) {
    await cluster.stop().catch(() => undefined);
    throw error;
  }
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : fallback;
  };
  require('./ensure-env').ensureEnv();
  // Strapi reads .env itself (the instances inherit nothing from it here); the database must be
  // PostgreSQL, whether it is set in the environment or in .env.
  const dotenv = path.join(ROOT, '.env');
  const fromFile = {};
  if (fs.existsSync(dotenv)) {
    for (const line of fs.readFileSync(dotenv, 'utf8').split('\n')) {
      const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
      if (match) fromFile[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
    }
  }
  if ((process.env.DATABASE_CLIENT ?? fromFile.DATABASE_CLIENT) !== 'postgres') {
    console.error('npm run cluster runs several instances on one PostgreSQL database: set DATABASE_CLIENT=postgres and DATABASE_URL (or DATABASE_HOST, …).');
    process.exit(2);
  }
  const cluster = await startCluster({
    instances: Number(option('instances', 2)),
    port: option('port', null) ? Number(option('port')) : null,
    log: (line) => console.log(`[cluster] ${line}`),
  });
  console.log(`[cluster] PMO Hub on ${cluster.url} (Ctrl-C stops every part)`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('[cluster] stopping: nginx, then each instance (SIGTERM)…');
    const results = await cluster.stop();
    results.forEach((result, index) => console.log(`[cluster] instance ${index} exited (${result.signal || result.code})`));
    fs.rmSync(cluster.dir, { recursive: true, force: true });
    process.exit(results.every((result) => result.code === 0) ? 0 : 1);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { startCluster, nginxConfig, freePort };
