/**
 * No request can end the process: the app runs in a process of its own here, so a request that
 * would stop it shows as a dead process, not as a failed test in the same process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';

let child: ChildProcess;
let base: string;
let token: string;
/** What the app logged (Strapi logs to stdout, crashes go to stderr). */
let stderr = '';
let exitCode: number | null = null;

beforeAll(async () => {
  child = spawn(process.execPath, [path.join(__dirname, 'support', 'serve-app.js'), `survival_${process.env.JEST_WORKER_ID ?? '1'}`], {
    env: { ...process.env, PMO_TEST_LOG: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.on('exit', (code) => (exitCode = code ?? -1));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const ready = await new Promise<{ port: number; token: string }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      stderr += chunk;
      const line = out.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve(JSON.parse(line));
    });
    child.on('exit', () => reject(new Error(`the app exited before serving: ${stderr}`)));
  });
  base = `http://127.0.0.1:${ready.port}`;
  token = ready.token;
}, 120_000);

afterAll(() => {
  child?.kill('SIGKILL');
});

const api = () => ({
  get: (url: string) => request(base).get(url).set('Authorization', `Bearer ${token}`),
  post: (url: string) => request(base).post(url).set('Authorization', `Bearer ${token}`),
});

async function stillServing() {
  expect(exitCode).toBeNull();
  const res = await api().get('/api/projects');
  expect(res.status).toBe(200);
}

describe('a server that no request can stop', () => {
  it('answers 400 to the relation ids that used to abort the transaction and end the process', async () => {
    for (const data of [
      { fullName: 'Half', email: 'half@test.pmo', department: 1.5 },
      { fullName: 'Yes', email: 'yes@test.pmo', department: true },
    ]) {
      const res = await api().post('/api/people').send({ data });
      expect(res.status).toBe(400);
      await stillServing();
    }
    const projects = await api().post('/api/projects').send({ data: { name: 'P', code: 'SURV-1', programme: true } });
    expect(projects.status).toBe(400);
    await stillServing();
    expect((await api().get('/api/people')).body.data).toEqual([]);
  });

  it('logs an error that escapes a request with its request id, and goes on serving', async () => {
    const res = await api().post('/api/projects').set('X-Request-Id', 'escape-test-1').send({ data: { name: 'escape-me', code: 'SURV-2' } });
    expect(res.status).toBe(201);
    // Wait for the three reports rather than for a fixed time.
    const reports = [/escaped request escape-test-1/, /a rejection nobody awaits/, /an exception thrown from a callback/];
    const deadline = Date.now() + 10000;
    while (!reports.every((report) => report.test(stderr)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await stillServing();
    expect(stderr).toMatch(/escaped request escape-test-1/);
    expect(stderr).toMatch(/a rejection nobody awaits/);
    expect(stderr).toMatch(/an exception thrown from a callback/);
  });
});
