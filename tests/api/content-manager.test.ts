/** The Content Manager shows derived fields read-only and lists with useful columns. */
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
});
