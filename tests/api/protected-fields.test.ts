/**
 * Fields only the engine or a capability may write (shared/contracts/protected-fields.ts) are
 * refused on every path with a 400 naming the field: the Content Manager, the Document Service,
 * the Content API. A forged decision must never reach the change request page or the change log.
 */
import { execFile } from 'child_process';
import path from 'path';
import { promisify } from 'util';
import { PMO_ROLES, asRole, asSuperAdmin, getStrapi, uniqueCode, withApiToken, type Agent, type PmoRole } from '../helpers/strapi';
import { capitalise, fieldWords } from '../../src/plugins/pmo/shared/words';
import { CHANGE, EMAILS, actors, expectFire, person, project, raise, stored } from './change-control-fixtures';

const { freshDatabase, dropDatabase } = require('../helpers/database');
const run = promisify(execFile);

const CM = `/content-manager/collection-types/${CHANGE}`;
const DOCUMENT = 'api::document.document';
const documents = (uid: string) => getStrapi().documents(uid as any) as any;

/** A forged decision, one field at a time, as the Content Manager sends it. */
async function forgeries(): Promise<Array<[string, Record<string, unknown>]>> {
  const director = await person(EMAILS.director, 'Dee Director');
  return [
    ['decision', { decision: 'approved' }],
    ['decisionDate', { decisionDate: '2026-02-10T15:30:00.000Z' }],
    ['decidedBy', { decidedBy: { connect: [{ documentId: director.documentId }], disconnect: [] } }],
  ];
}

/** What a new change request looks like in the Content Manager's create form. */
const createBody = (projectDocumentId: string, title: string) => ({
  title,
  type: 'normal',
  category: 'request-for-change',
  project: { connect: [{ documentId: projectDocumentId }], disconnect: [] },
  impact: { cost: '10000', scheduleDays: 1 },
});

/** The answer is a 400 whose message and field path name the field. */
function expectRefused(res: { status: number; body: any }, field: string) {
  expect([field, res.status]).toEqual([field, 400]);
  // Named as the Content Manager labels it ("Decided by"), never by its key.
  expect(res.body.error.message).toMatch(new RegExp(`^"${capitalise(fieldWords(field))}" is `));
  expect(res.body.error.details.errors[0].path).toEqual([field]);
}

/** No decision of any kind is stored on the change request. */
async function expectUndecided(documentId: string) {
  const row = await stored({ documentId } as any);
  expect({ decision: row.decision, decisionDate: row.decisionDate, decidedBy: row.decidedBy }).toEqual({
    decision: null,
    decisionDate: null,
    decidedBy: [],
  });
}

/** Change requests with this title that carry a decision (a forged create that got through). */
const decidedWithTitle = (title: string) =>
  getStrapi().db.query(CHANGE as any).count({ where: { title, decision: { $notNull: true } } });

let target: { documentId: string; code: string } & Record<string, any>;
let targetProject: { documentId: string; code: string } & Record<string, any>;

beforeAll(async () => {
  targetProject = await project();
  target = await raise(targetProject, { title: 'Forgery target' });
});


describe.each<PmoRole>(['pmo-analyst', 'project-manager', 'pmo-manager'])('a forged decision in the Content Manager as %s', (role) => {
  let agent: Agent;
  beforeAll(async () => {
    agent = await asRole(role);
  });

  it('never stores it, on create or on update', async () => {
    for (const [field, forged] of await forgeries()) {
      const title = `Forged ${field} by ${role}`;
      await agent.post(CM).send({ ...createBody(targetProject.documentId, title), ...forged });
      expect([field, await decidedWithTitle(title)]).toEqual([field, 0]);
      await agent.put(`${CM}/${target.documentId}`).send({ title: target.title, ...forged });
      await expectUndecided(target.documentId);
    }
  });

  // The request guard refuses it before Strapi's permission sanitizer could drop it silently.
  it('is refused on create with a 400 naming the field', async () => {
    for (const [field, forged] of await forgeries()) {
      expectRefused(await agent.post(CM).send({ ...createBody(targetProject.documentId, `Refused ${field} by ${role}`), ...forged }), field);
    }
  });

  it('is refused on update with a 400 naming the field', async () => {
    for (const [field, forged] of await forgeries()) {
      expectRefused(await agent.put(`${CM}/${target.documentId}`).send({ title: target.title, ...forged }), field);
    }
  });
});

describe('a forged decision in the Content Manager as a super admin', () => {
  it('is refused on create with a 400 naming the field, and nothing is created', async () => {
    const admin = await asSuperAdmin();
    for (const [field, forged] of await forgeries()) {
      const title = `Forged ${field} by a super admin`;
      expectRefused(await admin.post(CM).send({ ...createBody(targetProject.documentId, title), ...forged }), field);
      expect(await getStrapi().db.query(CHANGE as any).count({ where: { title } })).toBe(0);
    }
  });

  it('is refused on update with a 400 naming the field', async () => {
    const admin = await asSuperAdmin();
    for (const [field, forged] of await forgeries()) {
      expectRefused(await admin.put(`${CM}/${target.documentId}`).send({ title: 'Renamed by the forger', ...forged }), field);
    }
    expect((await stored(target)).title).toBe(target.title);
    await expectUndecided(target.documentId);
  });
});

describe('a forged decision through the Document Service', () => {
  it.each([
    ['decision', { decision: 'approved' }],
    ['decisionDate', { decisionDate: '2026-02-10T15:30:00.000Z' }],
    ['decidedBy', 'people'],
  ])('is refused on update with a ValidationError naming %s', async (field, forged) => {
    const data = forged === 'people' ? { decidedBy: [(await person(EMAILS.director)).documentId] } : forged;
    const error = await documents(CHANGE).update({ documentId: target.documentId, data }).catch((e: Error) => e);
    expect(error.name).toBe('ValidationError'); // Strapi's, from another realm than the test's Error
    expect(error.message).toContain(`"${capitalise(fieldWords(field))}" is recorded by change control`);
    expect(error.details.errors[0].path).toEqual([field]);
    await expectUndecided(target.documentId);
  });

  it('is refused on create', async () => {
    const error = await documents(CHANGE)
      .create({ data: { project: targetProject.documentId, title: 'Forged on create', decision: 'rejected' } })
      .catch((e: Error) => e);
    expect(error.name).toBe('ValidationError');
    expect(error.message).toMatch(/^"Decision" is recorded by change control/);
    expect(await getStrapi().db.query(CHANGE as any).count({ where: { title: 'Forged on create' } })).toBe(0);
  });
});

describe('the Content API', () => {
  it('has no route that writes change requests at all, so no token can forge a decision there', async () => {
    const api = await withApiToken('full-access');
    for (const [method, url] of [['post', '/api/change-requests'], ['put', `/api/change-requests/${target.documentId}`]] as const) {
      const res = await api[method](url).send({ data: { decision: 'approved' } });
      expect([url, [404, 405].includes(res.status)]).toEqual([url, true]);
    }
    await expectUndecided(target.documentId);
  });

  it("refuses a project's lifecycle state forged on create and on update with a 400 naming it", async () => {
    const api = await withApiToken('full-access');
    const code = uniqueCode('PF');
    expectRefused(await api.post('/api/projects').send({ data: { name: 'Forged state', code, workflowState: 'closed' } }), 'workflowState');
    expect(await getStrapi().db.query('api::project.project').count({ where: { code } })).toBe(0);
    const created = await api.post('/api/projects').send({ data: { name: 'Honest', code } });
    expect(created.status).toBe(201);
    expectRefused(await api.put(`/api/projects/${created.body.data.documentId}`).send({ data: { workflowState: 'closed' } }), 'workflowState');
    const row = await getStrapi().db.query('api::project.project').findOne({ where: { code } });
    expect(row.workflowState).toBe('proposed');
  });
});

describe('after the forgeries', () => {
  it('the change request page shows no decision', async () => {
    const res = await (await asSuperAdmin()).get(`/pmo/change-requests/${target.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'new', decision: null, decisionDate: null, decidedBy: [] });
  });

  it('the change log shows no decision', async () => {
    const res = await (await asSuperAdmin()).get(`/pmo/exports/change-log.csv?project=${targetProject.code}`);
    expect(res.status).toBe(200);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0].split(',').slice(-2)).toEqual(['decision', 'decision_date']);
    const row = lines.find((line) => line.startsWith(`${target.reference},`));
    expect(row).toBeDefined();
    expect(row!.split(',').slice(-2)).toEqual(['', '']);
  });
});

describe('the real decision', () => {
  it('is still recorded when the change is authorised, and a super admin can save it unchanged in the Content Manager', async () => {
    const people = await actors();
    const p = await project();
    const cr = await raise(p, { cost: '100.00' });
    await expectFire(people.raiser, cr, 'submit', 200);
    await expectFire(people.analyst, cr, 'recommend', 200);
    await expectFire(people.pm, cr, 'authorize-pm', 200);
    const page = await people.pm.get(`/pmo/change-requests/${cr.documentId}`);
    expect(page.body).toMatchObject({ state: 'scheduled', decision: 'approved', decidedBy: [expect.objectContaining({ fullName: 'Pat Manager' })] });
    const decided = await stored(cr);

    // What the edit view sends back: every value it got, relations untouched, one title changed.
    const admin = await asSuperAdmin();
    const view = await admin.get(`${CM}/${cr.documentId}`);
    expect(view.status).toBe(200);
    const form: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(view.body.data as Record<string, any>)) {
      if (['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations', 'status'].includes(key)) continue;
      form[key] = value && typeof value === 'object' && 'count' in value ? { connect: [], disconnect: [] } : value;
    }
    expect(form).toMatchObject({ decision: 'approved', reference: cr.reference, workflowState: 'scheduled' });
    expect(form.decisionDate).toBeTruthy();
    const saved = await admin.put(`${CM}/${cr.documentId}`).send({ ...form, title: 'Renamed after the decision' });
    expect([saved.status, saved.status === 200 ? '' : JSON.stringify(saved.body)]).toEqual([200, '']);
    const after = await stored(cr);
    expect(after).toMatchObject({ title: 'Renamed after the decision', decision: 'approved', reference: cr.reference, workflowState: 'scheduled' });
    expect(new Date(after.decisionDate).getTime()).toBe(new Date(decided.decisionDate).getTime());
    expect(after.decidedBy.map((x: { documentId: string }) => x.documentId)).toEqual(decided.decidedBy.map((x: { documentId: string }) => x.documentId));
  });
});

describe("PMO roles' Content Manager permissions", () => {
  const PROTECTED = ['workflowState', 'reference', 'authorityLevel', 'decision', 'decisionDate', 'decidedBy'];

  it.each<PmoRole>(['pmo-analyst', 'project-manager', 'pmo-manager'])(
    '%s may create and update change requests without the fields change control records, and reads them all',
    async (role) => {
      const permissions = (await getStrapi().db.query('admin::permission').findMany({
        where: { role: { code: role }, subject: CHANGE },
      })) as Array<{ action: string; properties: { fields?: string[] } }>;
      const fieldsOf = (action: string) => permissions.find((p) => p.action === `plugin::content-manager.explorer.${action}`)?.properties.fields;
      for (const action of ['create', 'update']) {
        expect(fieldsOf(action)).toEqual(expect.arrayContaining(['title', 'impact.cost']));
        for (const field of PROTECTED) expect([action, fieldsOf(action)!.includes(field)]).toEqual([action, false]);
      }
      expect(fieldsOf('read')).toEqual(expect.arrayContaining(PROTECTED));
    }
  );

  it('leave out nextReviewDue when they update documents', async () => {
    const permission = await getStrapi().db.query('admin::permission').findOne({
      where: { role: { code: 'pmo-analyst' }, subject: DOCUMENT, action: 'plugin::content-manager.explorer.update' },
    });
    expect(permission.properties.fields).toEqual(expect.arrayContaining(['title', 'lastReviewedAt']));
    expect(permission.properties.fields).not.toContain('nextReviewDue');
  });
});

describe('an upgraded database', () => {
  type Fields = Record<string, string[] | null>;
  async function boot(database: Record<string, string>, env: Record<string, string> = {}) {
    const { stdout } = await run(process.execPath, [path.join(__dirname, '../helpers/boot-write-fields.js')], {
      env: { ...process.env, ...database, PMO_REPORT_SUBJECTS: JSON.stringify([CHANGE, DOCUMENT]), ...env },
      timeout: 120000,
    });
    const line = stdout.split('\n').find((l) => l.startsWith('REPORT '));
    return JSON.parse(line!.slice('REPORT '.length)) as { before: Fields; after: Fields };
  }

  it('loses the protected fields of its PMO roles\' create and update permissions on restart, and keeps the rest', async () => {
    const database = await freshDatabase('protected-upgrade');
    try {
      const widened = await boot(database, {
        PMO_WIDEN_FIELDS: JSON.stringify({ 'pmo-analyst': { [CHANGE]: ['decision', 'decidedBy'], [DOCUMENT]: ['nextReviewDue'] } }),
      });
      expect(widened.after[`pmo-analyst update ${CHANGE}`]).toEqual(expect.arrayContaining(['decision', 'decidedBy', 'title']));
      expect(widened.after[`pmo-analyst create ${DOCUMENT}`]).toContain('nextReviewDue');

      const restarted = await boot(database);
      expect(restarted.before).toEqual(widened.before);
      const pmoRoleFields = Object.entries(restarted.before).filter(([key]) => PMO_ROLES.includes(key.split(' ')[0] as PmoRole));
      expect(pmoRoleFields.length).toBeGreaterThanOrEqual(8); // create and update on both types for analyst, PM, manager; documents for more
      for (const [key, fields] of pmoRoleFields) {
        for (const field of ['decision', 'decisionDate', 'decidedBy', 'reference', 'authorityLevel', 'workflowState', 'nextReviewDue']) {
          expect([key, field, fields!.includes(field)]).toEqual([key, field, false]);
        }
      }
    } finally {
      await dropDatabase('protected-upgrade');
    }
  });
});

describe("a document's next review date", () => {
  it('is refused with a 400 naming it when it differs from the stored one, and passes when unchanged', async () => {
    const created = await documents(DOCUMENT).create({
      data: { title: 'Quality register', documentType: 'quality-register', lastReviewedAt: '2026-01-31', reviewCycleDays: 30 },
    });
    expect(created.nextReviewDue).toBe('2026-03-02');
    const error = await documents(DOCUMENT)
      .update({ documentId: created.documentId, data: { nextReviewDue: '2099-01-01' } })
      .catch((e: Error) => e);
    expect(error.name).toBe('ValidationError');
    expect(error.message).toMatch(/^"Next review due" is /);

    const admin = await asSuperAdmin();
    const res = await admin
      .put(`/content-manager/collection-types/${DOCUMENT}/${created.documentId}`)
      .send({ title: 'Quality register', nextReviewDue: '2099-01-01' });
    expectRefused(res, 'nextReviewDue');
    const same = await admin
      .put(`/content-manager/collection-types/${DOCUMENT}/${created.documentId}`)
      .send({ title: 'Quality register v2', nextReviewDue: '2026-03-02', lastReviewedAt: '2026-02-28' });
    expect(same.status).toBe(200);
    // The unchanged value is left alone and the review cycle derives the new one.
    expect((await documents(DOCUMENT).findOne({ documentId: created.documentId })).nextReviewDue).toBe('2026-03-30');
  });
});

describe('gate review decisions', () => {
  it('are refused through the Document Service and recorded by the gate review route', async () => {
    const p = await documents('api::project.project').create({ data: { name: 'Protected gates', code: `PF-${Date.now().toString(36)}` } });
    const manager = await asRole('pmo-manager');
    const scheduled = await manager.post('/pmo/gate-reviews').send({ project: p.documentId, gate: 1 });
    expect(scheduled.status).toBe(201);
    const error = await documents('plugin::pmo.gate-review')
      .update({ documentId: scheduled.body.documentId, data: { decision: 'go' } })
      .catch((e: Error) => e);
    expect(error.name).toBe('ValidationError');
    expect(error.message).toMatch(/^"Decision" is recorded by governance/);

    const checklist = scheduled.body.checklist.map((item: { key: string }) => ({ key: item.key, met: 'yes' }));
    const held = await manager.put(`/pmo/gate-reviews/${scheduled.body.documentId}`).send({ decision: 'go', checklist });
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({ decision: 'go', status: 'held' });
  });
});
