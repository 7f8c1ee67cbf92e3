/**
 * Takes the demo's documents (./generate.ts) through the document-review workflow to the state
 * the story gives them, as the people who would have: the PMO manager submits (or supersedes),
 * the PMO director approves (never the one who submitted). Each step is fired through the
 * workflow engine and dated when it happened (./activity.ts `fireAt`); the approval is then
 * recorded on the day the story approved the document, so the review cycle counts from it.
 *
 * Runs after ensureDemoAdminUsers and before the projects' gates (whose "no document overdue for
 * review" criterion reads these documents). Idempotent: a document already in its state is left
 * alone. Used by `npm run demo` (scripts/demo.js) and tests/api/demo.test.ts.
 */
import type { Core } from '@strapi/strapi';
import { adminUsers, fireAt } from './activity';
import { PROGRAMMES, PROJECTS, emailOf } from './catalog';
import { generateDemo, type DocumentRow } from './generate';
import { addDays } from './history';
import { DEMO_UIDS, demoAnchor } from './seed';

type State = DocumentRow['status'];
/** The workflow's steps from draft to each state, in order: a document in state i has taken the first i. */
const STEPS: Array<{ transition: string; to: State }> = [
  { transition: 'submit', to: 'in-review' },
  { transition: 'approve', to: 'approved' },
  { transition: 'supersede', to: 'superseded' },
];
const ORDER: State[] = ['draft', 'in-review', 'approved', 'superseded'];

type Row = { documentId: string; title: string; workflowState: string | null; approvedAt: string | Date | null; project?: { code: string } | null; programme?: { code: string } | null };

const keyOf = (title: string, project?: string | null, programme?: string | null) => `${title}|${project ?? ''}|${programme ?? ''}`;
const at = (day: Date, hour: number) => `${day.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const sameInstant = (a: unknown, b: unknown) => a !== null && b !== null && a !== undefined && b !== undefined && new Date(a as string).getTime() === new Date(b as string).getTime();

/** When the story took each step: submitted a week before approval, superseded four weeks after. */
function momentOf(step: string, doc: DocumentRow, anchorDay: Date): string {
  const approved = doc.approvedAt ? new Date(doc.approvedAt) : null;
  if (step === 'submit') return at(approved ? addDays(approved, -7) : addDays(anchorDay, -3), 9);
  if (step === 'approve') return doc.approvedAt ?? at(addDays(anchorDay, -1), 10);
  const superseded = approved ? addDays(approved, 28) : addDays(anchorDay, -1);
  return at(superseded < anchorDay ? superseded : addDays(anchorDay, -1), 11);
}

export async function reviewDemoDocuments(strapi: Core.Strapi): Promise<number> {
  const anchor = await demoAnchor(strapi, new Date());
  const plan = generateDemo(anchor);
  const users = await adminUsers(strapi, [emailOf('helen'), emailOf('tomas')]);
  const [director, manager] = [users.get(emailOf('helen'))!, users.get(emailOf('tomas'))!];
  const rows = (await strapi.db.query(DEMO_UIDS.document as never).findMany({
    where: {
      $or: [{ project: { code: { $in: PROJECTS.map((p) => p.code) } } }, { programme: { code: { $in: PROGRAMMES.map((p) => p.code) } } }],
    },
    select: ['documentId', 'title', 'workflowState', 'approvedAt'],
    populate: { project: { select: ['code'] }, programme: { select: ['code'] } },
  } as never)) as Row[];
  const byKey = new Map(rows.map((row) => [keyOf(row.title, row.project?.code, row.programme?.code), row]));
  const fields = strapi.plugin('pmo').service('protectedFields') as { asCapability<T>(owner: 'compliance', work: () => T): T };

  let fired = 0;
  for (const doc of plan.documents) {
    const row = byKey.get(keyOf(doc.title, doc.project, doc.programme));
    if (!row) continue;
    const reached = Math.max(0, ORDER.indexOf((row.workflowState ?? 'draft') as State));
    const target = ORDER.indexOf(doc.status);
    for (const step of STEPS.slice(reached, target)) {
      const user = step.transition === 'approve' ? director : manager;
      const comment = step.transition === 'supersede' ? 'Superseded by the project initiation document' : undefined;
      await fireAt(strapi, { uid: DEMO_UIDS.document, documentId: row.documentId, transition: step.transition, comment }, user, momentOf(step.transition, doc, anchor.day));
      fired += 1;
    }
    // The approval as the story dates it (the engine recorded the moment it was fired).
    if (target >= ORDER.indexOf('approved') && doc.approvedAt) {
      const current = (await strapi.db.query(DEMO_UIDS.document as never).findOne({ where: { documentId: row.documentId }, select: ['approvedAt'] } as never)) as Row;
      if (!sameInstant(current.approvedAt, doc.approvedAt)) {
        await fields.asCapability('compliance', () =>
          strapi.documents(DEMO_UIDS.document as never).update({ documentId: row.documentId, data: { approvedAt: doc.approvedAt } } as never)
        );
      }
    }
  }
  return fired;
}
