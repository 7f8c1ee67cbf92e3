/**
 * `GET /pmo/health`, the readiness route a load balancer calls: public (no credentials), it says
 * whether the instance can serve — database reachable, migrations done — and how the scheduled
 * jobs and the outbox stand, in the contract's shape and nothing more (no address, host, error
 * text or item). When the database cannot be reached it answers 503 within seconds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import { healthAnswer } from '../../src/plugins/pmo/shared/contracts/operations';
import { getStrapi, http } from '../helpers/strapi';

const OUTBOX = 'plugin::pmo.outbox-message';
const run = Date.now().toString(36);

describe('GET /pmo/health', () => {
  const created: number[] = [];
  afterAll(async () => {
    for (const id of created) await getStrapi().db.query(OUTBOX as any).delete({ where: { id } });
  });

  it('answers anyone, without credentials, that this instance is ready', async () => {
    const res = await http().get('/pmo/health');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const answer = healthAnswer.parse(res.body);
    expect(answer).toMatchObject({ status: 'ok', stopping: false, database: { reachable: true }, migrations: { done: true } });
    expect(answer.jobs.map((job) => job.key).sort()).toEqual(['dispatch-outbox', 'reminders']);
    // The test instance runs no job on a schedule (PMO_JOBS=false).
    expect(answer.jobs.every((job) => job.scheduledHere === false && job.running === false)).toBe(true);
  });

  it('counts the outbox backlog and the age of the oldest message waiting', async () => {
    const before = healthAnswer.parse((await http().get('/pmo/health')).body).outbox.backlog!;
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60000).toISOString();
    const message = (status: string, minutes: number, n: number) => ({
      documentId: `health${run}${n}`,
      template: 'workflow-step',
      recipients: [`health-${n}@test.pmo`],
      status,
      dedupeKey: `health:${run}:${n}`,
      createdAt: ago(minutes),
      updatedAt: ago(minutes),
    });
    for (const [n, data] of [message('pending', 90, 1), message('sending', 5, 2), message('sent', 600, 3), message('failed', 900, 4)].entries()) {
      created.push((await getStrapi().db.query(OUTBOX as any).create({ data: { ...data, documentId: `${data.documentId}${n}` } })).id);
    }
    const answer = healthAnswer.parse((await http().get('/pmo/health')).body);
    // Sent and failed messages are not waiting; the pending one (90 minutes) is the oldest waiting.
    expect(answer.outbox.backlog).toBe(before + 2);
    expect(answer.outbox.oldestPendingSeconds).toBeGreaterThanOrEqual(90 * 60);
    expect(JSON.stringify(answer)).not.toMatch(/@test\.pmo|health:/);
  });

  it('refuses a query it does not know, as every route does', async () => {
    const res = await http().get('/pmo/health?verbose=true');
    expect(res.status).toBe(400);
  });

  it('reports the last run of each job and whether it ended well', async () => {
    const leases = getStrapi().db.query('plugin::pmo.job-lease' as any);
    const saved = await leases.findOne({ where: { key: 'reminders' } });
    const at = new Date(Date.now() - 3600000).toISOString();
    try {
      await leases.update({ where: { key: 'reminders' }, data: { lastRunAt: at, lastResult: { error: 'SMTP said no to boss@example.org' } } });
      const answer = healthAnswer.parse((await http().get('/pmo/health')).body);
      expect(answer.jobs.find((job) => job.key === 'reminders')).toEqual({ key: 'reminders', scheduledHere: false, lastRunAt: at, lastRunOk: false, running: false });
      // The error's words (which may name a person) stay out of a public answer.
      expect(JSON.stringify(answer)).not.toMatch(/boss@example\.org|SMTP said/);
    } finally {
      await leases.update({ where: { key: 'reminders' }, data: { lastRunAt: saved.lastRunAt, lastResult: saved.lastResult } });
    }
  });
});

const postgres = process.env.DATABASE_CLIENT === 'postgres';

(postgres ? describe : describe.skip)('GET /pmo/health when the database is gone (PostgreSQL)', () => {
  const label = `health_${process.env.JEST_WORKER_ID ?? '1'}`;
  let child: ChildProcess;
  let base = '';

  beforeAll(async () => {
    child = spawn(process.execPath, [path.join(__dirname, 'support', 'serve-app.js'), label], {
      env: { ...process.env, PMO_TEST_LOG: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk) => {
        out += chunk;
        const line = out.split('\n').find((candidate) => candidate.startsWith('{'));
        if (line) resolve(JSON.parse(line).port);
      });
      child.on('exit', () => reject(new Error(`the app exited before serving: ${out}`)));
    });
    base = `http://127.0.0.1:${port}`;
  }, 120_000);

  afterAll(() => {
    child?.kill('SIGKILL');
  });

  it('answers 503 within seconds, saying the database cannot be reached', async () => {
    expect((await request(base).get('/pmo/health')).status).toBe(200);
    // Its database dropped under it: every connection ended, and no new one can be made.
    const { dropDatabase } = require('../helpers/database');
    await dropDatabase(label);
    const started = Date.now();
    const res = await request(base).get('/pmo/health');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(res.status).toBe(503);
    expect(healthAnswer.parse(res.body)).toMatchObject({ status: 'unavailable', database: { reachable: false, latencyMs: null }, migrations: { done: null } });
  });
});
