/**
 * Publishing governed by state (DESIGN.md "Workflows on any type, publishing and compliance"):
 * a standard under the seeded `standard-approval` workflow is refused publication with a 422
 * naming the state it needs on every path (the Content Manager's Publish and bulk publish, the
 * Document Service, the Content API) until a PMO director approves it; the requester cannot
 * approve; once approved it publishes; a new draft after publishing goes back to "Draft",
 * recorded in its history as PMO Hub's move.
 */
import { asRole, asSuperAdmin, getStrapi, uniqueCode, withApiToken } from '../helpers/strapi';

const UID = 'api::standard.standard';
const CM = `/content-manager/collection-types/${UID}`;
const REFUSAL = 'This standard can be published only when it is “Approved”; it is “Draft”';

const standardData = () => ({
  code: uniqueCode('STD'),
  title: 'Lessons are logged',
  version: '1.0',
  category: 'quality',
  mandatory: true,
});

const rows = (documentId: string) => getStrapi().db.query(UID).findMany({ where: { documentId } });
const publishedRows = async (documentId: string) => (await rows(documentId)).filter((row: any) => row.publishedAt);
const stateOf = async (documentId: string) => (await getStrapi().db.query(UID).findOne({ where: { documentId, publishedAt: null } })).workflowState;

async function refusal(promise: Promise<unknown>) {
  const error = (await promise.then(() => null, (e: unknown) => e)) as { status?: number; message?: string } | null;
  return error && { status: error.status, message: error.message };
}

describe('standard approval before publishing', () => {
  it('is seeded once, with publishing tied to "Approved"', async () => {
    const admin = await asSuperAdmin();
    const res = await admin.get('/pmo/workflows/standard-approval');
    expect(res.status).toBe(200);
    expect(res.body.appliesTo).toBe(UID);
    expect(res.body.definition).toMatchObject({ initial: 'draft', publishRequires: ['approved'], onNewDraft: 'draft' });
    const template = await admin.get('/pmo/workflows/template-approval');
    expect(template.body).toMatchObject({ appliesTo: 'api::template.template', definition: { publishRequires: ['approved'] } });
    expect(await getStrapi().db.query('plugin::pmo.workflow').count({ where: { appliesTo: UID } })).toBe(1);
  });

  it('refuses to publish before approval on every path, then publishes once a director approves', async () => {
    const strapi = getStrapi();
    const manager = await asRole('pmo-manager');
    const director = await asRole('pmo-director');
    const created = await manager.post(CM).send(standardData());
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId as string;
    expect(await stateOf(documentId)).toBe('draft');

    // The Content Manager's Publish.
    const cmPublish = await director.post(`${CM}/${documentId}/actions/publish`).send({});
    expect([cmPublish.status, cmPublish.body.error?.message]).toEqual([422, REFUSAL]);
    // Bulk publish.
    const bulk = await manager.post(`${CM}/actions/bulkPublish`).send({ documentIds: [documentId] });
    expect([bulk.status, bulk.body.error?.message]).toEqual([422, REFUSAL]);
    // The Document Service: publish, and update or create with status published.
    const service = strapi.documents(UID as never) as any;
    expect(await refusal(service.publish({ documentId }))).toEqual({ status: 422, message: REFUSAL });
    expect(await refusal(service.update({ documentId, data: { title: 'Changed' }, status: 'published' }))).toEqual({ status: 422, message: REFUSAL });
    const createPublished = await refusal(service.create({ data: standardData(), status: 'published' }));
    expect(createPublished?.status).toBe(422);
    expect(createPublished?.message).toMatch(/^This standard can be published only when it is “Approved”; a new one starts “Draft”/);
    // The Content API (an API token): its create and update publish by default.
    const api = await withApiToken('full-access');
    const apiUpdate = await api.put(`/api/standards/${documentId}`).send({ data: { title: 'Changed by API' } });
    expect([apiUpdate.status, apiUpdate.body.error?.message]).toEqual([422, REFUSAL]);
    const apiCreate = await api.post('/api/standards').send({ data: standardData() });
    expect(apiCreate.status).toBe(422);
    const apiDraft = await api.post('/api/standards?status=draft').send({ data: standardData() });
    expect(apiDraft.status).toBe(201);
    expect(await publishedRows(documentId)).toHaveLength(0);
    expect((await rows(documentId))[0].title).toBe('Lessons are logged');

    // Submitted by a super admin, who then may not approve it (excludeRequester); a director may.
    const admin = await asSuperAdmin();
    const submit = await admin.post('/pmo/transitions').send({ uid: UID, documentId, transition: 'submit' });
    expect([submit.status, submit.body.state]).toEqual([200, 'in-review']);
    const selfApproval = await admin.post('/pmo/transitions').send({ uid: UID, documentId, transition: 'approve' });
    expect(selfApproval.status).toBe(403);
    const managerApproval = await manager.post('/pmo/transitions').send({ uid: UID, documentId, transition: 'approve' });
    expect(managerApproval.status).toBe(403);
    const approve = await director.post('/pmo/transitions').send({ uid: UID, documentId, transition: 'approve' });
    expect([approve.status, approve.body.state]).toEqual([200, 'approved']);

    const published = await director.post(`${CM}/${documentId}/actions/publish`).send({});
    expect(published.status).toBe(200);
    expect(await publishedRows(documentId)).toHaveLength(1);

    // A new draft after publishing goes back to "Draft", as PMO Hub's move; publishing it again is refused.
    const edited = await manager.put(`${CM}/${documentId}`).send({ title: 'Lessons are logged and shared' });
    expect(edited.status).toBe(200);
    expect(await stateOf(documentId)).toBe('draft');
    const history = await admin.get(`/pmo/history?uid=${UID}&documentId=${documentId}`);
    const last = history.body.at(-1);
    expect(last).toMatchObject({ transition: 'new-draft', from: 'approved', to: 'draft', kind: 'applied', actor: { id: null, name: 'PMO Hub' } });
    const again = await director.post(`${CM}/${documentId}/actions/publish`).send({});
    expect([again.status, again.body.error?.message]).toEqual([422, REFUSAL]);
    // The published version stays as approved.
    expect((await publishedRows(documentId))[0].title).toBe('Lessons are logged');
  });

  it('requires a comment to request changes and takes the standard back to draft', async () => {
    const manager = await asRole('pmo-manager');
    const director = await asRole('pmo-director');
    const documentId = (await manager.post(CM).send(standardData())).body.data.documentId as string;
    await manager.post('/pmo/transitions').send({ uid: UID, documentId, transition: 'submit' }).expect(200);
    const bare = await director.post('/pmo/transitions').send({ uid: UID, documentId, transition: 'request-changes' });
    expect(bare.status).toBe(400);
    const back = await director.post('/pmo/transitions').send({ uid: UID, documentId, transition: 'request-changes', comment: 'Name the register' });
    expect([back.status, back.body.state]).toEqual([200, 'draft']);
  });

  it('keeps publishing for a document approved after its last publication (the Content Manager saves, then publishes)', async () => {
    const manager = await asRole('pmo-manager');
    const director = await asRole('pmo-director');
    const documentId = (await manager.post(CM).send(standardData())).body.data.documentId as string;
    const cycle = async () => {
      await manager.post('/pmo/transitions').send({ uid: UID, documentId, transition: 'submit' }).expect(200);
      await director.post('/pmo/transitions').send({ uid: UID, documentId, transition: 'approve' }).expect(200);
    };
    await cycle();
    await manager.post(`${CM}/${documentId}/actions/publish`).send({ title: 'First' }).expect(200);
    await manager.put(`${CM}/${documentId}`).send({ title: 'Second' }).expect(200);
    expect(await stateOf(documentId)).toBe('draft');
    await cycle();
    // The manager publishes with the form: the save before the publication keeps the approval.
    const published = await manager.post(`${CM}/${documentId}/actions/publish`).send({ title: 'Second' });
    expect(published.status).toBe(200);
    expect((await publishedRows(documentId))[0].title).toBe('Second');
  });

  it('refuses a definition that governs publishing on a type without draft & publish, in words', async () => {
    const admin = await asSuperAdmin();
    const res = await admin.post('/pmo/workflows/validate').send({
      key: 'cost-publishing',
      name: 'Costs',
      appliesTo: 'api::cost-entry.cost-entry',
      initial: 'open',
      states: [{ key: 'open', name: 'Open', terminal: true }],
      transitions: [],
      publishRequires: ['open'],
    });
    expect(res.body.problems).toEqual([
      {
        path: 'publishRequires',
        message: expect.stringMatching(/^The content type Cost entry has no draft & publish, so its items are never published/),
      },
    ]);
    const unknown = await admin.post('/pmo/workflows/validate').send({
      key: 'std-x',
      name: 'X',
      appliesTo: UID,
      initial: 'open',
      states: [{ key: 'open', name: 'Open', terminal: true }],
      transitions: [],
      publishRequires: ['approved'],
      onNewDraft: 'nowhere',
    });
    expect(unknown.body.problems.map((p: { path: string }) => p.path)).toEqual(
      expect.arrayContaining(['publishRequires[0]', 'onNewDraft'])
    );
  });
});
