/**
 * PostgreSQL restarted under load: two instances behind nginx on a PostgreSQL server of this
 * test's own (private-postgres.ts; never the shared one), holding a copy of the worker's
 * database. During a steady stream of transitions and reads the server is stopped the way
 * `pg_ctlcluster restart` stops it (fast: every session is ended), kept down for a few seconds,
 * and started again. Requests meanwhile answer 503 in the one error shape, within a bound; every
 * transition that answered 200 is in the history, state, mirror and history agree; and both
 * instances serve again without being restarted.
 */
import request from 'supertest';
import knexFactory, { type Knex } from 'knex';
import { asCapability, asRole, getStrapi, uniqueCode } from '../helpers/strapi';
import { as, startTestCluster, type Cluster } from './cluster';
import { createPrivatePostgres, type PrivatePostgres } from './private-postgres';

const PROJECT = 'api::project.project';
const EVENT = 'plugin::pmo.transition-event';
const INSTANCE = 'plugin::pmo.workflow-instance';
const DATABASE = 'pmo_restart';
/** How long the server stays down: long enough that every stream meets the outage. */
const OUTAGE_MS = 3000;
/** No request may take longer than this, outage or not (a busy CI machine included; the hang it rules out is the pool's 60 s). */
const BOUND_MS = 15000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let postgres: PrivatePostgres | undefined;
let cluster: Cluster | undefined;
let db: Knex | undefined;
const projects: string[] = [];
let managerToken = '';
let directorToken = '';

/** The table and column names of a content type (the worker's Strapi has the same schema). */
function tableOf(uid: string) {
  const meta = getStrapi().db.metadata.get(uid as never) as unknown as { tableName: string; attributes: Record<string, { columnName?: string }> };
  return { table: meta.tableName, column: (attribute: string) => meta.attributes[attribute]?.columnName ?? attribute };
}

/** Retries `work` on the private server until it answers (it may be down). */
async function persistently<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await work();
    } catch {
      await sleep(200);
    }
  }
}

async function instanceRow(documentId: string) {
  const t = tableOf(INSTANCE);
  const row = await db!(t.table).where({ [t.column('targetUid')]: PROJECT, [t.column('targetDocumentId')]: documentId }).first();
  return { state: row[t.column('state')] as string, version: Number(row[t.column('version')]) };
}

beforeAll(async () => {
  const { freePort } = require('../../scripts/cluster') as { freePort(): Promise<number> };
  postgres = await createPrivatePostgres(await freePort());

  // The fixtures, made in the worker's database, then copied to the private server: projects in
  // `initiating`, and the tokens of a manager and a director (their sessions travel with the copy).
  const strapi = getStrapi();
  const manager = await asRole('pmo-manager');
  directorToken = (await asRole('pmo-director')).token;
  managerToken = manager.token;
  for (let i = 0; i < 8; i += 1) {
    const created = await strapi.documents(PROJECT).create({ data: { name: 'Restart stream', code: uniqueCode('PGR') } as any });
    await asCapability('governance', () =>
      strapi.documents('plugin::pmo.gate-review' as any).create({ data: { project: created.documentId, gate: 1, decision: 'go', heldDate: '2026-01-15' } as any })
    );
    expect((await manager.post('/pmo/transitions').send({ uid: PROJECT, documentId: created.documentId, transition: 'gate-1' })).status).toBe(200);
    projects.push(created.documentId);
  }
  const { connection } = strapi.config.get('database.connection') as { connection: { connectionString: string } };
  postgres.copyDatabase(connection.connectionString, DATABASE);
  // Quiet: its own connections are cut by the restart too, and knex warns of each.
  db = knexFactory({ client: 'pg', connection: postgres.url(DATABASE), pool: { min: 0, max: 2 }, log: { warn: () => undefined } });

  cluster = await startTestCluster({
    database: { DATABASE_CLIENT: 'postgres', DATABASE_URL: postgres.url(DATABASE), DATABASE_NAME: DATABASE },
  });
});

afterAll(async () => {
  await cluster?.stop();
  await db?.destroy();
  postgres?.drop();
});

type Answer = { kind: 'transition' | 'read'; documentId?: string; comment?: string; status: number; body: any; retryAfter?: string; started: number; ended: number };

describe('PostgreSQL restarted during a stream of transitions and reads through nginx', () => {
  it('answers 503 in words during the outage, loses no answered transition, and both instances recover by themselves', async () => {
    const manager = as(cluster!.url, managerToken);
    const director = as(cluster!.url, directorToken);
    const pids = cluster!.instances.map((instance) => instance.pid);
    const answers: Answer[] = [];
    const startVersion = new Map<string, number>();
    for (const documentId of projects) startVersion.set(documentId, (await instanceRow(documentId)).version);

    let down = 0;
    let up = 0;
    let healthDuringOutage: Array<{ status: number; body: any }> = [];
    const settle = async (test: request.Test) => {
      const started = Date.now();
      const res = await test.timeout({ response: BOUND_MS, deadline: BOUND_MS }).then(
        (r) => r,
        () => ({ status: 0, body: {}, headers: {} as Record<string, string> })
      );
      return { status: res.status, body: res.body, retryAfter: res.headers['retry-after'], started, ended: Date.now() };
    };
    // Until every stream has gone on for a while after the server is back.
    const going = () => !up || Date.now() < up + 4000;

    // One stream per project: on hold, resumed, on hold, … each with a comment of its own. After
    // an answer other than 200 the stream reads the item's state again, as a person would reload.
    const stream = async (documentId: string, index: number) => {
      let state = 'initiating';
      for (let n = 0; going(); n += 1) {
        const transition = state === 'on-hold' ? 'resume-initiating' : 'hold';
        const comment = `restart ${index} #${n}`;
        const answer = await settle(manager.post('/pmo/transitions').send({ uid: PROJECT, documentId, transition, comment }));
        answers.push({ kind: 'transition', documentId, comment, ...answer });
        if (answer.status === 200) state = String(answer.body.state);
        else {
          await sleep(100);
          state = (await persistently(() => instanceRow(documentId))).state;
        }
      }
    };
    const reader = async (path: string) => {
      while (going()) {
        answers.push({ kind: 'read', ...(await settle(director.get(path))) });
        await sleep(20);
      }
    };
    const restart = (async () => {
      while (answers.filter((answer) => answer.status === 200).length < 40) await sleep(20);
      down = Date.now();
      await postgres!.stop();
      await sleep(OUTAGE_MS / 2);
      // Each instance's readiness route says so, directly (no nginx): the database is unreachable.
      healthDuringOutage = await Promise.all(cluster!.instances.map((instance) => request(instance.url).get('/pmo/health').then((r) => ({ status: r.status, body: r.body }))));
      await sleep(OUTAGE_MS / 2);
      await postgres!.start();
      up = Date.now();
    })();
    await Promise.all([...projects.map((documentId, index) => stream(documentId, index)), reader('/pmo/governance/board'), reader('/pmo/dashboard'), restart]);

    // Every request was answered within the bound: 200, or 503 while the database was away.
    expect(answers.filter((answer) => answer.status === 0)).toEqual([]);
    expect(Math.max(...answers.map((answer) => answer.ended - answer.started))).toBeLessThan(BOUND_MS);
    expect([...new Set(answers.map((answer) => answer.status))].sort()).toEqual([200, 503]);
    const refused = answers.filter((answer) => answer.status === 503);
    // Both kinds of request met the outage, and each was told so in words, in the one error shape.
    expect(new Set(refused.map((answer) => answer.kind))).toEqual(new Set(['transition', 'read']));
    for (const answer of refused) {
      expect(answer.body).toEqual({
        data: null,
        error: { status: 503, name: 'ServiceUnavailableError', message: expect.stringMatching(/^PMO Hub cannot reach its database just now\. /), details: {} },
      });
      expect(answer.retryAfter).toBe('5');
      // Only around the outage: from the stop until the instances had their connections back.
      expect(answer.started).toBeGreaterThanOrEqual(down - BOUND_MS);
      expect(answer.started).toBeLessThan(up + 2000);
    }
    // Once the server was back, every request went through again.
    const after = answers.filter((answer) => answer.started > up + 2000);
    expect(after.length).toBeGreaterThan(projects.length);
    expect(after.filter((answer) => answer.status !== 200)).toEqual([]);
    expect(healthDuringOutage.map((health) => [health.status, health.body.database.reachable])).toEqual([
      [503, false],
      [503, false],
    ]);

    // Nothing committed was lost: every 200 is in the history once, each event starts where the
    // one before ended, and the instance, the mirror on the project and the last event agree.
    const event = tableOf(EVENT);
    const project = tableOf(PROJECT);
    const ok = answers.filter((answer) => answer.kind === 'transition' && answer.status === 200);
    for (const documentId of projects) {
      const events = (await db!(event.table)
        .where({ [event.column('targetUid')]: PROJECT, [event.column('targetDocumentId')]: documentId, [event.column('kind')]: 'applied' })
        .whereIn(event.column('transition'), ['hold', 'resume-initiating'])
        .orderBy('id', 'asc')
        .select({ comment: event.column('comment'), fromState: event.column('fromState'), toState: event.column('toState') })) as Array<{
        comment: string;
        fromState: string;
        toState: string;
      }>;
      const comments = events.map((row) => row.comment);
      for (const answer of ok.filter((a) => a.documentId === documentId)) expect(comments.filter((c) => c === answer.comment)).toHaveLength(1);
      expect(new Set(comments).size).toBe(comments.length);
      events.forEach((row, i) => expect(row.fromState).toBe(i === 0 ? 'initiating' : events[i - 1].toState));
      const instance = await instanceRow(documentId);
      expect(instance.state).toBe(events.at(-1)!.toState);
      expect(instance.version).toBe(startVersion.get(documentId)! + events.length);
      const mirrors = await db!(project.table).where({ [project.column('documentId')]: documentId }).pluck(project.column('workflowState'));
      expect(new Set(mirrors)).toEqual(new Set([instance.state]));
    }

    // The same processes serve again, each directly, and each says its database is reachable.
    expect(cluster!.instances.map((instance) => instance.pid)).toEqual(pids);
    for (const pid of pids) expect(() => process.kill(pid, 0)).not.toThrow();
    for (const instance of cluster!.instances) {
      const health = await request(instance.url).get('/pmo/health');
      expect([health.status, health.body.database.reachable]).toEqual([200, true]);
      expect((await as(instance.url, directorToken).get('/pmo/governance/board')).status).toBe(200);
    }
  });
});
