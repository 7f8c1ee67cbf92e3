/**
 * The dashboard tests' fixed data set, declared as data (FIXTURE) and stored through the Document
 * Service: one portfolio of two programmes and four projects, with budgets, costs, status
 * reports, risks, issues, documents, gate reviews, conditions and dependencies, plus a project in
 * another portfolio that must never count. The tests compute every expected figure from FIXTURE
 * (or with plain SQL), never from the dashboard's code.
 */
import { documentInState } from '../helpers/documents';
import { asCapability, getStrapi, uniqueCode } from '../helpers/strapi';
import { putInState } from '../helpers/workflow-state';
import { GATE_CONDITION_UID, GATE_REVIEW_UID } from '../../src/plugins/pmo/shared/contracts/governance';
import { DEPENDENCY_UID, ISSUE_UID, PROJECT_UID, RISK_UID } from '../../src/plugins/pmo/shared/contracts/uids';

export const AS_OF = '2026-03-10';
/** A month earlier (the RAG trend's date). */
export const PREVIOUS = '2026-02-10';

type Doc = { documentId: string; code: string; name: string; id: number };
const documents = (uid: string) => getStrapi().documents(uid as never) as any;
const create = async (uid: string, data: Record<string, unknown>) => (await documents(uid).create({ data })) as Doc;

/** "1234.50" → "123450". */
export const minor = (amount: string) => amount.replace('.', '').replace(/^(-?)0+(?=\d)/, '$1');

export type ProjectKey = 'p1' | 'p2' | 'p3' | 'p4' | 'outside';
type ProgrammeKey = 'a' | 'b' | 'other';

type ProjectSpec = {
  name: string;
  programme: ProgrammeKey;
  manager: 'm1' | 'm2';
  state: string;
  startDate: string;
  budget: Array<[period: string, category: string, amount: string]>;
  costs: Array<[date: string, amount: string]>;
  reports: Array<[asOf: string, rag: 'green' | 'amber' | 'red', percent: number]>;
};

/** Everything the data set holds, by key. Amounts in the asOf month divide by 31 (10 of 31 days planned). */
export const FIXTURE = {
  projects: {
    p1: {
      name: 'Apollo ledger', programme: 'a', manager: 'm1', state: 'executing', startDate: '2025-06-01',
      budget: [['2026-01-01', 'labour', '10000.00'], ['2026-02-01', 'labour', '10000.00'], ['2026-03-01', 'opex', '3100.00'], ['2026-04-01', 'capex', '5000.00'], ['2026-03-01', 'management-reserve', '9999.00']],
      costs: [['2026-01-15', '15000.00'], [AS_OF, '10000.00'], ['2026-03-11', '50000.00']],
      reports: [['2026-02-05', 'red', 20], ['2026-03-01', 'red', 40]],
    },
    p2: {
      name: 'Borealis CRM', programme: 'a', manager: 'm2', state: 'executing', startDate: '2025-09-01',
      budget: [['2026-02-01', 'labour', '6200.00'], ['2026-03-01', 'labour', '6200.00']],
      costs: [['2026-02-20', '8000.00']],
      reports: [['2026-01-20', 'green', 10], ['2026-03-05', 'amber', 70], ['2026-03-20', 'red', 90]],
    },
    p3: { name: 'Cirrus data hub', programme: 'b', manager: 'm1', state: 'planning', startDate: '2025-12-01', budget: [], costs: [], reports: [] },
    p4: {
      name: 'Delta archive', programme: 'b', manager: 'm2', state: 'closed', startDate: '2025-01-01',
      budget: [['2025-12-01', 'opex', '1000.00']],
      costs: [['2025-12-31', '950.00']],
      reports: [['2026-01-15', 'amber', 80], ['2026-03-09', 'green', 100]],
    },
    outside: {
      name: 'Outside portfolio', programme: 'other', manager: 'm1', state: 'executing', startDate: '2025-01-01',
      budget: [['2026-01-01', 'labour', '777.00']],
      costs: [['2026-01-02', '999.00']],
      reports: [['2026-03-01', 'red', 5]],
    },
  } satisfies Record<ProjectKey, ProjectSpec>,
  /** [place, probability, impact, status] — a place is a project or a programme (`prog:a`). */
  risks: [
    ['p1', 3, 4, 'open'], ['p1', 3, 4, 'open'], ['p1', 5, 5, 'open'], ['p1', 2, 2, 'closed'],
    ['p2', 1, 5, 'open'], ['p3', 4, 2, 'open'], ['prog:a', 1, 1, 'open'], ['outside', 5, 5, 'open'],
  ] as Array<[string, number, number, string]>,
  /** [place, title, priority, status, raisedOn, targetDate] */
  issues: [
    ['p1', 'Supplier insolvent', 'critical', 'open', '2026-02-01', '2026-03-01'],
    ['p2', 'Data centre outage', 'critical', 'resolved', '2026-02-01', null],
    ['p2', 'Licence count short', 'high', 'open', '2026-02-01', null],
    ['prog:b', '=HYPERLINK("x") key people leaving', 'critical', 'open', '2026-01-10', '2026-04-01'],
    ['p3', 'Raised after the date', 'critical', 'open', '2026-03-15', null],
    ['outside', 'Not ours', 'critical', 'open', '2026-01-01', null],
  ] as Array<[string, string, string, string, string, string | null]>,
  /** [place, title, state, approvedAt, reviewCycleDays] → next review due approvedAt + cycle. */
  documents: [
    ['p1', 'Apollo business case', 'approved', '2025-12-01', 30],
    ['p1', 'Apollo old plan', 'superseded', '2025-10-01', 30],
    ['p2', 'Borealis plan', 'approved', '2026-03-01', 31],
    ['prog:a', 'Programme A blueprint', 'approved', '2026-01-01', 14],
  ] as Array<[string, string, string, string, number]>,
  /** [project, gate, decision, scheduledDate] */
  reviews: [
    ['p1', 4, null, '2026-03-20'],
    ['p1', 4, null, '2026-04-15'],
    ['p2', 3, 'go', '2026-03-15'],
    ['p3', 2, null, AS_OF],
    ['outside', 3, null, '2026-03-12'],
  ] as Array<[ProjectKey, number, string | null, string]>,
  /** [project, text, dueDate, done] — on a conditional go of that project. */
  conditions: [
    ['p2', 'Baseline the schedule', '2026-03-01', false],
    ['p2', 'Sign the contract', '2026-02-01', true],
    ['p1', 'Appoint a design authority', '2026-03-31', false],
  ] as Array<[ProjectKey, string, string, boolean]>,
  /** [from, to, description, needBy, status] */
  dependencies: [
    ['p1', 'outside', 'Apollo needs the shared ledger', '2026-03-01', 'open'],
    ['outside', 'p2', 'Outside needs the CRM export', '2026-02-01', 'late'],
    ['p2', 'p3', 'Borealis needs the data hub', '2026-04-01', 'open'],
    ['p3', 'p4', 'Cirrus needs the archive', '2026-01-01', 'met'],
  ] as Array<[ProjectKey, ProjectKey, string, string, string]>,
};

export type Stored = {
  portfolio: Doc;
  otherPortfolio: Doc;
  programmes: Record<ProgrammeKey, Doc>;
  projects: Record<ProjectKey, Doc>;
  people: Record<'m1' | 'm2', Doc & { fullName: string }>;
  departments: Record<'d1' | 'd2', Doc>;
  /** documentIds of the items stored, by list. */
  ids: { risks: string[]; issues: string[]; documents: string[]; reviews: string[]; conditions: string[]; dependencies: string[] };
};

/** Stores FIXTURE (uniquely coded, so other files' data in the worker's database never mixes in). */
export async function storeFixture(): Promise<Stored> {
  const tag = uniqueCode('DSH');
  const portfolio = await create('api::portfolio.portfolio', { name: `Dashboard portfolio ${tag}`, code: `${tag}-PF` });
  const otherPortfolio = await create('api::portfolio.portfolio', { name: `Other portfolio ${tag}`, code: `${tag}-PF2` });
  const programmes = {
    a: await create('api::programme.programme', { name: `Programme A ${tag}`, code: `${tag}-A`, portfolio: portfolio.documentId }),
    b: await create('api::programme.programme', { name: `Programme B ${tag}`, code: `${tag}-B`, portfolio: portfolio.documentId }),
    other: await create('api::programme.programme', { name: `Programme O ${tag}`, code: `${tag}-O`, portfolio: otherPortfolio.documentId }),
  };
  const departments = {
    d1: await create('api::department.department', { name: `Operations ${tag}` }),
    d2: await create('api::department.department', { name: `Technology ${tag}` }),
  };
  const person = (key: string, fullName: string, department: Doc) =>
    create('api::person.person', { fullName, email: `${key}.${tag.toLowerCase()}@dashboard.test`, department: department.documentId }) as Promise<Doc & { fullName: string }>;
  const people = { m1: await person('m1', `Mara Lind ${tag}`, departments.d1), m2: await person('m2', `Noor Haddad ${tag}`, departments.d2) };

  const projects = {} as Record<ProjectKey, Doc>;
  for (const [key, spec] of Object.entries(FIXTURE.projects) as Array<[ProjectKey, ProjectSpec]>) {
    const project = await create(PROJECT_UID, {
      name: spec.name, code: `${tag}-${key.toUpperCase()}`, programme: programmes[spec.programme].documentId,
      manager: people[spec.manager].documentId, startDate: spec.startDate, reportingCadence: 'monthly',
    });
    projects[key] = project;
    await putInState(getStrapi(), PROJECT_UID, project.documentId, spec.state);
    for (const [period, category, amount] of spec.budget) {
      await create('api::budget-line.budget-line', { project: project.documentId, period, category, amount: minor(amount) });
    }
    for (const [date, amount] of spec.costs) {
      await create('api::cost-entry.cost-entry', { project: project.documentId, date, category: 'opex', amount: minor(amount) });
    }
    for (const [asOf, rag, percentComplete] of spec.reports) {
      await create('api::status-report.status-report', { project: project.documentId, asOf, ragOverall: rag, percentComplete });
    }
  }

  const place = (key: string) =>
    key.startsWith('prog:') ? { programme: programmes[key.slice(5) as ProgrammeKey].documentId } : { project: projects[key as ProjectKey].documentId };
  const ids: Stored['ids'] = { risks: [], issues: [], documents: [], reviews: [], conditions: [], dependencies: [] };

  for (const [at, probability, impact, status] of FIXTURE.risks) {
    const risk = await create(RISK_UID, { title: `Risk ${probability}×${impact} ${tag}`, ...place(at), probability, impact, status });
    ids.risks.push(risk.documentId);
  }
  for (const [at, title, priority, status, raisedOn, targetDate] of FIXTURE.issues) {
    const issue = await create(ISSUE_UID, { title, ...place(at), priority, severity: 'high', status, raisedOn, targetDate, owner: people.m1.documentId });
    ids.issues.push(issue.documentId);
  }
  for (const [at, title, state, approvedAt, reviewCycleDays] of FIXTURE.documents) {
    const stored = await documentInState(state as never, { title, documentType: 'project-plan', ...place(at), owner: people.m2.documentId, reviewCycleDays, approvedAt: `${approvedAt}T09:00:00.000Z` });
    ids.documents.push(stored.documentId);
  }
  const asGovernance = <T>(work: () => Promise<T>) => asCapability('governance', work);
  for (const [key, gate, decision, scheduledDate] of FIXTURE.reviews) {
    const review = await asGovernance(() =>
      create(GATE_REVIEW_UID, { project: projects[key].documentId, gate, decision, scheduledDate, heldDate: decision ? scheduledDate : null })
    );
    ids.reviews.push(review.documentId);
  }
  for (const [key, text, dueDate, done] of FIXTURE.conditions) {
    const held = await asGovernance(() => create(GATE_REVIEW_UID, { project: projects[key].documentId, gate: 2, decision: 'conditional-go', heldDate: '2026-01-05' }));
    const condition = await asGovernance(() => create(GATE_CONDITION_UID, { gateReview: held.documentId, text, dueDate, done, owner: people.m1.documentId }));
    ids.conditions.push(condition.documentId);
  }
  for (const [from, to, description, needBy, status] of FIXTURE.dependencies) {
    const dependency = await create(DEPENDENCY_UID, { fromProject: projects[from].documentId, toProject: projects[to].documentId, description, needBy, status });
    ids.dependencies.push(dependency.documentId);
  }
  return { portfolio, otherPortfolio, programmes, projects, people, departments, ids };
}
