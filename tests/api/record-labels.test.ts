/**
 * Status reports and budget lines are named by a title the server writes (`label`, see
 * shared/record-labels.ts): "ERP-01 status report, 31 Mar 2026", "ERP-01 Management reserve,
 * Mar 2026", never a raw ISO date. It is right after every write path, follows the project's
 * code, is set again at start where missing or stale, cannot be written by anyone else, and is
 * the main field the Content Manager names both types by.
 */
import { asRole, asSuperAdmin, getStrapi, uniqueCode, withApiToken } from '../helpers/strapi';
import { backfillRecordLabels } from '../../src/plugins/pmo/server/src/content-manager/record-labels';
import { alignProtectedFields } from '../../src/plugins/pmo/server/src/roles/protected-permissions';

const REPORT = 'api::status-report.status-report';
const LINE = 'api::budget-line.budget-line';
const PROJECT = 'api::project.project';
const CM = (uid: string) => `/content-manager/collection-types/${uid}`;

const documents = (uid: string) => getStrapi().documents(uid as any) as any;
const labelOf = async (uid: string, documentId: string) =>
  ((await getStrapi().db.query(uid as any).findOne({ where: { documentId }, select: ['label'] })) as { label: string | null }).label;

const project = async (prefix = 'ERP') => {
  const code = uniqueCode(prefix);
  return (await documents(PROJECT).create({ data: { name: `Labels ${code}`, code } })) as { documentId: string; code: string; id: number };
};

describe('the title of a status report', () => {
  it('is set when it is created in the Content Manager, and shown in its answer', async () => {
    const p = await project();
    const admin = await asSuperAdmin();
    const res = await admin.post(CM(REPORT)).send({
      project: { connect: [{ documentId: p.documentId }], disconnect: [] },
      asOf: '2026-03-31',
      percentComplete: 40,
      ragOverall: 'amber',
    });
    expect([res.status, res.status === 201 ? '' : res.text]).toEqual([201, '']);
    expect(res.body.data.label).toBe(`${p.code} status report, 31 Mar 2026`);
    expect(await labelOf(REPORT, res.body.data.documentId)).toBe(`${p.code} status report, 31 Mar 2026`);
  });

  it('is set when it is created through the Document Service and the Content API, with or without a project', async () => {
    const p = await project();
    const created = await documents(REPORT).create({ data: { project: p.documentId, asOf: '2026-12-02', percentComplete: 5 } });
    expect(created.label).toBe(`${p.code} status report, 2 Dec 2026`);
    expect(await labelOf(REPORT, created.documentId)).toBe(`${p.code} status report, 2 Dec 2026`);

    const alone = await documents(REPORT).create({ data: { asOf: '2026-01-05', percentComplete: 0 } });
    expect(await labelOf(REPORT, alone.documentId)).toBe('Status report, 5 Jan 2026');

    const api = await withApiToken('full-access');
    const viaApi = await api.post('/api/status-reports').send({ data: { project: p.documentId, asOf: '2026-06-30', percentComplete: 50 } });
    expect(viaApi.status).toBe(201);
    expect(viaApi.body.data.label).toBe(`${p.code} status report, 30 Jun 2026`);
  });

  it('follows its as-of date and its project, whichever path changes them', async () => {
    const p = await project();
    const other = await project('CRM');
    const report = await documents(REPORT).create({ data: { project: p.documentId, asOf: '2026-03-31', percentComplete: 10 } });

    const admin = await asSuperAdmin();
    const moved = await admin.put(`${CM(REPORT)}/${report.documentId}`).send({ asOf: '2026-04-30', label: `${p.code} status report, 31 Mar 2026` });
    expect([moved.status, moved.status === 200 ? '' : moved.text]).toEqual([200, '']);
    expect(moved.body.data.label).toBe(`${p.code} status report, 30 Apr 2026`);
    expect(await labelOf(REPORT, report.documentId)).toBe(`${p.code} status report, 30 Apr 2026`);

    await documents(REPORT).update({ documentId: report.documentId, data: { project: other.documentId } });
    expect(await labelOf(REPORT, report.documentId)).toBe(`${other.code} status report, 30 Apr 2026`);

    await documents(REPORT).update({ documentId: report.documentId, data: { project: null } });
    expect(await labelOf(REPORT, report.documentId)).toBe('Status report, 30 Apr 2026');
  });

  it('is set on a clone from its own date and project', async () => {
    const p = await project();
    const report = await documents(REPORT).create({ data: { project: p.documentId, asOf: '2026-03-31', percentComplete: 10 } });
    const clone = await documents(REPORT).clone({ documentId: report.documentId, data: { asOf: '2026-05-31' } });
    expect(await labelOf(REPORT, clone.documentId)).toBe(`${p.code} status report, 31 May 2026`);
  });
});

describe('the title of a budget line', () => {
  it('is set on create and follows its period and category', async () => {
    const p = await project();
    const line = await documents(LINE).create({ data: { project: p.documentId, period: '2026-03-01', category: 'management-reserve', amount: '500000' } });
    expect(line.label).toBe(`${p.code} Management reserve, Mar 2026`);
    expect(await labelOf(LINE, line.documentId)).toBe(`${p.code} Management reserve, Mar 2026`);

    await documents(LINE).update({ documentId: line.documentId, data: { period: '2026-04-01' } });
    expect(await labelOf(LINE, line.documentId)).toBe(`${p.code} Management reserve, Apr 2026`);

    const finance = await asRole('finance');
    const res = await finance.put(`${CM(LINE)}/${line.documentId}`).send({ category: 'labour', note: 'Re-planned' });
    expect([res.status, res.status === 200 ? '' : res.text]).toEqual([200, '']);
    expect(res.body.data.label).toBe(`${p.code} Labour, Apr 2026`);
    expect(await labelOf(LINE, line.documentId)).toBe(`${p.code} Labour, Apr 2026`);
  });

  it('is set when finance creates one in the Content Manager', async () => {
    const p = await project();
    const finance = await asRole('finance');
    const res = await finance.post(CM(LINE)).send({
      project: { connect: [{ documentId: p.documentId }], disconnect: [] },
      period: '2026-09-01',
      category: 'capex',
      amount: '123450',
    });
    expect([res.status, res.status === 201 ? '' : res.text]).toEqual([201, '']);
    expect(res.body.data.label).toBe(`${p.code} Capex, Sep 2026`);
  });
});

describe("a project's code", () => {
  it('renames its status reports and budget lines when it changes, and no other project\'s', async () => {
    const p = await project();
    const bystander = await project('BYS');
    const report = await documents(REPORT).create({ data: { project: p.documentId, asOf: '2026-03-31', percentComplete: 10 } });
    const line = await documents(LINE).create({ data: { project: p.documentId, period: '2026-03-01', category: 'opex', amount: '100' } });
    const untouched = await documents(REPORT).create({ data: { project: bystander.documentId, asOf: '2026-03-31', percentComplete: 10 } });
    const updatedAt = async () => new Date((await getStrapi().db.query(REPORT as any).findOne({ where: { documentId: report.documentId } })).updatedAt).getTime();
    const lastEdited = await updatedAt();

    const renamed = uniqueCode('ERP2');
    const admin = await asSuperAdmin();
    const res = await admin.put(`${CM(PROJECT)}/${p.documentId}`).send({ name: 'Renamed project', code: renamed });
    expect([res.status, res.status === 200 ? '' : res.text]).toEqual([200, '']);
    expect(await labelOf(REPORT, report.documentId)).toBe(`${renamed} status report, 31 Mar 2026`);
    expect(await labelOf(LINE, line.documentId)).toBe(`${renamed} Opex, Mar 2026`);
    expect(await labelOf(REPORT, untouched.documentId)).toBe(`${bystander.code} status report, 31 Mar 2026`);
    // The report itself did not change: its last edit stays the one its author made.
    expect(await updatedAt()).toBe(lastEdited);

    const again = uniqueCode('ERP3');
    await documents(PROJECT).update({ documentId: p.documentId, data: { code: again } });
    expect(await labelOf(REPORT, report.documentId)).toBe(`${again} status report, 31 Mar 2026`);
    expect(await labelOf(LINE, line.documentId)).toBe(`${again} Opex, Mar 2026`);
  });

  it('leaves the titles of its reports and lines when it is deleted, and names those moved to it from the project side', async () => {
    const p = await project();
    const other = await project('CRM');
    const report = await documents(REPORT).create({ data: { project: other.documentId, asOf: '2026-03-31', percentComplete: 10 } });
    const line = await documents(LINE).create({ data: { project: p.documentId, period: '2026-03-01', category: 'change', amount: '100' } });

    await documents(PROJECT).update({ documentId: p.documentId, data: { statusReports: { connect: [{ documentId: report.documentId }] } } });
    expect(await labelOf(REPORT, report.documentId)).toBe(`${p.code} status report, 31 Mar 2026`);

    await documents(PROJECT).delete({ documentId: p.documentId });
    expect(await labelOf(REPORT, report.documentId)).toBe('Status report, 31 Mar 2026');
    expect(await labelOf(LINE, line.documentId)).toBe('Change, Mar 2026');
  });
});

describe('titles missing in the database', () => {
  it('are set again by the start-up step, once: running it again changes nothing', async () => {
    const p = await project();
    const report = await documents(REPORT).create({ data: { project: p.documentId, asOf: '2026-03-31', percentComplete: 10 } });
    const line = await documents(LINE).create({ data: { project: p.documentId, period: '2026-02-01', category: 'contingency', amount: '100' } });
    await getStrapi().db.query(REPORT as any).update({ where: { documentId: report.documentId }, data: { label: null } });
    await getStrapi().db.query(LINE as any).update({ where: { documentId: line.documentId }, data: { label: '' } });
    expect(await labelOf(REPORT, report.documentId)).toBeNull();

    const changed = await backfillRecordLabels(getStrapi());
    expect(changed[REPORT]).toBeGreaterThanOrEqual(1);
    expect(changed[LINE]).toBeGreaterThanOrEqual(1);
    expect(await labelOf(REPORT, report.documentId)).toBe(`${p.code} status report, 31 Mar 2026`);
    expect(await labelOf(LINE, line.documentId)).toBe(`${p.code} Contingency, Feb 2026`);

    expect(await backfillRecordLabels(getStrapi())).toEqual({ [REPORT]: 0, [LINE]: 0 });
  });

  it('are set for a whole table from before labels, in chunks, and none is left out', async () => {
    const knex = getStrapi().db.connection;
    const table = (getStrapi().db.metadata.get(LINE as any) as { tableName: string }).tableName;
    const model = await documents(LINE).create({ data: { period: '2025-07-01', category: 'labour', amount: '100' } });
    const { id: _id, ...row } = await knex(table).where('document_id', model.documentId).first();
    // 1,201 lines written with SQL and no title: more than two chunks of the start-up step.
    const tag = `bulk${process.pid}x${Date.now()}`;
    const rows = Array.from({ length: 1200 }, (_, i) => ({ ...row, document_id: `${tag}${i}`, label: null }));
    for (let start = 0; start < rows.length; start += 100) await knex(table).insert(rows.slice(start, start + 100));
    await knex(table).where('document_id', model.documentId).update({ label: null });
    const ours = () => knex(table).where('document_id', 'like', `${tag}%`).orWhere('document_id', model.documentId);

    const changed = await backfillRecordLabels(getStrapi());
    expect(changed[LINE]).toBeGreaterThanOrEqual(1201);
    const labels = (await ours().select('label')).map((found: { label: string | null }) => found.label);
    expect(labels).toHaveLength(1201);
    expect(new Set(labels)).toEqual(new Set(['Labour, Jul 2025']));
    await ours().del();
  });

  it('cost a second start one small read per type and no write: no table is read whole', async () => {
    await backfillRecordLabels(getStrapi());
    const p = await project();
    const report = await documents(REPORT).create({ data: { project: p.documentId, asOf: '2026-05-31', percentComplete: 10 } });
    const before = await getStrapi().db.query(REPORT as any).findOne({ where: { documentId: report.documentId }, select: ['label', 'updatedAt'] });

    const sql: string[] = [];
    const listen = (query: { sql: string }) => sql.push(query.sql.toLowerCase());
    getStrapi().db.connection.on('query', listen);
    try {
      expect(await backfillRecordLabels(getStrapi())).toEqual({ [REPORT]: 0, [LINE]: 0 });
    } finally {
      getStrapi().db.connection.off('query', listen);
    }
    // One read of each labelled table, only of rows with no title and at most one chunk long
    // (other reads seen here are the create's own afterwards, e.g. its webhook's).
    const tables = [REPORT, LINE].map((uid) => (getStrapi().db.metadata.get(uid as any) as { tableName: string }).tableName);
    const reads = sql.filter((text) => text.startsWith('select') && tables.some((table) => new RegExp(`from [\`"]?${table}[\`"]? `).test(text)));
    expect(reads).toHaveLength(2);
    for (const text of reads) expect([text.includes('is null'), text.includes('limit')]).toEqual([true, true]);
    expect(sql.filter((text) => /^(update|insert|delete)/.test(text))).toEqual([]);
    expect(await getStrapi().db.query(REPORT as any).findOne({ where: { documentId: report.documentId }, select: ['label', 'updatedAt'] })).toEqual(before);
  });
});

describe('a title written by a person or a client', () => {
  const FORGED = 'Looks fine, honest';

  function expectRefused(res: { status: number; body: any; text: string }) {
    expect([res.status, res.status === 400 ? '' : res.text]).toEqual([400, '']);
    expect(res.body.error.message).toBe('"Title" is set by PMO Hub from the project and date; it cannot be entered');
    expect(res.body.error.details.errors[0].path).toEqual(['label']);
  }

  it('is refused with a 400 naming it, for a PMO role in the Content Manager, and nothing changes', async () => {
    const p = await project();
    const report = await documents(REPORT).create({ data: { project: p.documentId, asOf: '2026-03-31', percentComplete: 10 } });
    const analyst = await asRole('pmo-analyst');

    const before = await getStrapi().db.query(REPORT as any).count();
    expectRefused(
      await analyst.post(CM(REPORT)).send({ project: { connect: [{ documentId: p.documentId }] }, asOf: '2026-04-30', percentComplete: 20, label: FORGED })
    );
    expect(await getStrapi().db.query(REPORT as any).count()).toBe(before);

    expectRefused(await analyst.put(`${CM(REPORT)}/${report.documentId}`).send({ percentComplete: 90, label: FORGED }));
    const stored = await getStrapi().db.query(REPORT as any).findOne({ where: { documentId: report.documentId } });
    expect({ label: stored.label, percentComplete: stored.percentComplete }).toEqual({ label: `${p.code} status report, 31 Mar 2026`, percentComplete: 10 });
    expect(await getStrapi().db.query(REPORT as any).count({ where: { label: FORGED } })).toBe(0);
  });

  it('is refused for finance on a budget line, through the Document Service and the Content API too', async () => {
    const p = await project();
    const line = await documents(LINE).create({ data: { project: p.documentId, period: '2026-03-01', category: 'opex', amount: '100' } });
    const expected = `${p.code} Opex, Mar 2026`;

    const finance = await asRole('finance');
    const res = await finance.put(`${CM(LINE)}/${line.documentId}`).send({ amount: '200', label: FORGED });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('"Title" is set by PMO Hub from the project, date and category; it cannot be entered');

    const error = await documents(LINE).update({ documentId: line.documentId, data: { label: FORGED } }).catch((e: Error) => e);
    expect(error.name).toBe('ValidationError');
    expect(error.details.errors[0].path).toEqual(['label']);

    const api = await withApiToken('full-access');
    const viaApi = await api.put(`/api/budget-lines/${line.documentId}`).send({ data: { label: FORGED } });
    expect(viaApi.status).toBe(400);

    const stored = await getStrapi().db.query(LINE as any).findOne({ where: { documentId: line.documentId } });
    expect({ label: stored.label, amount: String(stored.amount) }).toEqual({ label: expected, amount: '100' });
  });

  it('passes when it is the stored one, as the Content Manager sends read-only values back', async () => {
    const p = await project();
    const line = await documents(LINE).create({ data: { project: p.documentId, period: '2026-03-01', category: 'opex', amount: '100' } });
    const finance = await asRole('finance');
    const res = await finance.put(`${CM(LINE)}/${line.documentId}`).send({ amount: '300', label: `${p.code} Opex, Mar 2026` });
    expect([res.status, res.status === 200 ? '' : res.text]).toEqual([200, '']);
  });
});

describe('the Content Manager', () => {
  const configurationOf = async (uid: string) =>
    (await (await asSuperAdmin()).get(`/content-manager/content-types/${uid}/configuration`)).body.data.contentType;

  it.each([
    [REPORT, 'Set by PMO Hub from the project and date.'],
    [LINE, 'Set by PMO Hub from the project, date and category.'],
  ])('names %s by its title, shown read-only as "Title"', async (uid, description) => {
    const { settings, metadatas } = await configurationOf(uid);
    expect(settings.mainField).toBe('label');
    expect(metadatas.label.edit).toMatchObject({ label: 'Title', editable: false, description });
    expect(metadatas.label.list.label).toBe('Title');
  });

  it("names a project's status reports and budget lines by their titles, for a PMO role too", async () => {
    const { metadatas } = await configurationOf(PROJECT);
    expect([metadatas.statusReports.edit.mainField, metadatas.budgetLines.edit.mainField]).toEqual(['label', 'label']);

    const p = await project();
    await documents(REPORT).create({ data: { project: p.documentId, asOf: '2026-03-31', percentComplete: 10 } });
    const analyst = await asRole('pmo-analyst');
    const res = await analyst.get(`/content-manager/relations/${PROJECT}/${p.documentId}/statusReports`);
    expect(res.status).toBe(200);
    expect(res.body.results.map((item: { label: string }) => item.label)).toEqual([`${p.code} status report, 31 Mar 2026`]);
  });

  it('gives a PMO role whose read permission predates titles the titles back at the next start', async () => {
    const strapi = getStrapi();
    const role = await strapi.db.query('admin::role').findOne({ where: { code: 'pmo-analyst' } });
    const read = await strapi.db.query('admin::permission').findOne({
      where: { role: { id: role.id }, subject: REPORT, action: 'plugin::content-manager.explorer.read' },
    });
    const fields = read.properties.fields as string[];
    // As a database from before the field holds it: every field the type had then.
    await strapi.db.query('admin::permission').update({
      where: { id: read.id },
      data: { properties: { ...read.properties, fields: fields.filter((field) => field !== 'label') } },
    });
    const p = await project();
    await documents(REPORT).create({ data: { project: p.documentId, asOf: '2026-07-31', percentComplete: 10 } });
    const analyst = await asRole('pmo-analyst');
    const names = async () =>
      (await analyst.get(`/content-manager/relations/${PROJECT}/${p.documentId}/statusReports`)).body.results.map((item: { label?: string }) => item.label);
    expect(await names()).toEqual([undefined]); // Strapi falls back to the internal id

    const stored = await strapi.service('admin::permission').findMany({ where: { role: { id: role.id } } });
    await alignProtectedFields(strapi, role.id, stored);
    const after = await strapi.db.query('admin::permission').findOne({
      where: { role: { id: role.id }, subject: REPORT, action: 'plugin::content-manager.explorer.read' },
    });
    expect(after.properties.fields).toEqual(expect.arrayContaining([...fields.filter((field) => field !== 'label'), 'label']));
    expect(await names()).toEqual([`${p.code} status report, 31 Jul 2026`]);
  });

  it('lets every PMO role that reads them read their titles, and none write them', async () => {
    const permissions = (await getStrapi().db.query('admin::permission').findMany({
      where: { subject: { $in: [REPORT, LINE] }, role: { code: { $in: ['pmo-analyst', 'project-manager', 'finance', 'pmo-director'] } } },
    })) as Array<{ action: string; subject: string; properties: { fields?: string[] } }>;
    const reads = permissions.filter((p) => p.action.endsWith('.read'));
    const writes = permissions.filter((p) => p.action.endsWith('.create') || p.action.endsWith('.update'));
    expect(reads.length).toBeGreaterThan(0);
    expect(writes.length).toBeGreaterThan(0);
    for (const read of reads) expect([read.subject, read.properties.fields?.includes('label') ?? true]).toEqual([read.subject, true]);
    for (const write of writes) expect([write.subject, write.action, write.properties.fields!.includes('label')]).toEqual([write.subject, write.action, false]);
  });
});
