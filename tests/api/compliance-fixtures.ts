/**
 * Standards, documents, programmes and assessments for the compliance tests. Every standard made
 * here is deleted after each test (afterEach below), so that the mandatory standards one test
 * publishes never guard the gates of another test in the same worker's database.
 */
import { getStrapi, uniqueCode, type Agent } from '../helpers/strapi';
import { approveAndPublish } from '../helpers/workflow-state';
import { documentInState, type DocumentState } from '../helpers/documents';
import { DOCUMENT_UID, PORTFOLIO_UID, PROGRAMME_UID, STANDARD_UID } from '../../src/plugins/pmo/shared/contracts/uids';

type Doc = { documentId: string; code: string; title: string } & Record<string, any>;
const documents = (uid: string) => getStrapi().documents(uid as any) as any;

const made: string[] = [];

afterEach(async () => {
  while (made.length) await documents(STANDARD_UID).delete({ documentId: made.pop()! });
});

export async function complianceStandard(data: {
  appliesToStates: string[];
  mandatory?: boolean;
  requiredDocumentTypes?: string[];
  checklist: Array<{ text: string; mustMeet: boolean }>;
  title?: string;
  version?: string;
}): Promise<Doc> {
  const created = await documents(STANDARD_UID).create({
    data: { code: uniqueCode('CMP'), title: 'Delivery standard', category: 'governance', version: '1.0', mandatory: true, ...data },
  });
  made.push(created.documentId);
  await approveAndPublish(getStrapi(), STANDARD_UID, created.documentId);
  return created;
}

/** A project's document; `status` puts it in that state of the document-review workflow (tests/helpers/documents.ts). */
export async function projectDocument(projectId: string, documentType: string, data: Record<string, unknown>) {
  const { status, ...rest } = data;
  // An approved document reviewed on a past day was approved no later than that review (the cycle counts from it).
  if (status === 'approved' && typeof rest.lastReviewedAt === 'string' && rest.approvedAt === undefined) rest.approvedAt = `${rest.lastReviewedAt}T00:00:00.000Z`;
  return documentInState((status as DocumentState | undefined) ?? 'draft', { title: `${documentType} doc`, documentType, project: projectId, ...rest });
}

export async function programmeIn(portfolio?: Doc) {
  const created = await documents(PROGRAMME_UID).create({
    data: { name: 'Compliance programme', code: uniqueCode('PGM'), ...(portfolio ? { portfolio: portfolio.documentId } : {}) },
  });
  return created as Doc;
}

export async function portfolio() {
  return (await documents(PORTFOLIO_UID).create({ data: { name: 'Compliance portfolio', code: uniqueCode('PFL') } })) as Doc;
}

export type Answer = { result: 'met' | 'not-met' | 'not-applicable'; evidence?: string };

export const assess = (agent: Agent, project: { documentId: string }, standard: { documentId: string }, results: Answer[], extra: Record<string, unknown> = {}) =>
  agent.post('/pmo/compliance/assessments').send({ project: project.documentId, standard: standard.documentId, results, ...extra });
