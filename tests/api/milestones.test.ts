/**
 * Milestones (DESIGN.md, "People and planning"): the schedule variance derived on every write and
 * refused from anyone else, the baseline editable until the project passes gate 3, set from the
 * forecast at gate 3 and read-only after (a 400 naming the field), and each forecast recorded for
 * the slip trend.
 */
import { asRole, getStrapi, type Agent } from '../helpers/strapi';
import { fire, project, review, throughGates } from './governance-fixtures';

const MILESTONE = 'api::milestone.milestone';
const FORECASTS = 'plugin::pmo.milestone-forecast';
const CM = `/content-manager/collection-types/${MILESTONE}`;
const documents = (uid: string) => getStrapi().documents(uid as any) as any;

type Doc = { documentId: string } & Record<string, any>;

let manager: Agent;
beforeAll(async () => {
  manager = await asRole('pmo-manager');
});

const connect = (of: Doc) => ({ connect: [{ documentId: of.documentId }], disconnect: [] });

/** A milestone as the Content Manager creates it. */
async function create(of: Doc, data: Record<string, unknown>) {
  return manager.post(CM).send({ project: connect(of), ...data });
}

const stored = (documentId: string) => documents(MILESTONE).findOne({ documentId });

function expectRefused(res: { status: number; body: any }, field: string, message: RegExp) {
  expect([field, res.status]).toEqual([field, 400]);
  expect(res.body.error.details.errors[0].path).toEqual([field]);
  expect(res.body.error.message).toMatch(message);
}

describe('schedule variance', () => {
  it('is the forecast (or actual) minus the baseline in calendar days, on every write', async () => {
    const p = await project();
    const res = await create(p, { name: 'Design signed off', baselineDate: '2026-03-31', forecastDate: '2026-04-14' });
    expect(res.status).toBe(201);
    expect(res.body.data.varianceDays).toBe(14);
    const id = res.body.data.documentId;
    // Achieved a day early: the actual date wins over the forecast.
    const done = await manager.put(`${CM}/${id}`).send({ actualDate: '2026-03-30' });
    expect(done.status).toBe(200);
    expect((await stored(id)).varianceDays).toBe(-1);
    // No baseline: no variance.
    const open = await create(p, { name: 'Go live', forecastDate: '2026-09-01' });
    expect(open.body.data.varianceDays).toBeNull();
  });

  it('is refused when someone enters it, on the Content Manager and the Document Service, naming the field', async () => {
    const p = await project();
    const res = await create(p, { name: 'Forged', baselineDate: '2026-03-31', forecastDate: '2026-04-14', varianceDays: 0 });
    expectRefused(res, 'varianceDays', /^"Variance \(days\)" is derived by PMO Hub/);
    const made = (await create(p, { name: 'Honest', baselineDate: '2026-03-31', forecastDate: '2026-04-14' })).body.data;
    const forged = await manager.put(`${CM}/${made.documentId}`).send({ varianceDays: -30 });
    expectRefused(forged, 'varianceDays', /Variance \(days\)/);
    await expect(documents(MILESTONE).update({ documentId: made.documentId, data: { varianceDays: 3 } })).rejects.toMatchObject({
      details: { errors: [expect.objectContaining({ path: ['varianceDays'] })] },
    });
    expect((await stored(made.documentId)).varianceDays).toBe(14);
  });

  it('needs a project, named in words', async () => {
    const res = await manager.post(CM).send({ name: 'Nowhere', forecastDate: '2026-04-14' });
    expectRefused(res, 'project', /^Choose the project the milestone belongs to/);
  });
});

describe('the baseline and gate 3', () => {
  it('is editable before gate 3, set from the forecast at gate 3 where empty, and read-only after', async () => {
    const p = await project();
    const set = (await create(p, { name: 'Baselined early', baselineDate: '2026-03-01', forecastDate: '2026-03-10' })).body.data;
    const empty = (await create(p, { name: 'Forecast only', forecastDate: '2026-06-30' })).body.data;
    const none = (await create(p, { name: 'Not planned yet' })).body.data;

    // Before gate 3 the baseline moves freely.
    const moved = await manager.put(`${CM}/${set.documentId}`).send({ baselineDate: '2026-03-05' });
    expect(moved.status).toBe(200);
    expect((await stored(set.documentId)).varianceDays).toBe(5);

    await throughGates(manager, p, 3);
    expect((await documents('api::project.project').findOne({ documentId: p.documentId })).milestonesBaselinedOn).toBe(new Date().toISOString().slice(0, 10));

    // Set from the forecast where empty; a baseline set before is kept.
    expect(await stored(empty.documentId)).toMatchObject({ baselineDate: '2026-06-30', varianceDays: 0 });
    expect(await stored(set.documentId)).toMatchObject({ baselineDate: '2026-03-05', forecastDate: '2026-03-10', varianceDays: 5 });
    expect(await stored(none.documentId)).toMatchObject({ baselineDate: null });

    // Read-only after: a change is a 400 naming the field; the forecast still moves.
    const refused = await manager.put(`${CM}/${empty.documentId}`).send({ baselineDate: '2026-07-31' });
    expectRefused(refused, 'baselineDate', /^"Baseline date" was frozen when the project passed gate 3 on \d{1,2} [A-Z][a-z]{2} \d{4}; it cannot be changed/);
    const cleared = await manager.put(`${CM}/${empty.documentId}`).send({ baselineDate: null });
    expectRefused(cleared, 'baselineDate', /frozen/);
    await expect(documents(MILESTONE).update({ documentId: set.documentId, data: { baselineDate: '2026-03-10' } })).rejects.toMatchObject({
      details: { errors: [expect.objectContaining({ path: ['baselineDate'] })] },
    });
    const slipped = await manager.put(`${CM}/${empty.documentId}`).send({ baselineDate: '2026-06-30', forecastDate: '2026-07-14' });
    expect(slipped.status).toBe(200);
    expect(await stored(empty.documentId)).toMatchObject({ baselineDate: '2026-06-30', forecastDate: '2026-07-14', varianceDays: 14 });

    // A milestone added after gate 3 (or first forecast after it) takes its forecast as its baseline.
    const added = await create(p, { name: 'Added later', forecastDate: '2026-10-01' });
    expect(added.status).toBe(201);
    expect(added.body.data).toMatchObject({ baselineDate: '2026-10-01', varianceDays: 0 });
    const forged = await create(p, { name: 'Backdated', baselineDate: '2026-01-01', forecastDate: '2026-10-01' });
    expectRefused(forged, 'baselineDate', /a milestone added since takes its forecast as its baseline/);
    await manager.put(`${CM}/${none.documentId}`).send({ forecastDate: '2026-11-15' });
    expect(await stored(none.documentId)).toMatchObject({ baselineDate: '2026-11-15', varianceDays: 0 });
  });

  it('is not frozen by a gate 3 that was refused', async () => {
    const p = await project();
    const m = (await create(p, { name: 'Still planning', forecastDate: '2026-05-01' })).body.data;
    await throughGates(manager, p, 2);
    await review(p, 3, 'go');
    // No budget: gate 3 is refused, and nothing is baselined.
    expect((await fire(manager, p, 'gate-3')).status).toBe(422);
    expect(await stored(m.documentId)).toMatchObject({ baselineDate: null });
    expect((await manager.put(`${CM}/${m.documentId}`).send({ baselineDate: '2026-04-01' })).status).toBe(200);
  });
});

describe('forecast history', () => {
  it('records each forecast as it is set, with the day, and forgets them with the milestone', async () => {
    const p = await project();
    const m = (await create(p, { name: 'Tracked', forecastDate: '2026-05-01' })).body.data;
    await manager.put(`${CM}/${m.documentId}`).send({ name: 'Tracked, renamed' }); // no forecast change: nothing recorded
    await manager.put(`${CM}/${m.documentId}`).send({ forecastDate: '2026-05-20' });
    const history = async () =>
      (await getStrapi().db.query(FORECASTS as any).findMany({ where: { milestoneDocumentId: m.documentId }, orderBy: { id: 'asc' } })) as any[];
    const day = new Date().toISOString().slice(0, 10);
    expect((await history()).map((r) => [r.forecastDate, r.recordedOn])).toEqual([
      ['2026-05-01', day],
      ['2026-05-20', day],
    ]);
    expect((await manager.del(`${CM}/${m.documentId}`)).status).toBe(200);
    expect(await history()).toEqual([]);
  });

  it('is kept by PMO Hub alone: the Document Service may not write it', async () => {
    await expect(documents(FORECASTS).create({ data: { milestoneDocumentId: 'x', forecastDate: '2026-01-01', recordedOn: '2026-01-01' } })).rejects.toMatchObject({
      message: expect.stringMatching(/^"Milestone forecasts" is recorded by PMO Hub .*; it cannot be entered$/),
    });
  });
});
