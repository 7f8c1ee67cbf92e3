/**
 * Every app content type over the Content API with an API token: create, read, update, delete,
 * with relations in both directions.
 */
import { getStrapi, uniqueCode, withApiToken, type Agent } from '../helpers/strapi';
import { putInState } from '../helpers/workflow-state';

let api: Agent;
const ids: Record<string, string> = {};

beforeAll(async () => {
  api = await withApiToken('full-access');
});

/** Standards and templates are published once approved (their workflows): created as drafts, approved, then published. */
const APPROVED_BEFORE_PUBLISHING: Record<string, string> = { standards: 'api::standard.standard', templates: 'api::template.template' };

async function create(plural: string, data: Record<string, unknown>) {
  const uid = APPROVED_BEFORE_PUBLISHING[plural];
  if (uid) {
    const draft = await api.post(`/api/${plural}?status=draft`).send({ data });
    if (draft.status !== 201) throw new Error(`create ${plural}: ${draft.status} ${draft.text}`);
    await putInState(getStrapi(), uid, draft.body.data.documentId, 'approved');
    const published = await api.put(`/api/${plural}/${draft.body.data.documentId}`).send({ data: {} });
    if (published.status !== 200) throw new Error(`publish ${plural}: ${published.status} ${published.text}`);
    return published.body.data as Record<string, any>;
  }
  const res = await api.post(`/api/${plural}`).send({ data });
  if (res.status !== 201) throw new Error(`create ${plural}: ${res.status} ${res.text}`);
  return res.body.data as Record<string, any>;
}

describe('the content model over the Content API', () => {
  it('creates a portfolio, programme and project linked in both directions', async () => {
    const manager = await create('people', {
      fullName: 'Ada Manager',
      email: `${uniqueCode('ada').toLowerCase()}@example.org`,
      pmoRole: 'project-manager',
    });
    ids.manager = manager.documentId;
    const portfolio = await create('portfolios', { name: 'Digital', code: uniqueCode('PF') });
    const programme = await create('programmes', {
      name: 'Customer channels',
      code: uniqueCode('PG'),
      portfolio: portfolio.documentId,
      manager: manager.documentId,
    });
    const project = await create('projects', {
      name: 'Customer portal',
      code: uniqueCode('PR'),
      programme: programme.documentId,
      manager: manager.documentId,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      tolerances: { costPercent: 10, scheduleDays: 14 },
      changeBudget: '5000000',
    });
    Object.assign(ids, {
      portfolio: portfolio.documentId,
      programme: programme.documentId,
      project: project.documentId,
    });

    const fromPortfolio = await api.get(
      `/api/portfolios/${portfolio.documentId}?populate[programmes][populate]=projects`
    );
    expect(fromPortfolio.status).toBe(200);
    expect(fromPortfolio.body.data.programmes[0].projects[0].documentId).toBe(project.documentId);

    const fromPerson = await api.get(
      `/api/people/${manager.documentId}?populate[0]=managedProjects&populate[1]=managedProgrammes`
    );
    expect(fromPerson.body.data.managedProjects.map((p: any) => p.documentId)).toEqual([project.documentId]);
    expect(fromPerson.body.data.managedProgrammes.map((p: any) => p.documentId)).toEqual([programme.documentId]);

    const read = await api.get(`/api/projects/${project.documentId}?populate=tolerances`);
    expect(read.body.data).toMatchObject({
      name: 'Customer portal',
      changeBudget: '5000000',
      tolerances: { costPercent: 10, scheduleDays: 14 },
    });
  });

  const cases: Array<{
    plural: string;
    data: () => Record<string, unknown>;
    update: Record<string, unknown>;
    back?: { plural: string; field: string; id: () => string };
  }> = [
    {
      plural: 'departments',
      data: () => ({ name: uniqueCode('Finance dept'), leader: ids.manager }),
      update: { name: uniqueCode('Group finance') },
      back: { plural: 'people', field: 'ledDepartments', id: () => ids.manager },
    },
    {
      plural: 'allocations',
      data: () => ({ person: ids.manager, project: ids.project, percent: 50, role: 'Project manager' }),
      update: { percent: 80 },
      back: { plural: 'projects', field: 'allocations', id: () => ids.project },
    },
    {
      plural: 'status-reports',
      data: () => ({
        project: ids.project,
        asOf: '2026-03-31',
        percentComplete: 25,
        ragOverall: 'amber',
        ragSchedule: 'green',
        ragCost: 'amber',
        ragScope: 'green',
        summary: 'Design signed off; build started late.',
      }),
      update: { percentComplete: 30, ragOverall: 'green' },
      back: { plural: 'projects', field: 'statusReports', id: () => ids.project },
    },
    {
      plural: 'budget-lines',
      data: () => ({ project: ids.project, period: '2026-03-01', category: 'labour', amount: '1250000' }),
      update: { amount: '1300050', note: 'rate card 2026' },
      back: { plural: 'projects', field: 'budgetLines', id: () => ids.project },
    },
    {
      plural: 'cost-entries',
      data: () => ({
        project: ids.project,
        date: '2026-03-15',
        category: 'labour',
        amount: '420099',
        supplier: 'Acme, "Consulting" Ltd',
        reference: 'INV-1001',
      }),
      update: { amount: '-5000', reference: 'CN-1001' },
      back: { plural: 'projects', field: 'costEntries', id: () => ids.project },
    },
    {
      plural: 'documents',
      data: () => ({
        title: 'Business case',
        documentType: 'business-case',
        project: ids.project,
        owner: ids.manager,
        lastReviewedAt: '2026-01-10',
        reviewCycleDays: 30,
      }),
      update: { version: '1.1' },
      back: { plural: 'people', field: 'ownedDocuments', id: () => ids.manager },
    },
    {
      plural: 'standards',
      data: () => ({
        code: uniqueCode('STD'),
        title: 'Business case standard',
        version: '2.0',
        category: 'governance',
        mandatory: true,
        appliesToStates: ['initiating'],
        requiredDocumentTypes: ['business-case'],
        checklist: [{ text: 'Options appraised', mustMeet: true }],
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Every project has a business case.' }] }],
      }),
      update: { version: '2.1' },
    },
    {
      plural: 'templates',
      data: () => ({ title: 'Business case template', documentType: 'business-case', version: '1.0' }),
      update: { version: '1.2' },
    },
  ];

  it.each(cases)('creates, reads, updates and deletes $plural', async ({ plural, data, update, back }) => {
    const created = await create(plural, data());
    const read = await api.get(`/api/${plural}/${created.documentId}`);
    expect(read.status).toBe(200);
    expect(read.body.data.documentId).toBe(created.documentId);

    if (back) {
      const owner = await api.get(`/api/${back.plural}/${back.id()}?populate[0]=${back.field}`);
      expect(owner.body.data[back.field].map((item: any) => item.documentId)).toContain(created.documentId);
    }

    const updated = await api.put(`/api/${plural}/${created.documentId}`).send({ data: update });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject(update);

    const removed = await api.del(`/api/${plural}/${created.documentId}`);
    expect(removed.status).toBe(204);
    expect((await api.get(`/api/${plural}/${created.documentId}`)).status).toBe(404);
  });

  it('publishes standards and templates (draft & publish)', async () => {
    const draft = await api
      .post('/api/standards?status=draft')
      .send({ data: { code: uniqueCode('STD'), title: 'Risk standard', category: 'risk', mandatory: false } });
    expect(draft.status).toBe(201);
    const publicView = await api.get(`/api/standards/${draft.body.data.documentId}`);
    expect(publicView.status).toBe(404);
    // Not before a PMO director approves it (standard-approval): 422, then published once approved.
    const early = await api.put(`/api/standards/${draft.body.data.documentId}?status=published`).send({ data: { title: 'Too early' } });
    expect([early.status, early.body.error?.message]).toEqual([422, 'This standard can be published only when it is “Approved”; it is “Draft”']);
    await putInState(getStrapi(), 'api::standard.standard', draft.body.data.documentId, 'approved');
    const published = await api
      .put(`/api/standards/${draft.body.data.documentId}?status=published`)
      .send({ data: { title: 'Risk management standard' } });
    expect(published.status).toBe(200);
    expect((await api.get(`/api/standards/${draft.body.data.documentId}`)).body.data.title).toBe(
      'Risk management standard'
    );
  });

  it('updates and deletes the portfolio, programme, project and person', async () => {
    for (const [plural, id, update] of [
      ['projects', ids.project, { description: 'Self-service for customers' }],
      ['programmes', ids.programme, { description: 'All customer-facing channels' }],
      ['portfolios', ids.portfolio, { description: 'Digital transformation' }],
      ['people', ids.manager, { jobTitle: 'Senior project manager' }],
    ] as const) {
      const updated = await api.put(`/api/${plural}/${id}`).send({ data: update });
      expect(updated.status).toBe(200);
      expect(updated.body.data).toMatchObject(update);
      expect((await api.del(`/api/${plural}/${id}`)).status).toBe(204);
      expect((await api.get(`/api/${plural}/${id}`)).status).toBe(404);
    }
    expect(await getStrapi().documents('api::project.project').findOne({ documentId: ids.project })).toBeNull();
  });
});
