/**
 * The highlight reports' fixed data set: a programme with two projects and a project with budget
 * lines, cost entries, status reports, gate reviews (one with a condition), risks, issues,
 * decisions and change requests, each dated around AS_OF; and the PDF read back as text.
 */
import type { Agent } from '../helpers/strapi';
import { asCapability, getStrapi } from '../helpers/strapi';
import * as make from './finance-fixtures';
import { fire, person, review } from './governance-fixtures';
import { DECISION_UID, ISSUE_UID, RISK_UID } from '../../src/plugins/pmo/shared/contracts/uids';

export const AS_OF = '2026-03-31';

type Doc = { documentId: string; code: string; name: string } & Record<string, any>;

/** A short code unique in the worker's database ("OR-K3F9Q1"), as real project codes are short. */
let made = 0;
export const shortCode = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 6).toUpperCase()}${(made += 1)}`;

const documents = (uid: string) => getStrapi().documents(uid as any) as any;

export { pdfText, readPdf } from '../helpers/pdf';

/** supertest: the body as bytes, whatever its type. */
export const binary = (res: any, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

/** The text of one section of the report: from its heading to the next one named (or the end). */
export function section(text: string, heading: string, next?: string): string {
  const start = text.indexOf(heading);
  if (start === -1) throw new Error(`no section "${heading}"`);
  const end = next ? text.indexOf(next, start + heading.length) : -1;
  return text.slice(start, end === -1 ? undefined : end);
}

export const download = (agent: Agent, path: string) => agent.get(path).buffer(true).parse(binary);

export const risk = (of: Doc, title: string, probability: number, impact: number, extra: Record<string, unknown> = {}) =>
  documents(RISK_UID).create({ data: { title, probability, impact, type: 'threat', status: 'open', project: of.documentId, ...extra } });

export const issue = (of: Doc, title: string, priority: string, extra: Record<string, unknown> = {}) =>
  documents(ISSUE_UID).create({ data: { title, priority, severity: 'medium', raisedOn: '2026-02-01', status: 'open', project: of.documentId, ...extra } });

export const decision = (of: Doc, title: string, decidedOn: string, extra: Record<string, unknown> = {}) =>
  documents(DECISION_UID).create({ data: { title, decision: `${title}: agreed by the board`, decidedOn, source: 'meeting', project: of.documentId, ...extra } });

const status = (of: Doc, asOf: string, percentComplete: number, rags: [string, string, string, string], extra: Record<string, unknown> = {}) =>
  documents('api::status-report.status-report').create({
    data: { project: of.documentId, asOf, percentComplete, ragOverall: rags[0], ragSchedule: rags[1], ragCost: rags[2], ragScope: rags[3], ...extra },
  });

/**
 * Orion ledger upgrade, as of 31 Mar 2026: BAC 52,345.67 (management reserve 5,000.00 left out),
 * PV 32,345.67 (January to March in full), EV 50 % of BAC = 26,172.835 → 26,172.84, AC 28,345.67
 * (an entry after asOf left out); CPI 0.92, SPI 0.81, EAC = AC ÷ 50 % = 56,691.34, VAC -4,345.67.
 */
export async function orion(superAdmin: Agent, programme?: Doc) {
  const manager = await person('hl.manager@test.pmo', 'Maria Manager');
  const sponsor = await person('hl.sponsor@test.pmo', 'Sam Sponsor');
  const owner = await person('hl.owner@test.pmo', 'Olly Owner');
  const project = (await make.project(programme, 'Orion ledger upgrade', { code: shortCode('OR'), manager: manager.documentId, sponsor: sponsor.documentId })) as Doc;

  await make.budgetLine(project, '2026-01-01', 'labour', '10000.00');
  await make.budgetLine(project, '2026-02-01', 'labour', '10000.00');
  await make.budgetLine(project, '2026-03-01', 'opex', '12345.67');
  await make.budgetLine(project, '2026-04-01', 'capex', '20000.00');
  await make.budgetLine(project, '2026-03-01', 'management-reserve', '5000.00');
  await make.costEntry(project, '2026-01-20', '9000.00');
  await make.costEntry(project, '2026-02-20', '11000.00');
  await make.costEntry(project, '2026-03-15', '8345.67');
  await make.costEntry(project, '2026-04-02', '50000.00');

  await status(project, '2026-01-31', 10, ['green', 'green', 'green', 'green']);
  await status(project, '2026-02-28', 30, ['green', 'amber', 'green', 'green']);
  await status(project, AS_OF, 50, ['amber', 'red', 'green', 'amber'], {
    summary: 'Ledger migration is halfway; the data cleansing supplier is two weeks late.',
    nextSteps: 'Rehearse the cut-over weekend and agree the archive plan.',
  });
  await status(project, '2026-04-15', 70, ['red', 'red', 'red', 'red'], { summary: 'A report after the as-of date' });

  // Gates 1 and 2 passed before asOf (gate 2 with a condition, overdue on asOf); the project is planning.
  await review(project, 1, 'go', '2026-01-10');
  if ((await fire(superAdmin, project, 'gate-1')).status !== 200) throw new Error('gate 1');
  // Passing gate 1 scheduled gate 2's review: it is held and decided.
  const pending = (await superAdmin.get(`/pmo/gate-reviews?project=${project.documentId}&gate=2`)).body.results[0];
  const gate2 = await superAdmin.put(`/pmo/gate-reviews/${pending.documentId}`).send({
    heldDate: '2026-02-10',
    decision: 'conditional-go',
    conditions: [{ text: 'Appoint a data migration lead', dueDate: '2026-03-15', owner: owner.documentId }],
  });
  if (gate2.status !== 200) throw new Error(`gate 2 review: ${gate2.status} ${JSON.stringify(gate2.body)}`);
  if ((await fire(superAdmin, project, 'gate-2')).status !== 200) throw new Error('gate 2');

  // Open risks scored 20, 12, 10, 8, 6 and 3 (the sixth is "and 1 more"); a closed one scored 25.
  await risk(project, 'Data cleansing supplier late', 4, 5, { owner: owner.documentId, response: 'reduce', proximity: '2026-04-30' });
  await risk(project, 'Key accountant leaves', 3, 4);
  await risk(project, 'Regulator changes VAT rules', 5, 2);
  await risk(project, 'Cut-over weekend overruns', 2, 4);
  await risk(project, 'Licence costs rise', 2, 3);
  await risk(project, 'Printer driver incompatible', 1, 3);
  await risk(project, 'Closed risk of a failed vendor', 5, 5, { status: 'closed' });

  await issue(project, 'Typo in the training guide', 'low');
  await issue(project, 'Payment run blocked', 'critical', { owner: owner.documentId, targetDate: '2026-04-03' });
  await issue(project, 'Chart of accounts mapping incomplete', 'high');
  await issue(project, 'Resolved issue of last year', 'critical', { status: 'resolved' });

  // The previous status report is dated 28 Feb 2026: decisions after it, up to asOf, are shown.
  await decision(project, 'Adopt a phased cut-over', '2026-02-20');
  await decision(project, 'Keep the legacy ledger read-only', '2026-02-28');
  await decision(project, 'Extend the data cleansing contract', '2026-03-05', { decidedBy: sponsor.documentId });
  await decision(project, 'Hire a second tester', '2026-04-02');

  const change = (title: string, cost: string, decision: string | null, decisionDate: string | null) =>
    make.changeRequest(project, { title, type: 'normal', impact: { cost }, decision, decisionDate });
  await change('Add the archive migration', '1234567', 'approved', '2026-03-10T15:30:00.000Z');
  await change('Earlier approved change', '50000', 'approved', '2026-02-15T10:00:00.000Z');
  await change('Rejected change', '99999', 'rejected', '2026-03-12T10:00:00.000Z');

  return project;
}

/** A programme with Orion and a second project (Vega: on budget, red), and a programme-level risk. */
export async function programme(superAdmin: Agent) {
  const sponsor = await person('hl.sponsor@test.pmo', 'Sam Sponsor');
  const portfolio = await getStrapi().documents('api::portfolio.portfolio' as any).create({ data: { name: 'Highlight portfolio', code: shortCode('PF') } } as any);
  const created = (await getStrapi()
    .documents('api::programme.programme' as any)
    .create({ data: { name: 'Finance transformation', code: shortCode('FT'), portfolio: portfolio.documentId, sponsor: sponsor.documentId } } as any)) as unknown as Doc;
  const orionProject = await orion(superAdmin, created);
  const vega = (await make.project(created, 'Vega payroll', { code: shortCode('VG') })) as Doc;
  await make.budgetLine(vega, '2026-03-01', 'labour', '1000.00');
  await make.costEntry(vega, '2026-03-10', '500.00');
  await status(vega, '2026-03-20', 50, ['red', 'red', 'amber', 'green']);
  await documents(RISK_UID).create({ data: { title: 'Programme funding cut', probability: 5, impact: 5, status: 'open', type: 'threat', programme: created.documentId } });
  await issue(vega, 'Payroll interface down', 'critical');
  await decision(vega, 'Vega goes live in May', '2026-03-25');
  return { programme: created, orion: orionProject, vega };
}

export { asCapability };
