/**
 * A document's review belongs to the seeded `document-review` workflow (docs/documents.md): its
 * transitions move the document, by the people they name; `status` is kept equal to the state;
 * approval starts the review cycle; a review is recorded through PMO Hub's route.
 */
import { DOCUMENT, documentInState } from '../helpers/documents';
import { asAdmin, asRole, asSuperAdmin, getStrapi, http, uniqueCode, withApiToken } from '../helpers/strapi';

const PROJECT = 'api::project.project';
const PERSON = 'api::person.person';
const today = () => new Date().toISOString().slice(0, 10);
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function person(email: string, fullName: string) {
  const existing = await getStrapi().documents(PERSON).findFirst({ filters: { email } } as any);
  return existing ?? getStrapi().documents(PERSON).create({ data: { fullName, email } as any });
}

/** A project managed by a project-manager login, and a document owned by another person who can log in. */
async function setting() {
  const tag = uniqueCode('DR').toLowerCase();
  const managerEmail = `manager.${tag}@test.pmo`;
  const ownerEmail = `owner.${tag}@test.pmo`;
  const [manager, owner] = [await person(managerEmail, 'Maya Manager'), await person(ownerEmail, 'Owen Owner')];
  const project = await getStrapi().documents(PROJECT).create({ data: { name: 'Reviewed project', code: uniqueCode('DR'), manager: manager.documentId } as any });
  const doc = await getStrapi().documents(DOCUMENT).create({
    data: { title: `Project plan ${tag}`, documentType: 'project-plan', project: project.documentId, owner: owner.documentId, reviewCycleDays: 30, version: '0.3' } as any,
  });
  return {
    doc,
    owner: await asAdmin(ownerEmail, ['project-manager']),
    manager: await asAdmin(managerEmail, ['project-manager']),
    ownerEmail,
  };
}

const fire = (agent: Awaited<ReturnType<typeof asRole>>, documentId: string, transition: string, comment?: string) =>
  agent.post('/pmo/transitions').send({ uid: DOCUMENT, documentId, transition, ...(comment ? { comment } : {}) });

async function stored(documentId: string) {
  return (await getStrapi().db.query(DOCUMENT as never).findOne({ where: { documentId } } as never)) as Record<string, any>;
}

describe('the document-review workflow', () => {
  it('is seeded once on documents, and seeding again changes nothing', async () => {
    const strapi = getStrapi();
    const rows = await strapi.db.query('plugin::pmo.workflow' as never).findMany({ where: { appliesTo: DOCUMENT } } as never);
    expect(rows.map((row: any) => row.key)).toEqual(['document-review']);
    const definition = (rows[0] as any).definition;
    expect(definition.initial).toBe('draft');
    expect(definition.states.map((s: any) => s.key)).toEqual(['draft', 'in-review', 'approved', 'superseded']);
    expect(definition.transitions.map((t: any) => `${t.key}:${t.from}>${t.to}`)).toEqual([
      'submit:draft>in-review',
      'approve:in-review>approved',
      'request-changes:in-review>draft',
      'supersede:approved>superseded',
    ]);
    await (strapi.plugin('pmo').service('documentReview') as { seed(): Promise<void> }).seed();
    const again = await strapi.db.query('plugin::pmo.workflow' as never).findMany({ where: { appliesTo: DOCUMENT } } as never);
    expect(again.map((row: any) => [row.key, row.version])).toEqual([['document-review', (rows[0] as any).version]]);
  });

  it('starts a new document in draft, with status and workflowState agreeing', async () => {
    const { doc } = await setting();
    expect([doc.status, doc.workflowState]).toEqual(['draft', 'draft']);
    const admin = await asSuperAdmin();
    const view = await admin.get(`/pmo/workflow-instances?uid=${DOCUMENT}&documentId=${doc.documentId}`);
    expect(view.body).toMatchObject({ workflow: { key: 'document-review' }, state: { key: 'draft', name: 'Draft' } });
  });

  it('is submitted by the owner and approved by the project manager, never by whoever submitted it', async () => {
    const { doc, owner, manager } = await setting();
    const finance = await asRole('finance');
    const refused = await fire(finance, doc.documentId, 'submit');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/owner|manager/i);

    const early = await fire(manager, doc.documentId, 'approve');
    expect(early.status).toBe(409);

    expect((await fire(owner, doc.documentId, 'submit')).body).toMatchObject({ state: 'in-review' });
    expect(await stored(doc.documentId)).toMatchObject({ status: 'in-review', workflowState: 'in-review', approvedAt: null });

    // The owner submitted it: the owner may not approve it, even as a PMO manager would.
    const own = await fire(owner, doc.documentId, 'approve');
    expect(own.status).toBe(403);

    const noComment = await fire(manager, doc.documentId, 'request-changes');
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.details.errors[0].path).toEqual(['comment']);
    expect((await fire(manager, doc.documentId, 'request-changes', 'Add the resource plan')).body).toMatchObject({ state: 'draft' });
    expect((await stored(doc.documentId)).status).toBe('draft');

    expect((await fire(owner, doc.documentId, 'submit')).status).toBe(200);
    const approved = await fire(manager, doc.documentId, 'approve');
    expect([approved.status, approved.body.state]).toEqual([200, 'approved']);
    const after = await stored(doc.documentId);
    expect([after.status, after.workflowState]).toEqual(['approved', 'approved']);
    expect(Date.now() - new Date(after.approvedAt).getTime()).toBeLessThan(60_000);
    const approvedOn = new Date(after.approvedAt).toISOString().slice(0, 10);
    expect(String(after.nextReviewDue).slice(0, 10)).toBe(addDays(approvedOn, 30));

    const review = await manager.get(`/pmo/documents/${doc.documentId}/review`);
    expect(review.body).toMatchObject({ status: 'approved', version: '0.3', overdue: false, nextReviewDue: addDays(approvedOn, 30) });
  });

  it('lets a PMO manager approve, and a PMO analyst neither submit nor approve', async () => {
    const { doc, owner } = await setting();
    expect((await fire(await asRole('pmo-analyst'), doc.documentId, 'submit')).status).toBe(403);
    await fire(owner, doc.documentId, 'submit');
    expect((await fire(await asRole('pmo-analyst'), doc.documentId, 'approve')).status).toBe(403);
    expect((await fire(await asRole('pmo-manager'), doc.documentId, 'approve')).body).toMatchObject({ state: 'approved' });
  });

  it('refuses a direct change of the status or the approval, on every path, naming the field', async () => {
    const { doc } = await setting();
    const api = await withApiToken('full-access');
    const put = await api.put(`/api/documents/${doc.documentId}`).send({ data: { status: 'approved' } });
    expect(put.status).toBe(400);
    expect(put.body.error.details.errors[0]).toMatchObject({ path: ['status'], message: expect.stringMatching(/^"Status" is set by the document review workflow/) });
    const created = await api.post('/api/documents').send({ data: { title: 'Forged', documentType: 'other', status: 'approved' } });
    expect([created.status, created.body.error?.details?.errors?.[0]?.path]).toEqual([400, ['status']]);
    const approval = await api.put(`/api/documents/${doc.documentId}`).send({ data: { approvedAt: '2026-01-01T00:00:00.000Z' } });
    expect([approval.status, approval.body.error?.details?.errors?.[0]?.path]).toEqual([400, ['approvedAt']]);
    const cm = await (await asSuperAdmin())
      .put(`/content-manager/collection-types/${DOCUMENT}/${doc.documentId}`)
      .send({ title: doc.title, workflowState: 'approved' });
    expect(cm.status).toBe(400);
    expect(await stored(doc.documentId)).toMatchObject({ status: 'draft', workflowState: 'draft' });
  });

  it('gives an older document an instance in the state its status says, not draft', async () => {
    const strapi = getStrapi();
    const title = `Legacy plan ${uniqueCode('L')}`;
    // As a database from before the workflow holds it: a status, no state.
    const row = await strapi.db.query(DOCUMENT as never).create({ data: { title, documentType: 'project-plan', status: 'approved', reviewCycleDays: 30 } } as never);
    await strapi.db.connection(strapi.db.metadata.get(DOCUMENT).tableName).where({ id: (row as any).id }).update({ workflow_state: null });
    await (strapi.plugin('pmo').service('documentReview') as { seed(): Promise<void> }).seed();
    const admin = await asSuperAdmin();
    const view = await admin.get(`/pmo/workflow-instances?uid=${DOCUMENT}&documentId=${(row as any).documentId}`);
    expect(view.body.state).toMatchObject({ key: 'approved' });
    expect(await stored((row as any).documentId)).toMatchObject({ status: 'approved', workflowState: 'approved' });
  });
});

describe('recording a review', () => {
  it('restarts the cycle of an approved document, and refuses one not approved', async () => {
    const draft = await documentInState('draft', { title: 'Risk register', documentType: 'risk-register', reviewCycleDays: 30 });
    const analyst = await asRole('pmo-analyst');
    const refused = await analyst.put(`/pmo/documents/${draft.documentId}/review`).send({ reviewed: true });
    expect([refused.status, refused.body.error.message]).toEqual([409, 'Only an approved document is reviewed on its cycle; this one is a draft']);

    const doc = await documentInState('approved', { title: 'Risk register', documentType: 'risk-register', reviewCycleDays: 30, approvedAt: '2019-12-01T10:00:00.000Z' });
    expect((await analyst.get(`/pmo/documents/${doc.documentId}/review`)).body).toMatchObject({ nextReviewDue: '2019-12-31', overdue: true });
    const reviewed = await analyst.put(`/pmo/documents/${doc.documentId}/review`).send({ reviewedOn: '2020-01-01' });
    expect(reviewed.body).toMatchObject({ status: 'approved', lastReviewedAt: '2020-01-01', nextReviewDue: '2020-01-31', overdue: true });
    const before = today();
    const todayReview = await analyst.put(`/pmo/documents/${doc.documentId}/review`).send({ reviewed: true });
    expect([...new Set([before, today()])]).toContain(todayReview.body.lastReviewedAt);
    expect(todayReview.body).toMatchObject({ overdue: false, status: 'approved' });
  });

  it('counts a document overdue while in force, never once superseded', async () => {
    const lapsed = (title: string, state: 'approved' | 'superseded') =>
      documentInState(state, { title, documentType: 'risk-register', lastReviewedAt: '2020-01-01', reviewCycleDays: 30, approvedAt: '2019-06-01T10:00:00.000Z' });
    const [inForce, superseded] = [await lapsed('Risk register v2', 'approved'), await lapsed('Risk register v1', 'superseded')];
    const current = await documentInState('approved', { title: 'Risk register v3', documentType: 'risk-register', lastReviewedAt: today(), reviewCycleDays: 30 });
    const analyst = await asRole('pmo-analyst');
    const list = await analyst.get('/pmo/documents/overdue');
    expect([list.status, list.body.asOf]).toEqual([200, today()]);
    expect(list.body.documentIds).toContain(inForce.documentId);
    expect(list.body.documentIds).not.toContain(superseded.documentId);
    expect(list.body.documentIds).not.toContain(current.documentId);
    const review = await analyst.get(`/pmo/documents/${superseded.documentId}/review`);
    expect(review.body).toMatchObject({ status: 'superseded', nextReviewDue: '2020-01-31', overdue: false });
  });

  it('pages the overdue documents in the database, longest overdue first, and answers for a list page\'s documentIds', async () => {
    const lapsed = (title: string, lastReviewedAt: string) =>
      documentInState('approved', { title, documentType: 'risk-register', lastReviewedAt, reviewCycleDays: 30, approvedAt: '2017-06-01T10:00:00.000Z' });
    const docs = [await lapsed('Paged A', '2018-03-01'), await lapsed('Paged B', '2018-01-01'), await lapsed('Paged C', '2018-02-01')];
    const current = await documentInState('approved', { title: 'Paged current', documentType: 'risk-register', lastReviewedAt: today(), reviewCycleDays: 30 });
    const analyst = await asRole('pmo-analyst');
    const ids = [...docs, current].map((doc) => doc.documentId).join(',');
    const first = await analyst.get(`/pmo/documents/overdue?documentIds=${ids}&pageSize=2`);
    expect(first.status).toBe(200);
    expect(first.body.pagination).toEqual({ page: 1, pageSize: 2, total: 3 });
    expect(first.body.documentIds).toEqual([docs[1].documentId, docs[2].documentId]);
    const second = await analyst.get(`/pmo/documents/overdue?documentIds=${ids}&pageSize=2&page=2`);
    expect([second.body.documentIds, second.body.pagination]).toEqual([[docs[0].documentId], { page: 2, pageSize: 2, total: 3 }]);
    const all = await analyst.get('/pmo/documents/overdue');
    expect(all.body.pagination).toMatchObject({ page: 1, pageSize: 100 });
    expect(all.body.pagination.total).toBeGreaterThanOrEqual(3);
    for (const [query, field] of [
      ['pageSize=101', 'pageSize'],
      ['page=0', 'page'],
      [`documentIds=${Array.from({ length: 101 }, (_, i) => `d${i}`).join(',')}`, 'documentIds'],
      ['documentIds=,', 'documentIds'],
    ] as const) {
      const bad = await analyst.get(`/pmo/documents/overdue?${query}`);
      expect([bad.status, bad.body.error.details.errors[0].path]).toEqual([400, [field]]);
      expect(bad.body.error.details.errors[0].message).toMatch(new RegExp(field === 'documentIds' ? 'documents' : field === 'page' ? 'page' : 'page size|pageSize', 'i'));
    }
  });

  it('refuses bad input with 400 naming the field, a status among it in words', async () => {
    const doc = await documentInState('approved', { title: 'Project plan', documentType: 'project-plan', reviewCycleDays: 30 });
    const analyst = await asRole('pmo-analyst');
    for (const [body, field, words] of [
      [{ status: 'approved' }, 'status', /^The status changes only through the document review workflow/],
      [{ reviewedOn: '2026-02-30' }, 'reviewedOn', /^Give the review date as a real day/],
      [{ reviewed: 'yes' }, 'reviewed', /^Say whether the document was reviewed today/],
      [{ colour: 'red' }, 'colour', /^This request has no field "colour"$/],
    ] as const) {
      const res = await analyst.put(`/pmo/documents/${doc.documentId}/review`).send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: [field], message: expect.stringMatching(words) })]);
    }
    const nothing = await analyst.put(`/pmo/documents/${doc.documentId}/review`).send({ reviewed: false });
    expect([nothing.status, nothing.body.error.details.errors[0].message]).toEqual([400, 'Nothing to change: mark it reviewed or give the review date']);
  });

  it('lets only roles that may edit documents record a review, and lists overdue ones to readers', async () => {
    const doc = await documentInState('approved', { title: 'Project plan', documentType: 'project-plan', reviewCycleDays: 30 });
    const finance = await asRole('finance');
    expect((await finance.get(`/pmo/documents/${doc.documentId}/review`)).status).toBe(200);
    const refused = await finance.put(`/pmo/documents/${doc.documentId}/review`).send({ reviewed: true });
    expect([refused.status, refused.body.error.message]).toEqual([403, 'You may not change documents']);
    expect((await finance.put(`/pmo/documents/${doc.documentId}/review`).send({ colour: 'red' })).status).toBe(403);
    expect((await finance.get('/pmo/documents/nope/review')).status).toBe(404);
    expect((await finance.get('/pmo/documents/overdue')).status).toBe(200);
    expect((await http().get('/pmo/documents/overdue')).status).toBe(401);
    const bad = await (await asSuperAdmin()).get('/pmo/documents/overdue?project=x');
    expect([bad.status, bad.body.error?.details?.errors?.[0]?.path]).toEqual([400, ['project']]);
  });

  it('keeps the colliding status field out of the Content Manager edit view', async () => {
    const res = await (await asSuperAdmin()).get(`/content-manager/content-types/${DOCUMENT}/configuration`);
    const { metadatas, layouts } = res.body.data.contentType;
    expect(metadatas.status.edit.visible).toBe(false);
    expect(layouts.edit.flat().map((cell: { name: string }) => cell.name)).not.toContain('status');
    expect(metadatas.approvedAt.edit.editable).toBe(false);
  });
});

