/**
 * The registers' rules on every write path (Document Service, Content Manager, Content API): a
 * risk's score is probability × impact, derived and never entered; its response fits its type;
 * risks, issues and decisions belong to a project or a programme (exactly one), a lesson to a
 * project, a dependency to two different projects. Who may change them: the PMO's leadership,
 * its administrator and project managers; an analyst and finance read them only.
 */
import { asRole, withApiToken } from '../helpers/strapi';
import { DECISION, DEPENDENCY, ISSUE, LESSON, RISK, cm, documents, expectInvalid, expectRefused, programme, project, risk, row, type Doc } from './raid-fixtures';

let p: Doc;
let other: Doc;
let pg: Doc;
beforeAll(async () => {
  pg = await programme();
  p = await project({ programme: pg.documentId });
  other = await project();
});

const cmBody = (data: Record<string, unknown>) => ({
  title: 'Supplier may fail',
  type: 'threat',
  probability: 2,
  impact: 4,
  project: { connect: [{ documentId: p.documentId }], disconnect: [] },
  ...data,
});

describe("a risk's score", () => {
  it('is probability × impact on create and after every update, through the Document Service', async () => {
    const created = await risk({ project: p.documentId }, { probability: 3, impact: 4 });
    expect((await row(RISK, created.documentId)).score).toBe(12);
    await documents(RISK).update({ documentId: created.documentId, data: { impact: 5 } });
    expect((await row(RISK, created.documentId)).score).toBe(15);
    await documents(RISK).update({ documentId: created.documentId, data: { probability: 1, title: 'Less likely now' } });
    expect((await row(RISK, created.documentId)).score).toBe(5);
    await documents(RISK).update({ documentId: created.documentId, data: { title: 'Renamed only' } });
    expect((await row(RISK, created.documentId)).score).toBe(5);
  });

  it('is derived in the Content Manager too, and shown back read-only', async () => {
    const manager = await asRole('pmo-manager');
    const created = await manager.post(cm(RISK)).send(cmBody({}));
    expect([created.status, created.body.data?.score]).toEqual([201, 8]);
    const updated = await manager.put(cm(RISK, created.body.data.documentId)).send({ title: created.body.data.title, impact: 5 });
    expect([updated.status, updated.body.data?.score]).toEqual([200, 10]);
    const layout = await manager.get(`/content-manager/content-types/${RISK}/configuration`);
    expect(layout.body.data.contentType.metadatas.score.edit).toMatchObject({ editable: false, label: 'Score' });
    // The register's list: the most pressing risks first, with their holders, score and state.
    expect(layout.body.data.contentType.layouts.list).toEqual(['title', 'project', 'programme', 'score', 'owner', 'status', 'workflowState']);
    expect(layout.body.data.contentType.settings).toMatchObject({ mainField: 'title', defaultSortBy: 'score', defaultSortOrder: 'DESC' });
  });

  it('is refused when given, on every path, with a 400 naming it', async () => {
    const message = '"Score" is derived by PMO Hub from the probability and the impact: probability × impact, from 1 to 25; it cannot be entered';
    expectInvalid(await (await asRole('pmo-manager')).post(cm(RISK)).send(cmBody({ score: 25 })), ['score'], message);
    const token = await withApiToken('full-access');
    const api = await token.post('/api/risks').send({ data: { title: 'Forged', type: 'threat', probability: 1, impact: 1, project: p.documentId, score: 25 } });
    expectInvalid(api, ['score'], message);
    const existing = await risk({ project: p.documentId });
    await expectRefused(documents(RISK).update({ documentId: existing.documentId, data: { score: 1 } }), ['score'], message);
    expect((await row(RISK, existing.documentId)).score).toBe(9);
  });
});

describe("a risk's response", () => {
  it.each([
    ['a threat', 'exploit', 'threat', '"Exploit" is a response to an opportunity, not to a threat; for a threat choose avoid, reduce, transfer, share or accept'],
    ['a threat', 'enhance', 'threat', '"Enhance" is a response to an opportunity, not to a threat; for a threat choose avoid, reduce, transfer, share or accept'],
    ['an opportunity', 'avoid', 'opportunity', '"Avoid" is a response to a threat, not to an opportunity; for an opportunity choose exploit, enhance, share or accept'],
    ['an opportunity', 'reduce', 'opportunity', '"Reduce" is a response to a threat, not to an opportunity; for an opportunity choose exploit, enhance, share or accept'],
    ['an opportunity', 'transfer', 'opportunity', '"Transfer" is a response to a threat, not to an opportunity; for an opportunity choose exploit, enhance, share or accept'],
  ])('refuses %s answered by %s', async (_label, response, type, message) => {
    expectInvalid(await (await asRole('pmo-manager')).post(cm(RISK)).send(cmBody({ type, response })), ['response'], message);
  });

  it.each([[-5e-324], [3], [true], [{ value: 'avoid' }], ['panic']])('refuses a response of %p with a 400, never a 500', async (response) => {
    const res = await (await asRole('pmo-manager')).post(cm(RISK)).send(cmBody({ type: 'threat', response }));
    expect(res.status).toBe(400);
  });

  it('accepts share and accept for both types, and refuses a change of type the response no longer fits', async () => {
    for (const type of ['threat', 'opportunity']) {
      for (const response of ['share', 'accept']) await risk({ project: p.documentId }, { type, response });
    }
    const threat = await risk({ project: p.documentId }, { type: 'threat', response: 'reduce' });
    await expectRefused(
      documents(RISK).update({ documentId: threat.documentId, data: { type: 'opportunity' } }),
      ['response'],
      /^"Reduce" is a response to a threat, not to an opportunity/
    );
    await documents(RISK).update({ documentId: threat.documentId, data: { type: 'opportunity', response: 'enhance' } });
    expect(await row(RISK, threat.documentId)).toMatchObject({ type: 'opportunity', response: 'enhance' });
  });
});

describe('who holds a register entry', () => {
  it.each([
    [RISK, 'risk', { title: 'R', type: 'threat', probability: 1, impact: 1 }],
    [ISSUE, 'issue', { title: 'I', priority: 'low', severity: 'low', raisedOn: '2026-01-05' }],
    [DECISION, 'decision', { title: 'D', decision: 'We go on', decidedOn: '2026-01-05', source: 'meeting' }],
  ])('%s: a project or a programme, exactly one', async (uid, noun, data) => {
    await expectRefused(documents(uid).create({ data: { ...data } }), ['project'], `Choose the project or the programme the ${noun} belongs to`);
    await expectRefused(
      documents(uid).create({ data: { ...data, project: p.documentId, programme: pg.documentId } }),
      ['programme'],
      `A ${noun} belongs to a project or to a programme, not both: clear the programme or the project`
    );
    const onProject = await documents(uid).create({ data: { ...data, project: p.documentId } });
    const onProgramme = await documents(uid).create({ data: { ...data, programme: pg.documentId } });
    // Clearing the one it has, or adding the other, is refused as well.
    await expectRefused(documents(uid).update({ documentId: onProject.documentId, data: { project: null } }), ['project'], /^Choose the project or the programme/);
    await expectRefused(documents(uid).update({ documentId: onProgramme.documentId, data: { project: p.documentId } }), ['programme'], /not both/);
    // Moving it from one to the other in one write is fine.
    await documents(uid).update({ documentId: onProgramme.documentId, data: { project: p.documentId, programme: null } });
  });

  it('the Content Manager answers the same 400', async () => {
    const res = await (await asRole('pmo-manager')).post(cm(ISSUE)).send({ title: 'Nowhere', priority: 'low', severity: 'low', raisedOn: '2026-01-05' });
    expectInvalid(res, ['project'], 'Choose the project or the programme the issue belongs to');
  });

  it("a decision's wrong source or unknown person is refused in words naming the field, the decision unchanged", async () => {
    const api = await withApiToken('full-access');
    const made = await documents(DECISION).create({ data: { title: 'Kept', decision: 'We go on', decidedOn: '2026-01-05', project: p.documentId } });
    const url = `/api/decisions/${made.documentId}`;
    expectInvalid(await api.put(url).send({ data: { source: {} } }), ['source'], 'The source must be text');
    expectInvalid(await api.put(url).send({ data: { source: 'corridor', title: 'Changed' } }), ['source'], 'The source must be one of: gate-review, change-request, meeting, other');
    expectInvalid(
      await api.put(url).send({ data: { decidedBy: { connect: [{ documentId: 'zznoperson000000000000000' }] } } }),
      ['decidedBy'],
      'Choose an existing item for "Decided by": there is none with the id "zznoperson000000000000000"'
    );
    expectInvalid(await (await asRole('pmo-manager')).put(cm(DECISION, made.documentId)).send({ decidedBy: ['zznoperson000000000000000'] }), ['decidedBy'], /^Choose an existing item for "Decided by"/);
    expect(await row(DECISION, made.documentId)).toMatchObject({ title: 'Kept', source: 'meeting' });
    expect((await api.put(url).send({ data: { source: 'other' } })).status).toBe(200);
  });

  it("an impossible date is refused naming its field, on the Content API and in the Content Manager, nothing written", async () => {
    const api = await withApiToken('full-access');
    const made = await documents(ISSUE).create({ data: { title: 'Dated', priority: 'low', severity: 'low', raisedOn: '2026-01-05', project: p.documentId } });
    for (const bad of ['not-a-date', '2026-02-31', '31/12/2026', '']) {
      expectInvalid(await api.put(`/api/issues/${made.documentId}`).send({ data: { raisedOn: bad } }), ['raisedOn'], /must be a date, written year-month-day \(2026-12-02\)$/);
    }
    expectInvalid(await (await asRole('pmo-manager')).put(cm(ISSUE, made.documentId)).send({ raisedOn: '2026-13-01' }), ['raisedOn'], /must be a date/);
    expect(await row(ISSUE, made.documentId)).toMatchObject({ raisedOn: '2026-01-05' });
    // A required date left out or emptied is named in words, not by its key ("the raised on").
    expectInvalid(await api.put(`/api/issues/${made.documentId}`).send({ data: { raisedOn: null } }), ['raisedOn'], 'The date raised is required: fill it in');
    expect(await row(ISSUE, made.documentId)).toMatchObject({ raisedOn: '2026-01-05' });
    expect((await api.put(`/api/issues/${made.documentId}`).send({ data: { raisedOn: '2026-01-06' } })).status).toBe(200);
  });

  it('a lesson: a project', async () => {
    const data = { title: 'L', category: 'risk', whatHappened: 'Something', recordedOn: '2026-01-05' };
    await expectRefused(documents(LESSON).create({ data }), ['project'], 'Choose the project the lesson was learned on');
    await documents(LESSON).create({ data: { ...data, project: p.documentId } });
  });

  it('a dependency: two different projects', async () => {
    const data = { description: 'Needs the API', needBy: '2026-06-01' };
    await expectRefused(documents(DEPENDENCY).create({ data: { ...data, toProject: other.documentId } }), ['fromProject'], /^Choose the project that depends/);
    await expectRefused(documents(DEPENDENCY).create({ data: { ...data, fromProject: p.documentId } }), ['toProject'], /^Choose the project it depends on/);
    await expectRefused(
      documents(DEPENDENCY).create({ data: { ...data, fromProject: p.documentId, toProject: p.documentId } }),
      ['toProject'],
      'A project cannot depend on itself: choose the other project it needs something from'
    );
    const made = await documents(DEPENDENCY).create({ data: { ...data, fromProject: p.documentId, toProject: other.documentId } });
    await expectRefused(documents(DEPENDENCY).update({ documentId: made.documentId, data: { fromProject: other.documentId } }), ['toProject'], /cannot depend on itself/);
  });
});

describe('who may change the registers', () => {
  it.each([RISK, ISSUE, DECISION, LESSON, DEPENDENCY])('%s: an analyst and finance read it but may not create or update it', async (uid) => {
    const entry =
      uid === RISK
        ? await risk({ project: p.documentId })
        : uid === ISSUE
          ? await documents(ISSUE).create({ data: { title: 'I', priority: 'low', severity: 'low', raisedOn: '2026-01-05', project: p.documentId } })
          : uid === DECISION
            ? await documents(DECISION).create({ data: { title: 'D', decision: 'Go on', decidedOn: '2026-01-05', project: p.documentId } })
            : uid === LESSON
              ? await documents(LESSON).create({ data: { title: 'L', category: 'risk', whatHappened: 'x', recordedOn: '2026-01-05', project: p.documentId } })
              : await documents(DEPENDENCY).create({ data: { description: 'x', needBy: '2026-06-01', fromProject: p.documentId, toProject: other.documentId } });
    for (const role of ['pmo-analyst', 'finance'] as const) {
      const agent = await asRole(role);
      expect([role, (await agent.get(cm(uid, entry.documentId))).status]).toEqual([role, 200]);
      expect([role, (await agent.put(cm(uid, entry.documentId)).send({ title: 'Changed', description: 'Changed' })).status]).toEqual([role, 403]);
      expect([role, (await agent.post(cm(uid)).send({ title: 'New' })).status]).toEqual([role, 403]);
    }
  });

  it('a project manager records and updates risks; a PMO director and a PMO administrator too', async () => {
    for (const role of ['project-manager', 'pmo-director', 'pmo-administrator'] as const) {
      const agent = await asRole(role);
      const created = await agent.post(cm(RISK)).send(cmBody({ title: `Recorded by ${role}` }));
      expect([role, created.status]).toEqual([role, 201]);
      const updated = await agent.put(cm(RISK, created.body.data.documentId)).send({ title: created.body.data.title, probability: 5 });
      expect([role, updated.status, updated.body.data?.score]).toEqual([role, 200, 20]);
    }
  });
});
