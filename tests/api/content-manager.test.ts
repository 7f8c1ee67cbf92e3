/** The Content Manager shows derived fields read-only, lists with useful columns, and labels in the PMO's words. */
import { asSuperAdmin, getStrapi } from '../helpers/strapi';
import { applyContentManagerLayouts } from '../../src/plugins/pmo/server/src/content-manager/layouts';

const configurationOf = async (uid: string) =>
  (await (await asSuperAdmin()).get(`/content-manager/content-types/${uid}/configuration`)).body.data.contentType;

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

  it('shows the reporting cadence in the project edit view', async () => {
    const admin = await asSuperAdmin();
    const res = await admin.get('/content-manager/content-types/api::project.project/configuration');
    const fields = res.body.data.contentType.layouts.edit.flat().map((cell: { name: string }) => cell.name);
    expect(fields).toContain('reportingCadence');
    expect(res.body.data.contentType.metadatas.reportingCadence.edit).toMatchObject({ visible: true, editable: true });
  });

  it.each([
    ['api::status-report.status-report', { ragOverall: 'Overall RAG', asOf: 'As of', percentComplete: 'Complete (%)' }],
    ['api::project.project', { workflowState: 'State', startDate: 'Start date', changeBudget: 'Change budget', reportingCadence: 'Reporting cadence' }],
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

  it("keeps a project's cost entries out of its edit view (booked on each entry; at scale Strapi took seconds to offer them)", async () => {
    const { metadatas, layouts } = await configurationOf('api::project.project');
    expect(metadatas.costEntries.edit.visible).toBe(false);
    const shown = layouts.edit.flat().map((cell: { name: string }) => cell.name);
    expect(shown).not.toContain('costEntries');
    // The project's other relations stay where they were.
    expect(shown).toEqual(expect.arrayContaining(['programme', 'manager', 'statusReports', 'budgetLines']));
  });

  it.each([
    ['api::project.project', 'statusReports', 'label'],
    ['api::project.project', 'budgetLines', 'label'],
    ['api::project.project', 'programme', 'name'],
    ['api::status-report.status-report', 'project', 'name'],
    ['plugin::pmo.change-request', 'raisedBy', 'fullName'],
  ])('names %s %s by their %s, in the edit view and the list, never by internal id', async (uid, field, mainField) => {
    const { metadatas } = await configurationOf(uid);
    expect([field, metadatas[field].edit.mainField, metadatas[field].list.mainField]).toEqual([field, mainField, mainField]);
  });

  it('gives budget lines and status reports a main field that is not their internal id or a raw date: their title', async () => {
    expect((await configurationOf('api::budget-line.budget-line')).settings.mainField).toBe('label');
    expect((await configurationOf('api::status-report.status-report')).settings.mainField).toBe('label');
  });

  it('edits a standard\'s states and document types with PMO Hub\'s pickers, storing the same list of keys', async () => {
    const strapi = getStrapi();
    const attributes = (strapi.contentTypes as any)['api::standard.standard'].attributes;
    expect(attributes.appliesToStates).toMatchObject({ type: 'json', customField: 'plugin::pmo.lifecycle-states' });
    expect(attributes.requiredDocumentTypes).toMatchObject({ type: 'json', customField: 'plugin::pmo.document-types' });

    const admin = await asSuperAdmin();
    const created = await admin
      .post('/content-manager/collection-types/api::standard.standard')
      .send({ code: `STD-CM-${process.pid}`, title: 'Brief before initiation', version: '1.0', category: 'governance', mandatory: true, appliesToStates: ['proposed', 'initiating'], requiredDocumentTypes: ['project-brief'] });
    expect(created.status).toBe(201);
    const stored = await strapi.documents('api::standard.standard').findOne({ documentId: created.body.data.documentId });
    expect([stored?.appliesToStates, stored?.requiredDocumentTypes]).toEqual([['proposed', 'initiating'], ['project-brief']]);
  });

  it('gives a database whose layouts were applied before the fix its related items by name', async () => {
    const strapi = getStrapi();
    const service = strapi.plugin('content-manager').service('content-types') as any;
    const project = strapi.contentTypes['api::project.project' as keyof typeof strapi.contentTypes];
    const { uid: _uid, ...configuration } = await service.findConfiguration(project);
    configuration.metadatas.statusReports.edit.mainField = 'id';
    await service.updateConfiguration(project, configuration);
    const store = strapi.store({ type: 'plugin', name: 'pmo' });
    await store.set({ key: 'content-manager-layouts', value: 3 });
    expect((await configurationOf('api::project.project')).metadatas.statusReports.edit.mainField).toBe('id');

    await applyContentManagerLayouts(strapi);
    expect((await configurationOf('api::project.project')).metadatas.statusReports.edit.mainField).toBe('label');
    expect(await store.get({ key: 'content-manager-layouts' })).toBeGreaterThan(3);
  });
});
