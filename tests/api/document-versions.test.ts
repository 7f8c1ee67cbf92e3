/**
 * A document's file and versions (docs/documents.md): a new version supersedes the previous one
 * through the document-review workflow, the previous one stays readable, and the chain shows on
 * either; of concurrent requests for a new version exactly one makes it (SQLite and PostgreSQL).
 */
import { DOCUMENT, documentInState } from '../helpers/documents';
import { asRole, asSuperAdmin, getStrapi, uniqueCode, withApiToken } from '../helpers/strapi';

const PROJECT = 'api::project.project';
const PERSON = 'api::person.person';

async function approvedDocument(extra: Record<string, unknown> = {}) {
  const owner = await getStrapi().documents(PERSON).create({ data: { fullName: 'Olu Owner', email: `${uniqueCode('o').toLowerCase()}@test.pmo` } as any });
  const project = await getStrapi().documents(PROJECT).create({ data: { name: 'Versioned project', code: uniqueCode('DV') } as any });
  return documentInState('approved', {
    title: `Communication plan ${uniqueCode('C')}`,
    documentType: 'communication-plan',
    project: project.documentId,
    owner: owner.documentId,
    version: '1.2',
    reviewCycleDays: 60,
    link: 'https://intranet.example/comms',
    approvedAt: '2026-01-10T10:00:00.000Z',
    ...extra,
  });
}

const stored = async (documentId: string) =>
  (await getStrapi().db.query(DOCUMENT as never).findOne({
    where: { documentId },
    populate: { project: true, owner: true, previousVersion: true, nextVersions: true },
  } as never)) as Record<string, any>;

describe('a new version of a document', () => {
  it('is the next version of the same document, and supersedes the previous one, which stays readable', async () => {
    const previous = await approvedDocument();
    const manager = await asRole('pmo-manager');
    const res = await manager.post(`/pmo/documents/${previous.documentId}/versions`).send({});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: previous.title, version: '2.0', status: 'draft', approvedAt: null, nextReviewDue: null });
    const made = await stored(res.body.documentId);
    expect(made).toMatchObject({ documentType: 'communication-plan', workflowState: 'draft', reviewCycleDays: 60, link: 'https://intranet.example/comms' });
    expect(made.project.documentId).toBe(previous.project?.documentId ?? (await stored(previous.documentId)).project.documentId);
    expect(made.owner.documentId).toBe((await stored(previous.documentId)).owner.documentId);
    expect(made.previousVersion.documentId).toBe(previous.documentId);

    const old = await stored(previous.documentId);
    expect([old.status, old.workflowState, old.version]).toEqual(['superseded', 'superseded', '1.2']);
    expect(old.nextVersions.map((v: any) => v.documentId)).toEqual([res.body.documentId]);
    // Superseded through the workflow: the history says by whom and why.
    const history = await manager.get(`/pmo/history?uid=${DOCUMENT}&documentId=${previous.documentId}`);
    expect(history.body.at(-1)).toMatchObject({ transition: 'supersede', from: 'approved', to: 'superseded', comment: 'Superseded by version 2.0' });

    // Readable everywhere, with the chain of versions on either.
    const api = await withApiToken('read-only');
    expect((await api.get(`/api/documents/${previous.documentId}`)).body.data).toMatchObject({ status: 'superseded', version: '1.2' });
    const chain = [
      { documentId: previous.documentId, version: '1.2', status: 'superseded', approvedAt: '2026-01-10T10:00:00.000Z' },
      { documentId: res.body.documentId, version: '2.0', status: 'draft', approvedAt: null },
    ];
    expect(res.body.versions).toEqual(chain);
    expect((await manager.get(`/pmo/documents/${previous.documentId}/review`)).body).toMatchObject({ status: 'superseded', overdue: false, versions: chain });

    // A third version hangs off the second, once it is approved; the chain grows on every one.
    const again = await manager.post(`/pmo/documents/${previous.documentId}/versions`).send({});
    expect([again.status, again.body.error.message]).toEqual([409, 'Only an approved document gets a new version; this one is superseded: make the new version from the latest one']);
  });

  it('takes the version given, refuses one equal to the current, and asks for one when it cannot count', async () => {
    const manager = await asRole('pmo-manager');
    const named = await approvedDocument({ version: 'Issue B' });
    const missing = await manager.post(`/pmo/documents/${named.documentId}/versions`).send({});
    expect([missing.status, missing.body.error.details.errors[0]]).toEqual([400, expect.objectContaining({ path: ['version'], message: 'Give the new version: "Issue B" is not a number PMO Hub can count on from' })]);
    const same = await manager.post(`/pmo/documents/${named.documentId}/versions`).send({ version: 'Issue B' });
    expect([same.status, same.body.error.details.errors[0].path]).toEqual([400, ['version']]);
    const given = await manager.post(`/pmo/documents/${named.documentId}/versions`).send({ version: 'Issue C' });
    expect([given.status, given.body.version]).toEqual([201, 'Issue C']);
    // Nothing was made or superseded by the refusals.
    expect((await stored(named.documentId)).nextVersions).toHaveLength(1);
  });

  it('is refused for a draft, to whoever may not supersede, and to whoever may not create documents', async () => {
    const draft = await documentInState('draft', { title: 'Draft plan', documentType: 'project-plan', version: '0.1' });
    const manager = await asRole('pmo-manager');
    const refused = await manager.post(`/pmo/documents/${draft.documentId}/versions`).send({});
    expect([refused.status, refused.body.error.message]).toEqual([409, 'Only an approved document gets a new version; this one is a draft: edit it and take it through review instead']);

    const previous = await approvedDocument();
    const finance = await asRole('finance');
    const noRight = await finance.post(`/pmo/documents/${previous.documentId}/versions`).send({});
    expect([noRight.status, noRight.body.error.message]).toEqual([403, 'You may not create documents']);
    // A PMO analyst may create documents but is not among those who supersede one.
    const before = await getStrapi().db.query(DOCUMENT as never).count();
    const analyst = await asRole('pmo-analyst');
    const notActor = await analyst.post(`/pmo/documents/${previous.documentId}/versions`).send({});
    expect(notActor.status).toBe(403);
    expect(await getStrapi().db.query(DOCUMENT as never).count()).toBe(before);
    expect((await stored(previous.documentId)).status).toBe('approved');
    expect((await manager.post('/pmo/documents/nope/versions').send({})).status).toBe(404);
  });

  it('is made once of concurrent requests: one 201, the rest 409, one new document', async () => {
    const previous = await approvedDocument();
    const manager = await asRole('pmo-manager');
    const before = await getStrapi().db.query(DOCUMENT as never).count();
    const answers = await Promise.all(Array.from({ length: 10 }, () => manager.post(`/pmo/documents/${previous.documentId}/versions`).send({})));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    expect(await getStrapi().db.query(DOCUMENT as never).count()).toBe(before + 1);
    const old = await stored(previous.documentId);
    expect([old.status, old.nextVersions.length]).toEqual(['superseded', 1]);
    const applied = await getStrapi().db.query('plugin::pmo.transition-event' as never).count({
      where: { targetUid: DOCUMENT, targetDocumentId: previous.documentId, transition: 'supersede', kind: 'applied' },
    } as never);
    expect(applied).toBe(1);
  }, 60_000);
});

describe("a document's file", () => {
  it('attaches through the Content API and reads back with the document', async () => {
    const api = await withApiToken('full-access');
    const upload = await api
      .post('/api/upload')
      .attach('files', Buffer.from('%PDF-1.4\n% plan\n'), { filename: 'project-plan.pdf', contentType: 'application/pdf' });
    expect(upload.status).toBe(201);
    const file = upload.body[0];
    const doc = await documentInState('draft', { title: 'Project plan', documentType: 'project-plan' });
    const attached = await api.put(`/api/documents/${doc.documentId}`).send({ data: { file: file.id } });
    expect(attached.status).toBe(200);
    const read = await api.get(`/api/documents/${doc.documentId}?populate=file`);
    expect(read.body.data.file).toMatchObject({ name: 'project-plan.pdf', mime: 'application/pdf' });
    const admin = await asSuperAdmin();
    const cm = await admin.get(`/content-manager/collection-types/${DOCUMENT}/${doc.documentId}`);
    expect(cm.body.data.file).toMatchObject({ name: 'project-plan.pdf' });
  });
});
