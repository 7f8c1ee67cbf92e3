/**
 * A project's highlight report (GET /pmo/reports/highlight/projects/:documentId.pdf), read back
 * with pdf-parse: the header, RAG and commentary of the latest status report on or before asOf,
 * finance's earned value to the cent, the gates, the top risks in score order, open issues by
 * priority, decisions and authorised changes since the previous status report; and who may
 * download it, 400 and 404.
 */
import { asAdmin, asRole, asSuperAdmin, getStrapi, http, type Agent } from '../helpers/strapi';
import { AS_OF, download, orion, pdfText, section } from './highlight-fixtures';

let superAdmin: Agent;
let project: Awaited<ReturnType<typeof orion>>;
let text: string;
let filename: string | undefined;

const path = (documentId: string, asOf = AS_OF) => `/pmo/reports/highlight/projects/${documentId}.pdf?asOf=${asOf}`;

const ACCESS = { action: 'plugin::pmo.access', subject: null, properties: {}, conditions: [] };
const READ_PROJECTS = { action: 'plugin::content-manager.explorer.read', subject: 'api::project.project', properties: { fields: ['name', 'code'] } };

const CUSTOM_ROLES = ['hl-no-projects', 'hl-creator-only', 'hl-outsider'];

/** An admin role made for these tests with exactly these permissions (removed after the file). */
async function customRole(code: string, permissions: unknown[]) {
  const roles = getStrapi().service('admin::role') as any;
  const role = (await getStrapi().db.query('admin::role').findOne({ where: { code } })) ?? (await roles.create({ name: code, code, description: 'Made by the highlight report tests' }));
  await roles.assignPermissions(role.id, permissions);
  return code;
}

/** The words in order: each found after the one before. */
function inOrder(haystack: string, words: string[]) {
  let from = 0;
  for (const word of words) {
    const at = haystack.indexOf(word, from);
    if (at === -1) throw new Error(`"${word}" not found after position ${from}`);
    from = at + word.length;
  }
}

afterAll(async () => {
  // The roles and their users go, so no later file of the worker meets them.
  const strapi = getStrapi();
  const roles = (await strapi.db.query('admin::role').findMany({ where: { code: { $in: CUSTOM_ROLES } } })) as Array<{ id: number }>;
  const users = (await strapi.db.query('admin::user').findMany({ where: { roles: { id: { $in: roles.map((r) => r.id) } } } })) as Array<{ id: number }>;
  if (users.length) await (strapi.service('admin::user') as any).deleteByIds(users.map((u) => u.id));
  if (roles.length) await (strapi.service('admin::role') as any).deleteByIds(roles.map((r) => r.id));
});

beforeAll(async () => {
  superAdmin = await asSuperAdmin();
  project = await orion(superAdmin);
  const res = await download(superAdmin, path(project.documentId));
  if (res.status !== 200) throw new Error(`report: ${res.status} ${res.body}`);
  expect(res.headers['content-type']).toBe('application/pdf');
  filename = /filename="?([^";]+)"?/.exec(res.headers['content-disposition'] ?? '')?.[1];
  expect((res.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  text = await pdfText(res.body);
});

describe('a project highlight report', () => {
  it('is a PDF attachment named after the project code and the as-of date', () => {
    expect(filename).toBe(`highlight-${project.code}-${AS_OF}.pdf`);
  });

  it('heads with the project, its people, programme, lifecycle state by name and the date', () => {
    expect(text).toContain(`${project.code} · Orion ledger upgrade`);
    expect(text).toMatch(/^Highlight report As of 31 Mar 2026/);
    expect(text).toContain('Project highlight report as of 31 Mar 2026');
    expect(text).toMatch(/Manager\s+Maria Manager/);
    expect(text).toMatch(/Sponsor\s+Sam Sponsor/);
    expect(text).toMatch(/Lifecycle state\s+Planning/);
    expect(text).toMatch(/Programme\s+Not in a programme/);
    expect(text).not.toContain('planning'); // the state's name, not its key
  });

  it("shows the RAG and commentary of the latest status report on or before asOf, not a later one's", () => {
    inOrder(text, ['Overall: Amber', 'Schedule: Red', 'Cost: Green', 'Scope: Amber']);
    expect(text).toContain('From the status report of 31 Mar 2026 (50% complete)');
    expect(text).toContain('Ledger migration is halfway; the data cleansing supplier is two weeks late.');
    expect(text).toContain('Rehearse the cut-over weekend and agree the archive plan.');
    expect(text).not.toContain('A report after the as-of date');
  });

  it("gives finance's earned value exactly, to the cent, with CPI and SPI to two decimals", async () => {
    inOrder(text, ['BAC (budget at completion)', '52,345.67 EUR', 'CPI (cost performance index)', '0.92']);
    inOrder(text, ['PV (planned value)', '32,345.67 EUR', 'SPI (schedule performance index)', '0.81']);
    inOrder(text, ['EV (earned value)', '26,172.84 EUR', 'EAC (estimate at completion)', '56,691.34 EUR']);
    inOrder(text, ['AC (actual cost)', '28,345.67 EUR', 'VAC (variance at completion)', '-4,345.67 EUR']);
    // The same figures finance answers for the project on that day.
    const evm = await superAdmin.get(`/pmo/evm/projects/${project.documentId}?asOf=${AS_OF}`);
    expect(evm.body).toMatchObject({ bac: '52345.67', pv: '32345.67', ev: '26172.84', ac: '28345.67', eac: '56691.34', vac: '-4345.67' });
    expect(evm.body.cpi.toFixed(2)).toBe('0.92');
    expect(evm.body.spi.toFixed(2)).toBe('0.81');
  });

  it('draws the S-curve with its legend and the as-of marker', () => {
    inOrder(text, ['S-curve', 'EUR', 'As of 31 Mar 2026', 'PV (planned value)', 'EV (earned value)', 'AC (actual cost)']);
    expect(text).toMatch(/Jan 2026/);
  });

  it('lists the gates decided by asOf, the next gate and the open condition, overdue on asOf', () => {
    inOrder(text, ['Gates', 'Gate 1 (business justification)', 'Go', '10 Jan 2026', 'Gate 2 (delivery strategy)', 'Conditional go', '10 Feb 2026']);
    expect(text).toContain('Next gate: Gate 3 (investment decision)');
    inOrder(text, ['Open conditions (1)', 'Appoint a data migration lead', 'Olly Owner', '15 Mar 2026 (overdue)']);
  });

  it('lists the five open risks of highest score (probability × impact) in order, the rest as "and 1 more"', () => {
    inOrder(text, [
      'Top risks',
      'The 5 highest of 6 open risks',
      '20',
      'Data cleansing supplier late',
      '4 × 5',
      'Olly Owner',
      'Reduce',
      '30 Apr 2026',
      'Key accountant leaves',
      'Regulator changes VAT rules',
      'Cut-over weekend overruns',
      'Licence costs rise',
      'and 1 more open risk',
    ]);
    expect(text).not.toContain('Printer driver incompatible');
    expect(text).not.toContain('Closed risk of a failed vendor');
  });

  it('lists open issues most urgent first, resolved ones left out', () => {
    inOrder(text, ['Open issues', '3 open issues: 1 critical, 1 high, 1 low', 'Critical', 'Payment run blocked', 'High', 'Chart of accounts mapping incomplete', 'Low', 'Typo in the training guide']);
    expect(text).not.toContain('Resolved issue of last year');
  });

  it('lists the decisions taken after the previous status report up to asOf, and no others', () => {
    inOrder(text, ['Decisions since the previous report', 'after the previous status report (28 Feb 2026) up to 31 Mar 2026', '5 Mar 2026', 'Extend the data cleansing contract', 'Sam Sponsor', 'Meeting']);
    expect(text).not.toContain('Adopt a phased cut-over');
    expect(text).not.toContain('Keep the legacy ledger read-only');
    expect(text).not.toContain('Hire a second tester');
  });

  it('lists the change requests authorised in the same window, with their cost impact to the cent', () => {
    inOrder(text, ['Changes authorised', 'Add the archive migration', '12,345.67 EUR', '10 Mar 2026', 'Total cost impact of the 1 change authorised: 12,345.67 EUR']);
    const changes = section(text, 'Changes authorised', 'Total cost impact');
    expect(changes).not.toContain('Earlier approved change');
    expect(changes).not.toContain('Rejected change');
  });

  it('numbers its pages and says what it is on each', () => {
    expect(text).toMatch(/Page 1 of \d/);
    expect(text).toContain(`PMO Hub · Highlight report · ${project.code} Orion ledger upgrade · as of 31 Mar 2026`);
  });
});

describe('as of another day', () => {
  it('takes the status report, figures and window of that day', async () => {
    const res = await download(superAdmin, path(project.documentId, '2026-02-28'));
    expect(res.status).toBe(200);
    const early = await pdfText(res.body);
    inOrder(early, ['Overall: Green', 'Schedule: Amber']);
    expect(early).toContain('after the previous status report (31 Jan 2026) up to 28 Feb 2026');
    expect(early).toContain('Adopt a phased cut-over');
    expect(early).toContain('Keep the legacy ledger read-only');
    const changes = section(early, 'Changes authorised', 'Total cost impact');
    expect(changes).toContain('Earlier approved change');
    expect(changes).not.toContain('Add the archive migration');
  });

  it('defaults to today', async () => {
    const res = await download(superAdmin, `/pmo/reports/highlight/projects/${project.documentId}.pdf`);
    expect(res.status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    expect(res.headers['content-disposition']).toContain(`highlight-${project.code}-${today}.pdf`);
  });
});

describe('who may download it', () => {
  it('gives a user without finance read the report without earned value figures', async () => {
    const manager = await asRole('project-manager');
    const res = await download(manager, path(project.documentId));
    expect(res.status).toBe(200);
    const seen = await pdfText(res.body);
    expect(seen).toContain('Earned value is not shown: you may not read finance figures.');
    expect(seen).not.toContain('BAC (budget at completion)');
    expect(seen).not.toContain('52,345.67 EUR');
    expect(seen).not.toContain('26,172.84 EUR');
    // What it may read is there: the status and the gates.
    expect(seen).toContain('Overall: Amber');
    expect(seen).toContain('Next gate: Gate 3 (investment decision)');
  });

  it('refuses a user who may not read projects, and one whose conditions keep this project from them', async () => {
    const noProjects = await asAdmin('hl.no-projects@test.pmo', [await customRole('hl-no-projects', [ACCESS])]);
    const refused = await noProjects.get(path(project.documentId));
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('You may not read projects, so you cannot download their highlight reports');

    const creatorOnly = await asAdmin('hl.creator-only@test.pmo', [await customRole('hl-creator-only', [ACCESS, { ...READ_PROJECTS, conditions: ['admin::is-creator'] }])]);
    const kept = await creatorOnly.get(path(project.documentId));
    expect(kept.status).toBe(403);
    expect(kept.body.error.message).toBe(`You may not read the project ${project.code}, so you cannot download its highlight report`);
  });

  it('refuses a user without PMO Hub access, and a caller not signed in', async () => {
    const outsider = await asAdmin('hl.outsider@test.pmo', [await customRole('hl-outsider', [{ ...READ_PROJECTS, conditions: [] }])]);
    expect((await outsider.get(path(project.documentId))).status).toBe(403);
    expect((await http().get(path(project.documentId))).status).toBe(401);
  });
});

describe('bad requests', () => {
  it('answers 404 in words for a project that does not exist', async () => {
    const res = await superAdmin.get(path('nosuchproject0000000000'));
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('There is no such project (it may have been deleted)');
  });

  it('answers the one 400 for a malformed or unknown parameter, naming it', async () => {
    const bad = await superAdmin.get(`/pmo/reports/highlight/projects/${project.documentId}.pdf?asOf=2026-02-30`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(bad.body.error.details.errors).toEqual([{ path: ['asOf'], message: 'Give the as-of date as a real day, written 2026-12-02 for 2 Dec 2026', name: 'ValidationError' }]);
    const unknown = await superAdmin.get(`/pmo/reports/highlight/projects/${project.documentId}.pdf?colour=red`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.errors[0]).toMatchObject({ path: ['colour'], message: 'This address has no query parameter "colour"' });
    const twice = await superAdmin.get(`/pmo/reports/highlight/projects/${project.documentId}.pdf?asOf=${AS_OF}&asOf=${AS_OF}`);
    expect(twice.status).toBe(400);
    expect(twice.body.error.details.errors[0].path).toEqual(['asOf']);
  });

  it('never answers 5xx to hostile addresses', async () => {
    const base = '/pmo/reports/highlight/projects';
    for (const url of [`${base}/constructor.pdf`, `${base}/%00.pdf`, `${base}/${'x'.repeat(300)}.pdf`, `${base}/${project.documentId}.pdf?asOf[$gt]=1`, `${base}/${project.documentId}.pdf?__proto__=1`]) {
      const res = await superAdmin.get(url);
      expect({ url, status: res.status < 500 }).toEqual({ url, status: true });
    }
  });
});
