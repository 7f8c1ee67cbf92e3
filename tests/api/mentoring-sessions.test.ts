/**
 * Logging mentoring sessions: who may, what a valid session is (bad input is a 400 naming the
 * field, or a 403, and changes nothing), editing with revisions, action items carried forward
 * and ticked, and the end-to-end flow a mentor and a mentee live through.
 */
import { asRole, uniqueCode } from '../helpers/strapi';
import {
  competencyIds,
  countRelationships,
  countSessions,
  createRelationship,
  daysFromToday,
  logSession,
  member,
  storedSession,
  type Member,
} from './mentoring-fixtures';

const TAG = uniqueCode('ses').toLowerCase();
let mentor: Member;
let mentee: Member;
let otherPm: Member;
let director: Member;
let competencies: Record<string, string>;

beforeAll(async () => {
  mentor = await member(TAG, 'mentor', ['project-manager']);
  mentee = await member(TAG, 'mentee', ['project-manager']);
  otherPm = await member(TAG, 'other-pm', ['project-manager']);
  director = await member(TAG, 'director', ['pmo-director']);
  competencies = await competencyIds(mentor.agent);
});

async function newRelationship(extra: Record<string, unknown> = {}) {
  const manager = await asRole('pmo-manager');
  return (
    await createRelationship(manager, {
      mentor: mentor.personId,
      mentee: mentee.personId,
      goals: 'Grow into a programme manager',
      focusCompetencies: [competencies.leadership, competencies.communication],
      startDate: daysFromToday(-120),
      ...extra,
    })
  ).documentId;
}

describe('end to end: a mentor logs a session, the mentee follows it', () => {
  it('shows the mentee the session, the ratings chart and the action item; a PMO manager sees no hint of the confidential notes', async () => {
    const relationship = await newRelationship();
    const secret = `confidential-${TAG}-e2e`;
    const logged = await mentor.agent.post('/pmo/mentoring/sessions').send({
      relationship,
      date: daysFromToday(-14),
      durationMinutes: 75,
      topics: 'Leading the steering committee',
      ratings: [
        { competency: competencies.leadership, rating: 3 },
        { competency: competencies.communication, rating: 4 },
      ],
      sharedNotes: 'Chair the next steering committee',
      confidentialNotes: secret,
      actionItems: [{ text: 'Draft the steering committee agenda', owner: 'mentee', dueDate: daysFromToday(7) }],
    });
    expect(logged.status).toBe(201);
    expect(logged.body).toMatchObject({
      relationship,
      durationMinutes: 75,
      confidentialNotes: secret,
      revision: 1,
      ratings: [
        { competency: { key: 'leadership', name: 'Leadership' }, rating: 3 },
        { competency: { key: 'communication', name: 'Verbal and written communication' }, rating: 4 },
      ],
      actionItems: [{ id: expect.any(String), text: 'Draft the steering committee agenda', owner: 'mentee', done: false, overdue: false }],
    });

    const mine = await mentee.agent.get('/pmo/mentoring/relationships?as=mentee');
    expect(mine.body.results.map((r: { documentId: string }) => r.documentId)).toContain(relationship);
    const timeline = await mentee.agent.get(`/pmo/mentoring/relationships/${relationship}/timeline`);
    expect(timeline.body.sessions).toHaveLength(1);
    expect(timeline.body.sessions[0]).toMatchObject({ sharedNotes: 'Chair the next steering committee', confidentialNotes: secret });
    const chart = await mentee.agent.get(`/pmo/mentoring/ratings?relationship=${relationship}`);
    expect(chart.body.series.map((s: any) => [s.competency.key, s.points.map((p: any) => p.rating)])).toEqual([
      ['leadership', [3]],
      ['communication', [4]],
    ]);
    const items = await mentee.agent.get(`/pmo/mentoring/action-items?relationship=${relationship}`);
    expect(items.body.items).toEqual([
      expect.objectContaining({ text: 'Draft the steering committee agenda', ownerPerson: expect.objectContaining({ documentId: mentee.personId }) }),
    ]);

    const manager = await asRole('pmo-manager');
    for (const url of [`/pmo/mentoring/relationships/${relationship}/timeline`, `/pmo/mentoring/sessions/${logged.body.documentId}`]) {
      const res = await manager.get(url);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(secret);
      expect(res.text).not.toContain('confidentialNotes');
    }
  });
});

describe('who logs a session', () => {
  let relationship: string;
  beforeAll(async () => {
    relationship = await newRelationship();
  });
  const body = () => ({ relationship, date: daysFromToday(-1), durationMinutes: 30, confidentialNotes: 'should never be stored' });

  it.each([
    ['the mentee', () => mentee.agent],
    ['another project manager', () => otherPm.agent],
    ['a PMO director', () => director.agent],
    ['a PMO manager', () => asRole('pmo-manager')],
  ])('refuses %s with 403, storing nothing', async (_who, agentOf) => {
    const before = await countSessions();
    const res = await (await agentOf()).post('/pmo/mentoring/sessions').send(body());
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/only for a mentoring relationship in which you are the mentor/);
    expect(await countSessions()).toBe(before);
  });

  it('answers an unknown relationship the same 403, so ids cannot be probed', async () => {
    const res = await mentor.agent.post('/pmo/mentoring/sessions').send({ ...body(), relationship: 'no-such-relationship' });
    expect(res.status).toBe(403);
  });

  it('refuses a session on a completed relationship with 409', async () => {
    const completed = await newRelationship({ status: 'completed' });
    const before = await countSessions();
    const res = await mentor.agent.post('/pmo/mentoring/sessions').send({ ...body(), relationship: completed });
    expect(res.status).toBe(409);
    expect(await countSessions()).toBe(before);
  });
});

describe('bad session input', () => {
  let relationship: string;
  beforeAll(async () => {
    relationship = await newRelationship();
  });

  it.each([
    ['a rating of 6', { ratings: [{ competency: 'LEADERSHIP', rating: 6 }] }, 'The score of rating 1 must be a whole number from 1 to 5'],
    ['a rating of a competency that is not in focus', { ratings: [{ competency: 'TOOLS', rating: 3 }] }, 'Rating 1 rates a competency that is not a focus'],
    ['a due date that is not a date', { actionItems: [{ text: 'Read', dueDate: 'next Friday' }] }, 'Give the due date of action item 1 as a real day'],
    ['an action item without a text', { actionItems: [{ text: ' ' }] }, 'Action item 1 needs a text'],
    ['a date before the relationship started', { date: '2001-01-01' }, "The date must be on or after the relationship's start date"],
    ['a duration of 0 minutes', { durationMinutes: 0 }, 'The duration must be a whole number of minutes'],
    ['an unknown field', { mood: 'great' }, 'This request has no field "mood"'],
    ['an action item id that is not an open item', { actionItems: [{ id: 'made-up', text: 'x' }] }, 'Action item 1 is not an open action item of this relationship'],
  ])('refuses %s with a 400 naming the field in words, storing nothing', async (_what, change, field) => {
    const resolved = JSON.parse(
      JSON.stringify(change).replace('"LEADERSHIP"', JSON.stringify(competencies.leadership)).replace('"TOOLS"', JSON.stringify(competencies['use-of-tools']))
    );
    const before = await countSessions();
    const res = await mentor.agent
      .post('/pmo/mentoring/sessions')
      .send({ relationship, date: daysFromToday(-2), durationMinutes: 45, confidentialNotes: 'x', ...resolved });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toContain(field);
    expect(await countSessions()).toBe(before);
  });

  it('names every bad field at once', async () => {
    const res = await mentor.agent.post('/pmo/mentoring/sessions').send({
      relationship,
      date: 'yesterday',
      durationMinutes: 45,
      ratings: [{ competency: competencies.leadership, rating: 6 }],
      actionItems: [{ text: 'Read', dueDate: '2026-02-30' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'))).toEqual([
      'date',
      'ratings.0.rating',
      'actionItems.0.dueDate',
    ]);
  });

  it('refuses a body that is not an object, and never answers 500', async () => {
    for (const payload of [[], 'text', 42]) {
      const res = await mentor.agent.post('/pmo/mentoring/sessions').set('Content-Type', 'application/json').send(JSON.stringify(payload));
      expect(res.status).toBe(400);
    }
  });
});

describe('changing a session', () => {
  let relationship: string;
  let session: { documentId: string; revision: number };
  beforeEach(async () => {
    relationship = await newRelationship();
    session = await logSession(mentor.agent, {
      relationship,
      date: daysFromToday(-3),
      durationMinutes: 60,
      topics: 'Before',
      ratings: [{ competency: competencies.leadership, rating: 2 }],
      confidentialNotes: 'original note',
    });
  });

  it('lets the mentor change it, counting revisions', async () => {
    const res = await mentor.agent.put(`/pmo/mentoring/sessions/${session.documentId}`).send({ topics: 'After', revision: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ topics: 'After', revision: 2, confidentialNotes: 'original note', durationMinutes: 60 });
  });

  it('refuses a stale revision with 409, changing nothing', async () => {
    await mentor.agent.put(`/pmo/mentoring/sessions/${session.documentId}`).send({ topics: 'First edit' });
    const res = await mentor.agent.put(`/pmo/mentoring/sessions/${session.documentId}`).send({ topics: 'Second edit', revision: 1 });
    expect(res.status).toBe(409);
    expect((await storedSession(session.documentId)).topics).toBe('First edit');
  });

  it('refuses a rating of 6 on an edit, changing nothing', async () => {
    const res = await mentor.agent
      .put(`/pmo/mentoring/sessions/${session.documentId}`)
      .send({ ratings: [{ competency: competencies.leadership, rating: 6 }] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('The score of rating 1 must be a whole number from 1 to 5');
    expect((await storedSession(session.documentId)).ratings).toEqual([{ competency: competencies.leadership, rating: 2 }]);
  });

  it('refuses moving it to another relationship', async () => {
    const other = await newRelationship();
    const res = await mentor.agent.put(`/pmo/mentoring/sessions/${session.documentId}`).send({ relationship: other });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^The relationship of a session cannot change/);
  });

  it('refuses the mentee (403) and hides it from another project manager (404), changing nothing', async () => {
    expect((await mentee.agent.put(`/pmo/mentoring/sessions/${session.documentId}`).send({ topics: 'Mentee edit' })).status).toBe(403);
    expect((await otherPm.agent.put(`/pmo/mentoring/sessions/${session.documentId}`).send({ topics: 'Intruder' })).status).toBe(404);
    expect((await mentee.agent.del(`/pmo/mentoring/sessions/${session.documentId}`)).status).toBe(403);
    expect((await otherPm.agent.del(`/pmo/mentoring/sessions/${session.documentId}`)).status).toBe(404);
    const stored = await storedSession(session.documentId);
    expect(stored).toMatchObject({ topics: 'Before', revision: 1 });
  });

  it('lets the mentor delete it', async () => {
    const res = await mentor.agent.del(`/pmo/mentoring/sessions/${session.documentId}`);
    expect(res.status).toBe(204);
    expect(await storedSession(session.documentId)).toBeNull();
    expect((await mentor.agent.get(`/pmo/mentoring/sessions/${session.documentId}`)).status).toBe(404);
  });
});

describe('action items from one session to the next', () => {
  let relationship: string;
  let first: { documentId: string; actionItems: Array<{ id: string; text: string }> };
  beforeEach(async () => {
    relationship = await newRelationship();
    first = await logSession(mentor.agent, {
      relationship,
      date: daysFromToday(-28),
      durationMinutes: 60,
      actionItems: [
        { text: 'Write the lessons-learned log', dueDate: daysFromToday(-14) },
        { text: 'Shadow a gate review', dueDate: daysFromToday(14) },
        { text: 'Already done', done: true },
      ],
    });
  });

  const openTexts = async () =>
    (await mentor.agent.get(`/pmo/mentoring/action-items?relationship=${relationship}`)).body.items.map((i: { text: string }) => i.text).sort();

  it('prefills the next session with the open action items of the last one', async () => {
    // The draft is dated the server's today: read before and after, in case the request crossed midnight (UTC).
    const before = daysFromToday(0);
    const res = await mentor.agent.get(`/pmo/mentoring/relationships/${relationship}/next-session`);
    const after = daysFromToday(0);
    expect(res.status).toBe(200);
    expect(res.body.lastSession).toMatchObject({ documentId: first.documentId, durationMinutes: 60 });
    expect(res.body.draft).toMatchObject({ relationship, durationMinutes: 60 });
    expect([before, after]).toContain(res.body.draft.date);
    expect(res.body.draft.actionItems.map((i: { text: string; carriedFrom: string }) => [i.text, i.carriedFrom])).toEqual([
      ['Write the lessons-learned log', first.documentId],
      ['Shadow a gate review', first.documentId],
    ]);
    expect(res.body.focusCompetencies.map((f: any) => f.competency.key)).toEqual(['leadership', 'communication']);
  });

  it('carries items forward once: the posted draft moves them, counted in one place', async () => {
    const { draft } = (await mentor.agent.get(`/pmo/mentoring/relationships/${relationship}/next-session`)).body;
    const carried = draft.actionItems[0];
    const second = await logSession(mentor.agent, {
      ...draft,
      date: daysFromToday(-1),
      actionItems: [{ ...carried, dueDate: daysFromToday(7) }, { text: 'Present the plan to the sponsor' }],
    });
    expect(second.actionItems.map((i) => i.text)).toEqual(['Write the lessons-learned log', 'Present the plan to the sponsor']);
    expect(await openTexts()).toEqual(['Present the plan to the sponsor', 'Shadow a gate review', 'Write the lessons-learned log']);
    const overdue = await mentor.agent.get(`/pmo/mentoring/action-items?relationship=${relationship}&status=overdue`);
    expect(overdue.body.items).toEqual([]);
    const old = (await mentor.agent.get(`/pmo/mentoring/sessions/${first.documentId}`)).body.actionItems;
    expect(old[0]).toMatchObject({ text: 'Write the lessons-learned log', carriedTo: second.documentId });

    const before = await countSessions();
    const twice = await mentor.agent.post('/pmo/mentoring/sessions').send({
      relationship,
      date: daysFromToday(0),
      durationMinutes: 30,
      actionItems: [
        { id: carried.id, text: 'Once' },
        { id: carried.id, text: 'Twice' },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toBe('Action item 2 repeats an action item listed before it');
    expect(await countSessions()).toBe(before);

    const tickOld = await mentee.agent.put(`/pmo/mentoring/sessions/${first.documentId}/action-items/${carried.id}`).send({ done: true });
    expect(tickOld.status).toBe(409);

    expect((await mentor.agent.del(`/pmo/mentoring/sessions/${second.documentId}`)).status).toBe(204);
    const restored = (await mentor.agent.get(`/pmo/mentoring/sessions/${first.documentId}`)).body.actionItems;
    expect(restored[0]).toMatchObject({ text: 'Write the lessons-learned log', carriedTo: null, overdue: true });
  });

  it('lets the mentee tick an item done; a PMO manager may not, another project manager cannot even see it', async () => {
    const [item] = first.actionItems;
    const url = `/pmo/mentoring/sessions/${first.documentId}/action-items/${item.id}`;
    expect((await (await asRole('pmo-manager')).put(url).send({ done: true })).status).toBe(403);
    expect((await otherPm.agent.put(url).send({ done: true })).status).toBe(404);
    expect((await mentee.agent.put(url).send({ done: 'yes' })).status).toBe(400);
    expect(await openTexts()).toContain('Write the lessons-learned log');

    const res = await mentee.agent.put(url).send({ done: true });
    expect(res.status).toBe(200);
    expect(res.body.actionItems[0]).toMatchObject({ done: true, doneAt: expect.any(String), overdue: false });
    expect(await openTexts()).toEqual(['Shadow a gate review']);
    expect((await mentee.agent.put(`/pmo/mentoring/sessions/${first.documentId}/action-items/nope`).send({ done: true })).status).toBe(404);
  });

  it('keeps the next-session draft for the mentor only', async () => {
    expect((await mentee.agent.get(`/pmo/mentoring/relationships/${relationship}/next-session`)).status).toBe(403);
    expect((await otherPm.agent.get(`/pmo/mentoring/relationships/${relationship}/next-session`)).status).toBe(404);
  });
});

describe('mentoring relationships', () => {
  it('lets a project manager start one as its mentor, not for someone else', async () => {
    const own = await mentor.agent
      .post('/pmo/mentoring/relationships')
      .send({ mentor: mentor.personId, mentee: otherPm.personId, startDate: daysFromToday(0), focusCompetencies: [competencies.organisation] });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ myRole: 'mentor', status: 'active', focusCompetencies: [{ key: 'organisation' }] });
    const before = await countRelationships();
    const others = await otherPm.agent
      .post('/pmo/mentoring/relationships')
      .send({ mentor: mentor.personId, mentee: mentee.personId, startDate: daysFromToday(0) });
    expect(others.status).toBe(403);
    expect(await countRelationships()).toBe(before);
  });

  it.each([
    ['mentoring oneself', { mentee: 'MENTOR' }, 'Choose a mentee other than the mentor'],
    ['a mentee who is not a person', { mentee: 'nobody' }, 'Choose a mentee from the people directory'],
    ['an unknown focus competency', { focusCompetencies: ['nope'] }, 'Focus competency 1 is not a competency of the framework'],
    ['an end before the start', { startDate: '2026-01-10', endDate: '2026-01-09' }, 'The end date must be on or after the start date (10 Jan 2026)'],
    ['an unknown status', { status: 'archived' }, 'The status must be one of'],
  ])('refuses %s with a 400 naming the field in words, storing nothing', async (_what, change, field) => {
    const manager = await asRole('pmo-manager');
    const before = await countRelationships();
    const data = { mentor: mentor.personId, mentee: mentee.personId, startDate: daysFromToday(0), ...change };
    if (data.mentee === 'MENTOR') data.mentee = mentor.personId;
    const res = await manager.post('/pmo/mentoring/relationships').send(data);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field);
    expect(await countRelationships()).toBe(before);
  });

  it('lets the mentor and a PMO manager change it; not the mentee, and mentor and mentee stay', async () => {
    const relationship = await newRelationship();
    const changed = await mentor.agent
      .put(`/pmo/mentoring/relationships/${relationship}`)
      .send({ goals: 'Sharper goals', focusCompetencies: [competencies['use-of-tools']], status: 'paused' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ goals: 'Sharper goals', status: 'paused', focusCompetencies: [{ key: 'use-of-tools' }] });
    expect((await mentee.agent.put(`/pmo/mentoring/relationships/${relationship}`).send({ goals: 'Mine' })).status).toBe(403);
    const swap = await (await asRole('pmo-manager')).put(`/pmo/mentoring/relationships/${relationship}`).send({ mentor: otherPm.personId });
    expect(swap.status).toBe(400);
    expect(swap.body.error.message).toMatch(/^The mentor cannot change/);
    const stored = (await mentor.agent.get(`/pmo/mentoring/relationships/${relationship}`)).body;
    expect(stored).toMatchObject({ goals: 'Sharper goals', mentor: { documentId: mentor.personId } });
  });

  it('lets only oversight delete one, with its sessions', async () => {
    const relationship = await newRelationship();
    const session = await logSession(mentor.agent, { relationship, date: daysFromToday(-1), durationMinutes: 20 });
    expect((await mentor.agent.del(`/pmo/mentoring/relationships/${relationship}`)).status).toBe(403);
    expect((await (await asRole('pmo-manager')).del(`/pmo/mentoring/relationships/${relationship}`)).status).toBe(204);
    expect(await storedSession(session.documentId)).toBeNull();
    expect((await mentor.agent.get(`/pmo/mentoring/relationships/${relationship}`)).status).toBe(404);
  });
});
