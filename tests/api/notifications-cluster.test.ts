/**
 * Two PMO Hub instances on one PostgreSQL database: the worker's own Strapi and a second one in a
 * child process (tests/helpers/strapi-process.js) on the same database, both sending to the real
 * SMTP server in this process. Both deliver the outbox at the same moment: every message arrives
 * exactly once (counted by Message-ID), whether they run the dispatcher side by side (the message
 * claims keep them apart) or the dispatch job (its lease lets one run at a time). Both run the
 * daily reminders for the same day at once: one job-lease claim wins, the other answers
 * `ran: false`, and each reminder is queued and delivered once.
 *
 * PostgreSQL only (`npm run test:pg`): on SQLite PMO Hub runs as a single instance.
 */
import { createSink, type Sink } from '../helpers/smtp-sink';
import { getStrapi } from '../helpers/strapi';

type DrainTotals = { runs: number; notRun: number; claimed: number; sent: number; retried: number; failed: number };
type JobAnswer = { key: string; ran: boolean; reason?: string } & Record<string, unknown>;
type StrapiProcess = {
  pid: number;
  call(command: 'drain', args: { via: 'service' | 'job'; startAt?: number }): Promise<DrainTotals>;
  call(command: 'runJob', args: { key: string; now: string; startAt?: number }): Promise<JobAnswer>;
  call(command: 'reminderSource', args: { key: string; category: string; byDay: Record<string, unknown[]>; delayMs?: number }): Promise<unknown>;
  stop(): Promise<void>;
};

const { startStrapiProcess } = require('../helpers/strapi-process') as {
  startStrapiProcess(options: { database: Record<string, string>; smtpPort: number; env?: Record<string, string> }): Promise<StrapiProcess>;
};

const OUTBOX = 'plugin::pmo.outbox-message';
const SOURCE = 'test-cluster';
type Outbox = Record<string, any>;

const service = () => getStrapi().plugin('pmo').service('notifications') as any;
const rows = (where: Record<string, unknown>) => getStrapi().db.query(OUTBOX as any).findMany({ where, orderBy: [{ id: 'asc' }] }) as Promise<Outbox[]>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const run = Date.now().toString(36);

/** This instance drains the outbox (the dispatcher, or the job) from `startAt`, as the child's `drain` does. */
async function drainHere(via: 'service' | 'job', startAt: number): Promise<DrainTotals> {
  await sleep(Math.max(0, startAt - Date.now()));
  const totals: DrainTotals = { runs: 0, notRun: 0, claimed: 0, sent: 0, retried: 0, failed: 0 };
  for (let i = 0; i < 10000; i += 1) {
    const counts = via === 'job' ? await service().runJob('dispatch-outbox', new Date()) : await service().dispatch(new Date());
    if (via === 'job' && !counts.ran) {
      totals.notRun += 1;
      await sleep(5);
      continue;
    }
    totals.runs += 1;
    for (const key of ['claimed', 'sent', 'retried', 'failed'] as const) totals[key] += counts[key] ?? 0;
    if (!counts.claimed) break;
  }
  return totals;
}

/** `count` messages queued through the service, each its own item and address; their outbox rows. */
async function queue(label: string, count: number): Promise<Outbox[]> {
  const documentIds: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const title = `Cluster ${label} ${i}`;
    const result = await service().enqueue({
      category: 'document-review',
      template: 'document-review-due',
      to: [{ email: `cluster.${label}.${i}@test.pmo` }],
      values: { project: 'Alpha', owner: 'Ola Owner', dueDate: '2 Dec 2026', daysLeft: '14', title },
      item: { uid: 'api::document.document', documentId: `cluster-${run}-${label}-${i}`, title, url: '/admin/content-manager/collection-types/api::document.document/x' },
    });
    expect(result.queued).toBe(1);
    documentIds.push(result.documentIds[0]);
  }
  return rows({ documentId: { $in: documentIds } });
}

/** Each queued message arrived exactly once (by Message-ID), and its row is sent after one attempt. */
async function expectDeliveredOnce(queued: Outbox[]) {
  const expected = new Set(queued.map((message) => message.messageId as string));
  expect(expected.size).toBe(queued.length);
  const arrived = sink.received.filter((mail) => expected.has(mail.messageId));
  const times = new Map<string, number>();
  for (const mail of arrived) times.set(mail.messageId, (times.get(mail.messageId) ?? 0) + 1);
  expect(arrived).toHaveLength(queued.length);
  expect([...times.values()].every((n) => n === 1)).toBe(true);
  expect(times.size).toBe(queued.length);
  const after = await rows({ id: { $in: queued.map((message) => message.id) } });
  expect(after.map((message) => [message.status, message.attempts])).toEqual(queued.map(() => ['sent', 1]));
}

let sink: Sink;
let other: StrapiProcess | null = null;

(process.env.DATABASE_CLIENT === 'postgres' ? describe : describe.skip)('two PMO Hub instances on one PostgreSQL database', () => {
  beforeAll(async () => {
    sink = createSink();
    await sink.start();
    // The worker's own database, as its Strapi is configured (the variables boot.js set).
    const { connection } = getStrapi().config.get('database.connection') as { connection: { connectionString: string; database: string } };
    other = await startStrapiProcess({
      database: { DATABASE_CLIENT: 'postgres', DATABASE_URL: connection.connectionString, DATABASE_NAME: connection.database },
      smtpPort: sink.port,
    });
  }, 150000);

  afterAll(async () => {
    service().onlyReminderSources(null);
    await other?.stop();
    await sink?.stop();
  }, 60000);

  it('delivers each message exactly once when both run the dispatcher at the same moment', async () => {
    const queued = await queue('claims', 200);
    const startAt = Date.now() + 300;
    const [here, there] = await Promise.all([drainHere('service', startAt), other!.call('drain', { via: 'service', startAt })]);
    // Every message claimed by one instance, and both took part.
    expect(here.claimed + there.claimed).toBeGreaterThanOrEqual(200);
    expect(here.sent).toBeGreaterThan(0);
    expect(there.sent).toBeGreaterThan(0);
    expect(here.failed + there.failed + here.retried + there.retried).toBe(0);
    await expectDeliveredOnce(queued);
  });

  it('delivers each message exactly once when both run the dispatch job at the same moment (one run at a time)', async () => {
    const queued = await queue('job', 100);
    const startAt = Date.now() + 300;
    const [here, there] = await Promise.all([drainHere('job', startAt), other!.call('drain', { via: 'job', startAt })]);
    expect(here.sent + there.sent).toBeGreaterThanOrEqual(100);
    // The job's lease: while one instance's run held it, the other's answered ran: false.
    expect(here.notRun + there.notRun).toBeGreaterThan(0);
    await expectDeliveredOnce(queued);
  });

  it('runs the daily reminders once when both start them for the same day at the same moment', async () => {
    const day = '2034-05-15';
    const now = new Date(2034, 4, 15, 7, 0, 0).toISOString();
    const reminders = Array.from({ length: 20 }, (_, i) => {
      const documentId = `cluster-${run}-reminder-${i}`;
      return {
        category: 'document-review',
        template: 'document-review-due',
        dedupeKey: `document-review:${documentId}:${day}`,
        to: [{ email: `cluster.reminder.${i}@test.pmo` }],
        values: { project: 'Alpha', owner: 'Ola Owner', dueDate: '29 May 2034', daysLeft: '14' },
        item: { uid: 'api::document.document', documentId, title: `Cluster reminder ${i}`, url: `/admin/content-manager/collection-types/api::document.document/${documentId}` },
      };
    });
    // The same source on both instances, a little slow, so that the two runs overlap.
    const source = { key: SOURCE, category: 'document-review', byDay: { [day]: reminders }, delayMs: 300 };
    service().registerReminderSource({
      key: source.key,
      category: source.category,
      async collect(_strapi: unknown, { day: asked }: { day: string }) {
        await sleep(source.delayMs);
        return asked === day ? reminders : [];
      },
    });
    service().onlyReminderSources([SOURCE]);
    await other!.call('reminderSource', source);

    const startAt = Date.now() + 300;
    const answers = await Promise.all([
      sleep(startAt - Date.now()).then(() => service().runJob('reminders', new Date(now)) as Promise<JobAnswer>),
      other!.call('runJob', { key: 'reminders', now, startAt }),
    ]);
    const ran = answers.filter((answer) => answer.ran);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({ reminders: 20, queued: 20, duplicates: 0 });
    const lost = answers.find((answer) => !answer.ran)!;
    expect(['running', 'already-run']).toContain(lost.reason);
    expect(lost).toMatchObject({ reminders: 0, queued: 0 });

    // Again, both at once: the day has run.
    const again = await Promise.all([service().runJob('reminders', new Date(now)) as Promise<JobAnswer>, other!.call('runJob', { key: 'reminders', now })]);
    expect(again.map((answer) => [answer.ran, answer.reason])).toEqual([
      [false, 'already-run'],
      [false, 'already-run'],
    ]);

    // One row per reminder, delivered once, whichever instance sends it.
    const queued = await rows({ dedupeKey: { $in: reminders.map((reminder) => reminder.dedupeKey) } });
    expect(queued).toHaveLength(20);
    const sendAt = Date.now() + 300;
    await Promise.all([drainHere('service', sendAt), other!.call('drain', { via: 'service', startAt: sendAt })]);
    await expectDeliveredOnce(queued);
    for (const message of queued) {
      const mails = sink.received.filter((mail) => mail.messageId === message.messageId);
      expect(mails.map((mail) => mail.to)).toEqual([message.recipients]);
    }
  });
});
