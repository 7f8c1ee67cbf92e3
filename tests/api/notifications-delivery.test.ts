/**
 * Delivery through a real SMTP server in the test process: a transition's notify arrives once,
 * with its recipients, subject, link and headers; with the server down messages wait with the
 * error and the backoff and then arrive exactly once; a 550 fails a message at once; a title
 * written as template code arrives as text.
 */
import { actors, CHANGE, EMAILS, expectFire, person, project, raise, type Actors } from './change-control-fixtures';
import { notifyEffect } from '../../src/plugins/pmo/server/src/workflow/effects';
import { createSink, type Sink } from '../helpers/smtp-sink';
import { asAdmin, asRole, getStrapi } from '../helpers/strapi';

const OUTBOX = 'plugin::pmo.outbox-message';
const MINUTE = 60_000;

type Outbox = Record<string, any>;
const rows = (where: Record<string, unknown>) => getStrapi().db.query(OUTBOX as any).findMany({ where, orderBy: [{ id: 'asc' }] }) as Promise<Outbox[]>;
const row = async (documentId: string) => (await rows({ documentId }))[0];

let sink: Sink;
let people: Actors;

/** POST /pmo/jobs/dispatch-outbox/run as if at `now`. */
async function dispatch(now: Date) {
  const admin = await asRole('pmo-administrator');
  const res = await admin.post('/pmo/jobs/dispatch-outbox/run').send({ now: now.toISOString() });
  expect([res.status, res.body.ran]).toEqual([200, true]);
  return res.body;
}

const service = () => getStrapi().plugin('pmo').service('notifications') as any;

/** A message queued through the service, as a reminder source would. */
async function queue(to: string, title = 'Risk register') {
  const result = await service().enqueue({
    category: 'document-review',
    template: 'document-review-due',
    to: [{ email: to }],
    values: { project: 'Alpha', owner: 'Ola Owner', dueDate: '2 Dec 2026', daysLeft: '14', title },
    item: { uid: 'api::document.document', documentId: `doc-${Math.random().toString(36).slice(2)}`, title, url: '/admin/content-manager/collection-types/api::document.document/x' },
  });
  expect(result.queued).toBe(1);
  return result.documentIds[0] as string;
}

/** A change request authorised by its project manager: the workflow's notify tells the raiser. */
async function authorised(title?: string) {
  const cr = await raise(await project(), { cost: '100.00', ...(title ? { title } : {}) });
  await expectFire(people.raiser, cr, 'submit', 200);
  await expectFire(people.pm, cr, 'recommend', 200);
  await expectFire(people.pm, cr, 'authorize-pm', 200);
  const queued = await rows({ sourceDocumentId: cr.documentId });
  expect(queued).toHaveLength(1);
  return { cr, message: queued[0] };
}

beforeAll(async () => {
  people = await actors();
  sink = createSink();
  await sink.start();
});

afterAll(async () => {
  await sink.stop();
});

describe('a transition with a notify effect', () => {
  it('is rendered when queued and arrives once, to the raiser, with the link and the two headers', async () => {
    const { cr, message } = await authorised();
    expect(message).toMatchObject({
      category: 'workflow',
      template: 'change-authorized',
      recipients: ['cc.raiser@test.pmo'],
      status: 'pending',
      attempts: 0,
    });
    expect(message.subject).toMatch(/^Change authorised: CR-.* Add single sign-on$/);
    const link = `http://pmo.test/admin/plugins/pmo/change-requests/${cr.documentId}`;
    expect(message.text).toContain(link);
    expect(message.html).toContain(`href="${link}"`);
    expect(message.messageId).toMatch(/^<.+@test\.pmo>$/);

    const counts = await dispatch(new Date());
    expect(counts.sent).toBeGreaterThanOrEqual(1);
    const mails = sink.forOutbox([message.documentId]);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail).toMatchObject({
      to: ['cc.raiser@test.pmo'],
      from: 'pmo-hub@test.pmo',
      subject: message.subject,
      outboxId: message.documentId,
      messageId: message.messageId,
    });
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
    expect(await row(message.documentId)).toMatchObject({ status: 'sent', attempts: 1, leaseOwner: null });
    expect((await row(message.documentId)).sentAt).toBeTruthy();

    // Another run sends nothing again.
    await dispatch(new Date(Date.now() + 60 * MINUTE));
    expect(sink.forOutbox([message.documentId])).toHaveLength(1);
  });

  it('carries a title written as template code as text', async () => {
    const title = `<%= process.exit() %> {{constructor.constructor('return process')()}}`;
    const { message } = await authorised(title);
    expect(message.subject).toContain(title);
    expect(message.text).toContain(title);
    expect(message.html).toContain('&lt;%= process.exit() %&gt; {{constructor.constructor(&#39;return process&#39;)()}}');
    await dispatch(new Date());
    const [mail] = sink.forOutbox([message.documentId]);
    expect(mail.subject).toContain(title);
    expect(mail.text).toContain(title);
    expect(mail.html).toContain('&lt;%= process.exit() %&gt;');
    expect(mail.html).not.toContain('<%=');
  });

  it('tells the holders of a role as people, so one who turned workflow mail off is left out', async () => {
    const [quiet, keen] = ['role.quiet@test.pmo', 'role.keen@test.pmo'];
    await person(quiet, 'Quinn Quiet');
    await person(keen, 'Kim Keen');
    const quietAgent = await asAdmin(quiet, ['pmo-director']);
    await asAdmin(keen, ['pmo-director']);
    expect((await quietAgent.put('/pmo/notification-preferences').send({ preferences: [{ category: 'workflow', mode: 'off' }] })).status).toBe(200);

    const cr = await raise(await project());
    const definition = { key: 'change-request', name: 'Change control', states: [{ key: 'submitted', name: 'Submitted' }, { key: 'authorized', name: 'Authorised' }] };
    await notifyEffect.apply({ type: 'notify', to: ['role:pmo-director'], template: 'change-authorized' }, {
      strapi: getStrapi(),
      uid: CHANGE,
      documentId: cr.documentId,
      target: cr,
      definition,
      transition: { key: 'authorize', label: 'Authorise', from: ['submitted'], to: 'authorized' },
      from: 'submitted',
      to: 'authorized',
      actor: { id: 1, name: 'Dee Director', email: EMAILS.director },
      comment: null,
      now: new Date().toISOString(),
      votes: [],
      instanceId: 0,
    } as unknown as Parameters<typeof notifyEffect.apply>[1]);

    const [message] = await rows({ sourceDocumentId: cr.documentId });
    expect(message.recipients).toContain(keen);
    expect(message.recipients).not.toContain(quiet);
  });
});

describe('a mail server that goes away', () => {
  it('keeps messages pending with the error and the backoff, then delivers each exactly once', async () => {
    const ids = [await queue('down.one@test.pmo'), await queue('down.two@test.pmo'), await queue('down.three@test.pmo')];
    await sink.stop();
    const t0 = new Date(Date.now() + 1000);
    await dispatch(t0);
    for (const id of ids) {
      const stored = await row(id);
      expect(stored).toMatchObject({ status: 'pending', attempts: 1, leaseOwner: null });
      expect(stored.lastError).toMatch(/could not be reached|refused/);
      expect(new Date(stored.nextAttemptAt).getTime()).toBe(t0.getTime() + 1 * MINUTE);
    }

    // Before the backoff is over nothing is tried.
    await dispatch(new Date(t0.getTime() + 30_000));
    for (const id of ids) expect(await row(id)).toMatchObject({ status: 'pending', attempts: 1 });

    // Still down after a minute: the second backoff is 5 minutes.
    const t1 = new Date(t0.getTime() + 1 * MINUTE);
    await dispatch(t1);
    for (const id of ids) {
      const stored = await row(id);
      expect(stored).toMatchObject({ status: 'pending', attempts: 2 });
      expect(new Date(stored.nextAttemptAt).getTime()).toBe(t1.getTime() + 5 * MINUTE);
    }

    await sink.start();
    await dispatch(new Date(t1.getTime() + 5 * MINUTE));
    await dispatch(new Date(t1.getTime() + 60 * MINUTE));
    const mails = sink.forOutbox(ids);
    const byMessageId = new Map<string, number>();
    for (const mail of mails) byMessageId.set(mail.messageId, (byMessageId.get(mail.messageId) ?? 0) + 1);
    expect(byMessageId.size).toBe(3);
    expect([...byMessageId.values()]).toEqual([1, 1, 1]);
    for (const id of ids) {
      const stored = await row(id);
      expect(stored).toMatchObject({ status: 'sent', attempts: 3 });
      expect(byMessageId.has(stored.messageId)).toBe(true);
    }
  });

  it('fails a message refused for good (550) after one attempt, and retries one refused for now (451)', async () => {
    sink.refusals.push({ to: 'bounce@test.pmo', code: 550, message: 'No such mailbox here' });
    sink.refusals.push({ to: 'busy@test.pmo', code: 451, message: 'Try again later' });
    const bounced = await queue('bounce@test.pmo');
    const busy = await queue('busy@test.pmo');
    const now = new Date(Date.now() + 1000);
    await dispatch(now);
    const failed = await row(bounced);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toMatch(/refused the message for good \(SMTP 550\)/);
    const later = await row(busy);
    expect(later).toMatchObject({ status: 'pending', attempts: 1 });
    expect(later.lastError).toMatch(/SMTP 451/);
    expect(new Date(later.nextAttemptAt).getTime()).toBe(now.getTime() + MINUTE);

    // Never retried by the job; an administrator may retry it.
    await dispatch(new Date(now.getTime() + 24 * 60 * MINUTE));
    expect(await row(bounced)).toMatchObject({ status: 'failed', attempts: 1 });
    sink.refusals.length = 0;
    const admin = await asRole('pmo-administrator');
    const retried = await admin.post(`/pmo/outbox/${bounced}/retry`).send({});
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ documentId: bounced, status: 'pending' });
    await dispatch(new Date(Date.now() + 1000));
    expect(await row(bounced)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sink.forOutbox([bounced])).toHaveLength(1);
    expect((await admin.post(`/pmo/outbox/${bounced}/retry`).send({})).status).toBe(409);
  });

  it('resends a message whose sender died between send and mark with the same Message-ID', async () => {
    const id = await queue('crash@test.pmo');
    // As a crashed instance leaves it: sending, under an expired lease.
    await getStrapi().db.query(OUTBOX as any).updateMany({
      where: { documentId: id },
      data: { status: 'sending', leaseOwner: 'gone:1:dead', leaseUntil: new Date(Date.now() - 1000).toISOString() },
    });
    await dispatch(new Date());
    const stored = await row(id);
    expect(stored).toMatchObject({ status: 'sent' });
    expect(sink.forOutbox([id]).map((mail) => mail.messageId)).toEqual([stored.messageId]);
  });
});

describe('several instances', () => {
  const JOB_LEASE = 'plugin::pmo.job-lease';
  const lease = () => getStrapi().db.query(JOB_LEASE as any).findOne({ where: { key: 'dispatch-outbox' } });

  it('helps drain while another instance holds the period’s run, without recording a run of its own', async () => {
    const ids = [await queue('help.one@test.pmo'), await queue('help.two@test.pmo')];
    const before = await lease();
    await getStrapi().db.query(JOB_LEASE as any).updateMany({
      where: { key: 'dispatch-outbox' },
      data: { leaseOwner: 'other-instance:1:busy', leaseUntil: new Date(Date.now() + 5 * MINUTE).toISOString() },
    });
    try {
      expect(await service().tick('dispatch-outbox')).toMatchObject({ ran: false, helped: true, counts: { claimed: 2, sent: 2 } });
      for (const id of ids) expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1 });
      expect(sink.forOutbox(ids)).toHaveLength(2);
      const after = await lease();
      expect(after).toMatchObject({ leaseOwner: 'other-instance:1:busy', lastResult: before.lastResult });
    } finally {
      await getStrapi().db.query(JOB_LEASE as any).updateMany({ where: { key: 'dispatch-outbox' }, data: { leaseOwner: null, leaseUntil: null } });
    }
  });

  it('does not help a daily job: a reminders tick during another instance’s run does nothing', async () => {
    await getStrapi().db.query(JOB_LEASE as any).updateMany({
      where: { key: 'reminders' },
      data: { leaseOwner: 'other-instance:1:busy', leaseUntil: new Date(Date.now() + 5 * MINUTE).toISOString() },
    });
    try {
      expect(await service().tick('reminders')).toMatchObject({ ran: false, helped: false, counts: { reminders: 0, queued: 0 } });
    } finally {
      await getStrapi().db.query(JOB_LEASE as any).updateMany({ where: { key: 'reminders' }, data: { leaseOwner: null, leaseUntil: null } });
    }
  });
});

describe('the outbox page', () => {
  it('lists messages by status for administrators and directors', async () => {
    const admin = await asRole('pmo-administrator');
    const res = await admin.get('/pmo/outbox?status=sent&page=1&pageSize=5');
    expect(res.status).toBe(200);
    expect(res.body.results.length).toBeGreaterThan(0);
    expect(res.body.results.every((message: { status: string }) => message.status === 'sent')).toBe(true);
    expect(res.body.pagination).toMatchObject({ page: 1, pageSize: 5 });
    expect(res.body.counts.sent).toBeGreaterThan(0);
    expect((await (await asRole('pmo-director')).get('/pmo/outbox')).status).toBe(200);
    const bad = await admin.get('/pmo/outbox?status=lost');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['status']);
    const tooBig = await admin.get('/pmo/outbox?pageSize=101');
    expect([tooBig.status, tooBig.body.error.details.errors[0]?.message]).toEqual([400, 'The page size must be a whole number from 1 to 100']);
  });

  it('is refused to a PMO analyst, as are the jobs', async () => {
    const analyst = await asRole('pmo-analyst');
    expect((await analyst.get('/pmo/outbox')).status).toBe(403);
    expect((await analyst.get('/pmo/jobs')).status).toBe(403);
    expect((await analyst.post('/pmo/jobs/dispatch-outbox/run').send({})).status).toBe(403);
    expect((await (await asRole('pmo-director')).post('/pmo/jobs/dispatch-outbox/run').send({})).status).toBe(403);
  });
});

