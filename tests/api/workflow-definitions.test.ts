/** Workflow definitions as data: listed, validated with every problem, versioned, guarded against data loss. */
import { asRole, asSuperAdmin, getStrapi, uniqueCode } from '../helpers/strapi';

const PROJECT = 'api::project.project';

describe('workflow definitions', () => {
  it('lists the seeded defaults with their version and items per state', async () => {
    const strapi = getStrapi();
    await strapi.documents(PROJECT).create({ data: { name: 'Counted', code: uniqueCode('CNT') } as any });
    const analyst = await asRole('pmo-analyst');
    const res = await analyst.get('/pmo/workflows');
    expect(res.status).toBe(200);
    const keys = res.body.map((w: { key: string }) => w.key);
    expect(keys).toEqual(expect.arrayContaining(['project-lifecycle', 'change-control']));
    const lifecycle = res.body.find((w: { key: string }) => w.key === 'project-lifecycle');
    expect(lifecycle).toMatchObject({ appliesTo: PROJECT, name: 'Project lifecycle' });
    expect(lifecycle.instances.proposed).toBeGreaterThanOrEqual(1);
    expect((await analyst.get('/pmo/workflows/change-control')).body.definition.initial).toBe('new');
    // The list counts every workflow's items in one pass: each the same as the workflow's own answer.
    for (const listed of res.body as Array<{ key: string; instances: Record<string, number> }>) {
      expect([listed.key, (await analyst.get(`/pmo/workflows/${listed.key}`)).body.instances]).toEqual([listed.key, listed.instances]);
    }
    expect((await analyst.get('/pmo/workflows/nope')).status).toBe(404);
  });

  it('refuses a broken definition with 400 listing every problem, and saves nothing', async () => {
    const admin = await asRole('pmo-administrator');
    const before = await getStrapi().db.query('plugin::pmo.workflow').count();
    const res = await admin.post('/pmo/workflows').send({
      key: 'broken-flow',
      name: 'Broken',
      appliesTo: 'admin::user',
      initial: 'draft',
      states: [
        { key: 'draft', name: 'Draft' },
        { key: 'draft', name: 'Duplicate' },
        { key: 'orphan', name: 'Never reached' },
      ],
      transitions: [
        { key: 'go', label: 'Go', from: ['draft'], to: 'nowhere', actors: [{ role: 'astronaut' }], guards: [{ type: 'horoscope' }] },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    // The one 400 shape: each problem at its path into the definition.
    const errors = res.body.error.details.errors as Array<{ path: string[]; message: string }>;
    const at = (path: string) => errors.filter((error) => error.path.join('.') === path).map((error) => error.message).join(' ');
    // In a PMO administrator's words: states and transitions by name, the content type by its display name.
    expect(at('states.1.key')).toBe('The state “Duplicate” has the key "draft", which the state “Draft” already has; each state needs a key of its own');
    expect(at('transitions.0.to')).toBe('The transition “Go” goes to "nowhere", which is not one of the states; choose Draft or Never reached');
    expect(at('transitions.0.actors.0.role')).toMatch(
      /^The transition “Go” lets someone with the role "astronaut" fire it, but there is no such role; choose .*a PMO director.*a member of the change board/
    );
    expect(at('transitions.0.guards.0.type')).toMatch(/^The transition “Go”: guard 1 has the type "horoscope", which PMO Hub does not know; the guard types are /);
    expect(at('states.2')).toMatch(/The state “Never reached” cannot be reached from “Draft”, the first state/);
    // Strapi's own types (admin users) carry no state field: PMO Hub adds one to the app's and its own types only.
    expect(at('appliesTo')).toMatch(/^There is no content type “Admin user” for the workflow to govern; choose Allocation, Budget line, /);
    for (const { message } of errors) expect(message).not.toMatch(/api::|plugin::|\[\d+\]|"(from|to|initial|actors|appliesTo|guards|effects)"/);
    expect(await getStrapi().db.query('plugin::pmo.workflow').count()).toBe(before);
  });

  it('validates a draft without saving it', async () => {
    const admin = await asRole('pmo-administrator');
    const draft = (await admin.get('/pmo/workflows/project-lifecycle')).body.definition;
    const ok = await admin.post('/pmo/workflows/validate').send(draft);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ problems: [] });
    const bad = await admin.post('/pmo/workflows/validate').send({ ...draft, initial: 'limbo' });
    expect(bad.body.problems).toEqual([
      {
        path: 'initial',
        message: 'The first state "limbo" is not one of the states; choose Proposed, Initiating, Planning, Executing, Closing, Closed, On hold or Cancelled',
      },
    ]);
  });

  it('lets only the PMO administrator (or a super admin) change definitions', async () => {
    const manager = await asRole('pmo-manager');
    const current = (await manager.get('/pmo/workflows/project-lifecycle')).body.definition;
    expect((await manager.put('/pmo/workflows/project-lifecycle').send(current)).status).toBe(403);
    expect((await manager.post('/pmo/workflows/validate').send(current)).status).toBe(403);
  });

  it('versions updates, records the version on events, and refuses to remove a state that holds items', async () => {
    const admin = await asRole('pmo-administrator');
    const superAdmin = await asSuperAdmin();
    const current = (await admin.get('/pmo/workflows/project-lifecycle')).body;
    const definition = current.definition;

    const withReview = {
      ...definition,
      states: [...definition.states, { key: 'in-review', name: 'In review', color: '#AC73E6' }],
      transitions: [
        ...definition.transitions,
        { key: 'send-to-review', label: 'Send to review', from: ['proposed'], to: 'in-review', actors: [{ role: 'pmo-analyst' }] },
        { key: 'review-done', label: 'Review done', from: ['in-review'], to: 'proposed', actors: [{ role: 'pmo-analyst' }] },
      ],
    };
    const updated = await admin.put('/pmo/workflows/project-lifecycle').send(withReview);
    expect(updated.status).toBe(200);
    let project: { documentId: string } | undefined;
    let restoredOk = false;
    try {
      expect(updated.body.version).toBe(current.version + 1);

      project = await getStrapi().documents(PROJECT).create({ data: { name: 'Reviewed', code: uniqueCode('REV') } as any });
      const analyst = await asRole('pmo-analyst');
      const moved = await analyst
        .post('/pmo/transitions')
        .send({ uid: PROJECT, documentId: project.documentId, transition: 'send-to-review' });
      expect(moved.status).toBe(200);
      const history = await analyst.get(`/pmo/history?uid=${PROJECT}&documentId=${project.documentId}`);
      expect(history.body[0].definitionVersion).toBe(current.version + 1);

      const removed = await admin.put('/pmo/workflows/project-lifecycle').send(definition);
      expect(removed.status).toBe(409);
      expect(removed.body.error.message).toMatch(/in-review/);
      expect(removed.body.error.details.states).toEqual([{ state: 'in-review', documentIds: [project.documentId] }]);

      expect(
        (await analyst.post('/pmo/transitions').send({ uid: PROJECT, documentId: project.documentId, transition: 'review-done' })).status
      ).toBe(200);
      const restored = await superAdmin.put('/pmo/workflows/project-lifecycle').send(definition);
      expect(restored.status).toBe(200);
      restoredOk = true;
      expect(restored.body.version).toBe(current.version + 2);
    } finally {
      // Other tests of this worker share project-lifecycle: put it back even when an expectation failed.
      if (!restoredOk) {
        if (project) {
          await getStrapi().db.query(PROJECT).updateMany({ where: { documentId: project.documentId }, data: { workflowState: 'proposed' } });
          await getStrapi().db.query('plugin::pmo.workflow-instance').updateMany({ where: { targetDocumentId: project.documentId }, data: { state: 'proposed' } });
        }
        await superAdmin.put('/pmo/workflows/project-lifecycle').send(definition);
      }
    }
  });

  it('refuses a second workflow for a content type, and a duplicate key', async () => {
    const admin = await asRole('pmo-administrator');
    const definition = (await admin.get('/pmo/workflows/project-lifecycle')).body.definition;
    const second = await admin.post('/pmo/workflows').send({ ...definition, key: 'another-lifecycle' });
    expect(second.status).toBe(400);
    expect(second.body.error.details.errors).toEqual([
      expect.objectContaining({
        path: ['appliesTo'],
        message: 'The content type Project already follows the workflow “Project lifecycle”; a content type follows one workflow only',
      }),
    ]);
    const duplicate = await admin.post('/pmo/workflows').send(definition);
    expect(duplicate.status).toBe(409);
  });
});
