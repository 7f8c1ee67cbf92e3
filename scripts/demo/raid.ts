/**
 * The demo's RAID registers, so they are not empty: each project's risks and issues (the ones its
 * catalogue entry names, scored from a seed of its code), lessons learned on the projects that
 * are closing or closed (the lifecycle's gate 5 needs one), a few programme board decisions and
 * dependencies between projects, two of them late. Gate-review and change-request decisions come
 * by themselves as the history plays (./activity.ts). Written through the Document Service, so
 * scores are derived and the rules apply; idempotent: an entry found by its title and holder is
 * left as it is.
 */
import type { Core } from '@strapi/strapi';
import { PROGRAMMES, PROJECTS, emailOf, type ProjectSpec } from './catalog';
import { seededRandom } from './generate';
import { addDays, demoLifecycleTarget, isoDay } from './history';
import { DEMO_UIDS, demoAnchor } from './seed';

export const RAID_UIDS = {
  risk: 'api::risk.risk',
  issue: 'api::issue.issue',
  decision: 'api::decision.decision',
  lesson: 'api::lesson.lesson',
  dependency: 'api::dependency.dependency',
} as const;

type Row = Record<string, any> & { id: number; documentId: string };

const query = (strapi: Core.Strapi, uid: string) => strapi.db.query(uid as any);
const docs = (strapi: Core.Strapi, uid: string) => strapi.documents(uid as any) as any;

/** The first sentence of a catalogue line, as a register title. */
const titleOf = (text: string) => (text.split(/(?<=\.)\s/)[0] ?? text).replace(/\.$/, '').slice(0, 200);

const THREAT_RESPONSES = ['reduce', 'reduce', 'avoid', 'transfer', 'accept'] as const;

const LESSONS: Array<{ category: string; title: string; whatHappened: string; recommendation: string; tags: string }> = [
  {
    category: 'planning',
    title: 'Book test environments at initiation',
    whatHappened: 'The shared test environment was booked by two projects in the same fortnight; integration testing slipped by nine days.',
    recommendation: 'Reserve test environments in the stage plan and confirm them at each gate review.',
    tags: 'testing, environments',
  },
  {
    category: 'suppliers',
    title: 'Agree data migration acceptance criteria with the supplier up front',
    whatHappened: 'The supplier and the business read "migrated" differently; three reconciliation rounds were needed.',
    recommendation: 'Write measurable acceptance criteria for migrated data into the statement of work.',
    tags: 'data migration, contracts',
  },
  {
    category: 'people',
    title: 'Involve the service desk before go-live',
    whatHappened: 'Call volumes doubled in the first week because the service desk saw the new screens on launch day.',
    recommendation: 'Train the service desk during the pilot and give them a known-issues list.',
    tags: 'handover, service desk',
  },
];

const DECISIONS: Array<{ programme: string; title: string; decision: string; daysAgo: number; by: string }> = [
  { programme: 'PRG-DIGITAL', title: 'Single identity provider for customer channels', decision: 'The portal and the mobile app use the group identity platform (IAM) rather than separate logins.', daysAgo: 120, by: 'nadia' },
  { programme: 'PRG-INFRA', title: 'Exit the data centre in two waves', decision: 'Wave 1 moves the non-critical estate; wave 2 waits for SD-WAN in every branch.', daysAgo: 75, by: 'helen' },
  { programme: 'PRG-FINOPS', title: 'Freeze the chart of accounts for the ERP cut-over', decision: 'No new cost centres from one month before cut-over to one month after.', daysAgo: 40, by: 'helen' },
];

/** [needs, delivers, what, days from the anchor, status] */
const DEPENDENCIES: Array<[string, string, string, number, 'open' | 'met']> = [
  ['CUST-PORTAL', 'CRM-CONSOL', 'Customer API for service request tracking', -20, 'open'],
  ['MOBILE-APP', 'IAM', 'Single sign-on for the mobile app', 30, 'open'],
  ['E-INVOICE', 'ERP-REPL', 'Supplier master data in the new ERP', -5, 'open'],
  ['DC-EXIT', 'NET-SDWAN', 'SD-WAN live in the two hub sites', -60, 'met'],
  ['DATA-PLATFORM', 'GDPR-RETENTION', 'Retention rules for the customer data lake', 45, 'open'],
];

/** A lesson learned on the project (gate 5 needs one); answers whether it was created. */
export async function recordDemoLesson(strapi: Core.Strapi, spec: ProjectSpec, projectDocumentId: string, anchorDay: Date, index = 0): Promise<boolean> {
  const lesson = LESSONS[(spec.code.length + index) % LESSONS.length];
  const found = await query(strapi, RAID_UIDS.lesson).findOne({ where: { title: lesson.title, project: { documentId: projectDocumentId } }, select: ['id'] });
  if (found) return false;
  const recordedOn = isoDay(addDays(anchorDay, -Math.max(0, -(spec.startOffset + spec.months)) * 30));
  await docs(strapi, RAID_UIDS.lesson).create({ data: { ...lesson, project: projectDocumentId, recordedOn } });
  return true;
}

async function ensure(strapi: Core.Strapi, uid: string, where: Record<string, unknown>, data: Record<string, unknown>): Promise<boolean> {
  if (await query(strapi, uid).findOne({ where, select: ['id'] })) return false;
  await docs(strapi, uid).create({ data });
  return true;
}

/** Loads the registers; answers how many entries it created (0 on a second run). */
export async function loadDemoRegisters(strapi: Core.Strapi): Promise<number> {
  const anchor = await demoAnchor(strapi, new Date());
  const day = (offset: number) => isoDay(addDays(anchor.day, offset));
  const projects: Row[] = await query(strapi, DEMO_UIDS.project).findMany({
    where: { code: { $in: PROJECTS.map((p) => p.code) } },
    select: ['id', 'documentId', 'code'],
    populate: { manager: { select: ['documentId'] } },
  });
  const byCode = new Map(projects.map((p) => [p.code, p]));
  const people: Row[] = await query(strapi, DEMO_UIDS.person).findMany({ select: ['documentId', 'email'] });
  const personOf = (key: string) => people.find((p) => p.email === emailOf(key))?.documentId ?? null;
  let created = 0;

  for (const spec of PROJECTS) {
    const project = byCode.get(spec.code);
    if (!project) continue;
    const target = demoLifecycleTarget(spec);
    const finished = target === 'closed';
    const random = seededRandom(`${spec.code}:raid`);
    for (const [index, text] of spec.risks.slice(0, 3).entries()) {
      const probability = 1 + Math.floor(random() * 5);
      const impact = 2 + Math.floor(random() * 4);
      const response = THREAT_RESPONSES[Math.floor(random() * THREAT_RESPONSES.length)];
      const title = titleOf(text);
      const data = {
        title,
        type: 'threat',
        project: project.documentId,
        owner: project.manager?.documentId ?? null,
        event: text,
        probability,
        impact,
        response,
        responseActions: response === 'accept' ? 'Monitored at each highlight report.' : 'Actions agreed at the last project board; see the stage plan.',
        ...(response === 'reduce' ? { residualProbability: Math.max(1, probability - 2), residualImpact: Math.max(1, impact - 1) } : {}),
        proximity: day(15 + index * 20),
        status: finished ? 'closed' : 'open',
      };
      if (await ensure(strapi, RAID_UIDS.risk, { title, project: { id: project.id } }, data)) created += 1;
    }
    for (const [index, text] of spec.issues.slice(0, 2).entries()) {
      const title = titleOf(text);
      const priority = (['medium', 'high', 'low', 'critical'] as const)[Math.floor(random() * 4)];
      const data = {
        title,
        project: project.documentId,
        owner: project.manager?.documentId ?? null,
        priority,
        severity: priority === 'critical' ? 'high' : 'medium',
        raisedOn: day(-30 - index * 14),
        targetDate: day(10 + index * 14),
        resolution: finished ? 'Resolved before the project closed.' : null,
        status: finished ? 'closed' : 'open',
      };
      if (await ensure(strapi, RAID_UIDS.issue, { title, project: { id: project.id } }, data)) created += 1;
    }
    if (finished || target === 'closing') {
      if (await recordDemoLesson(strapi, spec, project.documentId, anchor.day)) created += 1;
    }
  }

  const programmes: Row[] = await query(strapi, DEMO_UIDS.programme).findMany({ where: { code: { $in: PROGRAMMES.map((p) => p.code) } }, select: ['id', 'documentId', 'code'] });
  for (const spec of DECISIONS) {
    const programme = programmes.find((p) => p.code === spec.programme);
    if (!programme) continue;
    const data = { title: spec.title, decision: spec.decision, decidedOn: day(-spec.daysAgo), decidedBy: personOf(spec.by), programme: programme.documentId, source: 'meeting' };
    if (await ensure(strapi, RAID_UIDS.decision, { title: spec.title, programme: { id: programme.id } }, data)) created += 1;
  }

  for (const [needs, delivers, description, offset, status] of DEPENDENCIES) {
    const [from, to] = [byCode.get(needs), byCode.get(delivers)];
    if (!from || !to) continue;
    const data = { fromProject: from.documentId, toProject: to.documentId, description, needBy: day(offset), status };
    if (await ensure(strapi, RAID_UIDS.dependency, { description, fromProject: { id: from.id } }, data)) created += 1;
  }
  return created;
}
