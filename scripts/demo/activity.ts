/**
 * Plays the demo's history into a running Strapi: projects through their lifecycle gates, change
 * requests through change control, mentoring relationships and their sessions. Every step goes
 * through PMO Hub's own services as a demo login that may take it (the workflow engine fires the
 * transitions, so guards, effects, versions and mirrors are real); then the moments are set back
 * to when the step happened in the story (./history.ts, ./activity-catalog.ts), so the audit
 * trail, gate reviews and decisions read like 18 months of work, not one afternoon.
 *
 * Idempotent: a project already at its state, a change request or a relationship that exists is
 * left alone. Used by `npm run demo` (scripts/demo.js) and tests/api/demo.test.ts.
 */
import type { Core } from '@strapi/strapi';
import { ACTORS, CHANGE_REQUESTS, MENTORING, type ChangeRequestSpec, type MentoringSpec } from './activity-catalog';
import { PROJECTS, emailOf } from './catalog';
import { LIFECYCLE_PATH, addDays, demoLifecycleTarget, gateHistory, isoDay, nextReviewDate, type GatePass } from './history';
import { DEMO_UIDS, demoAnchor } from './seed';
import { complyForGate } from './compliance';
import { RAID_UIDS, recordDemoLesson } from './raid';

export { demoLifecycleTarget };

const EVENT_UID = 'plugin::pmo.transition-event';
const INSTANCE_UID = 'plugin::pmo.workflow-instance';
const GATE_REVIEW_UID = 'plugin::pmo.gate-review';
const CHANGE_REQUEST_UID = 'plugin::pmo.change-request';
const COMPETENCY_UID = 'plugin::pmo.competency';
const RELATIONSHIP_UID = 'plugin::pmo.mentoring-relationship';
const SESSION_UID = 'plugin::pmo.mentoring-session';
const OUTBOX_UID = 'plugin::pmo.outbox-message';

type Row = Record<string, any> & { id: number; documentId: string };
type AdminUser = { id: number; email: string; firstname: string; lastname: string; roles: Array<{ code: string }> };
type Engine = {
  fire(request: { uid: string; documentId: string; transition: string; comment?: string }, user: AdminUser): Promise<{ outcome: string }>;
};

const query = (strapi: Core.Strapi, uid: string) => strapi.db.query(uid as any);
const docs = (strapi: Core.Strapi, uid: string) => strapi.documents(uid as any) as any;

/** The demo logins by email, with their roles (ensureDemoAdminUsers must have run). */
export async function adminUsers(strapi: Core.Strapi, emails: string[]): Promise<Map<string, AdminUser>> {
  const users: AdminUser[] = await query(strapi, 'admin::user').findMany({ where: { email: { $in: emails } }, populate: ['roles'] });
  const found = new Map(users.map((user) => [user.email, user]));
  const missing = emails.filter((email) => !found.has(email));
  if (missing.length) throw new Error(`ensureDemoAdminUsers must run first: no admin user ${missing.join(', ')}`);
  return found;
}

async function personIds(strapi: Core.Strapi, emails: string[]): Promise<Map<string, Row>> {
  const rows: Row[] = await query(strapi, DEMO_UIDS.person).findMany({ where: { email: { $in: emails } }, select: ['id', 'documentId', 'email'] });
  return new Map(rows.map((row) => [row.email, row]));
}

/**
 * Fires a transition through the engine, then dates the event it recorded (and any vote cast
 * in it) and the instance's state entry at `moment`: the step happened then.
 */
export async function fireAt(strapi: Core.Strapi, request: { uid: string; documentId: string; transition: string; comment?: string }, user: AdminUser, moment: string) {
  const engine = strapi.plugin('pmo').service('workflow') as Engine;
  const before = new Date(Date.now() - 1000).toISOString();
  let result: { outcome: string };
  try {
    result = await engine.fire(request, user);
  } catch (error) {
    throw new Error(`demo: "${request.transition}" on ${request.uid} ${request.documentId} as ${user.email} failed: ${(error as Error).message}`);
  }
  const fresh = (votes: unknown) =>
    Array.isArray(votes) ? votes.map((vote) => (vote && typeof vote.at === 'string' && vote.at >= before ? { ...vote, at: moment } : vote)) : votes;
  const event = await query(strapi, EVENT_UID).findOne({
    where: { targetUid: request.uid, targetDocumentId: request.documentId },
    orderBy: { id: 'desc' },
  });
  await query(strapi, EVENT_UID).update({ where: { id: event.id }, data: { at: moment, votes: fresh(event.votes) } });
  const instance = await query(strapi, INSTANCE_UID).findOne({ where: { targetUid: request.uid, targetDocumentId: request.documentId } });
  const votes = Object.fromEntries(Object.entries(instance.votes ?? {}).map(([key, list]) => [key, fresh(list)]));
  await query(strapi, INSTANCE_UID).update({
    where: { id: instance.id },
    data: { votes, ...(result.outcome === 'applied' ? { enteredAt: moment } : {}) },
  });
  return result;
}

// ------------------------------------------------------------------ gates

/** Records the gate's go review as held on its day by its reviewers (governance owns these fields). */
async function recordGoReview(strapi: Core.Strapi, projectDocumentId: string, pass: GatePass, people: Map<string, Row>) {
  const governance = strapi.plugin('pmo').service('governance') as {
    checklistAsOf(gate: number, projectDocumentId: string, asOf: string): Promise<Array<Record<string, any>>>;
  };
  // The reviewers answered every criterion they judge "met"; the automatic ones (no document
  // overdue for review) are the server's answer on the day the review was held, as in the app.
  const checked = await governance.checklistAsOf(pass.gate, projectDocumentId, pass.heldDate);
  const unmet = checked.filter((item) => item.automatic && item.mustMeet && item.met !== 'yes');
  if (unmet.length) {
    throw new Error(`Demo data: gate ${pass.gate} of a project was held on ${pass.heldDate} with ${unmet.map((item) => item.notes).join(' ')}`);
  }
  const checklist = checked.map((item) => (item.automatic ? item : { ...item, met: 'yes' }));
  const decided = {
    decision: 'go',
    scheduledDate: pass.scheduledDate,
    heldDate: pass.heldDate,
    decidedAt: pass.decidedAt,
    recordedBy: pass.recordedBy,
    notes: pass.comment,
    reviewers: pass.reviewers.map((email) => people.get(email)?.documentId).filter(Boolean),
    checklist,
  };
  const pending = await query(strapi, GATE_REVIEW_UID).findOne({
    where: { project: { documentId: projectDocumentId }, gate: pass.gate, decision: { $null: true } },
    select: ['documentId'],
  });
  const protectedFields = strapi.plugin('pmo').service('protectedFields') as { asCapability<T>(owner: 'governance', work: () => T): T };
  await protectedFields.asCapability('governance', () =>
    pending
      ? docs(strapi, GATE_REVIEW_UID).update({ documentId: pending.documentId, data: decided })
      : docs(strapi, GATE_REVIEW_UID).create({ data: { project: projectDocumentId, gate: pass.gate, ...decided } })
  );
}

/**
 * Takes each demo project through the gates its dates put behind it: each gate's review held
 * and decided go by its reviewers, the gate fired by the review's chair (the PMO director or the
 * PMO manager), all on the day it happened; the next gate's review is booked ahead.
 * Idempotent: a project already there, or off the gate path (held, cancelled), is left alone.
 */
export async function advanceDemoLifecycles(strapi: Core.Strapi): Promise<number> {
  const anchor = await demoAnchor(strapi, new Date());
  const chairs = await adminUsers(strapi, [emailOf('helen'), emailOf('tomas')]);
  let fired = 0;
  for (const spec of PROJECTS) {
    const project = await query(strapi, DEMO_UIDS.project).findOne({ where: { code: spec.code }, select: ['documentId', 'workflowState'] });
    if (!project) continue;
    const from = LIFECYCLE_PATH.indexOf(project.workflowState ?? 'proposed');
    const to = LIFECYCLE_PATH.indexOf(demoLifecycleTarget(spec));
    if (from < 0 || from >= to) continue;
    const passes = gateHistory(spec, anchor).slice(from, to);
    const people = await personIds(strapi, [...new Set(passes.flatMap((pass) => pass.reviewers))]);
    for (const pass of passes) {
      await recordGoReview(strapi, project.documentId, pass, people);
      if (pass.gate >= 2) {
        // A document the standards require is approved as any other: the PMO manager submits it, the director approves it.
        const approve = async (documentId: string, moment: string) => {
          await fireAt(strapi, { uid: DEMO_UIDS.document, documentId, transition: 'submit' }, chairs.get(emailOf('tomas'))!, moment);
          await fireAt(strapi, { uid: DEMO_UIDS.document, documentId, transition: 'approve' }, chairs.get(emailOf('helen'))!, moment);
        };
        await complyForGate(strapi, project.documentId, LIFECYCLE_PATH[pass.gate], chairs.get(pass.chair)!, approve);
      }
      // Gate 5 needs a lesson learned (RAID's `lessons` guard).
      if (pass.gate === 5) await recordDemoLesson(strapi, spec, project.documentId, anchor.day);
      await fireAt(
        strapi,
        { uid: DEMO_UIDS.project, documentId: project.documentId, transition: pass.transition, comment: pass.comment },
        chairs.get(pass.chair)!,
        pass.passedAt
      );
      fired += 1;
    }
    const booked = nextReviewDate(spec, anchor);
    const pending = await query(strapi, GATE_REVIEW_UID).findOne({
      where: { project: { documentId: project.documentId }, decision: { $null: true } },
      select: ['id'],
    });
    if (pending && booked) await query(strapi, GATE_REVIEW_UID).update({ where: { id: pending.id }, data: { scheduledDate: booked } });
  }
  return fired;
}

// ------------------------------------------------------------------ change requests

const at = (day: Date, hour: number) =>
  new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, 15)).toISOString();

const minor = (euros: number) => String(Math.round(euros * 100));

/** Dates a change request's rows to when it was raised and decided (not when the seed ran). */
async function dateChangeRequest(strapi: Core.Strapi, row: Row, raised: string, decided: string | null, authorised: string | null) {
  await query(strapi, CHANGE_REQUEST_UID).update({
    where: { id: row.id },
    data: { createdAt: raised, ...(decided ? { decisionDate: decided } : {}) },
  });
  if (!authorised) return;
  // drawChangeBudget booked the change in the month it ran: move it to the month it was authorised.
  const lines: Row[] = await query(strapi, DEMO_UIDS.budgetLine).findMany({
    where: { category: 'change', note: { $startsWith: `${row.reference}:` } },
    select: ['id'],
  });
  for (const line of lines) {
    await query(strapi, DEMO_UIDS.budgetLine).update({ where: { id: line.id }, data: { period: `${authorised.slice(0, 7)}-01` } });
  }
}

const AUTHORISING = new Set(['authorize-pm', 'authorize', 'authorize-director', 'schedule-standard']);

async function playChangeRequest(strapi: Core.Strapi, spec: ChangeRequestSpec, anchorDay: Date, projectId: string, raiser: string, users: Map<string, AdminUser>) {
  const raisedDay = addDays(anchorDay, -spec.raisedDaysAgo);
  const impact =
    spec.cost === undefined
      ? undefined
      : { cost: minor(spec.cost), scheduleDays: spec.scheduleDays, scope: spec.scope, risk: spec.risk, benefits: spec.benefits };
  const created: Row = await docs(strapi, CHANGE_REQUEST_UID).create({
    data: {
      project: projectId,
      title: spec.title,
      type: spec.type,
      category: spec.category,
      raisedBy: raiser,
      priority: spec.priority,
      severity: spec.severity,
      description: spec.description,
      reason: spec.reason,
      options: spec.options,
      recommendation: spec.recommendation,
      ...(impact ? { impact } : {}),
    },
  });
  let decided: string | null = null;
  let authorised: string | null = null;
  for (const [index, step] of spec.steps.entries()) {
    const moment = at(addDays(raisedDay, step.day), 9 + index);
    const result = await fireAt(
      strapi,
      { uid: CHANGE_REQUEST_UID, documentId: created.documentId, transition: step.transition, comment: step.comment },
      users.get(ACTORS[step.by])!,
      moment
    );
    if (result.outcome === 'applied' && (AUTHORISING.has(step.transition) || step.transition === 'reject')) decided = moment;
    if (result.outcome === 'applied' && AUTHORISING.has(step.transition)) authorised = moment;
  }
  const stored: Row = await query(strapi, CHANGE_REQUEST_UID).findOne({ where: { id: created.id }, select: ['id', 'reference', 'workflowState'] });
  if (stored.workflowState !== spec.expect) {
    throw new Error(`demo: change request "${spec.title}" ended in ${stored.workflowState}, not ${spec.expect}`);
  }
  await dateChangeRequest(strapi, stored, at(raisedDay, 8), decided, authorised);
  // The decision log dates the decision the day it was taken in the story.
  if (decided) {
    await query(strapi, RAID_UIDS.decision).updateMany({ where: { source: 'change-request', sourceDocumentId: created.documentId }, data: { decidedOn: decided.slice(0, 10) } });
  }
  // The raiser was told of the decision when it was taken: those emails are history, not a queue.
  await query(strapi, OUTBOX_UID).updateMany({
    where: { sourceDocumentId: created.documentId, status: 'pending' },
    data: { status: 'sent', sentAt: decided ?? at(raisedDay, 8), createdAt: decided ?? at(raisedDay, 8) },
  });
  // The workflow instance was opened when the change request was raised.
  const instance = await query(strapi, INSTANCE_UID).findOne({ where: { targetUid: CHANGE_REQUEST_UID, targetDocumentId: created.documentId } });
  if (spec.steps.length === 0) await query(strapi, INSTANCE_UID).update({ where: { id: instance.id }, data: { enteredAt: at(raisedDay, 8) } });
}

/** Raises the demo's change requests (in the order they were raised, so references run in sequence) and plays their steps. */
export async function loadDemoChangeRequests(strapi: Core.Strapi): Promise<number> {
  const anchor = await demoAnchor(strapi, new Date());
  const users = await adminUsers(strapi, Object.values(ACTORS));
  const projects: Row[] = await query(strapi, DEMO_UIDS.project).findMany({
    where: { code: { $in: [...new Set(CHANGE_REQUESTS.map((cr) => cr.project))] } },
    select: ['documentId', 'code'],
  });
  const projectIds = new Map(projects.map((p) => [p.code, p.documentId]));
  const existing: Row[] = await query(strapi, CHANGE_REQUEST_UID).findMany({
    where: { project: { code: { $in: [...projectIds.keys()] } } },
    select: ['title'],
    populate: { project: { select: ['code'] } },
  });
  const have = new Set(existing.map((row) => `${row.project?.code}|${row.title}`));
  const raisers = await personIds(strapi, CHANGE_REQUESTS.map((cr) => emailOf(cr.raisedBy)));
  let created = 0;
  for (const spec of [...CHANGE_REQUESTS].sort((a, b) => b.raisedDaysAgo - a.raisedDaysAgo)) {
    const projectId = projectIds.get(spec.project);
    if (!projectId || have.has(`${spec.project}|${spec.title}`)) continue;
    await playChangeRequest(strapi, spec, anchor.day, projectId, raisers.get(emailOf(spec.raisedBy))!.documentId, users);
    created += 1;
  }
  return created;
}

// ------------------------------------------------------------------ mentoring

type Mentoring = {
  createRelationship(user: AdminUser, input: Record<string, unknown>): Promise<{ documentId: string }>;
  updateRelationship(user: AdminUser, documentId: string, input: Record<string, unknown>): Promise<unknown>;
  createSession(user: AdminUser, input: Record<string, unknown>): Promise<{ documentId: string }>;
};

async function playRelationship(strapi: Core.Strapi, spec: MentoringSpec, anchorDay: Date, people: Map<string, Row>, users: Map<string, AdminUser>, competencies: Map<string, string>) {
  const mentoring = strapi.plugin('pmo').service('mentoring') as Mentoring;
  const director = users.get(emailOf('helen'))!;
  const mentor = users.get(emailOf(spec.mentor))!;
  const started = addDays(anchorDay, -spec.startedDaysAgo);
  const relationship = await mentoring.createRelationship(director, {
    mentor: people.get(emailOf(spec.mentor))!.documentId,
    mentee: people.get(emailOf(spec.mentee))!.documentId,
    goals: spec.goals,
    focusCompetencies: spec.focus.map((key) => competencies.get(key)!),
    startDate: isoDay(started),
    status: 'active',
  });
  await query(strapi, RELATIONSHIP_UID).update({
    where: { documentId: relationship.documentId },
    data: { createdAt: at(started, 8) },
  });
  for (const [index, session] of spec.sessions.entries()) {
    const day = addDays(anchorDay, -session.daysAgo);
    const next = spec.sessions[index + 1];
    const created = await mentoring.createSession(mentor, {
      relationship: relationship.documentId,
      date: isoDay(day),
      durationMinutes: session.minutes,
      topics: session.topics,
      sharedNotes: session.notes,
      ratings: Object.entries(session.ratings).map(([key, rating]) => ({ competency: competencies.get(key)!, rating })),
      actionItems: session.actions.map((action) => ({
        text: action.text,
        owner: action.owner,
        dueDate: isoDay(addDays(day, action.dueInDays)),
        done: action.done,
      })),
    });
    // Items were ticked off by the next session (or by their due date), not today.
    const row: Row = await query(strapi, SESSION_UID).findOne({ where: { documentId: created.documentId }, select: ['id', 'actionItems'] });
    const ticked = (row.actionItems ?? []).map((item: Record<string, unknown>, i: number) => {
      if (!item.done) return item;
      const due = addDays(day, session.actions[i]?.dueInDays ?? 7);
      const doneDay = next ? addDays(anchorDay, -next.daysAgo) : due;
      return { ...item, doneAt: at(doneDay < due ? doneDay : due, 11) };
    });
    await query(strapi, SESSION_UID).update({ where: { id: row.id }, data: { actionItems: ticked, createdAt: at(day, 17), updatedAt: at(day, 17) } });
  }
  if (spec.status !== 'active') {
    const last = spec.sessions[spec.sessions.length - 1];
    await mentoring.updateRelationship(director, relationship.documentId, {
      status: spec.status,
      endDate: isoDay(addDays(anchorDay, -(last ? last.daysAgo : 0))),
    });
  }
}

/** Sets up the demo's mentoring relationships (the PMO director pairs them) and the sessions their mentors logged. */
export async function loadDemoMentoring(strapi: Core.Strapi): Promise<number> {
  const anchor = await demoAnchor(strapi, new Date());
  const emails = [...new Set(MENTORING.flatMap((m) => [emailOf(m.mentor), emailOf(m.mentee)]))];
  const users = await adminUsers(strapi, [emailOf('helen'), ...new Set(MENTORING.map((m) => emailOf(m.mentor)))]);
  const people = await personIds(strapi, emails);
  const competencyRows: Row[] = await query(strapi, COMPETENCY_UID).findMany({ select: ['documentId', 'key'] });
  const competencies = new Map(competencyRows.map((row) => [row.key, row.documentId]));
  const existing: Row[] = await query(strapi, RELATIONSHIP_UID).findMany({
    where: { mentee: { email: { $in: emails } } },
    populate: { mentor: { select: ['email'] }, mentee: { select: ['email'] } },
  });
  const have = new Set(existing.map((row) => `${row.mentor?.email}|${row.mentee?.email}`));
  let created = 0;
  for (const spec of MENTORING) {
    if (have.has(`${emailOf(spec.mentor)}|${emailOf(spec.mentee)}`)) continue;
    await playRelationship(strapi, spec, anchor.day, people, users, competencies);
    created += 1;
  }
  return created;
}
