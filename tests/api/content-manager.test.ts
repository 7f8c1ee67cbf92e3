/** The Content Manager shows derived fields read-only, lists with useful columns, and labels in the PMO's words. */
import { asSuperAdmin } from '../helpers/strapi';

describe('Content Manager layouts', () => {
  it.each([
    ['api::project.project', 'workflowState'],
    ['api::document.document', 'nextReviewDue'],
  ])('shows %s %s as not editable', async (uid, field) => {
    const admin = await asSuperAdmin();
    const res = await admin.get(`/content-manager/content-types/${uid}/configuration`);
    expect(res.status).toBe(200);
    expect(res.body.data.contentType.metadatas[field].edit.editable).toBe(false);
  });

  it('lists projects by code and name with their programme, manager and state', async () => {
    const admin = await asSuperAdmin();
    const res = await admin.get('/content-manager/content-types/api::project.project/configuration');
    expect(res.body.data.contentType.layouts.list).toEqual(['code', 'name', 'programme', 'manager', 'workflowState']);
    expect(res.body.data.contentType.settings.mainField).toBe('name');
  });

  it.each([
    ['api::status-report.status-report', { ragOverall: 'Overall RAG', asOf: 'As of', percentComplete: 'Complete (%)' }],
    ['api::project.project', { workflowState: 'State', startDate: 'Start date', changeBudget: 'Change budget' }],
    ['api::document.document', { nextReviewDue: 'Next review due', documentType: 'Document type' }],
  ])('labels %s fields and list columns in words, not keys', async (uid, labels) => {
    const admin = await asSuperAdmin();
    const { metadatas } = (await admin.get(`/content-manager/content-types/${uid}/configuration`)).body.data.contentType;
    for (const [field, label] of Object.entries(labels)) {
      expect([field, metadatas[field].edit.label, metadatas[field].list.label]).toEqual([field, label, label]);
    }
  });

  it('labels the project tolerances component too', async () => {
    const admin = await asSuperAdmin();
    const res = await admin.get('/content-manager/components/project.tolerances/configuration');
    expect(res.status).toBe(200);
    expect(res.body.data.component.metadatas.costPercent.edit.label).toBe('Cost tolerance (%)');
  });
});
