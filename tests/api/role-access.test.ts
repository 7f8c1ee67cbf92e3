/**
 * What each PMO role may do in the Content Manager: every role reads every app type; only the
 * listed roles create. An allowed create of empty data fails validation (400), or is kept as a
 * draft for draft & publish types (201); a refused one is 403.
 */
import { PMO_ROLES, asRole, type PmoRole } from '../helpers/strapi';

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

const MAY_CREATE: Record<PmoRole, TypeKey[]> = {
  'pmo-director': ['portfolio', 'programme'],
  'pmo-manager': ALL,
  'pmo-analyst': ['document', 'statusReport', 'changeRequest'],
  'pmo-administrator': ['person', 'department', 'allocation', 'standard', 'template'],
  'project-manager': ['document', 'statusReport', 'allocation', 'changeRequest'],
  'change-board': [],
  finance: ['budgetLine', 'costEntry'],
};

describe.each(PMO_ROLES.map((role) => [role]))('the %s role', (role) => {
  it('reads every app content type', async () => {
    const user = await asRole(role);
    for (const type of ALL) {
      const res = await user.get(`/content-manager/collection-types/${TYPES[type]}`);
      expect([type, res.status]).toEqual([type, 200]);
    }
  });

  it('creates exactly the content types its job needs', async () => {
    const user = await asRole(role);
    const outcome: Record<string, string> = {};
    for (const type of ALL) {
      const res = await user.post(`/content-manager/collection-types/${TYPES[type]}`).send({});
      expect(res.status).toBeLessThan(500);
      outcome[type] = res.status === 403 ? 'refused' : 'allowed';
    }
    const expected = Object.fromEntries(
      ALL.map((type) => [type, MAY_CREATE[role].includes(type) ? 'allowed' : 'refused'])
    );
    expect(outcome).toEqual(expected);
  });
});
