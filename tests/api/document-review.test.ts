/** A document's review status and reviews, edited through PMO Hub's route (the Content Manager cannot). */
import { asRole, asSuperAdmin, getStrapi, http } from '../helpers/strapi';

const DOCUMENT = 'api::document.document';
const today = () => new Date().toISOString().slice(0, 10);

async function document() {
  return getStrapi().documents(DOCUMENT).create({
    data: { title: 'Project plan', documentType: 'project-plan', status: 'draft', reviewCycleDays: 30 } as any,
  });
}

describe('document review', () => {
  it('counts a document overdue while in force, never once superseded', async () => {
    const strapi = getStrapi();
    const lapsed = (title: string, status: string) =>
      strapi.documents(DOCUMENT).create({
        data: { title, documentType: 'risk-register', status, lastReviewedAt: '2020-01-01', reviewCycleDays: 30 } as any,
      });
    const [inForce, superseded] = [await lapsed('Risk register v2', 'approved'), await lapsed('Risk register v1', 'superseded')];
    const current = await strapi.documents(DOCUMENT).create({
      data: { title: 'Risk register v3', documentType: 'risk-register', status: 'approved', lastReviewedAt: today(), reviewCycleDays: 30 } as any,
    });
    const analyst = await asRole('pmo-analyst');

    const list = await analyst.get('/pmo/documents/overdue');
    expect([list.status, list.body.asOf]).toEqual([200, today()]);
    expect(list.body.documentIds).toContain(inForce.documentId);
    expect(list.body.documentIds).not.toContain(superseded.documentId);
    expect(list.body.documentIds).not.toContain(current.documentId);

    const review = await analyst.get(`/pmo/documents/${superseded.documentId}/review`);
    expect(review.body).toMatchObject({ status: 'superseded', nextReviewDue: '2020-01-31', overdue: false });
    expect((await analyst.get(`/pmo/documents/${inForce.documentId}/review`)).body.overdue).toBe(true);
  });

  it('lists overdue documents to whoever may read documents, and takes no query', async () => {
    expect((await (await asRole('finance')).get('/pmo/documents/overdue')).status).toBe(200);
    expect((await http().get('/pmo/documents/overdue')).status).toBe(401);
    const admin = await asSuperAdmin();
    const res = await admin.get('/pmo/documents/overdue?project=x');
    expect([res.status, res.body.error?.details?.errors?.[0]?.path]).toEqual([400, ['project']]);
  });

  it('approves a document and records a review, deriving the next review date', async () => {
    const doc = await document();
    const analyst = await asRole('pmo-analyst');
    const approved = await analyst.put(`/pmo/documents/${doc.documentId}/review`).send({ status: 'approved' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', overdue: false });
    expect(approved.body.approvedAt).toBeTruthy();

    const reviewed = await analyst.put(`/pmo/documents/${doc.documentId}/review`).send({ reviewedOn: '2020-01-01' });
    expect(reviewed.body).toMatchObject({ lastReviewedAt: '2020-01-01', nextReviewDue: '2020-01-31', overdue: true });

    // The server's "today" is one of these two (they differ only across UTC midnight).
    const before = today();
    const todayReview = await analyst.put(`/pmo/documents/${doc.documentId}/review`).send({ reviewed: true });
    expect([...new Set([before, today()])]).toContain(todayReview.body.lastReviewedAt);
    expect(todayReview.body).toMatchObject({ overdue: false });
    const stored = await getStrapi().documents(DOCUMENT).findOne({ documentId: doc.documentId });
    expect(stored).toMatchObject({ status: 'approved', lastReviewedAt: todayReview.body.lastReviewedAt });
  });

  it('refuses bad input with 400 naming the field, and changes nothing', async () => {
    const doc = await document();
    const analyst = await asRole('pmo-analyst');
    for (const [body, field, words] of [
      [{ status: 'final' }, 'status', /^The status must be one of "draft"/],
      [{ reviewedOn: '2026-02-30' }, 'reviewedOn', /^Give the review date as a real day/],
      [{ reviewed: 'yes' }, 'reviewed', /^Say whether the document was reviewed today/],
      [{ colour: 'red' }, 'colour', /^This request has no field "colour"$/],
    ] as const) {
      const res = await analyst.put(`/pmo/documents/${doc.documentId}/review`).send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: [field], message: expect.stringMatching(words) })]);
    }
    const nothing = await analyst.put(`/pmo/documents/${doc.documentId}/review`).send({ reviewed: false });
    expect([nothing.status, nothing.body.error.details.errors]).toEqual([
      400,
      [expect.objectContaining({ path: [], message: 'Nothing to change: give a status, mark it reviewed or give the review date' })],
    ]);
    expect((await getStrapi().documents(DOCUMENT).findOne({ documentId: doc.documentId }))!.status).toBe('draft');
  });

  it('lets only roles that may edit documents change them', async () => {
    const doc = await document();
    const finance = await asRole('finance');
    expect((await finance.get(`/pmo/documents/${doc.documentId}/review`)).status).toBe(200);
    const refused = await finance.put(`/pmo/documents/${doc.documentId}/review`).send({ status: 'approved' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/may not change documents/);
    // Refused before its input is looked at: a caller without the right learns nothing of it.
    expect((await finance.put(`/pmo/documents/${doc.documentId}/review`).send({ colour: 'red' })).status).toBe(403);
    expect((await finance.get('/pmo/documents/nope/review')).status).toBe(404);
  });

  it('keeps the colliding status field out of the Content Manager edit view', async () => {
    const admin = await asSuperAdmin();
    const res = await admin.get(`/content-manager/content-types/${DOCUMENT}/configuration`);
    const { metadatas, layouts } = res.body.data.contentType;
    expect(metadatas.status.edit.visible).toBe(false);
    expect(layouts.edit.flat().map((cell: { name: string }) => cell.name)).not.toContain('status');
  });
});
