/**
 * The mentoring lists page in SQL: `page` and `pageSize` (at most 100), answered with
 * `pagination: { page, pageSize, total }`, where the total counts only what the viewer may see
 * (a project manager their own relationships, a PMO director every one).
 */
import { asRole, uniqueCode } from '../helpers/strapi';
import { countRelationships, countSessions, createRelationship, logSession, member, type Member } from './mentoring-fixtures';

const TAG = uniqueCode('page').toLowerCase();
let pm: Member;
let director: Member;
const mentees: Member[] = [];
const relationships: string[] = [];

beforeAll(async () => {
  pm = await member(TAG, 'pm', ['project-manager']);
  director = await member(TAG, 'director', ['pmo-director']);
  for (const n of [1, 2, 3]) mentees.push(await member(TAG, `mentee-${n}`, ['project-manager']));
  const manager = await asRole('pmo-manager');
  // Three relationships the project manager mentors, started a day apart, and one they are no party to.
  for (const [index, mentee] of mentees.entries()) {
    const { documentId } = await createRelationship(manager, { mentor: pm.personId, mentee: mentee.personId, startDate: `2023-0${index + 1}-01` });
    relationships.push(documentId);
    await logSession(pm.agent, {
      relationship: documentId,
      date: `2023-0${index + 1}-15`,
      durationMinutes: 60,
      sharedNotes: `shared-${TAG}`,
      actionItems: [{ text: `item-${index}-${TAG}`, owner: 'mentee', dueDate: `2023-0${index + 1}-20` }],
    });
  }
  const elsewhere = await createRelationship(manager, { mentor: mentees[0].personId, mentee: mentees[1].personId, startDate: '2023-05-01' });
  await logSession(mentees[0].agent, { relationship: elsewhere.documentId, date: '2023-05-02', durationMinutes: 30, sharedNotes: `shared-${TAG}` });
});

const ids = (body: { results: Array<{ documentId: string }> }) => body.results.map((r) => r.documentId);

describe('GET /pmo/mentoring/relationships', () => {
  it("counts only a project manager's own relationships, and every one for a director", async () => {
    const mine = await pm.agent.get('/pmo/mentoring/relationships');
    expect(mine.status).toBe(200);
    expect(mine.body.pagination).toEqual({ page: 1, pageSize: 25, total: 3 });
    // The latest started first.
    expect(ids(mine.body)).toEqual([...relationships].reverse());
    const all = await director.agent.get('/pmo/mentoring/relationships?pageSize=100');
    expect(all.body.pagination).toEqual({ page: 1, pageSize: 100, total: await countRelationships() });
    expect(all.body.pagination.total).toBeGreaterThanOrEqual(4);
  });

  it('answers page 2, and the director sees only their own with as=mine', async () => {
    const first = await pm.agent.get('/pmo/mentoring/relationships?pageSize=2');
    const second = await pm.agent.get('/pmo/mentoring/relationships?pageSize=2&page=2');
    expect(second.body.pagination).toEqual({ page: 2, pageSize: 2, total: 3 });
    expect(ids(second.body)).toEqual([relationships[0]]);
    expect([...ids(first.body), ...ids(second.body)]).toEqual([...relationships].reverse());
    expect((await director.agent.get('/pmo/mentoring/relationships?as=mine')).body).toEqual({ results: [], pagination: { page: 1, pageSize: 25, total: 0 } });
    const asMentee = await mentees[1].agent.get('/pmo/mentoring/relationships?as=mentee');
    expect(asMentee.body.pagination.total).toBe(2);
  });
});

describe('GET /pmo/mentoring/sessions', () => {
  it('counts only the sessions the viewer may see, newest first, and pages them', async () => {
    const mine = await pm.agent.get(`/pmo/mentoring/sessions?q=shared-${TAG}&pageSize=2`);
    expect(mine.body.pagination).toEqual({ page: 1, pageSize: 2, total: 3 });
    expect(mine.body.results.map((s: { date: string }) => s.date)).toEqual(['2023-03-15', '2023-02-15']);
    const next = await pm.agent.get(`/pmo/mentoring/sessions?q=shared-${TAG}&pageSize=2&page=2`);
    expect(next.body.results.map((s: { date: string }) => s.date)).toEqual(['2023-01-15']);
    const all = await director.agent.get(`/pmo/mentoring/sessions?q=shared-${TAG}`);
    expect(all.body.pagination.total).toBe(4);
    expect((await director.agent.get('/pmo/mentoring/sessions?pageSize=1')).body.pagination.total).toBe(await countSessions());
  });
});

describe('GET /pmo/mentoring/action-items and /reports/hours', () => {
  it('pages the open action items of the relationships the viewer sees', async () => {
    const first = await pm.agent.get('/pmo/mentoring/action-items?asOf=2023-06-01&status=overdue&pageSize=2');
    expect(first.body.pagination).toEqual({ page: 1, pageSize: 2, total: 3 });
    expect(first.body.items.map((i: { text: string }) => i.text)).toEqual([`item-0-${TAG}`, `item-1-${TAG}`]);
    const second = await pm.agent.get('/pmo/mentoring/action-items?asOf=2023-06-01&status=overdue&pageSize=2&page=2');
    expect(second.body.items.map((i: { text: string; overdue: boolean }) => [i.text, i.overdue])).toEqual([[`item-2-${TAG}`, true]]);
    expect(second.body.items[0].relationship).toMatchObject({ documentId: relationships[2], mentor: { documentId: pm.personId } });
    expect(second.body.items[0].ownerPerson).toMatchObject({ documentId: mentees[2].personId });
    // A mentee sees their own relationship's item only.
    const mentee = await mentees[1].agent.get('/pmo/mentoring/action-items?asOf=2023-06-01');
    expect(mentee.body.items.map((i: { text: string }) => i.text)).toEqual([`item-1-${TAG}`]);
    expect(mentee.body.pagination.total).toBe(1);
  });

  it('pages the hours per mentor per quarter', async () => {
    const res = await pm.agent.get('/pmo/mentoring/reports/hours?from=2023-01-01&to=2023-12-31&pageSize=1');
    expect(res.body.rows.map((r: any) => [r.quarter, r.mentor.documentId, r.sessions, r.minutes, r.hours])).toEqual([['2023-Q1', pm.personId, 3, 180, '3.00']]);
    expect(res.body.pagination).toEqual({ page: 1, pageSize: 1, total: 1 });
    const director = await asRole('pmo-director');
    const both = await director.get(`/pmo/mentoring/reports/hours?from=2023-01-01&to=2023-12-31&mentor=${mentees[0].personId}`);
    expect(both.body.rows.map((r: any) => [r.quarter, r.minutes])).toEqual([['2023-Q2', 30]]);
    expect(both.body.mostMinutes).toBe(30);
    // The bars' scale is the period's, not the page's: every page of one page size carries the most of all rows.
    const all = await director.get('/pmo/mentoring/reports/hours?from=2023-01-01&to=2023-12-31&pageSize=100');
    const most = Math.max(...all.body.rows.map((r: any) => r.minutes));
    expect(most).toBeGreaterThanOrEqual(180);
    for (const page of [1, all.body.pagination.total]) {
      const one = await director.get(`/pmo/mentoring/reports/hours?from=2023-01-01&to=2023-12-31&pageSize=1&page=${page}`);
      expect([page, one.body.rows.length, one.body.mostMinutes]).toEqual([page, 1, most]);
    }
  });
});
