/**
 * What each PMO role may do in the Content Manager (README, Roles): every role reads every app
 * type; only the listed roles create, update and delete, and only pmo-manager and
 * pmo-administrator publish standards and templates; pmo-analyst and project-manager create and
 * update but do not delete (roles/definitions.ts; the README's table says only "may change"). A permitted action must succeed with a valid
 * body (2xx, and the change is stored); a refused one is a 403 and changes nothing.
 */
import { PMO_ROLES, asCapability, asRole, getStrapi, uniqueCode, type PmoRole } from '../helpers/strapi';
import { putInState } from '../helpers/workflow-state';

const TYPES = {
  portfolio: 'api::portfolio.portfolio',
  programme: 'api::programme.programme',
  project: 'api::project.project',
  person: 'api::person.person',
  allocation: 'api::allocation.allocation',
  department: 'api::department.department',
  standard: 'api::standard.standard',
  template: 'api::template.template',
  document: 'api::document.document',
  statusReport: 'api::status-report.status-report',
  budgetLine: 'api::budget-line.budget-line',
  costEntry: 'api::cost-entry.cost-entry',
  changeRequest: 'plugin::pmo.change-request',
} as const;
type TypeKey = keyof typeof TYPES;
const ALL = Object.keys(TYPES) as TypeKey[];
const PUBLISHABLE: TypeKey[] = ['standard', 'template'];

/** The README's Roles table: what each role may change. */
const MAY_CHANGE: Record<PmoRole, TypeKey[]> = {
  'pmo-director': ['portfolio', 'programme'],
  'pmo-manager': ALL,
  'pmo-analyst': ['document', 'statusReport', 'changeRequest'],
  'pmo-administrator': ['person', 'department', 'allocation', 'standard', 'template'],
  'project-manager': ['document', 'statusReport', 'allocation', 'changeRequest'],
  'change-board': [],
  finance: ['budgetLine', 'costEntry'],
};
const MAY_PUBLISH: PmoRole[] = ['pmo-director', 'pmo-manager', 'pmo-administrator'];
/** The analyst and the project manager keep reports, documents and changes but do not delete them (roles/definitions.ts). */
const MAY_NOT_DELETE: Partial<Record<PmoRole, TypeKey[]>> = {
  'pmo-analyst': ['document', 'statusReport', 'changeRequest'],
  'project-manager': ['document', 'statusReport', 'allocation', 'changeRequest'],
};

let projectId: string;

/** A valid body for each type (the Content Manager's shape). */
const validData = (type: TypeKey): Record<string, unknown> => {
  const code = uniqueCode('RA');
  switch (type) {
    case 'portfolio':
    case 'programme':
    case 'project':
      return { name: `Role access ${code}`, code };
    case 'person':
      return { fullName: `Person ${code}`, email: `${code.toLowerCase()}@people.test.pmo` };
    case 'allocation':
      return { percent: 50 };
    case 'department':
      return { name: `Department ${code}` };
    case 'standard':
      return { code, title: `Standard ${code}`, version: '1.0', category: 'governance', mandatory: false };
    case 'template':
      return { title: `Template ${code}`, documentType: 'other', version: '1.0' };
    case 'document':
      return { title: `Document ${code}`, documentType: 'other' };
    case 'statusReport':
      return { asOf: '2026-03-31', percentComplete: 10, ragOverall: 'green' };
    case 'budgetLine':
      return { period: '2026-01-01', category: 'labour', amount: '10000' };
    case 'costEntry':
      return { date: '2026-01-15', category: 'opex', amount: '2500' };
    case 'changeRequest':
      return { title: `Change ${code}`, type: 'normal', category: 'request-for-change' };
  }
};

/** One field each update changes, and the value it sets. */
const UPDATE: Record<TypeKey, [string, unknown]> = {
  // Names and titles made unique per update: department names are unique.
  portfolio: ['name', 'Renamed'],
  programme: ['name', 'Renamed'],
  project: ['name', 'Renamed'],
  person: ['fullName', 'Renamed'],
  allocation: ['percent', 60],
  department: ['name', 'Renamed'],
  standard: ['title', 'Renamed'],
  template: ['title', 'Renamed'],
  document: ['title', 'Renamed'],
  statusReport: ['percentComplete', 20],
  budgetLine: ['note', 'Renamed'],
  costEntry: ['amount', '2600'],
  changeRequest: ['title', 'Renamed'],
};

const withProject = (type: TypeKey) => ['changeRequest', 'statusReport', 'budgetLine', 'costEntry', 'document'].includes(type);

/** A document made without the Content Manager, for the update, delete and publish checks. */
async function fixture(type: TypeKey) {
  const data = { ...validData(type), ...(withProject(type) ? { project: projectId } : {}) };
  const create = () => (getStrapi().documents(TYPES[type] as any) as any).create({ data });
  const created = type === 'changeRequest' ? await asCapability('change-control', create) : await create();
  // Standards and templates are published once approved (their workflows): this test is about
  // who may publish, so they are approved first.
  if (PUBLISHABLE.includes(type)) await putInState(getStrapi(), TYPES[type], created.documentId, 'approved');
  return created.documentId as string;
}

const stored = (type: TypeKey, documentId: string) =>
  getStrapi().db.query(TYPES[type] as any).findMany({ where: { documentId } });

const url = (type: TypeKey, documentId?: string) => `/content-manager/collection-types/${TYPES[type]}${documentId ? `/${documentId}` : ''}`;

beforeAll(async () => {
  projectId = (await getStrapi().documents('api::project.project').create({ data: { name: 'Role access', code: uniqueCode('RAP') } as any })).documentId;
  // Raising a change request names the raiser: the person with the admin user's email.
  for (const role of PMO_ROLES) {
    const email = `${role}@test.pmo`;
    const people = getStrapi().documents('api::person.person') as any;
    if (!(await people.findFirst({ filters: { email } }))) await people.create({ data: { fullName: `The ${role}`, email } });
  }
});

describe.each(PMO_ROLES.map((role) => [role]))('the %s role', (role) => {
  const allowed = (type: TypeKey) => MAY_CHANGE[role].includes(type);

  it('reads every app content type', async () => {
    const user = await asRole(role);
    for (const type of ALL) {
      const res = await user.get(url(type));
      expect([type, res.status]).toEqual([type, 200]);
    }
  });

  it('creates exactly the content types its job needs, and what it creates is stored', async () => {
    const user = await asRole(role);
    for (const type of ALL) {
      const data = validData(type);
      const body = { ...data, ...(withProject(type) ? { project: { connect: [{ documentId: projectId }] } } : {}) };
      const res = await user.post(url(type)).send(body);
      if (allowed(type)) {
        expect([type, res.status]).toEqual([type, 201]);
        expect([type, res.body.data?.documentId]).toEqual([type, expect.any(String)]);
        const rows = await stored(type, res.body.data.documentId);
        expect([type, rows]).toEqual([type, [expect.objectContaining(data)]]);
      } else {
        expect([type, res.status]).toEqual([type, 403]);
      }
    }
  });

  it('updates exactly the content types its job needs', async () => {
    const user = await asRole(role);
    for (const type of ALL) {
      const documentId = await fixture(type);
      const [field, fixed] = UPDATE[type];
      const value = fixed === 'Renamed' ? `Renamed ${uniqueCode('UP')}` : fixed;
      const res = await user.put(url(type, documentId)).send({ [field]: value });
      const [row] = await stored(type, documentId);
      if (allowed(type)) {
        expect([type, res.status]).toEqual([type, 200]);
        expect([type, res.body.data?.[field]]).toEqual([type, value]);
        expect([type, row[field]]).toEqual([type, value]);
      } else {
        expect([type, res.status]).toEqual([type, 403]);
        expect([type, row[field]]).not.toEqual([type, value]);
      }
    }
  });

  it('deletes exactly the content types its job needs (the analyst and the project manager delete none)', async () => {
    const user = await asRole(role);
    for (const type of ALL) {
      const documentId = await fixture(type);
      const res = await user.del(url(type, documentId));
      const left = (await stored(type, documentId)).length;
      if (allowed(type) && !MAY_NOT_DELETE[role]?.includes(type)) {
        expect([type, res.status, left]).toEqual([type, 200, 0]);
      } else {
        expect([type, res.status, left]).toEqual([type, 403, 1]);
      }
    }
  });

  it(`${MAY_PUBLISH.includes(role) ? 'publishes' : 'cannot publish'} standards and templates`, async () => {
    const user = await asRole(role);
    for (const type of PUBLISHABLE) {
      const documentId = await fixture(type);
      const res = await user.post(`${url(type, documentId)}/actions/publish`).send({});
      const published = (await stored(type, documentId)).filter((row: { publishedAt: unknown }) => row.publishedAt);
      if (MAY_PUBLISH.includes(role)) {
        expect([type, res.status, published.length]).toEqual([type, 200, 1]);
      } else {
        expect([type, res.status, published.length]).toEqual([type, 403, 0]);
      }
    }
  });
});
