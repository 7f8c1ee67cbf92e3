/**
 * What the demo's projects need, before each gate from gate 2 on, to pass the project lifecycle's
 * compliance guards (docs/compliance.md) as a PMO would have made them: a passed compliance
 * assessment of each published mandatory standard for the state the gate leads to (recorded by
 * the gate's chair, every criterion met), and an approved, current document of each document type
 * the standards for that state require that the project does not already have. Both are dated
 * the day the demo is loaded (the guards read today's facts), so the matrix shows them current.
 * Idempotent: nothing is added where the project already complies.
 */
import type { Core } from '@strapi/strapi';

type Row = Record<string, any>;
type Standard = { documentId: string; code: string; mandatory: boolean; appliesToStates: string[]; requiredDocumentTypes: string[]; checklist: unknown[] };
type Compliance = {
  /** The published standards applying to a state (the compliance service's, the guards' rule). */
  standardsFor(state: string): Promise<Standard[]>;
  latestAssessments(projectIds: number[]): Promise<Map<string, Row>>;
  record(caller: { user: { id: number; email?: string | null }; ability: { can(): boolean } }, input: Row): Promise<Row>;
};

const DOCUMENT_UID = 'api::document.document';
const PROJECT_UID = 'api::project.project';
const words = (key: string) => key.charAt(0).toUpperCase() + key.slice(1).replace(/-/g, ' ');

export async function complyForGate(
  strapi: Core.Strapi,
  projectDocumentId: string,
  state: string,
  chair: { id: number; email: string },
  /** Takes a new document through the document-review workflow to "approved" (its state belongs to the workflow). */
  approve: (documentId: string, moment: string) => Promise<void>
) {
  const compliance = strapi.plugin('pmo').service('compliance') as Compliance;
  const project = (await strapi.db.query(PROJECT_UID as any).findOne({ where: { documentId: projectDocumentId }, select: ['id', 'code'] })) as Row;
  const applying = await compliance.standardsFor(state);
  const latest = await compliance.latestAssessments([project.id]);
  const today = new Date().toISOString().slice(0, 10);
  for (const standard of applying.filter((s) => s.mandatory && s.checklist.length)) {
    const current = latest.get(`${project.id}:${standard.documentId}`);
    if (current?.passed) continue;
    await compliance.record(
      { user: chair, ability: { can: () => true } },
      { project: projectDocumentId, standard: standard.documentId, assessedOn: today, results: standard.checklist.map(() => ({ result: 'met', evidence: 'Checked at the gate review' })) }
    );
  }
  const types = [...new Set(applying.flatMap((standard) => standard.requiredDocumentTypes))];
  for (const type of types) {
    const have = await strapi.db.query(DOCUMENT_UID as any).findMany({
      where: { project: { id: project.id }, documentType: type, status: 'approved', $or: [{ nextReviewDue: { $null: true } }, { nextReviewDue: { $gte: today } }] },
      select: ['id'],
    });
    if (have.length) continue;
    const created = await strapi.documents(DOCUMENT_UID as any).create({
      data: { title: `${words(type)} (${project.code})`, documentType: type, project: projectDocumentId, version: '1.0', lastReviewedAt: today, reviewCycleDays: 180 } as any,
    });
    await approve(created.documentId, new Date().toISOString());
  }
}
