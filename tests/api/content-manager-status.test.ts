/**
 * A type without draft & publish whose own attribute is named `status` (risks: open or closed) is
 * created and changed in the Content Manager: Strapi reads a body's `status` as draft & publish's
 * and refused "open" ("Invalid status"), and answered the edit view without it, until
 * patches/@strapi+content-manager+5.54.0.patch.
 */
import { asSuperAdmin, getStrapi, type Agent } from '../helpers/strapi';
import { PROJECT_UID, RISK_UID } from '../../src/plugins/pmo/shared/contracts/uids';

const CM = `/content-manager/collection-types/${RISK_UID}`;
let admin: Agent;
/** A risk belongs to a project (or a programme): the registers refuse one that belongs to neither. */
let project: { connect: Array<{ documentId: string }> };

beforeAll(async () => {
  admin = await asSuperAdmin();
  const created = await getStrapi().documents(PROJECT_UID as never).create({ data: { name: 'Status attribute project', code: 'CM-STATUS' } } as never);
  project = { connect: [{ documentId: (created as { documentId: string }).documentId }] };
});

afterAll(async () => {
  await getStrapi().db.query(RISK_UID as never).deleteMany({ where: { title: { $startsWith: 'Status as' } } } as never);
  await getStrapi().db.query(PROJECT_UID as never).deleteMany({ where: { code: 'CM-STATUS' } } as never);
});

it('creates a risk with its status, changes it, and lists risks by it', async () => {
  const created = await admin.post(CM).send({ title: 'Status as an attribute', project, probability: 2, impact: 3, status: 'open' });
  expect(created.status).toBe(201);
  const { documentId } = created.body.data;
  expect(created.body.data.status).toBe('open');
  const stored = () => getStrapi().db.query(RISK_UID as never).findOne({ where: { documentId } } as never) as Promise<{ status: string; score: number }>;
  expect(await stored()).toMatchObject({ status: 'open', score: 6 });

  const closed = await admin.put(`${CM}/${documentId}`).send({ title: 'Status as an attribute', probability: 2, impact: 3, status: 'closed' });
  expect(closed.status).toBe(200);
  expect((await stored()).status).toBe('closed');
  // The edit view reads it back as stored.
  expect((await admin.get(`${CM}/${documentId}`)).body.data.status).toBe('closed');

  const listed = await admin.get(`${CM}?page=1&pageSize=10&filters[$and][0][status][$eq]=closed&filters[$and][1][documentId][$eq]=${documentId}`);
  expect(listed.status).toBe(200);
  expect(listed.body.results.map((risk: { documentId: string }) => risk.documentId)).toEqual([documentId]);

  // A value the attribute does not have is refused as any enumeration's.
  expect((await admin.post(CM).send({ title: 'Status as a draft', project, probability: 2, impact: 3, status: 'draft' })).status).toBe(400);
});
