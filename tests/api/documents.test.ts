/** A document's next review date is derived from its review facts, whoever writes it; nobody sends it. */
import { asRole, getStrapi, withApiToken } from '../helpers/strapi';

describe('document review cycle', () => {
  it('derives nextReviewDue from the last review and the cycle, refusing a value a client sends', async () => {
    const api = await withApiToken('full-access');
    const forged = await api.post('/api/documents').send({
      data: { title: 'Risk register', documentType: 'risk-register', lastReviewedAt: '2026-01-31', nextReviewDue: '2099-01-01' },
    });
    expect(forged.status).toBe(400);
    expect(forged.body.error.message).toMatch(/^"Next review due" is derived/);

    const created = await api.post('/api/documents').send({
      data: {
        title: 'Risk register',
        documentType: 'risk-register',
        lastReviewedAt: '2026-01-31',
        reviewCycleDays: 30,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.data.nextReviewDue).toBe('2026-03-02');

    const reviewed = await api
      .put(`/api/documents/${created.body.data.documentId}`)
      .send({ data: { lastReviewedAt: '2026-03-01' } });
    expect(reviewed.body.data.nextReviewDue).toBe('2026-03-31');

    const recycled = await api
      .put(`/api/documents/${created.body.data.documentId}`)
      .send({ data: { reviewCycleDays: 10 } });
    expect(recycled.body.data.nextReviewDue).toBe('2026-03-11');

    const tampered = await api
      .put(`/api/documents/${created.body.data.documentId}`)
      .send({ data: { nextReviewDue: '2099-01-01', version: '2.0' } });
    expect(tampered.status).toBe(400);
    expect(tampered.body.error.details.errors[0].path).toEqual(['nextReviewDue']);

    const resent = await api
      .put(`/api/documents/${created.body.data.documentId}`)
      .send({ data: { nextReviewDue: '2026-03-11', version: '2.0' } });
    expect(resent.status).toBe(200);
    expect(resent.body.data).toMatchObject({ nextReviewDue: '2026-03-11', version: '2.0' });
  });

  it('derives it in the Content Manager too', async () => {
    const analyst = await asRole('pmo-analyst');
    const res = await analyst
      .post('/content-manager/collection-types/api::document.document')
      .send({ title: 'Lessons log', documentType: 'lessons-log', lastReviewedAt: '2026-02-10', reviewCycleDays: 90 });
    expect(res.status).toBe(201);
    const stored = await getStrapi().documents('api::document.document').findOne({ documentId: res.body.data.documentId });
    expect(stored!.nextReviewDue).toBe('2026-05-11');
    expect([stored!.status, stored!.workflowState]).toEqual(['draft', 'draft']);
  });
});
