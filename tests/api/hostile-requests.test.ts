/**
 * Requests an attacker with an ordinary PMO account or API token would try: each gets a 4xx in
 * the one error shape, changes nothing, and the server answers the next request.
 */
import { appTypes, managerTypes as editableTypes, models, rowCount as count, type Model } from '../helpers/models';
import { asRole, asSuperAdmin, getStrapi, PMO_ROLES, uniqueCode, withApiToken, type Agent } from '../helpers/strapi';

const strapi = () => getStrapi();
const relationsOf = (model: Model) =>
  Object.entries(model.attributes).filter(([, attribute]) => attribute.type === 'relation' || attribute.type === 'media').map(([name]) => name);

/** Malformed references: not whole numbers, out of the id range, or objects of the wrong kind. */
const BAD_REFERENCES: unknown[] = [
  1.5, true, -3, 0, 2147483648, { connect: [1.5] }, { connect: [{ id: 'x' }] }, { set: [false] }, [{}],
  // Text that begins with a number, which Strapi reads as an id, but no id in range.
  '2026-02-31', '9'.repeat(40), { connect: ['12abc'] },
];

const paths = (res: { body: any }) => (res.body?.error?.details?.errors ?? []).map((error: { path: string[] }) => error.path.join('.'));

async function alive(agent: Agent) {
  const res = await agent.get('/api/projects?pagination[pageSize]=1');
  expect(res.status).toBe(200);
}

let api: Agent;
let admin: Agent;
beforeAll(async () => {
  api = await withApiToken('full-access');
  admin = await asSuperAdmin();
});

describe('relation references that are not whole numbers or documentIds', () => {
  it('are refused with 400 naming the field on every relation of every app type in the Content API, writing nothing', async () => {
    for (const model of appTypes()) {
      for (const field of relationsOf(model)) {
        for (const reference of BAD_REFERENCES) {
          const before = await count(model.uid);
          const res = await api.post(`/api/${model.info.pluralName}`).send({ data: { [field]: reference } });
          expect({ uid: model.uid, field, reference, status: res.status }).toEqual({ uid: model.uid, field, reference, status: 400 });
          expect(paths(res).some((path: string) => path.startsWith(field))).toBe(true);
          expect(await count(model.uid)).toBe(before);
        }
      }
    }
    await alive(api);
  });

  it('are refused before the database with a unique field in the same write (on PostgreSQL the request never answered)', async () => {
    // The department's unique name is checked in the write's transaction; the leader, read as an
    // id, had aborted that transaction, and the request hung with its connection.
    for (const leader of ['2026-02-31', '9'.repeat(40)]) {
      const before = await count('api::department.department');
      const res = await api.post('/api/departments').timeout(10_000).send({ data: { name: `Hostile department ${leader.slice(0, 12)}`, leader } });
      expect({ leader, status: res.status }).toEqual({ leader, status: 400 });
      expect(paths(res)).toEqual(['leader']);
      expect(res.body.error.details.errors[0].message).toMatch(/^The leader must name one existing item/i);
      expect(await count('api::department.department')).toBe(before);
    }
    await alive(api);
  });

  it('are refused with 400 on every relation of every type in the Content Manager, on create and on update', async () => {
    const project = await strapi().documents('api::project.project').create({ data: { name: 'Target', code: uniqueCode('HR') } as never });
    for (const model of editableTypes()) {
      for (const field of relationsOf(model)) {
        const before = await count(model.uid);
        const created = await admin.post(`/content-manager/collection-types/${model.uid}`).send({ [field]: 2.5 });
        expect({ uid: model.uid, field, status: created.status }).toEqual({ uid: model.uid, field, status: 400 });
        expect(await count(model.uid)).toBe(before);
      }
    }
    for (const field of relationsOf(strapi().contentTypes['api::project.project'] as unknown as Model)) {
      const updated = await admin.put(`/content-manager/collection-types/api::project.project/${project.documentId}`).send({ [field]: { connect: [{ id: 7.25 }] } });
      expect({ field, status: updated.status }).toEqual({ field, status: 400 });
    }
    const stored = await strapi().db.query('api::project.project').findOne({ where: { documentId: project.documentId }, populate: ['programme', 'manager', 'sponsor'] });
    expect(stored).toMatchObject({ programme: null, manager: null, sponsor: null });
    await alive(api);
  });

  it('are refused through the Document Service too, before any query runs', async () => {
    const before = await count('api::person.person');
    await expect(
      strapi().documents('api::person.person').create({ data: { fullName: 'Half', email: `${uniqueCode('h').toLowerCase()}@test.pmo`, department: 1.5 } as never })
    ).rejects.toMatchObject({ name: 'ValidationError', details: { errors: [expect.objectContaining({ path: ['department'] })] } });
    expect(await count('api::person.person')).toBe(before);
  });

  it('accepts well-formed references: ids, documentIds and connect lists', async () => {
    const programme = await strapi().documents('api::programme.programme').create({ data: { name: 'Prog', code: uniqueCode('HP') } as never });
    const byId = await api.post('/api/projects').send({ data: { name: 'By id', code: uniqueCode('HI'), programme: programme.id } });
    const byDocumentId = await api.post('/api/projects').send({ data: { name: 'By doc', code: uniqueCode('HD'), programme: programme.documentId } });
    const byConnect = await api.post('/api/projects').send({ data: { name: 'By connect', code: uniqueCode('HC'), programme: { connect: [{ documentId: programme.documentId }] } } });
    expect([byId.status, byDocumentId.status, byConnect.status]).toEqual([201, 201, 201]);
  });
});

describe('keys named like built-in object properties', () => {
  const HOSTILE = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'prototype', '__defineGetter__'];

  it.each(HOSTILE)('refuses "%s" at the top of data, inside a component and inside a relation, with 400', async (key) => {
    const before = await count('api::project.project');
    const bodies = [
      `{"data":{"name":"P","code":"${uniqueCode('PK')}","${key}":1}}`,
      `{"data":{"name":"P","code":"${uniqueCode('PK')}","tolerances":{"costPercent":5,"${key}":{"a":1}}}}`,
      `{"data":{"name":"P","code":"${uniqueCode('PK')}","programme":{"connect":[{"id":1,"${key}":true}]}}}`,
      `{"${key}":{"data":{"name":"P"}}}`,
    ];
    for (const body of bodies) {
      const res = await api.post('/api/projects').set('Content-Type', 'application/json').send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.error).toMatchObject({ name: 'ValidationError' });
      expect(paths(res).some((path: string) => path.endsWith(key))).toBe(true);
    }
    const cm = await admin.post('/content-manager/collection-types/api::project.project').set('Content-Type', 'application/json').send(`{"name":"P","code":"${uniqueCode('PK')}","${key}":"x"}`);
    expect(cm.status).toBe(400);
    expect(await count('api::project.project')).toBe(before);
    await alive(api);
  });

  it('refuses them in queries: as filter keys and as the fields, sort or populate asked for', async () => {
    for (const query of ['filters[name][constructor]=1', 'fields[0]=valueOf', 'sort=toString:asc', 'populate[hasOwnProperty]=true', 'filters[$and][0][__proto__][x]=1']) {
      const res = await api.get(`/api/projects?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
    }
    await alive(api);
  });
});

describe('filters whose values do not fit the field', () => {
  it.each([
    'filters[id][$eq]=1.5',
    'filters[id][$eq]=99999999999',
    'filters[programme][id][$eq]=abc',
    'filters[startDate][$eq]=not-a-date',
    'filters[startDate][$gt]=2026-02-31',
    'filters[id][$in][0]=1&filters[id][$in][1]=x',
    'filters[$or][0][id][$lt]=1e400',
  ])('answers 400, not 500: %s', async (query) => {
    const res = await api.get(`/api/projects?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path[0]).toBe('filters');
    const cm = await admin.get(`/content-manager/collection-types/api::project.project?${query}`);
    expect(cm.status).toBe(400);
  });

  it('still filters by well-formed values', async () => {
    const res = await api.get('/api/projects?filters[id][$gt]=0&filters[startDate][$lte]=2099-12-31&filters[programme][id][$in][0]=1');
    expect(res.status).toBe(200);
  });
});

describe('bodies of the wrong shape', () => {
  /** Every PMO Hub write route, with a path that reaches its handler. */
  const WRITE_ROUTES: Array<['post' | 'put', string]> = [
    ['post', '/pmo/workflows/validate'],
    ['post', '/pmo/workflows'],
    ['put', '/pmo/workflows/project-lifecycle'],
    ['post', '/pmo/workflows/project-lifecycle/try'],
    ['post', '/pmo/transitions'],
    ['post', '/pmo/change-requests'],
    ['post', '/pmo/gate-reviews'],
    ['put', '/pmo/gate-reviews/abc'],
    ['put', '/pmo/gate-conditions/abc'],
    ['put', '/pmo/documents/abc/review'],
    ['post', '/pmo/documents/abc/versions'],
    ['post', '/pmo/compliance/assessments'],
    ['post', '/pmo/mentoring/relationships'],
    ['put', '/pmo/mentoring/relationships/abc'],
    ['post', '/pmo/mentoring/sessions'],
    ['put', '/pmo/mentoring/sessions/abc'],
    ['put', '/pmo/mentoring/sessions/abc/action-items/1'],
    ['post', '/pmo/outbox/abc/retry'],
    ['post', '/pmo/jobs/dispatch-outbox/run'],
    ['put', '/pmo/notification-preferences'],
    ['put', '/pmo/notification-templates/digest'],
    ['post', '/pmo/notification-templates/digest/preview'],
  ];

  it('knows every write route the plugin declares', () => {
    const declared = (strapi().plugin('pmo').routes as any).admin.routes
      .filter((route: { method: string }) => route.method !== 'GET' && route.method !== 'DELETE')
      .map((route: { method: string; path: string }) => `${route.method} ${route.path}`)
      .sort();
    const tested = WRITE_ROUTES.map(([method, path]) => `${method.toUpperCase()} ${path.replace('/pmo', '')}`);
    const covered = declared.filter((route: string) => tested.some((t) => t.split(' ')[0] === route.split(' ')[0] && new RegExp(`^${route.replace(/:[^/]+/g, '[^/]+')}$`).test(t)));
    expect(covered).toEqual(declared);
  });

  it.each(WRITE_ROUTES)('%s %s answers 400 to a JSON list and to a single JSON value', async (method, path) => {
    for (const body of ['[{"decision":"go"}]', '"go"', '42', 'null']) {
      const res = await admin[method](path).set('Content-Type', 'application/json').send(body);
      expect({ body, status: res.status, name: res.body.error?.name }).toEqual({ body, status: 400, name: 'ValidationError' });
    }
  });

  it('answers 413 to a body above the size limit, and the server goes on', async () => {
    const res = await api.post('/api/projects').send({ data: { name: 'x'.repeat(1_100_000), code: uniqueCode('BIG') } });
    expect(res.status).toBe(413);
    await alive(api);
  });

  it('gives every answer a request id, the one a client sent when it is well-formed', async () => {
    const res = await api.get('/api/projects').set('X-Request-Id', 'client-req-42');
    expect(res.headers['x-request-id']).toBe('client-req-42');
    const generated = await api.get('/api/projects').set('X-Request-Id', 'bad id with spaces');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("the Content Manager's relations route", () => {
  it.each(PMO_ROLES)('answers %s 200 or 403, never 500, on every relation of every type', async (role) => {
    const agent = await asRole(role);
    for (const model of models().filter((type) => type.uid.startsWith('api::') || type.uid.startsWith('plugin::pmo.'))) {
      for (const field of relationsOf(model).filter((name) => model.attributes[name].type === 'relation')) {
        const res = await agent.get(`/content-manager/relations/${model.uid}/${field}`);
        expect({ uid: model.uid, field, status: [200, 403].includes(res.status) ? 'ok' : res.status }).toEqual({ uid: model.uid, field, status: 'ok' });
      }
    }
  });

  it('answers 400, not 500, to ids of the wrong kind', async () => {
    for (const query of ['id=1.5', 'idsToOmit[0]=abc', 'idsToInclude[0]=99999999999', 'id=abc&idsToOmit[0]=1.5']) {
      const res = await admin.get(`/content-manager/relations/api::project.project/programme?${query}`);
      expect({ query, status: res.status < 500 ? 'answered' : res.status }).toEqual({ query, status: 'answered' });
    }
  });

  it('answers 403 for a type the role may not read', async () => {
    // A role with the plugin's access but no Content Manager rights on mentoring's types.
    const agent = await asRole('finance');
    const res = await agent.get('/content-manager/relations/plugin::pmo.mentoring-session/relationship');
    expect(res.status).toBe(403);
  });
});

describe('GET /pmo/settings', () => {
  it('answers every PMO role', async () => {
    for (const role of PMO_ROLES) expect((await (await asRole(role)).get('/pmo/settings')).status).toBe(200);
  });

  it('is refused to an admin without settings.read', async () => {
    const { asAdmin } = await import('../helpers/strapi');
    const author = await asAdmin('author.only@test.pmo', ['strapi-author']);
    expect((await author.get('/pmo/settings')).status).toBe(403);
  });
});

describe("the Content API's own refusals, in the one error shape", () => {
  it('answers 404 to a delete of a document that does not exist, and still deletes one that does', async () => {
    for (const id of ['zzunknowndocument000000000', '1.5', '%00']) {
      const res = await api.del(`/api/projects/${id}`);
      expect({ id, status: res.status, name: res.body.error?.name }).toEqual({ id, status: 404, name: 'NotFoundError' });
      expect(res.body.error.message).toMatch(/no such item/);
    }
    const project = await strapi().documents('api::project.project').create({ data: { name: 'Gone', code: uniqueCode('DEL') } as never });
    expect((await api.del(`/api/projects/${project.documentId}`)).status).toBe(204);
    expect(await strapi().db.query('api::project.project').count({ where: { documentId: project.documentId } })).toBe(0);
  });

  it('names an unknown field, a missing "data" and the field of an unknown related document in details.errors', async () => {
    const unknown = await api.post('/api/projects').send({ data: { name: 'P', code: uniqueCode('UK'), colour: 'red' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.errors).toEqual([expect.objectContaining({ path: ['colour'], message: expect.stringMatching(/"colour" is not a field/) })]);
    const missing = await api.put('/api/projects/abc').send({ name: 'P' });
    expect(missing.body.error.details.errors).toEqual([expect.objectContaining({ path: ['data'] })]);
    const related = await api.post('/api/projects').send({ data: { name: 'P', code: uniqueCode('UR'), programme: 'zzunknowndocument000000000' } });
    expect(related.status).toBe(400);
    expect(related.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['programme'], message: 'Choose an existing item for "Programme": there is none with the id "zzunknowndocument000000000"' }),
    ]);
    // Whichever way the relation is written (a list, Strapi's connect), the field is named.
    const code = uniqueCode('UR');
    const connected = await api.post('/api/projects').send({ data: { name: 'P', code, programme: { connect: [{ documentId: 'zzunknowndocument000000001' }] } } });
    expect([connected.status, connected.body.error.details.errors[0].path]).toEqual([400, ['programme']]);
    expect(await strapi().db.query('api::project.project').count({ where: { code } })).toBe(0);
  });
});

describe('keys named like built-ins in the address', () => {
  it('name no email template: preview and update answer 404 and store nothing', async () => {
    const before = await count('plugin::pmo.notification-template');
    for (const key of ['constructor', 'no-such-template']) {
      const preview = await admin.post(`/pmo/notification-templates/${key}/preview`).send({});
      const update = await admin.put(`/pmo/notification-templates/${key}`).send({ subject: 'S', text: 'T', html: '<p>H</p>' });
      expect({ key, preview: preview.status, update: update.status }).toEqual({ key, preview: 404, update: 404 });
    }
    expect(await count('plugin::pmo.notification-template')).toBe(before);
  });
});
