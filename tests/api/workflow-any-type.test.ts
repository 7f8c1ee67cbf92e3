/**
 * Workflows on any type (DESIGN.md "Workflows on any type, publishing and compliance"): a
 * workflow saved over HTTP for a status report, a plugin type (competencies) or a document
 * applies at once, to new items and to items older than it (on first use); of 50 concurrent
 * identical transitions one applies and 49 get 409; `workflowState` is refused on a type no
 * workflow governs. Runs on SQLite and, with DATABASE_CLIENT=postgres, on PostgreSQL.
 */
import { asRole, asSuperAdmin, getStrapi, uniqueCode, type Agent } from '../helpers/strapi';

type Definition = Record<string, any> & { key: string; initial: string; states: any[]; transitions: any[] };

const TYPES: Array<{ uid: string; create: () => Record<string, unknown> }> = [
  {
    uid: 'api::status-report.status-report',
    create: () => ({ asOf: '2026-03-31', percentComplete: 40, ragOverall: 'green' }),
  },
  { uid: 'plugin::pmo.competency', create: () => ({ name: `Any type ${uniqueCode('C')}`, key: uniqueCode('c').toLowerCase(), active: true, position: 9999 }) },
  { uid: 'api::document.document', create: () => ({ title: 'Any type brief', documentType: 'project-brief' }) },
];

const CHECK = 'pmo-test-check';
const CHECKED = 'pmo-test-checked';

/**
 * A workflow for `uid`, saved over HTTP: a new one (open → checked), or, when the type already
 * follows one (the documents' seeded review), a new version of it with the same test step added;
 * `keep` is given the definition it had, to restore.
 */
async function saveWorkflow(admin: Agent, uid: string, keep: (original: Definition) => void): Promise<Definition> {
  const list = await admin.get('/pmo/workflows');
  expect(list.status).toBe(200);
  const current = (list.body as Array<{ appliesTo: string; definition: Definition }>).find((w) => w.appliesTo === uid);
  if (current) {
    keep(structuredClone(current.definition));
    const definition = structuredClone(current.definition);
    if (!definition.states.some((s) => s.key === CHECKED)) {
      definition.states.push({ key: CHECKED, name: 'Checked by the test', terminal: true });
      definition.transitions.push({ key: CHECK, label: 'Check', from: [definition.initial], to: CHECKED, actors: [{ role: 'pmo-manager' }] });
    }
    const saved = await admin.put(`/pmo/workflows/${definition.key}`).send(definition);
    expect([saved.status, saved.body?.error?.message]).toEqual([200, undefined]);
    return definition;
  }
  const definition: Definition = {
    key: `any-${uid.split('.').pop()}`,
    name: `Check ${uid.split('.').pop()}`,
    appliesTo: uid,
    initial: 'open',
    states: [
      { key: 'open', name: 'Open', color: '#4945FF' },
      { key: CHECKED, name: 'Checked', color: '#328048', terminal: true },
    ],
    transitions: [{ key: CHECK, label: 'Check', from: ['open'], to: CHECKED, actors: [{ role: 'pmo-manager' }] }],
  };
  const saved = await admin.post('/pmo/workflows').send(definition);
  expect([saved.status, saved.body?.error?.message]).toEqual([201, undefined]);
  return definition;
}

describe.each(TYPES)('a workflow saved in Settings for $uid', ({ uid, create }) => {
  let definition: Definition;
  let older: string;
  /** The type's own workflow before the test changed it (the documents' seeded review), if it had one. */
  let original: Definition | undefined;
  /** The items made here. */
  const made: string[] = [];
  const make = async (): Promise<{ documentId: string; workflowState?: string }> => {
    const created = await (getStrapi().documents(uid as never) as any).create({ data: create() });
    made.push(created.documentId);
    return created;
  };

  beforeAll(async () => {
    const strapi = getStrapi();
    // An item from before the workflow (or before this version of it).
    older = (await make()).documentId;
    await strapi.db.query('plugin::pmo.workflow-instance').deleteMany({ where: { targetUid: uid, targetDocumentId: older } });
    definition = await saveWorkflow(await asSuperAdmin(), uid, (kept) => (original = kept));
  });

  // Other files in this worker read the type's own workflow (document-review.test.ts its four
  // states): it is saved back as it was, whatever passed. The items made here go first, so that
  // none holds the test's state.
  afterAll(async () => {
    if (!original) return;
    for (const documentId of made) await (getStrapi().documents(uid as never) as any).delete({ documentId });
    const admin = await asSuperAdmin();
    const stored = await admin.get(`/pmo/workflows/${original.key}`);
    if (!stored.body.definition.states.some((s: { key: string }) => s.key === CHECKED)) return;
    const restored = await admin.put(`/pmo/workflows/${original.key}`).send(original);
    expect([restored.status, restored.body?.error?.message]).toEqual([200, undefined]);
  });

  it('starts a new item in its first state at once, with no restart', async () => {
    const created = await make();
    expect(created.workflowState).toBe(definition.initial);
    const instance = await getStrapi().db.query('plugin::pmo.workflow-instance').findOne({ where: { targetUid: uid, targetDocumentId: created.documentId } });
    expect(instance?.state).toBe(definition.initial);
  });

  it('shows the state as a column of the Content Manager list at once', async () => {
    const strapi = getStrapi();
    const contentType = (strapi.contentTypes as Record<string, any>)[uid];
    if (contentType.pluginOptions?.['content-manager']?.visible === false) return;
    const configuration = await (strapi.plugin('content-manager').service('content-types') as any).findConfiguration(contentType);
    expect(configuration.layouts.list).toContain('workflowState');
  });

  it('gives an item older than its workflow an instance in the first state on first use (the side panel)', async () => {
    const manager = await asRole('pmo-manager');
    const res = await manager.get(`/pmo/workflow-instances?uid=${encodeURIComponent(uid)}&documentId=${older}`);
    expect(res.status).toBe(200);
    expect(res.body.state.key).toBe(definition.initial);
    expect(res.body.transitions.map((t: { key: string }) => t.key)).toContain(CHECK);
  });

  it('applies exactly one of 50 concurrent identical transitions; the other 49 get 409', async () => {
    const created = await make();
    const manager = await asRole('pmo-manager');
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        manager.post('/pmo/transitions').send({ uid, documentId: created.documentId, transition: CHECK, expectedVersion: 1 })
      )
    );
    const statuses = responses.map((res) => res.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    const events = await getStrapi().db.query('plugin::pmo.transition-event').count({
      where: { targetUid: uid, targetDocumentId: created.documentId, kind: 'applied' },
    });
    expect(events).toBe(1);
    const stored = await getStrapi().db.query(uid as never).findOne({ where: { documentId: created.documentId } } as never);
    expect((stored as { workflowState: string }).workflowState).toBe(CHECKED);
  });

  it('refuses an edit of the state with a 400 naming it', async () => {
    const created = await make();
    const error = await (getStrapi().documents(uid as never) as any)
      .update({ documentId: created.documentId, data: { workflowState: CHECKED } })
      .catch((e: unknown) => e);
    expect(error?.name).toBe('ValidationError');
    expect(error?.details?.errors?.[0]?.path).toEqual(['workflowState']);
  });
});

describe('workflowState on a type no workflow governs', () => {
  const UID = 'api::department.department';
  const url = `/content-manager/collection-types/${UID}`;

  it('is refused on create and on update with a 400 naming the field, in words', async () => {
    const strapi = getStrapi();
    expect(await strapi.db.query('plugin::pmo.workflow').count({ where: { appliesTo: UID } })).toBe(0);
    const admin = await asSuperAdmin();
    const created = await admin.post(url).send({ name: `Dept ${uniqueCode('D')}`, workflowState: 'approved' });
    expect(created.status).toBe(400);
    expect(created.body.error.details.errors[0].path).toEqual(['workflowState']);
    expect(created.body.error.details.errors[0].message).toMatch(/^"State" is set by the workflow when a step is taken/);

    const plain = await admin.post(url).send({ name: `Dept ${uniqueCode('D')}` });
    expect(plain.status).toBe(201);
    const updated = await admin.put(`${url}/${plain.body.data.documentId}`).send({ name: 'Renamed', workflowState: 'approved' });
    expect(updated.status).toBe(400);
    expect(updated.body.error.details.errors[0].path).toEqual(['workflowState']);
    const stored = await strapi.db.query(UID).findOne({ where: { documentId: plain.body.data.documentId } });
    expect([stored.name, stored.workflowState ?? null]).toEqual([plain.body.data.name, null]);
  });

  it('is left out of what PMO roles may create and update, and shown read-only with who sets it', async () => {
    const strapi = getStrapi();
    const role = await strapi.db.query('admin::role').findOne({ where: { code: 'pmo-manager' }, populate: ['permissions'] });
    const update = role.permissions.find((p: any) => p.action === 'plugin::content-manager.explorer.update' && p.subject === UID);
    expect(update.properties.fields).toContain('name');
    expect(update.properties.fields).not.toContain('workflowState');
    const configuration = await (strapi.plugin('content-manager').service('content-types') as any).findConfiguration(strapi.contentTypes[UID as never]);
    expect(configuration.metadatas.workflowState.edit).toMatchObject({ editable: false, description: expect.stringMatching(/^Set by the workflow/) });
  });

  it('is not offered for the types the engine keeps itself', async () => {
    const admin = await asSuperAdmin();
    const res = await admin.post('/pmo/workflows/validate').send({
      key: 'bad-owned',
      name: 'Bad',
      appliesTo: 'plugin::pmo.workflow-instance',
      initial: 'only',
      states: [{ key: 'only', name: 'Only', terminal: true }],
      transitions: [],
    });
    expect(res.status).toBe(200);
    expect(res.body.problems).toEqual([
      { path: 'appliesTo', message: expect.stringMatching(/^Workflow instances are kept by PMO Hub itself and cannot follow a workflow; choose /) },
    ]);
  });
});
