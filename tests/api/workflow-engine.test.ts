/** The engine's batch view (viewMany) and its cached lookup of a content type's workflow. */
import { asCapability, asRole, asSuperAdmin, getStrapi, uniqueCode } from '../helpers/strapi';

const PROJECT = 'api::project.project';
const WORKFLOW_UID = 'plugin::pmo.workflow';

const engine = () => getStrapi().plugin('pmo').service('workflow') as any;

async function newProject(goGates: number[] = [1]) {
  const project = await getStrapi().documents(PROJECT).create({ data: { name: 'Engine project', code: uniqueCode('ENG') } as any });
  await asCapability('governance', async () => {
    for (const gate of goGates) {
      await getStrapi().documents('plugin::pmo.gate-review').create({
        data: { project: project.documentId, gate, decision: 'go', heldDate: '2026-01-15' } as any,
      });
    }
  });
  return project;
}

async function adminUser(email: string) {
  return getStrapi().db.query('admin::user').findOne({ where: { email }, populate: ['roles'] });
}

describe('viewMany', () => {
  it('answers for each item what view answers, in the order asked, leaving out items that do not exist', async () => {
    const manager = await asRole('pmo-manager');
    const user = await adminUser('pmo-manager@test.pmo');
    const proposed = await newProject();
    const blocked = await newProject([]);
    const moved = await newProject();
    const fired = await manager.post('/pmo/transitions').send({ uid: PROJECT, documentId: moved.documentId, transition: 'gate-1' });
    expect(fired.status).toBe(200);
    const ids = [moved.documentId, proposed.documentId, blocked.documentId];

    const single = [];
    for (const documentId of ids) single.push(await engine().view(PROJECT, documentId, user));
    const batch = await engine().viewMany(PROJECT, [...ids, 'no-such-document', proposed.documentId], user);
    expect(batch).toEqual(single);
    expect(batch.map((view: { state: { key: string } }) => view.state.key)).toEqual(['initiating', 'proposed', 'proposed']);
    const gate1 = batch[2].transitions.find((t: { key: string }) => t.key === 'gate-1');
    expect(gate1).toMatchObject({ allowed: false, blockers: [expect.objectContaining({ kind: 'guard', guard: 'gateReview' })] });
  });

  it('creates the missing instances of items older than their workflow, as view does', async () => {
    await asSuperAdmin(); // creates the super admin once per worker
    const user = await adminUser('super.admin@test.pmo');
    const project = await newProject();
    await getStrapi().db.query('plugin::pmo.workflow-instance').deleteMany({ where: { targetUid: PROJECT, targetDocumentId: project.documentId } });
    const [view] = await engine().viewMany(PROJECT, [project.documentId], user);
    expect(view).toMatchObject({ documentId: project.documentId, state: { key: 'proposed' }, version: 1 });
    expect(await engine().findInstance(PROJECT, project.documentId)).toMatchObject({ state: 'proposed' });
  });

  it('refuses a content type without a workflow (404)', async () => {
    const user = await adminUser('pmo-manager@test.pmo');
    await expect(engine().viewMany('api::person.person', [], user)).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});

describe('the cached workflow of a content type', () => {
  async function withIntake(save: (definition: any) => Promise<void>) {
    const admin = await asRole('pmo-administrator');
    const current = (await admin.get('/pmo/workflows/project-lifecycle')).body;
    const definition = current.definition;
    const intake = {
      ...definition,
      initial: 'intake',
      states: [{ key: 'intake', name: 'Intake' }, ...definition.states],
      transitions: [...definition.transitions, { key: 'accept', label: 'Accept', from: ['intake'], to: definition.initial }],
    };
    await save(intake);
    return { definition, version: current.version };
  }

  // The shared lifecycle is put back after each test, whether it passed or not.
  let toRestore: { definition: object; created: string[] } | null = null;
  afterEach(async () => {
    if (!toRestore) return;
    const { definition, created } = toRestore;
    toRestore = null;
    await restore(definition, created);
  });

  async function restore(definition: object, created: string[]) {
    for (const documentId of created) await getStrapi().documents(PROJECT).delete({ documentId });
    const superAdmin = await asSuperAdmin();
    const restored = await superAdmin.put('/pmo/workflows/project-lifecycle').send(definition);
    expect(restored.status).toBe(200);
    expect((await getStrapi().documents(PROJECT).create({ data: { name: 'Restored', code: uniqueCode('ENG') } as any })).workflowState).toBe('proposed');
  }

  it('is forgotten when a new version is saved: the next write and transition use it', async () => {
    const admin = await asRole('pmo-administrator');
    // Warm the cache: a write looks the workflow up.
    expect((await getStrapi().documents(PROJECT).create({ data: { name: 'Before', code: uniqueCode('ENG') } as any })).workflowState).toBe('proposed');
    const { definition, version } = await withIntake(async (intake) => {
      const saved = await admin.put('/pmo/workflows/project-lifecycle').send(intake);
      expect(saved.status).toBe(200);
    });
    toRestore = { definition, created: [] };
    const project = await getStrapi().documents(PROJECT).create({ data: { name: 'After', code: uniqueCode('ENG') } as any });
    toRestore.created.push(project.documentId);
    expect(project.workflowState).toBe('intake');
    const manager = await asRole('pmo-manager');
    const accepted = await manager.post('/pmo/transitions').send({ uid: PROJECT, documentId: project.documentId, transition: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ outcome: 'applied', state: 'proposed', version: 2 });
    const history = await manager.get(`/pmo/history?uid=${PROJECT}&documentId=${project.documentId}`);
    expect(history.body[0]).toMatchObject({ transition: 'accept', definitionVersion: version + 1 });
  });

  it('sees a save made elsewhere (another Strapi instance on the same database) within a second', async () => {
    expect((await getStrapi().documents(PROJECT).create({ data: { name: 'Before', code: uniqueCode('ENG') } as any })).workflowState).toBe('proposed');
    const { definition } = await withIntake(async (intake) => {
      // Straight to the table, as another process's save would: this process's cache is not told.
      const row = await getStrapi().db.query(WORKFLOW_UID).findOne({ where: { key: 'project-lifecycle' } });
      await getStrapi().db.query(WORKFLOW_UID).update({ where: { id: row.id }, data: { definition: intake, version: row.version + 1 } });
    });
    // No fixed sleep: new projects are created until one starts in the saved definition's initial
    // state. The cache promises a second; five allow for a loaded machine without hiding a cache
    // that never expires.
    const saved = Date.now();
    const created: string[] = [];
    toRestore = { definition, created };
    let state: string | null = null;
    while (state !== 'intake' && Date.now() - saved < 5000) {
      const project = await getStrapi().documents(PROJECT).create({ data: { name: 'After', code: uniqueCode('ENG') } as any });
      created.push(project.documentId);
      state = project.workflowState;
      if (state !== 'intake') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(state).toBe('intake');
  });
});
