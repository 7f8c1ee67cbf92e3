/**
 * The capabilities' reminders, on fixed days in March 2033 through `POST /pmo/jobs/reminders/run`
 * with `now`, delivered to the test's SMTP sink by `dispatch-outbox`: documents due and overdue
 * (escalated to the project manager and the PMO managers after 14 days), status reports late by
 * cadence (escalated to the programme manager two periods late), gate conditions overdue, gate
 * reviews next week (with an iCalendar invitation whose UID survives a new date), votes waiting
 * more than 2 working days (weekends not counted) and mentoring action items (never a
 * confidential note). Every mail arrives once; a second run of a day sends nothing new.
 *
 * One Strapi and one database serve every file of a worker, so the jobs also remind whatever
 * other files left behind: this file reads only the mails to its own people.
 */
import { documentInState, type DocumentState } from '../helpers/documents';
import { asAdmin, asCapability, asRole, getStrapi } from '../helpers/strapi';
import { createSink, type Received, type Sink } from '../helpers/smtp-sink';
import { EMAILS as CC, actors, expectFire, project as ccProject, raise, type Actors } from './change-control-fixtures';
import { createRelationship, logSession, member, daysFromToday, type Member } from './mentoring-fixtures';

const DOCUMENT = 'api::document.document';
const PROJECT = 'api::project.project';
const PROGRAMME = 'api::programme.programme';
const REPORT = 'api::status-report.status-report';
const GATE_REVIEW = 'plugin::pmo.gate-review';
const GATE_CONDITION = 'plugin::pmo.gate-condition';
const INSTANCE = 'plugin::pmo.workflow-instance';
const APP = 'http://pmo.test';

const documents = (uid: string) => getStrapi().documents(uid as any) as any;
/** Writes governance's own types as governance does (its routes' tests go through HTTP). */
const asGovernance = (work: () => Promise<any>) => asCapability('governance', work) as Promise<{ documentId: string }>;
const tag = `rem${process.pid}`;
const email = (who: string) => `${who}.${tag}@test.pmo`;
const MARKER = `CONFIDENTIAL-${tag}-${Date.now()}`;
const ITEM_WORDS = `Rehearse the steering pitch ${tag}`;

const P = {
  owner: email('owner'),
  pm: email('pm'),
  progm: email('progm'),
  reviewer: email('reviewer'),
  pmoManager: email('pmo-manager'),
};

async function person(address: string, fullName: string) {
  const existing = await documents('api::person.person').findFirst({ filters: { email: address } });
  return existing ?? documents('api::person.person').create({ data: { fullName, email: address } });
}

async function run(key: string, now: string) {
  const admin = await asRole('pmo-administrator');
  const res = await admin.post(`/pmo/jobs/${key}/run`).send({ now });
  expect([key, now, res.status]).toEqual([key, now, 200]);
  return res.body;
}

let sink: Sink;
/** Runs the reminders of a day, then delivers everything due; answers the new mails to this file's people. */
async function day(now: string): Promise<Received[]> {
  const before = sink.received.length;
  const reminders = await run('reminders', now);
  expect(reminders).toMatchObject({ ran: true, sourceErrors: 0 });
  await run('dispatch-outbox', new Date(Date.now() + 1000).toISOString());
  return mine(sink.received.slice(before));
}

const ours = new Set<string>();
/** The mails about this file's items (every one names the tag) to this file's people. */
const mine = (mails: Received[]) => mails.filter((mail) => mail.subject.includes(tag) && mail.to.some((to) => ours.has(to)));
const to = (mails: Received[], address: string) => mails.filter((mail) => mail.to.includes(address.toLowerCase()));
const subjects = (mails: Received[], address: string) => to(mails, address).map((mail) => mail.subject).sort();

let people: Actors;
let board2: string;
let ids: Record<string, string>;
let mentor: Member;
let mentee: Member;

beforeAll(async () => {
  sink = createSink();
  await sink.start();
  people = await actors();

  const owner = await person(P.owner, 'Olga Owner');
  const pm = await person(P.pm, 'Priya Manager');
  const progm = await person(P.progm, 'Gus Programme');
  const reviewer = await person(P.reviewer, 'Rhea Reviewer');
  await person(P.pmoManager, 'Mona PMO');
  await asAdmin(P.pmoManager, ['pmo-manager']);

  const programme = await documents(PROGRAMME).create({ data: { name: `Programme ${tag}`, code: `PRG-${tag}`, manager: progm.documentId } });
  const running = async (name: string, cadence: string | undefined, state = 'executing') => {
    const created = await documents(PROJECT).create({
      data: { name, code: `${name.slice(0, 3).toUpperCase()}-${tag}`, manager: pm.documentId, programme: programme.documentId, ...(cadence ? { reportingCadence: cadence } : {}) },
    });
    // The lifecycle's mirror, as if the project had passed its gates.
    await getStrapi().db.query(PROJECT as any).update({ where: { documentId: created.documentId }, data: { workflowState: state } });
    return created;
  };
  const weekly = await running(`Weekly ${tag}`, 'weekly');
  const monthly = await running(`Monthly ${tag}`, undefined);
  const proposed = await running(`Proposed ${tag}`, 'weekly', 'proposed');
  for (const p of [weekly, monthly, proposed]) {
    await documents(REPORT).create({ data: { project: p.documentId, asOf: '2033-02-28', percentComplete: 20, ragOverall: 'green' } });
  }

  const doc = (title: string, lastReviewedAt: string, status: DocumentState = 'approved') =>
    documentInState(status, {
      title: `${title} ${tag}`,
      documentType: 'project-plan',
      project: weekly.documentId,
      owner: owner.documentId,
      lastReviewedAt,
      approvedAt: `${lastReviewedAt}T09:00:00.000Z`,
      reviewCycleDays: 30,
    });
  const due = await doc('Plan due', '2033-02-15'); // due 17 Mar 2033
  const overdue = await doc('Plan overdue', '2033-02-02'); // due 4 Mar 2033
  const superseded = await doc('Plan superseded', '2033-02-02', 'superseded');

  const decided = await asGovernance(() =>
    documents(GATE_REVIEW).create({ data: { project: weekly.documentId, gate: 2, decision: 'conditional-go', heldDate: '2033-02-20' } })
  );
  const condition = await asGovernance(() =>
    documents(GATE_CONDITION).create({ data: { gateReview: decided.documentId, text: `Baseline the schedule ${tag}`, owner: owner.documentId, dueDate: '2033-03-05' } })
  );
  const upcoming = await asGovernance(() =>
    documents(GATE_REVIEW).create({ data: { project: weekly.documentId, gate: 3, scheduledDate: '2033-03-12', reviewers: [reviewer.documentId] } })
  );

  // A change the change board authorises (cost above the 10 % tolerance), raised by a board member.
  const cr = await raise(await ccProject({ changeBudget: '500000.00' }), { cost: '5000.00', raisedBy: CC.boardRaiser, title: `Add reporting ${tag}` });
  await expectFire(people.boardRaiser, cr, 'submit', 200);
  await expectFire(people.analyst, cr, 'recommend', 200);
  await expectFire(people.board1, cr, 'authorize', 202);
  // It has waited since Friday 4 March 2033.
  await getStrapi().db.query(INSTANCE as any).update({ where: { targetDocumentId: cr.documentId }, data: { enteredAt: '2033-03-04T10:00:00.000Z' } });
  board2 = CC.board2;

  mentor = await member(tag, 'mentor', ['project-manager'], `Maria Mentor ${tag}`);
  mentee = await member(tag, 'mentee', ['project-manager'], `Milo Mentee ${tag}`);
  const relationship = await createRelationship(await asRole('pmo-manager'), { mentor: mentor.personId, mentee: mentee.personId, startDate: daysFromToday(-120) });
  await logSession(mentor.agent, {
    relationship: relationship.documentId,
    date: daysFromToday(-10),
    durationMinutes: 45,
    topics: 'Stakeholders',
    sharedNotes: 'Shared notes of the session',
    confidentialNotes: `The mentee is thinking of leaving ${MARKER}`,
    actionItems: [{ text: ITEM_WORDS, owner: 'mentee', dueDate: daysFromToday(-5) }],
  });

  ids = {
    weekly: weekly.documentId,
    monthly: monthly.documentId,
    proposed: proposed.documentId,
    due: due.documentId,
    overdue: overdue.documentId,
    superseded: superseded.documentId,
    condition: condition.documentId,
    decided: decided.documentId,
    upcoming: upcoming.documentId,
    cr: cr.documentId,
    relationship: relationship.documentId,
  };
  for (const address of [...Object.values(P), CC.board1, CC.board2, CC.boardRaiser, CC.raiser, CC.pm, mentor.email, mentee.email]) ours.add(address.toLowerCase());
}, 120_000);

afterAll(async () => {
  await sink.stop();
});

const everyMail: Received[] = [];
const link = (path: string) => `${APP}${path}`;
const cm = (uid: string, documentId: string) => link(`/admin/content-manager/collection-types/${uid}/${documentId}`);
const icsField = (ics: string, name: string) => new RegExp(`^${name}[;:](.*)$`, 'm').exec(ics.replace(/\r\n[ \t]/g, ''))?.[1];

describe('reminders on fixed days', () => {
  it('Monday 7 March: documents, the overdue condition, next week’s gate review and the action item, once each', async () => {
    const mails = await day('2033-03-07');
    everyMail.push(...mails);
    expect(subjects(mails, P.owner)).toEqual([
      `Gate condition overdue: Baseline the schedule ${tag}`,
      `Review due on 17 Mar 2033: Plan due ${tag}`,
      `Review overdue: Plan overdue ${tag}`,
    ]);
    const [dueMail] = to(mails, P.owner).filter((mail) => mail.subject.startsWith('Review due'));
    expect(dueMail.text).toContain(`Plan due ${tag}" (Weekly ${tag}) is due for review on 17 Mar 2033, in 10 days`);
    expect(dueMail.text).toContain(cm(DOCUMENT, ids.due));
    const conditionMail = to(mails, P.owner).find((mail) => mail.subject.startsWith('Gate condition'))!;
    expect(conditionMail.text).toContain('set at Gate 2 of Weekly');
    expect(conditionMail.text).toContain(link(`/admin/plugins/pmo/governance/reviews/${ids.decided}`));

    const [invitation] = to(mails, P.reviewer);
    expect(invitation.subject).toBe(`Gate 3 review of Weekly ${tag} on 12 Mar 2033`);
    expect(invitation.text).toContain(link(`/admin/plugins/pmo/governance/reviews/${ids.upcoming}`));
    expect(invitation.attachments).toHaveLength(1);
    const ics = invitation.attachments[0];
    expect(ics.contentType).toBe('text/calendar');
    expect(icsField(ics.content, 'BEGIN')).toBe('VCALENDAR');
    expect(icsField(ics.content, 'DTSTART')).toBe('VALUE=DATE:20330312');
    expect(icsField(ics.content, 'DTEND')).toBe('VALUE=DATE:20330313');
    expect(icsField(ics.content, 'SUMMARY')).toBe(`Gate 3 (investment decision) review of Weekly ${tag}`);
    expect(icsField(ics.content, 'DESCRIPTION')).toContain(link(`/admin/plugins/pmo/governance/reviews/${ids.upcoming}`));
    expect(icsField(ics.content, 'UID')).toBe(`gate-review-${ids.upcoming}@pmo-hub`);

    const [actionItem] = to(mails, mentee.email);
    expect(actionItem.subject).toBe(`Action item overdue: Mentoring session of ${formatDay(daysFromToday(-10))} with ${mentor.name}`);
    expect(actionItem.text).toContain(link(`/admin/plugins/pmo/mentoring/relationships/${ids.relationship}`));
    expect(to(mails, mentor.email)).toEqual([]);

    // Not yet: the vote has waited one working day (Friday to Monday), the weekly report is due today.
    expect(to(mails, board2)).toEqual([]);
    expect(to(mails, P.pm)).toEqual([]);
    expect(to(mails, P.pmoManager)).toEqual([]);
    // Each once.
    expect(mails).toHaveLength(5);
  });

  it('sends nothing new when the same day runs again', async () => {
    const before = sink.received.length;
    const again = await run('reminders', '2033-03-07T15:00:00');
    expect(again).toMatchObject({ ran: false, reason: 'already-run', queued: 0 });
    await run('dispatch-outbox', new Date(Date.now() + 1000).toISOString());
    expect(mine(sink.received.slice(before))).toEqual([]);
  });

  it('Tuesday 8 March: a vote opened on Friday has waited 2 working days, not more: nothing', async () => {
    const mails = await day('2033-03-08');
    everyMail.push(...mails);
    expect(mails).toEqual([]);
  });

  it('Wednesday 9 March: the vote waits for the board members who have not voted; the moved review sends its invitation again, same UID', async () => {
    await asGovernance(() => documents(GATE_REVIEW).update({ documentId: ids.upcoming, data: { scheduledDate: '2033-03-16' } }));
    const mails = await day('2033-03-09');
    everyMail.push(...mails);

    const [vote] = to(mails, board2);
    expect(vote.subject).toBe(`Your vote is waiting: ${(await documents('plugin::pmo.change-request').findOne({ documentId: ids.cr })).reference} Add reporting ${tag}`);
    expect(vote.text).toContain('since 4 Mar 2033: 3 working days');
    expect(vote.text).toContain(link(`/admin/plugins/pmo/change-requests/${ids.cr}`));
    // Not the member who voted, nor the one who raised it.
    expect(to(mails, CC.board1)).toEqual([]);
    expect(to(mails, CC.boardRaiser)).toEqual([]);

    const [invitation] = to(mails, P.reviewer);
    expect(invitation.subject).toBe(`Gate 3 review of Weekly ${tag} on 16 Mar 2033`);
    const first = everyMail.find((mail) => mail.to.includes(P.reviewer) && mail !== invitation)!;
    const [before, after] = [first.attachments[0].content, invitation.attachments[0].content];
    expect(icsField(after, 'DTSTART')).toBe('VALUE=DATE:20330316');
    expect(icsField(after, 'UID')).toBe(icsField(before, 'UID'));
    expect(Number(icsField(after, 'SEQUENCE'))).toBeGreaterThan(Number(icsField(before, 'SEQUENCE')));
    expect(mails).toHaveLength(2);
  });

  it('Friday 11 March: the weekly project’s report is late (due Monday, 3 days’ grace); the monthly one is not', async () => {
    const mails = await day('2033-03-11');
    everyMail.push(...mails);
    expect(subjects(mails, P.pm)).toEqual([`Status report late: Weekly ${tag}`]);
    const [late] = to(mails, P.pm);
    expect(late.text).toContain(`The weekly status report for Weekly ${tag} was due on 7 Mar 2033. The last report is dated 28 Feb 2033; 1 reporting period(s) are missing.`);
    expect(late.text).toContain(cm(PROJECT, ids.weekly));
    expect(to(mails, P.progm)).toEqual([]);
    expect(mails).toHaveLength(1);
  });

  it('Friday 18 March: two weeks missing, the programme manager hears of it; the project manager is reminded of the second week; the stalled vote reaches the PMO managers', async () => {
    const mails = await day('2033-03-18');
    everyMail.push(...mails);
    expect(subjects(mails, P.pm)).toEqual([`Status report late: Weekly ${tag}`]);
    expect(to(mails, P.pm)[0].text).toContain('2 reporting period(s) are missing');
    // The document due on the 17th is now overdue: its owner hears of it once more.
    expect(subjects(mails, P.owner)).toEqual([`Review overdue: Plan due ${tag}`]);
    const [escalation] = to(mails, P.progm);
    expect(escalation.subject).toBe(`Escalation: Weekly ${tag}`);
    expect(escalation.text).toContain(`the weekly status report of Weekly ${tag} is 2 reporting periods late`);
    expect(escalation.text).toContain('The person who should act is Priya Manager');
    // The overdue document is 14 days overdue today: not escalated yet. The vote, waiting since
    // Friday 4 March (10 working days), goes to the PMO managers, once.
    const reference = (await documents('plugin::pmo.change-request').findOne({ documentId: ids.cr })).reference;
    expect(subjects(mails, P.pmoManager)).toEqual([`Escalation: ${reference} Add reporting ${tag}`]);
    const [stalled] = to(mails, P.pmoManager);
    expect(stalled.text).toContain('has waited 10 working days');
    expect(stalled.text).toContain('was due on 8 Mar 2033, 10 days ago');
    expect(stalled.text).toContain(link(`/admin/plugins/pmo/change-requests/${ids.cr}`));
    expect(mails).toHaveLength(4);
  });

  it('Saturday 19 and Sunday 20 March: the document and then the gate condition 15 days overdue go to the project’s manager and the PMO managers, once', async () => {
    const mails = await day('2033-03-19');
    everyMail.push(...mails);
    const escalations = mails.filter((mail) => mail.subject === `Escalation: Plan overdue ${tag}`);
    expect(escalations).toHaveLength(1);
    expect(escalations[0].to).toEqual(expect.arrayContaining([P.pm, P.pmoManager]));
    expect(escalations[0].text).toContain('was due on 4 Mar 2033, 15 days ago. The person who should act is Olga Owner');
    expect(escalations[0].text).toContain(cm(DOCUMENT, ids.overdue));
    expect(mails).toHaveLength(1);

    // Sunday 20 March: the gate condition, due on the 5th, is 15 days overdue: its project's manager
    // and the PMO managers hear of it, once.
    const next = await day('2033-03-20');
    everyMail.push(...next);
    expect(next).toHaveLength(1);
    expect(next[0].subject).toBe(`Escalation: Baseline the schedule ${tag}`);
    expect(next[0].to).toEqual(expect.arrayContaining([P.pm, P.pmoManager]));
    expect(next[0].text).toContain(`a condition of Gate 2 of Weekly ${tag} is more than 14 days overdue`);
    expect(next[0].text).toContain('was due on 5 Mar 2033, 15 days ago. The person who should act is Olga Owner');
    expect(next[0].text).toContain(link(`/admin/plugins/pmo/governance/reviews/${ids.decided}`));
    expect(await day('2033-03-21')).toEqual([]);
  });

  it('never reminded a superseded document, a project not yet running, or the monthly project in March', () => {
    const all = everyMail.map((mail) => `${mail.subject}\n${mail.text}`).join('\n');
    expect(all).not.toContain(ids.superseded);
    expect(all).not.toContain(ids.proposed);
    expect(all).not.toContain(ids.monthly);
    expect(all).not.toContain(`Monthly ${tag}`);
  });

  it('puts no confidential note, and no words of the action item, in any mail', () => {
    expect(everyMail.length).toBeGreaterThan(8);
    for (const mail of sink.received) {
      const whole = [mail.subject, mail.text, mail.html, ...mail.attachments.map((file) => file.content)].join('\n');
      expect(whole).not.toContain(MARKER);
      expect(whole).not.toContain(ITEM_WORDS);
    }
  });

  it('chases a monthly project a month after its last report, with the grace days', async () => {
    const mails = await day('2033-03-31'); // due 28 Mar, late from the 1st of April
    expect(to(mails, P.pm).filter((mail) => mail.subject.includes('Monthly'))).toEqual([]);
    const april = await day('2033-04-01');
    expect(subjects(april, P.pm)).toContain(`Status report late: Monthly ${tag}`);
  });
});

function formatDay(day: string) {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const [year, month, date] = day.split('-').map(Number);
  return `${date} ${months[month - 1]} ${year}`;
}
