/** Projects, gate reviews, standards and people for the governance tests, each uniquely coded. */
import { asAdmin, asCapability, getStrapi, uniqueCode, type Agent } from '../helpers/strapi';
import { approveAndPublish } from '../helpers/workflow-state';

import { GATE_CONDITION_UID, GATE_REVIEW_UID } from '../../src/plugins/pmo/shared/contracts/governance';
import { PROJECT_UID } from '../../src/plugins/pmo/shared/contracts/uids';

export const PROJECT = PROJECT_UID;
export const GATE_REVIEW = GATE_REVIEW_UID;
export const GATE_CONDITION = GATE_CONDITION_UID;

type Doc = { documentId: string; code: string; name: string } & Record<string, any>;

const documents = (uid: string) => getStrapi().documents(uid as any) as any;

export const today = () => new Date().toISOString().slice(0, 10);
export const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

export async function project(extra: Record<string, unknown> = {}): Promise<Doc> {
  return documents(PROJECT).create({ data: { name: 'Governed project', code: uniqueCode('GOV'), ...extra } });
}

export async function person(email: string, fullName = email.split('@')[0]) {
  const existing = await documents('api::person.person').findFirst({ filters: { email } });
  return (existing ?? (await documents('api::person.person').create({ data: { fullName, email } }))) as Doc;
}

/** A review recorded as governance records it, without its route (the routes' own tests go through HTTP). */
export async function review(of: Doc, gate: number, decision: string | null, heldDate: string | null = '2026-05-02', extra: Record<string, unknown> = {}) {
  return asCapability('governance', () =>
    documents(GATE_REVIEW).create({ data: { project: of.documentId, gate, decision, heldDate: decision ? heldDate : null, ...extra } })
  ) as Promise<Doc>;
}

export async function budgetLine(of: Doc, category: string, amount: string, period = '2026-01-01') {
  return documents('api::budget-line.budget-line').create({ data: { project: of.documentId, period, category, amount } });
}

/**
 * Standards made here are deleted after the test that made them (or, made in a beforeAll, after
 * the file): a mandatory one would otherwise guard (the `standards` guard on gates 2 to 5) the
 * gates of every later test in the worker's database.
 */
const standardsMade = { test: [] as string[], file: [] as string[] };
const removeStandards = async (list: string[]) => {
  while (list.length) await documents('api::standard.standard').delete({ documentId: list.pop()! });
};
afterEach(() => removeStandards(standardsMade.test));
afterAll(() => removeStandards(standardsMade.file));

/** A passed compliance assessment of the project against the standard (each criterion met), through its route. */
export async function passedAssessment(agent: Agent, of: Doc, std: Doc & { checklist?: unknown[] }, criteria: number) {
  const res = await agent
    .post('/pmo/compliance/assessments')
    .send({ project: of.documentId, standard: std.documentId, results: Array.from({ length: criteria }, () => ({ result: 'met' })) });
  if (res.status !== 201) throw new Error(`assessment: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function standard(data: { appliesToStates: string[]; mandatory: boolean; checklist: Array<{ text: string; mustMeet: boolean }> }) {
  const created = await documents('api::standard.standard').create({
    data: { code: uniqueCode('STD'), title: 'Gate standard', category: 'governance', version: '1.0', ...data },
  });
  (expect.getState().currentTestName ? standardsMade.test : standardsMade.file).push(created.documentId);
  await approveAndPublish(getStrapi(), 'api::standard.standard', created.documentId);
  return created as Doc;
}

export async function statusReport(of: Doc, asOf: string, ragOverall: string, extra: Record<string, unknown> = {}) {
  return documents('api::status-report.status-report').create({ data: { project: of.documentId, asOf, percentComplete: 10, ragOverall, ...extra } });
}

export const fire = (agent: Agent, of: Doc, transition: string, comment?: string) =>
  agent.post('/pmo/transitions').send({ uid: PROJECT, documentId: of.documentId, transition, ...(comment ? { comment } : {}) });

export const stateOf = async (of: Doc) => (await documents(PROJECT).findOne({ documentId: of.documentId })).workflowState as string;

/** A lesson learned on the project: gate 5 (the `lessons` guard) needs at least one. */
export async function lesson(of: Doc, title = 'Lessons from the gate review') {
  return documents('api::lesson.lesson').create({
    data: { project: of.documentId, title, category: 'governance', whatHappened: 'The review went smoothly.', recordedOn: today() },
  }) as Promise<Doc>;
}

/** Takes a project through gates 1..n with go reviews (and a budget for gate 3, a lesson for gate 5). */
export async function throughGates(agent: Agent, of: Doc, gates: number) {
  if (gates >= 3) await budgetLine(of, 'labour', '1000000');
  if (gates >= 5) await lesson(of);
  for (let gate = 1; gate <= gates; gate++) {
    await review(of, gate, 'go');
    const res = await fire(agent, of, `gate-${gate}`);
    if (res.status !== 200) throw new Error(`gate-${gate}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** A PMO director who is also a person (so decisions and ownership can name them). */
export async function director() {
  await person('gov.director@test.pmo', 'Dana Director');
  return asAdmin('gov.director@test.pmo', ['pmo-director']);
}
