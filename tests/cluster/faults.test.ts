/**
 * Faults across instances (npm run cluster: two instances behind nginx on one PostgreSQL
 * database):
 * - `kill -9` of one instance during a stream of 500 transitions and 5 exports through nginx:
 *   every transition that answered 200 is in the history once, no item is half-applied (its
 *   workflow state, its mirror on the item and its last history event agree, and its version
 *   counts its events), and the other instance carries the stream to its end.
 * - The mail server down for a whole run, then up: both instances deliver the outbox (each run as
 *   if later, when the backoff is over) and every message arrives exactly once.
 */
import request from 'supertest';
import { createSink } from '../helpers/smtp-sink';
import { asCapability, asRole, getStrapi, uniqueCode } from '../helpers/strapi';
import { as, startTestCluster, type Cluster } from './cluster';

const PROJECT = 'api::project.project';
const EVENT = 'plugin::pmo.transition-event';
const INSTANCE = 'plugin::pmo.workflow-instance';
const OUTBOX = 'plugin::pmo.outbox-message';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let cluster: Cluster;
let smtpPort = 0;

beforeAll(async () => {
  // A port where no mail server listens yet (the second test starts one there).
  const { freePort } = require('../../scripts/cluster') as { freePort(): Promise<number> };
  smtpPort = await freePort();
  cluster = await startTestCluster({ env: { SMTP_PORT: String(smtpPort), SMTP_CONNECTION_TIMEOUT: '2000', SMTP_GREETING_TIMEOUT: '2000' } });
});

afterAll(async () => {
  await cluster?.stop();
});

/** A project in `initiating` (gate 1 passed through nginx), ready to be put on hold and resumed. */
async function initiatingProject(manager: ReturnType<typeof as>) {
  const strapi = getStrapi();
  const created = await strapi.documents(PROJECT).create({ data: { name: 'Stream', code: uniqueCode('STR') } as any });
  await asCapability('governance', () =>
    strapi.documents('plugin::pmo.gate-review' as any).create({ data: { project: created.documentId, gate: 1, decision: 'go', heldDate: '2026-01-15' } as any })
  );
  const res = await manager.post('/pmo/transitions').send({ uid: PROJECT, documentId: created.documentId, transition: 'gate-1' });
  expect(res.status).toBe(200);
  return created.documentId;
}

const instanceOf = (documentId: string) => getStrapi().db.query(INSTANCE as any).findOne({ where: { targetUid: PROJECT, targetDocumentId: documentId } });

describe('kill -9 of one instance during a stream of transitions and exports', () => {
  it('loses no answered transition, half-applies none, and the other instance carries on', async () => {
    const manager = as(cluster.url, (await asRole('pmo-manager')).token);
    const director = as(cluster.url, (await asRole('pmo-director')).token);
    const projects: string[] = [];
    for (let i = 0; i < 10; i += 1) projects.push(await initiatingProject(manager));
    const startVersion = new Map<string, number>();
    for (const documentId of projects) startVersion.set(documentId, (await instanceOf(documentId)).version);

    type Answer = { documentId: string; comment: string; status: number; at: number };
    const answers: Answer[] = [];
    let killedAt = 0;
    const TOTAL = 500;
    let sent = 0;

    // Ten streams, one per project, 50 transitions each: on hold, resumed, on hold, … Each request
    // carries a comment of its own, so the history shows which ones were applied. After an answer
    // other than 200 the stream reads the item's state again, as a person would reload.
    const stream = async (documentId: string, index: number) => {
      let state = 'initiating';
      for (let n = 0; n < TOTAL / projects.length; n += 1) {
        const transition = state === 'on-hold' ? 'resume-initiating' : 'hold';
        const comment = `stream ${index} #${n}`;
        sent += 1;
        const res = await manager
          .post('/pmo/transitions')
          .send({ uid: PROJECT, documentId, transition, comment })
          .then(
            (r) => r,
            () => ({ status: 0, body: {} as Record<string, unknown> })
          );
        answers.push({ documentId, comment, status: res.status, at: Date.now() });
        if (res.status === 200) state = String(res.body.state);
        else state = (await instanceOf(documentId)).state;
      }
    };
    const exportsDone = Promise.all(
      Array.from({ length: 5 }, async (_, n) => {
        await sleep(n * 400);
        const res = await director.get('/pmo/exports/dashboard.xlsx').buffer(true).parse((response, callback) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => callback(null, Buffer.concat(chunks)));
        });
        return { status: res.status, zip: Buffer.isBuffer(res.body) && res.body.subarray(0, 2).toString() === 'PK' };
      })
    );
    const killer = (async () => {
      while (sent < 150) await sleep(10);
      killedAt = Date.now();
      await cluster.instances[0].kill();
    })();
    await Promise.all(projects.map((documentId, index) => stream(documentId, index)));
    await killer;
    const exported = await exportsDone;

    expect(answers).toHaveLength(TOTAL);
    // Both instances had answered transitions when one was killed.
    const ports = new Set(cluster.accessLog().filter((entry) => entry.path === '/pmo/transitions').flatMap((entry) => [...entry.upstreams.matchAll(/:(\d+)/g)].map((m) => Number(m[1]))));
    expect(ports).toEqual(new Set(cluster.instances.map((instance) => instance.port)));
    const ok = answers.filter((answer) => answer.status === 200);
    // Few requests were caught in the instance's death (nginx answers 502 for a transition it may
    // not send again); the rest, and everything after, went through.
    expect(ok.length).toBeGreaterThan(TOTAL - 20);
    expect(answers.filter((answer) => answer.at > killedAt + 2000).every((answer) => answer.status === 200)).toBe(true);
    expect(answers.filter((answer) => answer.status !== 200 && answer.status !== 502).map((answer) => answer.status)).toEqual([]);
    // nginx sends an export (a GET) that met the dying instance to the other one.
    expect(exported).toEqual(Array(5).fill({ status: 200, zip: true }));

    for (const documentId of projects) {
      const events = (await getStrapi().db.query(EVENT as any).findMany({
        where: { targetUid: PROJECT, targetDocumentId: documentId, kind: 'applied', transition: { $in: ['hold', 'resume-initiating'] } },
        orderBy: [{ id: 'asc' }],
      })) as Array<{ comment: string; fromState: string; toState: string }>;
      const comments = events.map((event) => event.comment);
      // Every 200 is in the history, once; nothing is there twice.
      for (const answer of ok.filter((a) => a.documentId === documentId)) expect(comments.filter((c) => c === answer.comment)).toHaveLength(1);
      expect(new Set(comments).size).toBe(comments.length);
      // Each event starts where the one before ended: no step lost, none applied twice.
      events.forEach((event, i) => expect(event.fromState).toBe(i === 0 ? 'initiating' : events[i - 1].toState));
      // The instance, the mirror on the project and the last event agree; the version counts the events.
      const instance = await instanceOf(documentId);
      const project = await getStrapi().documents(PROJECT).findOne({ documentId });
      expect(instance.state).toBe(events.at(-1)!.toState);
      expect(project!.workflowState).toBe(instance.state);
      expect(instance.version).toBe(startVersion.get(documentId)! + events.length);
    }

    // The other instance still serves, directly and through nginx.
    expect((await request(cluster.instances[1].url).get('/pmo/health')).status).toBe(200);
    expect((await request(cluster.url).get('/pmo/health')).status).toBe(200);
    // The killed one comes back on its port.
    await cluster.restart(0);
    expect((await request(cluster.instances[0].url).get('/pmo/health')).status).toBe(200);
  });
});

describe('the mail server down for a whole run, then up', () => {
  it('delivers every message exactly once, both instances dispatching', async () => {
    const notifications = getStrapi().plugin('pmo').service('notifications') as any;
    const tag = uniqueCode('MAIL');
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const queued = await notifications.enqueue({
        category: 'document-review',
        template: 'document-review-due',
        to: [{ email: `faults.${i}@test.pmo` }],
        values: { project: 'Alpha', owner: 'Ola Owner', dueDate: '2 Dec 2026', daysLeft: '14', title: `${tag} ${i}` },
        item: { uid: 'api::document.document', documentId: `${tag}-${i}`, title: `${tag} ${i}`, url: '/admin' },
      });
      expect(queued.queued).toBe(1);
      ids.push(queued.documentIds[0]);
    }
    const outboxIds = ids;

    const administrator = (await asRole('pmo-administrator')).token;
    const run = (url: string, now: Date) => as(url, administrator).post('/pmo/jobs/dispatch-outbox/run').send({ now: now.toISOString() });
    const [a, b] = cluster.instances;

    // Down: both instances try at once; nothing is sent, every message waits for a later attempt.
    const down = await Promise.all([run(a.url, new Date()), run(b.url, new Date())]);
    expect(down.map((res) => res.status)).toEqual([200, 200]);
    const waiting = await getStrapi().db.query(OUTBOX as any).findMany({ where: { documentId: { $in: outboxIds } } });
    expect(waiting.map((row: { status: string }) => row.status)).toEqual(Array(12).fill('pending'));
    expect(waiting.every((row: { attempts: number }) => row.attempts >= 1)).toBe(true);

    // Up: the sink on the same port; both instances dispatch side by side, as if an hour later.
    const sink = createSink(smtpPort);
    await sink.start();
    try {
      const later = new Date(Date.now() + 3600 * 1000);
      for (let round = 0; round < 10; round += 1) {
        const answers = await Promise.all([run(a.url, later), run(b.url, later)]);
        expect(answers.map((res) => res.status)).toEqual([200, 200]);
        const left = await getStrapi().db.query(OUTBOX as any).count({ where: { documentId: { $in: outboxIds }, status: { $ne: 'sent' } } });
        if (left === 0) break;
      }
      const delivered = sink.forOutbox(outboxIds);
      expect(delivered.map((mail) => mail.outboxId).sort()).toEqual([...outboxIds].sort());
      expect(new Set(delivered.map((mail) => mail.messageId)).size).toBe(12);
      const sent = await getStrapi().db.query(OUTBOX as any).findMany({ where: { documentId: { $in: outboxIds } } });
      expect(sent.map((row: { status: string }) => row.status)).toEqual(Array(12).fill('sent'));
    } finally {
      await sink.stop();
    }
  });
});
