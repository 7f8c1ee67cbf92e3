/** POST /pmo/transitions with DESIGN.md's status codes, actors, approvals and effects. */
import { asAdmin, asCapability, asRole, asSuperAdmin, getStrapi, uniqueCode } from '../helpers/strapi';

const PROJECT = 'api::project.project';
const CHANGE = 'plugin::pmo.change-request';

/** A project whose gate 1 review decided go (governance guards every gate with its review). */
async function newProject(extra: Record<string, unknown> = {}) {
  const project = await getStrapi().documents(PROJECT).create({ data: { name: 'Governed project', code: uniqueCode('WF'), ...extra } as any });
  await asCapability('governance', () =>
    getStrapi().documents('plugin::pmo.gate-review').create({
      data: { project: project.documentId, gate: 1, decision: 'go', heldDate: '2026-01-15' } as any,
    })
  );
  return project;
}

async function person(email: string, fullName = 'Someone') {
  const existing = await getStrapi().documents('api::person.person').findFirst({ filters: { email } } as any);
  return existing ?? getStrapi().documents('api::person.person').create({ data: { fullName, email } as any });
}

describe('a new governed item', () => {
  it('starts in the initial state, mirrored on workflowState, with an instance', async () => {
    const project = await newProject();
    expect(project.workflowState).toBe('proposed');
    const admin = await asSuperAdmin();
    const res = await admin.get(`/pmo/workflow-instances?uid=${PROJECT}&documentId=${project.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      workflow: { key: 'project-lifecycle' },
      state: { key: 'proposed', name: 'Proposed' },
      version: 1,
    });
    expect(res.body.transitions.map((t: { key: string }) => t.key).sort()).toEqual(['cancel', 'gate-1']);
  });

  it('refuses direct edits of workflowState, through the Content API and the Content Manager', async () => {
    const project = await newProject();
    const admin = await asSuperAdmin();
    const cm = await admin
      .put(`/content-manager/collection-types/${PROJECT}/${project.documentId}`)
      .send({ name: project.name, code: project.code, workflowState: 'executing' });
    expect(cm.status).toBe(400);
    expect(cm.body.error.message).toMatch(/^"State" is set by the project lifecycle/);
    await expect(
      getStrapi().documents(PROJECT).update({ documentId: project.documentId, data: { workflowState: 'closed' } as any })
    ).rejects.toThrow(/^"State" is set by the project lifecycle/);
    const unchanged = await admin
      .put(`/content-manager/collection-types/${PROJECT}/${project.documentId}`)
      .send({ name: 'Renamed', code: project.code, workflowState: 'proposed' });
    expect(unchanged.status).toBe(200);
    const stored = await getStrapi().documents(PROJECT).findOne({ documentId: project.documentId });
    expect(stored).toMatchObject({ name: 'Renamed', workflowState: 'proposed' });
  });
});

describe('POST /pmo/transitions', () => {
  it('applies a transition: 200 with the new state and version, mirrored and recorded', async () => {
    const project = await newProject();
    const manager = await asRole('pmo-manager');
    const res = await manager
      .post('/pmo/transitions')
      .send({ uid: PROJECT, documentId: project.documentId, transition: 'gate-1', comment: 'Business case approved', expectedVersion: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ outcome: 'applied', state: 'initiating', version: 2 });
    expect((await getStrapi().documents(PROJECT).findOne({ documentId: project.documentId }))!.workflowState).toBe('initiating');
    const history = await manager.get(`/pmo/history?uid=${PROJECT}&documentId=${project.documentId}`);
    const { version } = (await manager.get('/pmo/workflows/project-lifecycle')).body;
    expect(history.status).toBe(200);
    expect(history.body).toEqual([
      expect.objectContaining({
        transition: 'gate-1',
        from: 'proposed',
        to: 'initiating',
        kind: 'applied',
        comment: 'Business case approved',
        definitionVersion: version,
        actor: expect.objectContaining({ email: 'pmo-manager@test.pmo' }),
      }),
    ]);
  });

  it.each([
    ['no body', {}, 'uid', /^Say which kind of item this is/],
    ['no transition', { uid: PROJECT, documentId: 'x' }, 'transition', /^Choose a transition$/],
    ['a non-numeric expectedVersion', { uid: PROJECT, documentId: 'x', transition: 'gate-1', expectedVersion: 'one' }, 'expectedVersion', /^The version you loaded must be a whole number$/],
    ['an unknown field', { uid: PROJECT, documentId: 'x', transition: 'gate-1', force: true }, 'force', /^This request has no field "force"$/],
  ])('answers 400 for %s, at the field\'s path, in words', async (_label, body, field, words) => {
    const admin = await asSuperAdmin();
    const res = await admin.post('/pmo/transitions').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toContainEqual(expect.objectContaining({ path: [field], message: expect.stringMatching(words) }));
  });

  it('answers 400 naming the parameter when an instance or a history is asked for without its item', async () => {
    const admin = await asSuperAdmin();
    for (const route of ['/pmo/workflow-instances', '/pmo/history']) {
      const res = await admin.get(`${route}?uid=${PROJECT}`);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors).toEqual([
        expect.objectContaining({ path: ['documentId'], message: 'Say which item this is about' }),
      ]);
    }
  });

  it('answers 404 for an unknown item, content type or transition', async () => {
    const admin = await asSuperAdmin();
    const project = await newProject();
    const unknownItem = await admin.post('/pmo/transitions').send({ uid: PROJECT, documentId: 'nope', transition: 'gate-1' });
    const unknownType = await admin.post('/pmo/transitions').send({ uid: 'api::nothing.nothing', documentId: 'x', transition: 'gate-1' });
    const unknownTransition = await admin
      .post('/pmo/transitions')
      .send({ uid: PROJECT, documentId: project.documentId, transition: 'teleport' });
    expect([unknownItem.status, unknownType.status, unknownTransition.status]).toEqual([404, 404, 404]);
    expect(unknownTransition.body.error.message).toBe('The workflow "Project lifecycle" has no such step: choose one of its transitions');
    expect(unknownItem.body.error.message).toBe('There is no such project (it may have been deleted)');
    expect(unknownType.body.error.message).toBe('There is no such kind of item');
  });

  it('answers 403 when the caller may not act, and 403 without the fire permission', async () => {
    const project = await newProject();
    const board = await asRole('change-board');
    const res = await board.post('/pmo/transitions').send({ uid: PROJECT, documentId: project.documentId, transition: 'gate-1' });
    expect(res.status).toBe(403);
    // Who may, in words: the person the item names by their place, the roles by their names.
    expect(res.body.error.message).toBe('Only the sponsor, a PMO director or a PMO manager may "Gate 1: business justification"');
    const noFire = await asAdmin('author@test.pmo', ['strapi-author']);
    expect((await noFire.post('/pmo/transitions').send({ uid: PROJECT, documentId: project.documentId, transition: 'gate-1' })).status).toBe(403);
  });

  it('lets the person in an actor field act: a project manager who is the sponsor passes gate 1', async () => {
    const sponsor = await person('project-manager@test.pmo', 'Pat Sponsor');
    const project = await newProject({ sponsor: sponsor.documentId });
    const pm = await asRole('project-manager');
    const res = await pm.post('/pmo/transitions').send({ uid: PROJECT, documentId: project.documentId, transition: 'gate-1' });
    expect(res.status).toBe(200);
    const other = await newProject();
    const refused = await pm.post('/pmo/transitions').send({ uid: PROJECT, documentId: other.documentId, transition: 'gate-1' });
    expect(refused.status).toBe(403);
  });

  it('answers 409 when expectedVersion is stale or the transition does not start from the current state', async () => {
    const project = await newProject();
    const manager = await asRole('pmo-manager');
    const stale = await manager
      .post('/pmo/transitions')
      .send({ uid: PROJECT, documentId: project.documentId, transition: 'gate-1', expectedVersion: 7 });
    expect(stale.status).toBe(409);
    const wrongState = await manager.post('/pmo/transitions').send({ uid: PROJECT, documentId: project.documentId, transition: 'gate-3' });
    expect(wrongState.status).toBe(409);
    expect(wrongState.body.error.message).toMatch(/Planning/);
  });

  it('answers 400 naming the comment when a transition requires one', async () => {
    const project = await newProject();
    const director = await asRole('pmo-director');
    const res = await director.post('/pmo/transitions').send({ uid: PROJECT, documentId: project.documentId, transition: 'cancel' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/comment/);
    const ok = await director
      .post('/pmo/transitions')
      .send({ uid: PROJECT, documentId: project.documentId, transition: 'cancel', comment: 'Strategy changed' });
    expect(ok.status).toBe(200);
  });
});

describe('change control approvals and guards', () => {
  async function changeRequest(type = 'normal', cost: string | null = '250000') {
    const project = await newProject({ changeBudget: '10000000' });
    const raiser = await person('project-manager@test.pmo', 'Pat Raiser');
    return getStrapi().documents(CHANGE).create({
      data: { title: 'Add SSO', type, project: project.documentId, raisedBy: raiser.documentId, impact: cost === null ? {} : { cost } } as any,
    });
  }

  it('answers 422 with each failed guard when guards fail', async () => {
    const cr = await changeRequest('standard');
    const pm = await asRole('project-manager');
    const res = await pm.post('/pmo/transitions').send({ uid: CHANGE, documentId: cr.documentId, transition: 'submit' });
    expect(res.status).toBe(422);
    expect(res.body.error.details.failures).toEqual([
      { guard: 'field', message: expect.stringMatching(/normal changes/) },
    ]);
    const view = await pm.get(`/pmo/workflow-instances?uid=${CHANGE}&documentId=${cr.documentId}`);
    const submit = view.body.transitions.find((t: { key: string }) => t.key === 'submit');
    expect(submit.allowed).toBe(false);
    expect(submit.blockers).toEqual([{ kind: 'guard', guard: 'field', message: expect.stringMatching(/normal changes/) }]);
  });

  it('needs two distinct change-board votes, never the requester, and resets votes when the item leaves the state', async () => {
    const cr = await changeRequest();
    const pm = await asRole('project-manager');
    const strapi = getStrapi();
    expect((await pm.post('/pmo/transitions').send({ uid: CHANGE, documentId: cr.documentId, transition: 'submit' })).status).toBe(200);
    // the requester (moved it to authorize) is also on the change board
    const requester = await asAdmin('board.requester@test.pmo', ['change-board', 'pmo-analyst']);
    expect((await requester.post('/pmo/transitions').send({ uid: CHANGE, documentId: cr.documentId, transition: 'recommend' })).status).toBe(200);

    const own = await requester.post('/pmo/transitions').send({ uid: CHANGE, documentId: cr.documentId, transition: 'authorize' });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/cannot approve/);

    const first = await asAdmin('board.one@test.pmo', ['change-board']);
    const second = await asAdmin('board.two@test.pmo', ['change-board']);
    const vote = await first.post('/pmo/transitions').send({ uid: CHANGE, documentId: cr.documentId, transition: 'authorize' });
    expect(vote.status).toBe(202);
    expect(vote.body).toMatchObject({ votes: 1, quorum: 2 });
    const again = await first.post('/pmo/transitions').send({ uid: CHANGE, documentId: cr.documentId, transition: 'authorize' });
    expect(again.status).toBe(409);

    const outboxBefore = await strapi.db.query('plugin::pmo.outbox-message').count();
    const events: unknown[] = [];
    const listener = async (payload: unknown) => {
      events.push(payload);
    };
    strapi.eventHub.on('pmo.workflow.transition', listener);
    const applied = await second.post('/pmo/transitions').send({ uid: CHANGE, documentId: cr.documentId, transition: 'authorize' });
    strapi.eventHub.off('pmo.workflow.transition', listener);
    expect(applied.status).toBe(200);
    expect(applied.body.state).toBe('scheduled');

    const stored = await strapi.documents(CHANGE).findOne({ documentId: cr.documentId });
    expect(stored).toMatchObject({ workflowState: 'scheduled', decision: 'approved' });
    expect(stored!.decisionDate).toBeTruthy();
    const outbox = await strapi.db.query('plugin::pmo.outbox-message').findMany({ where: { sourceDocumentId: cr.documentId } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ template: 'change-authorized', recipients: ['project-manager@test.pmo'], status: 'pending' });
    expect(await strapi.db.query('plugin::pmo.outbox-message').count()).toBe(outboxBefore + 1);
    expect(events).toEqual([expect.objectContaining({ uid: CHANGE, documentId: cr.documentId, from: 'authorize', to: 'scheduled' })]);

    const history = await first.get(`/pmo/history?uid=${CHANGE}&documentId=${cr.documentId}`);
    expect(history.body.map((e: { kind: string; transition: string }) => `${e.kind}:${e.transition}`)).toEqual([
      'applied:submit',
      'applied:recommend',
      'vote:authorize',
      'applied:authorize',
    ]);
    expect(history.body[3].votes.map((v: { name: string }) => v.name)).toHaveLength(2);
  });

  it('forgets votes when the item leaves the state and comes back', async () => {
    const cr = await changeRequest('emergency');
    const pm = await asRole('project-manager');
    expect((await pm.post('/pmo/transitions').send({ uid: CHANGE, documentId: cr.documentId, transition: 'submit-emergency' })).status).toBe(200);
    const first = await asAdmin('board.one@test.pmo', ['change-board']);
    expect((await first.post('/pmo/transitions').send({ uid: CHANGE, documentId: cr.documentId, transition: 'authorize' })).status).toBe(202);
    const rejected = await first
      .post('/pmo/transitions')
      .send({ uid: CHANGE, documentId: cr.documentId, transition: 'reject', comment: 'Needs a rollback plan' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.state).toBe('new');
    expect((await pm.post('/pmo/transitions').send({ uid: CHANGE, documentId: cr.documentId, transition: 'submit-emergency' })).status).toBe(200);
    const view = await first.get(`/pmo/workflow-instances?uid=${CHANGE}&documentId=${cr.documentId}`);
    expect(view.body.transitions.find((t: { key: string }) => t.key === 'authorize').approvals).toEqual({ quorum: 2, votes: 0, voters: [] });
  });
});

describe('the audit trail', () => {
  it('cannot be changed or deleted through the Document Service or any route', async () => {
    const project = await newProject();
    const manager = await asRole('pmo-manager');
    await manager.post('/pmo/transitions').send({ uid: PROJECT, documentId: project.documentId, transition: 'gate-1' });
    const strapi = getStrapi();
    const event = await strapi.db.query('plugin::pmo.transition-event').findOne({ where: { targetDocumentId: project.documentId } });
    await expect(strapi.documents('plugin::pmo.transition-event').delete({ documentId: event.documentId } as any)).rejects.toThrow(/permanent record/);
    await expect(
      strapi.documents('plugin::pmo.transition-event').update({ documentId: event.documentId, data: { comment: 'x' } } as any)
    ).rejects.toThrow(/permanent record/);
    const admin = await asSuperAdmin();
    for (const res of [
      await admin.del(`/pmo/history?uid=${PROJECT}&documentId=${project.documentId}`),
      await admin.put(`/pmo/history`).send({}),
      await admin.del(`/content-manager/collection-types/plugin::pmo.transition-event/${event.documentId}`),
    ]) {
      expect([403, 404, 405]).toContain(res.status);
    }
    expect(await strapi.db.query('plugin::pmo.transition-event').count({ where: { targetDocumentId: project.documentId } })).toBe(1);
  });
});
