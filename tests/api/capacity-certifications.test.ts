/**
 * Certification reminders (docs/people.md, "Certifications"): a certification expiring within 60
 * days is reminded to its holder and their department's leader through the reminders job, once
 * per certification and expiry date (a second run, the next day, sends nothing new); one further
 * off is not reminded yet; a renewal (a new expiry date) is reminded again. Days in 2034.
 */
import { asRole, getStrapi } from '../helpers/strapi';
import { createSink, type Received, type Sink } from '../helpers/smtp-sink';

const PERSON = 'api::person.person';
const documents = (uid: string) => getStrapi().documents(uid as any) as any;
const tag = `cert${process.pid}`;
const email = (who: string) => `${who}.${tag}@test.pmo`;

let sink: Sink;
let holder: { documentId: string };

async function run(key: string, now: string) {
  const admin = await asRole('pmo-administrator');
  const res = await admin.post(`/pmo/jobs/${key}/run`).send({ now });
  expect(res.status).toBe(200);
  return res.body;
}

/** Runs the reminders of a day and delivers them; answers the new mails about this file's certifications. */
async function day(now: string): Promise<Received[]> {
  const before = sink.received.length;
  await run('reminders', now);
  await run('dispatch-outbox', new Date(Date.now() + 1000).toISOString());
  return sink.received.slice(before).filter((mail) => mail.subject.includes(tag));
}

beforeAll(async () => {
  sink = createSink();
  await sink.start();
  const leader = await documents(PERSON).create({ data: { fullName: 'Dana Leader', email: email('leader') } });
  const department = await documents('api::department.department').create({ data: { name: `Delivery ${tag}`, leader: leader.documentId } });
  holder = await documents(PERSON).create({
    data: {
      fullName: 'Cora Certified',
      email: email('holder'),
      department: department.documentId,
      certifications: [
        { name: `PRINCE2 Practitioner ${tag}`, body: 'PeopleCert', obtainedOn: '2031-04-01', expiresOn: '2034-03-20' },
        { name: `MSP Foundation ${tag}`, body: 'PeopleCert', obtainedOn: '2031-01-10', expiresOn: '2034-09-30' },
      ],
    },
  });
});

afterAll(async () => {
  await sink.stop();
});

describe('certification reminders', () => {
  it('reminds the holder and their leader once, within 60 days of expiry, and again after a renewal', async () => {
    // 1 Jan 2034: PRINCE2 expires in 78 days, MSP in 272: nothing yet.
    expect(await day('2034-01-01')).toEqual([]);

    // 1 Feb 2034: PRINCE2 expires in 47 days.
    const first = await day('2034-02-01');
    expect(first).toHaveLength(1);
    expect(first[0].subject).toBe(`Certification expiring on 20 Mar 2034: PRINCE2 Practitioner ${tag}`);
    expect(first[0].to.sort()).toEqual([email('holder'), email('leader')].sort());
    expect(first[0].text).toContain('held by Cora Certified expires on 20 Mar 2034, in 47 days');

    // The next day: already reminded.
    expect(await day('2034-02-02')).toEqual([]);

    // Renewed to 2037; MSP (30 Sep 2034) is reminded from 1 Aug 2034, once.
    await documents(PERSON).update({
      documentId: holder.documentId,
      data: {
        certifications: [
          { name: `PRINCE2 Practitioner ${tag}`, body: 'PeopleCert', obtainedOn: '2034-03-01', expiresOn: '2037-03-20' },
          { name: `MSP Foundation ${tag}`, body: 'PeopleCert', obtainedOn: '2031-01-10', expiresOn: '2034-09-30' },
        ],
      },
    });
    const august = await day('2034-08-15');
    expect(august.map((mail) => mail.subject)).toEqual([`Certification expiring on 30 Sep 2034: MSP Foundation ${tag}`]);
    expect(await day('2034-08-16')).toEqual([]);
  });

  it('shows the certifications on the person page, the one expiring soon marked', async () => {
    const res = await (await asRole('pmo-manager')).get(`/pmo/capacity/people/${holder.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.certifications.map((c: any) => [c.name, c.expiresOn, c.expired])).toEqual([
      [`MSP Foundation ${tag}`, '2034-09-30', false],
      [`PRINCE2 Practitioner ${tag}`, '2037-03-20', false],
    ]);
  });
});
