/**
 * The demo's planning, loaded after the lifecycles have run (./activity.ts):
 *
 * - **Allocations**: each person's department leader has approved the bookings of projects that
 *   have started, so the capacity plan shows booked time; the bookings of a project that starts
 *   later are still requested (tentative), waiting in the leader's "my work". The approval is
 *   PMO Hub's own move (the workflow engine's `moveTo`), its history naming the leader.
 * - **Milestones**: each project's catalogue milestones, spread over its timeline. A project that
 *   runs behind (its `scheduleFactor` below 1) forecasts each milestone late by the same share of
 *   the time since its start; milestones whose forecast has passed are done on that day. A project
 *   past gate 3 has frozen baselines: its milestones take the plan as their first forecast (hence
 *   their baseline), then the slipped forecast, so the slip trend has two points.
 *
 * Idempotent: an approved allocation and a project that has milestones are left alone.
 */
import type { Core } from '@strapi/strapi';
import { DEPARTMENTS, PEOPLE, PROJECTS, emailOf, type ProjectSpec } from './catalog';
import { DEMO_UIDS, demoAnchor } from './seed';
import { isoDate, type Anchor } from './generate';

const MILESTONE_UID = 'api::milestone.milestone';
const INSTANCE_UID = 'plugin::pmo.workflow-instance';
const DAY_MS = 24 * 60 * 60 * 1000;

type Row = Record<string, any> & { id: number; documentId: string };
type Engine = {
  workflowFor(uid: string): Promise<unknown>;
  moveTo(move: { uid: string; documentId: string; state: string; actorName: string; transition?: string; comment?: string }): Promise<unknown>;
};
type Documents = {
  create(params: { data: Record<string, unknown> }): Promise<Row>;
  update(params: { documentId: string; data: Record<string, unknown> }): Promise<Row>;
};

const query = (strapi: Core.Strapi, uid: string) => strapi.db.query(uid as never) as any;
const milestones = (strapi: Core.Strapi) => strapi.documents(MILESTONE_UID as never) as unknown as Documents;
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);
const monthStart = (anchor: Anchor, offset: number) => new Date(Date.UTC(anchor.month.getUTCFullYear(), anchor.month.getUTCMonth() + offset, 1));

export type DemoMilestone = { name: string; planned: string; forecast: string; actual: string | null };

/**
 * A project's milestones: the n-th of N falls n/N of the way through the project (the last on
 * its last day); late by (1 / scheduleFactor − 1) of the days since the start, done on its
 * forecast when that is before the anchor day.
 */
export function demoMilestones(spec: ProjectSpec, anchor: Anchor): DemoMilestone[] {
  const start = monthStart(anchor, spec.startOffset);
  const end = addDays(monthStart(anchor, spec.startOffset + spec.months), -1);
  const span = Math.round((end.getTime() - start.getTime()) / DAY_MS);
  const lateShare = 1 / spec.scheduleFactor - 1;
  return spec.milestones.map((name, index) => {
    const offset = Math.round((span * (index + 1)) / spec.milestones.length);
    const planned = addDays(start, offset);
    const forecast = addDays(planned, Math.round(offset * lateShare));
    return { name, planned: isoDate(planned), forecast: isoDate(forecast), actual: forecast < anchor.day ? isoDate(forecast) : null };
  });
}

/** Approves the allocations of started projects, as each person's department leader. Answers how many. */
async function approveAllocations(strapi: Core.Strapi, anchor: Anchor): Promise<number> {
  const engine = strapi.plugin('pmo').service('workflow') as Engine;
  if (!(await engine.workflowFor(DEMO_UIDS.allocation))) return 0;
  const started = PROJECTS.filter((spec) => monthStart(anchor, spec.startOffset) <= anchor.day).map((spec) => spec.code);
  const rows: Row[] = await query(strapi, DEMO_UIDS.allocation).findMany({
    where: { project: { code: { $in: started } } },
    select: ['id', 'documentId'],
    populate: { person: { select: ['email'], populate: { department: { select: ['name'] } } } },
  });
  const states: Row[] = await query(strapi, INSTANCE_UID).findMany({
    where: { targetUid: DEMO_UIDS.allocation, targetDocumentId: { $in: rows.map((row) => row.documentId) } },
    select: ['targetDocumentId', 'state'],
  });
  const approved = new Set(states.filter((s) => s.state === 'approved').map((s) => s.targetDocumentId));
  const leaderOf = new Map(DEPARTMENTS.map((d) => [d.name, emailOf(d.leader)]));
  const nameOf = new Map(PEOPLE.map((p) => [p.email, p.fullName]));
  let count = 0;
  for (const row of rows) {
    if (approved.has(row.documentId)) continue;
    const leader = leaderOf.get(row.person?.department?.name ?? '');
    await engine.moveTo({
      uid: DEMO_UIDS.allocation,
      documentId: row.documentId,
      state: 'approved',
      transition: 'approve',
      actorName: (leader && nameOf.get(leader)) || 'PMO Hub demo',
      comment: 'Agreed at the monthly resourcing meeting',
    });
    count += 1;
  }
  return count;
}

/** Creates each project's milestones once. Answers how many were created. */
async function createMilestones(strapi: Core.Strapi, anchor: Anchor): Promise<number> {
  const projects: Row[] = await query(strapi, DEMO_UIDS.project).findMany({
    where: { code: { $in: PROJECTS.map((spec) => spec.code) } },
    select: ['id', 'documentId', 'code', 'milestonesBaselinedOn'],
  });
  const withMilestones = new Set(
    ((await query(strapi, MILESTONE_UID).findMany({ where: { project: { id: { $in: projects.map((p) => p.id) } } }, select: ['id'], populate: { project: { select: ['id'] } } })) as Row[]).map(
      (row) => row.project?.id
    )
  );
  let count = 0;
  for (const spec of PROJECTS) {
    const project = projects.find((p) => p.code === spec.code);
    if (!project || withMilestones.has(project.id)) continue;
    for (const m of demoMilestones(spec, anchor)) {
      const frozen = Boolean(project.milestonesBaselinedOn);
      const created = await milestones(strapi).create({
        data: { name: m.name, project: project.documentId, forecastDate: frozen ? m.planned : m.forecast, ...(frozen ? {} : { baselineDate: m.planned }), actualDate: frozen ? null : m.actual },
      });
      if (frozen && (m.forecast !== m.planned || m.actual)) {
        await milestones(strapi).update({ documentId: created.documentId, data: { forecastDate: m.forecast, actualDate: m.actual } });
      }
      count += 1;
    }
  }
  return count;
}

/** Loads the demo's planning (see the header). Answers what it added; zeros on a second run. */
export async function loadDemoPlanning(strapi: Core.Strapi): Promise<{ approved: number; milestones: number }> {
  const anchor = await demoAnchor(strapi, new Date());
  return { approved: await approveAllocations(strapi, anchor), milestones: await createMilestones(strapi, anchor) };
}
