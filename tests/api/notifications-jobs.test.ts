/**
 * Scheduled work: the reminders job runs the registered reminder sources once per day (a second
 * run of the same day, even at the same moment, runs nothing), queues each reminder once under
 * its dedupe key, respects people's preferences (off, digest; never off for approvals) and
 * gathers held messages into one digest mail. Templates are data, checked at save.
 */
import { person } from './change-control-fixtures';
import { createSink, type Sink } from '../helpers/smtp-sink';
import { asAdmin, asRole, getStrapi } from '../helpers/strapi';

const OUTBOX = 'plugin::pmo.outbox-message';
const PREFERENCE = 'plugin::pmo.notification-preference';

type Reminder = Record<string, any>;
type Outbox = Record<string, any>;

const service = () => getStrapi().plugin('pmo').service('notifications') as any;
const rows = (where: Record<string, unknown>) => getStrapi().db.query(OUTBOX as any).findMany({ where, orderBy: [{ id: 'asc' }] }) as Promise<Outbox[]>;

/** What the test source owes on each day; `slow` days make a run last a moment. */
const due = new Map<string, Reminder[]>();
const slow = new Set<string>();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const EMAILS = { off: 'pref.off@test.pmo', digest: 'pref.digest@test.pmo', now: 'pref.now@test.pmo', nobody: 'pref.nobody@test.pmo' };

function reminder(documentId: string, day: string, to: Array<{ email: string; personDocumentId?: string }>, category = 'document-review'): Reminder {
  return {
    category,
    template: category === 'approval' ? 'approval-waiting' : 'document-review-due',
    dedupeKey: `${category}:${documentId}:${day}`,
    to,
    values: { project: 'Alpha', owner: 'Ola Owner', dueDate: '24 Jan 2031', daysLeft: '14', workflow: 'Change control', step: 'Authorise', waitingSince: '6 Jan 2031', workingDays: '3' },
    item: { uid: 'api::document.document', documentId, title: `Risk register ${documentId}`, url: `/admin/content-manager/collection-types/api::document.document/${documentId}` },
  };
}

async function run(key: string, now: string) {
  const admin = await asRole('pmo-administrator');
  return admin.post(`/pmo/jobs/${key}/run`).send({ now });
}

let sink: Sink;
let people: Record<'off' | 'digest' | 'now', { documentId: string }>;

beforeAll(async () => {
  sink = createSink();
  await sink.start();
  // Only this file's source: the capabilities' own sources would count whatever other files of
  // this worker left in the database (tests/api/notifications-reminders.test.ts runs those).
  service().onlyReminderSources(['test-notifications']);
  service().registerReminderSource({
    key: 'test-notifications',
    category: 'document-review',
    async collect(_strapi: unknown, { day }: { day: string }) {
      if (slow.has(day)) await sleep(400);
      return due.get(day) ?? [];
    },
  });
  people = {
    off: await person(EMAILS.off, 'Olive Off'),
    digest: await person(EMAILS.digest, 'Diana Digest'),
    now: await person(EMAILS.now, 'Nora Now'),
  };
});

afterAll(async () => {
  service().onlyReminderSources(null);
  await sink.stop();
});

describe('notification preferences', () => {
  it('answers the signed-in person’s preferences, every category immediate until chosen', async () => {
    const off = await asAdmin(EMAILS.off, ['pmo-analyst']);
    const res = await off.get('/pmo/notification-preferences');
    expect(res.status).toBe(200);
    expect(res.body.person).toMatchObject({ documentId: people.off.documentId, email: EMAILS.off });
    expect(res.body.preferences).toHaveLength(10);
    expect(res.body.preferences.every((entry: { mode: string }) => entry.mode === 'immediate')).toBe(true);
    expect(res.body.preferences.find((entry: { category: string }) => entry.category === 'approval')).toMatchObject({ canTurnOff: false });
  });

  it('keeps a choice, and refuses to turn off approvals or escalations, naming the entry', async () => {
    const off = await asAdmin(EMAILS.off, ['pmo-analyst']);
    const saved = await off.put('/pmo/notification-preferences').send({ preferences: [{ category: 'document-review', mode: 'off' }] });
    expect(saved.status).toBe(200);
    expect(saved.body.preferences.find((entry: { category: string }) => entry.category === 'document-review').mode).toBe('off');

    const refused = await off.put('/pmo/notification-preferences').send({
      preferences: [
        { category: 'gate-review', mode: 'digest' },
        { category: 'approval', mode: 'off' },
      ],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ name: 'ValidationError' });
    expect(refused.body.error.details.errors).toEqual([
      { path: ['preferences', '1', 'mode'], message: 'Approvals waiting for your vote cannot be turned off: choose immediate or digest', name: 'ValidationError' },
    ]);
    const digest = await asAdmin(EMAILS.digest, ['project-manager']);
    expect((await digest.put('/pmo/notification-preferences').send({ preferences: [{ category: 'document-review', mode: 'digest' }] })).status).toBe(200);
  });

  it('tells someone PMO Hub knows no person of that they cannot choose', async () => {
    const nobody = await asAdmin(EMAILS.nobody, ['pmo-analyst']);
    expect((await nobody.get('/pmo/notification-preferences')).body.person).toBeNull();
    const res = await nobody.put('/pmo/notification-preferences').send({ preferences: [{ category: 'workflow', mode: 'off' }] });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/no person with your email/);
  });
});

describe('the reminders job', () => {
  const day = '2031-01-10';
  const to = () => [
    { email: EMAILS.off, personDocumentId: people.off.documentId },
    { email: EMAILS.digest, personDocumentId: people.digest.documentId },
    { email: EMAILS.now },
  ];

  it('queues each reminder once, leaving out those who turned it off and holding it for digest readers', async () => {
    // Left over from before the rule: an approval preference set to off, which is never honoured.
    await getStrapi().db.query(PREFERENCE as any).create({
      data: { documentId: 'stalepreferenceapproval1', category: 'approval', mode: 'off', person: (await getStrapi().db.query('api::person.person').findOne({ where: { email: EMAILS.off } })).id },
    });
    due.set(day, [reminder('doc-a', day, to()), reminder('vote-a', day, [{ email: EMAILS.off, personDocumentId: people.off.documentId }], 'approval')]);
    const res = await run('reminders', `${day}T07:00:00.000Z`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ key: 'reminders', ran: true, reminders: 2, queued: 2, held: 1, leftOut: 1, duplicates: 0, digests: 1, digested: 1 });

    const review = await rows({ dedupeKey: `document-review:doc-a:${day}` });
    expect(review).toHaveLength(1);
    expect(review[0]).toMatchObject({ recipients: [EMAILS.now], category: 'document-review', template: 'document-review-due', status: 'pending' });
    const held = await rows({ dedupeKey: `document-review:doc-a:${day}|digest:${EMAILS.digest}` });
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ heldForDigest: true, status: 'sent', recipients: [EMAILS.digest] });
    const [digest] = await rows({ documentId: held[0].digestedInto });
    expect(digest).toMatchObject({ category: 'digest', template: 'digest', recipients: [EMAILS.digest], status: 'pending' });
    expect(digest.subject).toBe('PMO Hub: your daily digest for 10 Jan 2031 (1 items)');
    const approval = await rows({ dedupeKey: `approval:vote-a:${day}` });
    expect(approval[0]).toMatchObject({ recipients: [EMAILS.off] });

    const sent = await run('dispatch-outbox', new Date(Date.now() + 1000).toISOString());
    expect(sent.body.ran).toBe(true);
    const mails = sink.forOutbox([review[0].documentId, digest.documentId, approval[0].documentId, held[0].documentId]);
    expect(mails.map((mail) => `${mail.to.join(',')}: ${mail.subject}`).sort()).toEqual([
      `${EMAILS.digest}: PMO Hub: your daily digest for 10 Jan 2031 (1 items)`,
      `${EMAILS.now}: Review due on 24 Jan 2031: Risk register doc-a`,
      `${EMAILS.off}: Your vote is waiting: Risk register vote-a`,
    ]);
    const digestMail = mails.find((mail) => mail.to.includes(EMAILS.digest))!;
    expect(digestMail.text).toContain('Review due on 24 Jan 2031: Risk register doc-a');
    expect(digestMail.text).toContain('http://pmo.test/admin/content-manager/collection-types/api::document.document/doc-a');
    expect(digestMail.html).toContain('<a href="http://pmo.test/admin/content-manager/collection-types/api::document.document/doc-a">');
  });

  it('runs a day once: a second run of the same day sends nothing, and a reminder already queued is not queued again', async () => {
    const again = await run('reminders', `${day}T09:30:00.000Z`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ key: 'reminders', ran: false, reason: 'already-run', reminders: 0, queued: 0 });

    const next = '2031-01-11';
    due.set(next, [reminder('doc-a', day, to())]); // the same period's key (a weekly reminder, say)
    const res = await run('reminders', next);
    expect(res.body).toMatchObject({ ran: true, reminders: 1, queued: 0, held: 0, duplicates: 2, digests: 0 });
    expect(await rows({ dedupeKey: `document-review:doc-a:${day}` })).toHaveLength(1);
  });

  it('runs once when two runs of the same period are asked for at the same moment', async () => {
    const moment = '2031-01-12';
    slow.add(moment);
    due.set(moment, [reminder('doc-b', moment, [{ email: EMAILS.now }])]);
    const [first, second] = await Promise.all([run('reminders', moment), run('reminders', moment)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const answers = [first.body, second.body].sort((a, b) => Number(b.ran) - Number(a.ran));
    expect(answers[0]).toMatchObject({ ran: true, reminders: 1, queued: 1 });
    expect(answers[1]).toMatchObject({ ran: false, reminders: 0, queued: 0 });
    expect(['running', 'already-run']).toContain(answers[1].reason);
    expect(await rows({ dedupeKey: `document-review:doc-b:${moment}` })).toHaveLength(1);
  });

  it('queues a dedupe key once when two write it at once, and a duplicate does not abort the caller’s transaction', async () => {
    const key = `document-review:doc-race:${Date.now()}`;
    const input = { ...reminder('doc-race', 'x', [{ email: EMAILS.now }]), dedupeKey: key };
    const results = await Promise.all([service().enqueue(input), service().enqueue(input), service().enqueue(input)]);
    expect(results.map((result: { queued: number }) => result.queued).sort()).toEqual([0, 0, 1]);
    expect(await rows({ dedupeKey: key })).toHaveLength(1);

    const inside = `${key}:transaction`;
    await getStrapi().db.transaction(async () => {
      await service().enqueue({ ...input, dedupeKey: inside });
      const again = await service().enqueue({ ...input, dedupeKey: inside });
      expect(again).toMatchObject({ queued: 0, duplicates: 1 });
      // The transaction is still usable after the duplicate (on PostgreSQL a failed INSERT would abort it).
      await service().enqueue({ ...input, dedupeKey: `${inside}:after` });
    });
    expect(await rows({ dedupeKey: inside })).toHaveLength(1);
    expect(await rows({ dedupeKey: `${inside}:after` })).toHaveLength(1);
  });

  it('lists the jobs with their schedule and last run, and refuses an unreadable time in words', async () => {
    const admin = await asRole('pmo-administrator');
    const jobs = await admin.get('/pmo/jobs');
    expect(jobs.status).toBe(200);
    const reminders = jobs.body.results.find((job: { key: string }) => job.key === 'reminders');
    expect(reminders).toMatchObject({ schedule: '0 7 * * *', scheduled: false, nextRunAt: null, running: false });
    expect(reminders.lastRunAt).toBeTruthy();
    expect(jobs.body.results.find((job: { key: string }) => job.key === 'dispatch-outbox')).toMatchObject({ schedule: '*/15 * * * * *' });

    const bad = await admin.post('/pmo/jobs/reminders/run').send({ now: 'tomorrow' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0]).toMatchObject({ path: ['now'], message: expect.stringMatching(/now must be a date/) });
    expect((await admin.post('/pmo/jobs/cleanup/run').send({})).status).toBe(400);
  });
});

describe('templates as data', () => {
  it('lists each template with its placeholders', async () => {
    const admin = await asRole('pmo-administrator');
    const res = await admin.get('/pmo/notification-templates');
    expect(res.status).toBe(200);
    const keys = res.body.results.map((template: { key: string }) => template.key);
    for (const key of ['change-authorized', 'change-rejected', 'document-review-due', 'document-review-overdue', 'status-report-late', 'gate-condition-overdue', 'gate-review-upcoming', 'approval-waiting', 'action-item-overdue', 'certification-expiring', 'escalation', 'digest']) {
      expect(keys).toContain(key);
    }
    const authorised = res.body.results.find((template: { key: string }) => template.key === 'change-authorized');
    expect(authorised.placeholders.map((placeholder: { name: string }) => placeholder.name)).toEqual(expect.arrayContaining(['title', 'url', 'reference', 'actor']));
    expect((await (await asRole('pmo-analyst')).get('/pmo/notification-templates')).status).toBe(403);
  });

  it('refuses at save what is no placeholder of the template, naming the field', async () => {
    const admin = await asRole('pmo-administrator');
    const res = await admin.put('/pmo/notification-templates/certification-expiring').send({
      subject: 'Expiring: {{colour}}',
      text: 'Fine {{title}}',
      html: "<p>{{constructor.constructor('return process')()}}</p>",
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((error: { path: string[] }) => error.path)).toEqual([['subject'], ['html']]);
    expect(res.body.error.details.errors[0].message).toMatch(/^The subject uses \{\{colour\}\}, which this template does not offer/);
  });

  it('previews with sample values and keeps an edit, which the next message uses', async () => {
    const admin = await asRole('pmo-administrator');
    const original = (await admin.get('/pmo/notification-templates/certification-expiring')).body;
    const preview = await admin.post('/pmo/notification-templates/certification-expiring/preview').send({ values: { title: '<b>PRINCE2</b>' } });
    expect(preview.status).toBe(200);
    expect(preview.body.subject).toContain('<b>PRINCE2</b>');
    expect(preview.body.html).toContain('&lt;b&gt;PRINCE2&lt;/b&gt;');

    const edited = await admin.put('/pmo/notification-templates/certification-expiring').send({
      subject: 'Renew {{title}} by {{expiresOn}}',
      text: '{{person}}: renew {{title}}. {{url}}',
      html: '<p>{{person}}: renew <a href="{{url}}">{{title}}</a></p>',
    });
    expect(edited.status).toBe(200);
    const queued = await service().enqueue({
      category: 'certification',
      template: 'certification-expiring',
      to: [{ email: 'cert.holder@test.pmo' }],
      values: { person: 'Cora Cert', expiresOn: '1 Mar 2031', daysLeft: '30' },
      item: { uid: 'api::person.person', documentId: 'cert-1', title: 'PRINCE2 Practitioner', url: '/admin/content-manager/collection-types/api::person.person/cert-1' },
    });
    const [message] = await rows({ documentId: queued.documentIds[0] });
    expect(message.subject).toBe('Renew PRINCE2 Practitioner by 1 Mar 2031');
    expect(message.text).toBe('Cora Cert: renew PRINCE2 Practitioner. http://pmo.test/admin/content-manager/collection-types/api::person.person/cert-1');
    expect((await admin.put('/pmo/notification-templates/certification-expiring').send({ subject: original.subject, text: original.text, html: original.html })).status).toBe(200);
    expect((await admin.get('/pmo/notification-templates/no-such-template')).status).toBe(404);
  });
});
