/**
 * Readable references `CR-<project code>-001`, numbered per project without gaps or duplicates,
 * also under concurrency; the reference, the project and the raiser hold once recorded.
 */
import { asRole, getStrapi } from '../helpers/strapi';
import { CHANGE, minor, person, project, raise, stored } from './change-control-fixtures';

const documents = () => getStrapi().documents(CHANGE as any);

describe('change request references', () => {
  it('number each project from 001', async () => {
    const first = await project();
    const second = await project();
    const a = await raise(first);
    const b = await raise(first);
    const c = await raise(second);
    expect([a.reference, b.reference, c.reference]).toEqual([`CR-${first.code}-001`, `CR-${first.code}-002`, `CR-${second.code}-001`]);
  });

  it('give 20 concurrent change requests on one project 001 to 020, without gaps or duplicates', async () => {
    const p = await project();
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => raise(p, { title: `Change ${i + 1}` })));
    const references = created.map((cr) => cr.reference).sort();
    expect(references).toEqual(Array.from({ length: 20 }, (_, i) => `CR-${p.code}-${String(i + 1).padStart(3, '0')}`));
    const storedReferences = await getStrapi()
      .db.query(CHANGE as any)
      .findMany({ where: { project: { documentId: p.documentId } }, select: ['reference'] });
    expect(storedReferences.map((row: { reference: string }) => row.reference).sort()).toEqual(references);
  });

  it('refuse a reference sent on create or changed afterwards, and pass it unchanged', async () => {
    const p = await project();
    await expect(documents().create({ data: { project: p.documentId, title: 'Mine', reference: 'CR-MINE-999' } as any })).rejects.toThrow(
      /^"Reference" is numbered by change control/
    );
    const cr = await documents().create({ data: { project: p.documentId, title: 'Mine' } as any });
    expect(cr.reference).toBe(`CR-${p.code}-001`);
    await expect(documents().update({ documentId: cr.documentId, data: { reference: 'CR-X-1' } as any })).rejects.toThrow(
      /^"Reference" is numbered by change control/
    );
    const same = await documents().update({ documentId: cr.documentId, data: { reference: cr.reference, title: 'Renamed' } as any });
    expect(same).toMatchObject({ reference: cr.reference, title: 'Renamed' });
  });

  it('need a project, which then cannot change', async () => {
    await expect(documents().create({ data: { title: 'Orphan' } as any })).rejects.toThrow(/^Choose a project: a change request belongs to one project/);
    const cr = await raise(await project());
    const other = await project();
    await expect(documents().update({ documentId: cr.documentId, data: { project: other.documentId } as any })).rejects.toThrow(
      /^The project cannot change/
    );
  });
});

describe('raising a change in the Content Manager', () => {
  it('numbers it, derives its authority and makes the person raising it its raiser', async () => {
    const pm = await asRole('project-manager');
    const raiser = await person('project-manager@test.pmo', 'Pat Raiser');
    const p = await project();
    const res = await pm.post(`/content-manager/collection-types/${CHANGE}`).send({
      title: 'Extend the pilot',
      type: 'normal',
      category: 'request-for-change',
      project: { connect: [{ documentId: p.documentId }] },
      impact: { cost: minor('1500.00'), scheduleDays: 5 },
    });
    expect(res.status).toBe(201);
    const created = await stored({ documentId: res.body.data.documentId } as any);
    expect(created).toMatchObject({ reference: `CR-${p.code}-001`, authorityLevel: 'change-board', workflowState: 'new' });
    const withRaiser = await documents().findOne({ documentId: res.body.data.documentId, populate: ['raisedBy'] } as any);
    expect(withRaiser!.raisedBy.documentId).toBe(raiser.documentId);

    const empty = await pm.post(`/content-manager/collection-types/${CHANGE}`).send({ title: 'No project' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body.error)).toContain('project');
  });
});

describe('GET /pmo/change-requests', () => {
  it('lists change requests filtered by project, state, type and age, with their reference and cost impact', async () => {
    const p = await project();
    const normal = await raise(p, { cost: '1234.50' });
    await raise(p, { type: 'emergency', cost: '10.00' });
    const reader = await asRole('change-board');
    const res = await reader.get(`/pmo/change-requests?project=${p.code}&type=normal&state=new`);
    expect(res.status).toBe(200);
    expect(res.body.pagination).toEqual({ page: 1, pageSize: 25, total: 1 });
    expect(res.body.project).toEqual({ documentId: p.documentId, code: p.code, name: p.name });
    expect(res.body.results).toEqual([
      expect.objectContaining({
        documentId: normal.documentId,
        reference: `CR-${p.code}-001`,
        type: 'normal',
        state: 'new',
        costImpact: '1234.50',
        authorityLevel: 'change-board',
        project: { documentId: p.documentId, code: p.code, name: p.name },
        ageDays: 0,
      }),
    ]);
    expect((await reader.get(`/pmo/change-requests?project=${p.documentId}&olderThanDays=3`)).body.results).toEqual([]);
    expect((await reader.get(`/pmo/change-requests?project=${p.documentId}`)).body.results).toHaveLength(2);
    for (const bad of ['olderThanDays=soon', 'type=minor', 'colour=red']) {
      const refused = await reader.get(`/pmo/change-requests?${bad}`);
      expect([bad, refused.status]).toEqual([bad, 400]);
      expect(JSON.stringify(refused.body.error)).toContain(bad.split('=')[0]);
    }
    expect((await reader.get('/pmo/change-requests/nope')).status).toBe(404);
  });
});
