/**
 * The competency framework, and the mentoring reports: ratings over time across a mentee's
 * relationships, open and overdue action items, and hours per mentor per quarter with its CSV.
 */
import { asRole, getStrapi, uniqueCode } from '../helpers/strapi';
import { competencyIds, createRelationship, logSession, member, type Member } from './mentoring-fixtures';

const TAG = uniqueCode('rep').toLowerCase();
const COMPETENCY = 'plugin::pmo.competency';
const FRAMEWORK = [
  'Problem solving and pragmatism',
  'Organisation',
  'Leadership',
  'Critical thinking and attention to detail',
  'Performing under pressure',
  'Verbal and written communication',
  'Stakeholder management',
  'Financial knowledge and commercial outlook',
  'Project and change management knowledge',
  'Use of tools',
];

describe('the competency framework', () => {
  it('is seeded with the ten PMO skills, in order', async () => {
    const res = await (await asRole('project-manager')).get('/pmo/mentoring/competencies');
    expect(res.status).toBe(200);
    expect(res.body.map((c: { name: string }) => c.name).slice(0, 10)).toEqual(FRAMEWORK);
  });

  it('is seeded idempotently, never overwriting an edit made in the Content Manager', async () => {
    const manager = await asRole('pmo-manager');
    const tools = (await manager.get('/pmo/mentoring/competencies')).body.find((c: { key: string }) => c.key === 'use-of-tools');
    const url = `/content-manager/collection-types/${COMPETENCY}/${tools.documentId}`;
    const renamed = await manager.put(url).send({ name: 'Use of PPM tools', key: 'use-of-tools' });
    expect(renamed.status).toBe(200);
    try {
      await getStrapi().plugin('pmo').service('mentoring').seed();
      const all = (await manager.get('/pmo/mentoring/competencies')).body;
      expect(all.filter((c: { key: string }) => c.key === 'use-of-tools').map((c: { name: string }) => c.name)).toEqual(['Use of PPM tools']);
      expect(await getStrapi().db.query(COMPETENCY as any).count()).toBe(all.length);
      expect(all.length).toBeGreaterThanOrEqual(10);
    } finally {
      await manager.put(url).send({ name: 'Use of tools', key: 'use-of-tools' });
    }
  });

  it('is edited by PMO managers, read by project managers', async () => {
    const pm = await asRole('project-manager');
    expect((await pm.get(`/content-manager/collection-types/${COMPETENCY}`)).status).toBe(200);
    const refused = await pm.post(`/content-manager/collection-types/${COMPETENCY}`).send({ name: `Negotiation ${TAG}` });
    expect(refused.status).toBe(403);
    const created = await (await asRole('pmo-manager'))
      .post(`/content-manager/collection-types/${COMPETENCY}`)
      .send({ name: `Negotiation ${TAG}`, key: `negotiation-${TAG}` });
    expect(created.status).toBe(201);
    const listed = (await pm.get('/pmo/mentoring/competencies')).body.map((c: { key: string }) => c.key);
    expect(listed).toContain(`negotiation-${TAG}`);
  });
});

describe('who may use the mentoring routes', () => {
  it.each([
    ['pmo-director', 200],
    ['pmo-manager', 200],
    ['pmo-analyst', 200],
    ['project-manager', 200],
    ['pmo-administrator', 403],
    ['finance', 403],
    ['change-board', 403],
  ] as const)('%s → %s', async (role, status) => {
    expect((await (await asRole(role)).get('/pmo/mentoring/relationships')).status).toBe(status);
  });
});

describe('reports over two mentors in 2024', () => {
  let ann: Member;
  let bob: Member;
  let mentee: Member;
  let withAnn: string;
  let withBob: string;
  let competencies: Record<string, string>;
  const injected = `=HYPERLINK("http://evil.example")-${TAG}`;

  beforeAll(async () => {
    ann = await member(TAG, 'ann', ['project-manager'], `Ann Mentor ${TAG}`);
    bob = await member(TAG, 'bob', ['project-manager'], injected);
    mentee = await member(TAG, 'mentee', ['project-manager']);
    const manager = await asRole('pmo-manager');
    competencies = await competencyIds(manager);
    const focus = [competencies.leadership, competencies['financial-knowledge']];
    withAnn = (await createRelationship(manager, { mentor: ann.personId, mentee: mentee.personId, focusCompetencies: focus, startDate: '2024-01-01' })).documentId;
    withBob = (await createRelationship(manager, { mentor: bob.personId, mentee: mentee.personId, focusCompetencies: focus, startDate: '2024-01-01' })).documentId;
    const notes = { topics: `topic-${TAG}`, sharedNotes: `shared-${TAG}`, confidentialNotes: `confidential-${TAG}` };
    await logSession(ann.agent, { relationship: withAnn, date: '2024-02-10', durationMinutes: 60, ...notes, ratings: [{ competency: competencies.leadership, rating: 2 }], actionItems: [{ text: `report-due-may-${TAG}`, dueDate: '2024-05-01' }] });
    await logSession(ann.agent, { relationship: withAnn, date: '2024-03-31', durationMinutes: 45, ...notes, ratings: [{ competency: competencies.leadership, rating: 3 }] });
    await logSession(ann.agent, { relationship: withAnn, date: '2024-04-01', durationMinutes: 30, ...notes });
    await logSession(bob.agent, { relationship: withBob, date: '2024-02-11', durationMinutes: 50, ...notes, ratings: [{ competency: competencies.leadership, rating: 4 }, { competency: competencies['financial-knowledge'], rating: 1 }], actionItems: [{ text: `report-due-june-${TAG}`, dueDate: '2024-06-01' }] });
  });

  const mine = (rows: Array<{ mentor: { documentId: string } }>) =>
    rows.filter((row) => [ann.personId, bob.personId].includes(row.mentor.documentId));

  it('sums hours per mentor per quarter for a PMO manager', async () => {
    const res = await (await asRole('pmo-manager')).get('/pmo/mentoring/reports/hours?from=2024-01-01&to=2024-12-31');
    expect(res.status).toBe(200);
    // By quarter, then mentor name (collation puts the punctuation-led name first).
    expect(mine(res.body.rows).map((r: any) => [r.quarter, r.mentor.fullName, r.sessions, r.minutes, r.hours])).toEqual([
      ['2024-Q1', injected, 1, 50, '0.83'],
      ['2024-Q1', `Ann Mentor ${TAG}`, 2, 105, '1.75'],
      ['2024-Q2', `Ann Mentor ${TAG}`, 1, 30, '0.50'],
    ]);
  });

  it('shows a mentor only their own hours, and restricts to a period', async () => {
    const res = await ann.agent.get('/pmo/mentoring/reports/hours?from=2024-04-01');
    expect(res.body.rows.map((r: any) => [r.quarter, r.mentor.documentId, r.minutes])).toEqual([['2024-Q2', ann.personId, 30]]);
  });

  it('exports the hours as CSV: a header, RFC 4180, formula-safe, no notes', async () => {
    const res = await (await asRole('pmo-manager')).get(`/pmo/mentoring/exports/hours.csv?from=2024-01-01&to=2024-12-31&mentor=${bob.personId}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="mentoring-hours\.csv"$/);
    expect(res.text).toBe(
      'quarter,mentor_name,mentor_email,sessions,minutes,hours\r\n' +
        `2024-Q1,"'=HYPERLINK(""http://evil.example"")-${TAG}",${bob.email},1,50,0.83\r\n`
    );
    const all = await (await asRole('pmo-director')).get('/pmo/mentoring/exports/hours.csv?from=2024-01-01&to=2024-12-31&delimiter=;&bom=1');
    expect(all.text.startsWith('\uFEFFquarter;mentor_name;mentor_email;sessions;minutes;hours\r\n')).toBe(true);
    expect(all.text).toContain(`2024-Q1;Ann Mentor ${TAG};${ann.email};2;105;1.75\r\n`);
    for (const hidden of [`topic-${TAG}`, `shared-${TAG}`, `confidential-${TAG}`]) expect(all.text).not.toContain(hidden);
  });

  it("charts each competency across the mentee's relationships", async () => {
    const res = await mentee.agent.get(`/pmo/mentoring/ratings?mentee=${mentee.personId}`);
    expect(res.status).toBe(200);
    expect(res.body.relationships.sort()).toEqual([withAnn, withBob].sort());
    expect(res.body.series.map((s: any) => [s.competency.key, s.points.map((p: any) => [p.date, p.rating])])).toEqual([
      ['leadership', [['2024-02-10', 2], ['2024-02-11', 4], ['2024-03-31', 3]]],
      ['financial-knowledge', [['2024-02-11', 1]]],
    ]);
    const annOnly = await ann.agent.get(`/pmo/mentoring/ratings?mentee=${mentee.personId}`);
    expect(annOnly.body.relationships).toEqual([withAnn]);
    expect(annOnly.body.series[0]).toMatchObject({ first: 2, latest: 3, change: 1 });
  });

  it('lists overdue action items across relationships as of a date', async () => {
    const manager = await asRole('pmo-manager');
    const texts = async (query: string) =>
      (await manager.get(`/pmo/mentoring/action-items?pageSize=100&${query}`)).body.items
        .map((i: { text: string }) => i.text)
        .filter((text: string) => text.endsWith(TAG));
    expect(await texts('status=overdue&asOf=2024-05-15')).toEqual([`report-due-may-${TAG}`]);
    expect(await texts('status=overdue&asOf=2024-07-01')).toEqual([`report-due-may-${TAG}`, `report-due-june-${TAG}`]);
    expect(await texts('status=overdue&asOf=2024-05-01')).toEqual([]);
    expect(await texts('status=open&asOf=2024-05-15')).toEqual([`report-due-may-${TAG}`, `report-due-june-${TAG}`]);
    const bobsView = (await bob.agent.get('/pmo/mentoring/action-items?asOf=2024-07-01')).body.items.map((i: { text: string }) => i.text);
    expect(bobsView).toEqual([`report-due-june-${TAG}`]);
  });

  it.each([
    ['/pmo/mentoring/action-items?asOf=yesterday', 'Give the as-of date as a real day'],
    ['/pmo/mentoring/action-items?status=closed', 'The status must be one of'],
    ['/pmo/mentoring/reports/hours?from=2024-05-01&to=2024-04-01', 'The end of the period must be on or after its start (1 May 2024)'],
    ['/pmo/mentoring/exports/hours.csv?delimiter=|', 'The column separator must be one of'],
    ['/pmo/mentoring/relationships?as=boss', 'The view must be one of'],
    ['/pmo/mentoring/sessions?pageSize=101', 'The page size must be a whole number from 1 to 100'],
    ['/pmo/mentoring/relationships?pageSize=101', 'The page size must be a whole number from 1 to 100'],
    ['/pmo/mentoring/action-items?pageSize=101', 'The page size must be a whole number from 1 to 100'],
    ['/pmo/mentoring/reports/hours?pageSize=101', 'The page size must be a whole number from 1 to 100'],
    ['/pmo/mentoring/sessions?page=0', 'The page must be a whole number from 1'],
    ['/pmo/mentoring/sessions?limit=10', 'This address has no query parameter "limit"'],
    ['/pmo/mentoring/ratings', 'Choose a relationship or a mentee'],
  ])('answers %s with a 400 saying "%s"', async (url, words) => {
    const res = await (await asRole('pmo-manager')).get(url);
    expect(res.status).toBe(400);
    expect(res.body.error.message.startsWith(words)).toBe(true);
  });
});
