/**
 * The mentoring visibility matrix: for each kind of viewer and each path into mentoring data
 * (plugin routes, search, reports, the CSV export, the Content API, the Content Manager, person
 * populate, Strapi events), what is visible. Confidential notes reach only the mentor, the mentee
 * and a PMO director: for anyone else the raw response never contains them.
 */
import type request from 'supertest';
import { asSuperAdmin, getStrapi, http, uniqueCode, withApiToken, type Agent } from '../helpers/strapi';
import {
  competencyIds,
  countSessions,
  createRelationship,
  daysFromToday,
  logSession,
  member,
  person,
  storedSession,
  type Member,
} from './mentoring-fixtures';

const TAG = uniqueCode('vis').toLowerCase();
const SECRET = `confidential-${TAG}-worried-about-burnout`;
const SHARED = `shared-${TAG}-stakeholder-map`;
const TOPIC = `topic-${TAG}-sponsor-conversations`;

type ViewerKey =
  | 'mentor'
  | 'mentee'
  | 'another project manager'
  | 'PMO analyst'
  | 'PMO manager'
  | 'PMO director'
  | 'super admin'
  | 'finance'
  | 'change board'
  | 'full-access API token'
  | 'the public';

const cast: Partial<Record<ViewerKey, Member>> = {};
const agents: Partial<Record<ViewerKey, Agent | null>> = {};
let relationship: string;
let session: string;
let menteeId: string;
let mentorName: string;

beforeAll(async () => {
  cast.mentor = await member(TAG, 'mentor', ['project-manager']);
  cast.mentee = await member(TAG, 'mentee', ['project-manager']);
  cast['another project manager'] = await member(TAG, 'other-pm', ['project-manager']);
  cast['PMO analyst'] = await member(TAG, 'analyst', ['pmo-analyst']);
  cast['PMO manager'] = await member(TAG, 'manager', ['pmo-manager']);
  cast['PMO director'] = await member(TAG, 'director', ['pmo-director']);
  cast.finance = await member(TAG, 'finance', ['finance']);
  cast['change board'] = await member(TAG, 'change-board', ['change-board']);
  for (const [key, value] of Object.entries(cast)) agents[key as ViewerKey] = value!.agent;
  agents['super admin'] = await asSuperAdmin();
  agents['full-access API token'] = await withApiToken('full-access');
  agents['the public'] = null;

  menteeId = cast.mentee.personId;
  mentorName = cast.mentor.name;
  const competencies = await competencyIds(cast['PMO manager'].agent);
  relationship = (
    await createRelationship(cast['PMO manager'].agent, {
      mentor: cast.mentor.personId,
      mentee: menteeId,
      goals: 'Run a programme board',
      focusCompetencies: [competencies.leadership, competencies['stakeholder-management']],
      startDate: daysFromToday(-90),
    })
  ).documentId;
  session = (
    await logSession(cast.mentor.agent, {
      relationship,
      date: daysFromToday(-30),
      durationMinutes: 90,
      topics: TOPIC,
      ratings: [{ competency: competencies.leadership, rating: 3 }],
      sharedNotes: SHARED,
      confidentialNotes: SECRET,
      actionItems: [
        { text: `overdue-${TAG}`, owner: 'mentee', dueDate: daysFromToday(-7) },
        { text: `open-${TAG}`, owner: 'mentor', dueDate: daysFromToday(14) },
      ],
    })
  ).documentId;
});

const pluginPaths = () => ({
  list: '/pmo/mentoring/relationships',
  detail: `/pmo/mentoring/relationships/${relationship}`,
  timeline: `/pmo/mentoring/relationships/${relationship}/timeline`,
  session: `/pmo/mentoring/sessions/${session}`,
  searchShared: `/pmo/mentoring/sessions?q=${SHARED}`,
  searchConfidential: `/pmo/mentoring/sessions?q=${SECRET}`,
  ratings: `/pmo/mentoring/ratings?relationship=${relationship}`,
  menteeRatings: `/pmo/mentoring/ratings?mentee=${menteeId}`,
  actionItems: '/pmo/mentoring/action-items',
  overdue: '/pmo/mentoring/action-items?status=overdue',
  hours: '/pmo/mentoring/reports/hours',
  export: '/pmo/mentoring/exports/hours.csv',
  nextSession: `/pmo/mentoring/relationships/${relationship}/next-session`,
});
type PathKey = keyof ReturnType<typeof pluginPaths>;

const CONTENT_API = [
  '/api/mentoring-sessions',
  '/api/mentoring-relationships',
  '/api/competencies',
  '/api/pmo/mentoring-sessions',
  '/api/pmo/mentoring-relationships',
  '/api/pmo/mentoring/relationships',
  '/api/pmo/mentoring/sessions',
  '/api/pmo/mentoring/exports/hours.csv',
];

const contentManagerPaths = () => [
  '/content-manager/collection-types/plugin::pmo.mentoring-session',
  '/content-manager/collection-types/plugin::pmo.mentoring-relationship',
  `/content-manager/collection-types/plugin::pmo.mentoring-session/${session}`,
  `/content-manager/collection-types/plugin::pmo.mentoring-relationship/${relationship}`,
];

type Answer = { status: number; text: string; body: any };

async function get(viewer: ViewerKey, url: string): Promise<Answer> {
  const agent = agents[viewer];
  const res: request.Response = agent ? await agent.get(url) : await http().get(url);
  return { status: res.status, text: res.text, body: res.body };
}

async function getAll(viewer: ViewerKey) {
  const answers = {} as Record<PathKey, Answer>;
  for (const [key, url] of Object.entries(pluginPaths())) answers[key as PathKey] = await get(viewer, url);
  return answers;
}

const statuses = (answers: Record<string, Answer>) =>
  Object.fromEntries(Object.entries(answers).map(([key, answer]) => [key, answer.status]));

const SEES_CONFIDENTIAL: ViewerKey[] = ['mentor', 'mentee', 'PMO director'];
const ALL_VIEWERS: ViewerKey[] = [
  'mentor',
  'mentee',
  'another project manager',
  'PMO analyst',
  'PMO manager',
  'PMO director',
  'super admin',
  'finance',
  'change board',
  'full-access API token',
  'the public',
];

describe.each([['mentor'], ['mentee'], ['PMO director'], ['PMO manager'], ['super admin']] as Array<[ViewerKey]>)(
  'the %s',
  (viewer) => {
    const confidential = SEES_CONFIDENTIAL.includes(viewer);

    it('sees the relationship, its timeline, ratings, action items and hours', async () => {
      const answers = await getAll(viewer);
      expect(statuses(answers)).toEqual({
        list: 200,
        detail: 200,
        timeline: 200,
        session: 200,
        searchShared: 200,
        searchConfidential: 200,
        ratings: 200,
        menteeRatings: 200,
        actionItems: 200,
        overdue: 200,
        hours: 200,
        export: 200,
        nextSession: viewer === 'mentor' ? 200 : 403,
      });
      expect(answers.list.body.results.map((r: { documentId: string }) => r.documentId)).toContain(relationship);
      expect(answers.detail.body).toMatchObject({
        documentId: relationship,
        myRole: viewer === 'mentor' || viewer === 'mentee' ? viewer : 'oversight',
        summary: { sessions: 1, minutes: 90, openActionItems: 2, overdueActionItems: 1 },
      });
      expect(answers.timeline.body.sessions).toEqual([
        expect.objectContaining({ documentId: session, topics: TOPIC, sharedNotes: SHARED, durationMinutes: 90 }),
      ]);
      expect(answers.session.body).toMatchObject({ documentId: session, sharedNotes: SHARED });
      expect(answers.searchShared.body.results.map((s: { documentId: string }) => s.documentId)).toEqual([session]);
      const leadership = answers.ratings.body.series.find((s: any) => s.competency.key === 'leadership');
      expect(leadership.points).toEqual([expect.objectContaining({ session, rating: 3 })]);
      expect(answers.menteeRatings.body.relationships).toEqual([relationship]);
      const texts = (a: Answer) => a.body.items.map((i: { text: string }) => i.text);
      expect(texts(answers.actionItems)).toEqual(expect.arrayContaining([`overdue-${TAG}`, `open-${TAG}`]));
      expect(texts(answers.overdue)).toContain(`overdue-${TAG}`);
      expect(texts(answers.overdue)).not.toContain(`open-${TAG}`);
      expect(answers.hours.body.rows).toEqual(
        expect.arrayContaining([expect.objectContaining({ mentor: expect.objectContaining({ fullName: mentorName }), minutes: 90, hours: '1.50' })])
      );
      expect(answers.export.text).toContain(`${mentorName},`);
    });

    it(
      confidential ? 'reads the confidential notes, and finds the session by them' : 'never receives the confidential notes, nor finds the session by them',
      async () => {
        const answers = await getAll(viewer);
        expect(answers.timeline.body.sessions[0].confidentialNotes === SECRET).toBe(confidential);
        expect(answers.session.body.confidentialNotes === SECRET).toBe(confidential);
        expect(answers.searchConfidential.body.results.map((s: { documentId: string }) => s.documentId)).toEqual(confidential ? [session] : []);
        // The total counts only what the viewer may see: a match in notes they may not read is not counted.
        expect(answers.searchConfidential.body.pagination.total).toBe(confidential ? 1 : 0);
        for (const [path, answer] of Object.entries(answers)) {
          if (!confidential) expect([path, answer.text.includes(SECRET)]).toEqual([path, false]);
          if (!confidential) expect([path, answer.text.includes('confidentialNotes')]).toEqual([path, false]);
        }
        expect(answers.export.text).not.toContain(SECRET);
        expect(answers.export.text).not.toContain(SHARED);
        expect(answers.export.text).not.toContain(TOPIC);
      }
    );
  }
);

describe.each([['another project manager'], ['PMO analyst']] as Array<[ViewerKey]>)('%s (may use mentoring, is no party)', (viewer) => {
  it('sees nothing of the relationship: not in lists, reports or search, and 404 on it', async () => {
    const answers = await getAll(viewer);
    expect(statuses(answers)).toEqual({
      list: 200,
      detail: 404,
      timeline: 404,
      session: 404,
      searchShared: 200,
      searchConfidential: 200,
      ratings: 404,
      menteeRatings: 404,
      actionItems: 200,
      overdue: 200,
      hours: 200,
      export: 200,
      nextSession: 404,
    });
    expect(answers.list.body.results.map((r: { documentId: string }) => r.documentId)).not.toContain(relationship);
    expect(answers.searchShared.body).toEqual({ results: [], pagination: { page: 1, pageSize: 25, total: 0 } });
    expect(answers.searchConfidential.body).toEqual({ results: [], pagination: { page: 1, pageSize: 25, total: 0 } });
    for (const [path, answer] of Object.entries(answers)) {
      for (const hidden of [SECRET, SHARED, TOPIC, `overdue-${TAG}`, `open-${TAG}`, mentorName, relationship]) {
        expect([path, hidden, answer.text.includes(hidden)]).toEqual([path, hidden, false]);
      }
    }
  });
});

describe.each([['finance'], ['change board']] as Array<[ViewerKey]>)('%s (no mentoring permission)', (viewer) => {
  it('is refused every mentoring route', async () => {
    const answers = await getAll(viewer);
    expect(new Set(Object.values(statuses(answers)))).toEqual(new Set([403]));
    for (const answer of Object.values(answers)) expect(answer.text).not.toContain(SHARED);
  });
});

describe.each([['full-access API token'], ['the public']] as Array<[ViewerKey]>)('%s', (viewer) => {
  it('cannot call the admin mentoring routes', async () => {
    const answers = await getAll(viewer);
    expect(new Set(Object.values(statuses(answers)))).toEqual(new Set([401]));
    for (const answer of Object.values(answers)) expect(answer.text).not.toContain(SHARED);
  });
});

describe('the Content API', () => {
  it.each(ALL_VIEWERS.map((viewer) => [viewer]))('has no mentoring route at all, for %s', async (viewer) => {
    for (const url of CONTENT_API) {
      const answer = await get(viewer, url);
      expect([url, answer.status]).toEqual([url, 404]);
      expect(answer.text).not.toContain(SECRET);
    }
  });

  it('serves no mentoring report through the finance exports, even to a full-access token', async () => {
    const api = agents['full-access API token']!;
    for (const url of ['/api/pmo/exports/hours.csv', '/api/pmo/exports/mentoring-hours.csv']) {
      const res = await api.get(url);
      expect([url, res.status === 200]).toEqual([url, false]);
      expect(res.text).not.toContain(mentorName);
    }
  });

  it('never populates mentoring data through people, even with a full-access token', async () => {
    const api = agents['full-access API token']!;
    for (const url of ['/api/people?populate=*', `/api/people?populate=*&filters[email][$eq]=${cast.mentee!.email}`]) {
      const res = await api.get(url);
      expect(res.status).toBe(200);
      for (const hidden of [SECRET, SHARED, TOPIC, 'mentoring', 'confidentialNotes']) expect([url, res.text.includes(hidden)]).toEqual([url, false]);
    }
    const deep = await api.get('/api/people?populate[mentoringRelationships]=true');
    expect(deep.status).toBe(400);
  });
});

describe('the Content Manager', () => {
  it.each(ALL_VIEWERS.map((viewer) => [viewer]))('does not serve mentoring relationships or sessions to %s', async (viewer) => {
    for (const url of contentManagerPaths()) {
      const answer = await get(viewer, url);
      expect([url, answer.status]).toEqual([url, agents[viewer] && viewer !== 'full-access API token' ? 403 : 401]);
      expect(answer.text).not.toContain(SECRET);
      expect(answer.text).not.toContain(SHARED);
    }
  });

  it('refuses even a super admin who writes there, and nothing changes', async () => {
    const admin = await asSuperAdmin();
    const before = await countSessions();
    const created = await admin
      .post('/content-manager/collection-types/plugin::pmo.mentoring-session')
      .send({ relationship, date: daysFromToday(0), durationMinutes: 10, confidentialNotes: 'planted' });
    expect(created.status).toBe(403);
    const changed = await admin
      .put(`/content-manager/collection-types/plugin::pmo.mentoring-session/${session}`)
      .send({ confidentialNotes: 'overwritten' });
    expect(changed.status).toBe(403);
    expect(await countSessions()).toBe(before);
    expect((await storedSession(session)).confidentialNotes).toBe(SECRET);
  });

  it('lists neither type among the content types it manages', async () => {
    const admin = await asSuperAdmin();
    const res = await admin.get('/content-manager/content-types');
    const shown = res.body.data.filter((t: { isDisplayed: boolean }) => t.isDisplayed).map((t: { uid: string }) => t.uid);
    expect(shown).toContain('plugin::pmo.competency');
    expect(shown).not.toContain('plugin::pmo.mentoring-session');
    expect(shown).not.toContain('plugin::pmo.mentoring-relationship');
  });

  it("shows a person to a PMO manager without any of the person's mentoring", async () => {
    const res = await agents['PMO manager']!.get(`/content-manager/collection-types/api::person.person/${menteeId}`);
    expect(res.status).toBe(200);
    for (const hidden of [SECRET, SHARED, 'mentoring']) expect(res.text.includes(hidden)).toBe(false);
  });
});

describe('Strapi events (what webhooks forward)', () => {
  it('carry nothing of a session being logged, confidential notes least of all', async () => {
    const seen: string[] = [];
    const unsubscribe = getStrapi().eventHub.subscribe(async (event: string, payload: unknown) => {
      seen.push(`${event} ${JSON.stringify(payload)}`);
    });
    try {
      const marker = `${SECRET}-event`;
      await logSession(cast.mentor!.agent, { relationship, date: daysFromToday(-1), durationMinutes: 30, confidentialNotes: marker });
      // A person created meanwhile shows that events are being heard.
      await person(`event-probe.${TAG}@test.pmo`, 'Event Probe');
      // Events come in order: once the probe's has arrived, the session's would have too.
      const deadline = Date.now() + 5000;
      while (!seen.some((line) => line.startsWith('entry.create') && line.includes('event-probe')) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(seen.some((line) => line.startsWith('entry.create') && line.includes('event-probe'))).toBe(true);
      expect(seen.filter((line) => line.includes(marker))).toEqual([]);
      expect(seen.filter((line) => line.includes('mentoring-session'))).toEqual([]);
    } finally {
      unsubscribe();
    }
  });
});
