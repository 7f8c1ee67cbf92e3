/**
 * Governance: gate reviews (schedule, hold, decide), their conditions, and the governance board.
 * The rules are in gates.ts (pure), the views in present.ts, the board in board.ts; this file
 * loads facts and writes reviews. Gates themselves are transitions of the project lifecycle,
 * guarded by this capability's guards (guards.ts).
 */
import type { Core } from '@strapi/strapi';
import { formatDay } from '../../../shared/calendar';
import { capitalise, theField } from '../../../shared/words';
import type { WorkflowDefinition } from '../../../shared/contracts/workflow';
import { DOCUMENT_UID, PERSON_UID, PROJECT_UID, STANDARD_UID } from '../../../shared/contracts/uids';
import { conflict, errors, forbidden, invalidFields, unprocessable } from '../platform/errors';
import { documentsAs } from '../security/protected-fields';
import { getService } from '../services';
import { displayName, type AdminUser } from '../workflow';
import {
  answerChecklist,
  decidedLatestFirst,
  decisionProblem,
  decisionWords,
  gateLabel,
  pendingReview,
  snapshotChecklist,
  type ChecklistItem,
  type ReviewFacts,
  type StandardFacts,
} from './gates';
import { addDays } from '../platform/dates';
import type { ConditionInput, ConditionUpdate, GateReview, GateReviewPage, GateReviewQuery, ReviewInput, ScheduleInput } from '../../../shared/contracts/governance';
import { hasAutomaticChecks, withAutomaticResults, type OverdueDocument } from './automatic';
import { createGovernanceBoard } from './board';
import {
  gateFrom,
  gateOf,
  gateTarget,
  isoDay,
  presentCondition,
  presentReview,
  reviewFacts,
  reviewPopulate,
  today,
  type Row,
} from './present';
import { GATE_CONDITION_UID, GATE_REVIEW_PAGE_SIZE, GATE_REVIEW_UID } from '../../../shared/contracts/governance';
import { pageOf } from '../../../shared/contracts/common';

export { GATE_CONDITION_UID, GATE_REVIEW_UID, PROJECT_UID };
export { gateFrom, gateOf, gateTarget };

/** The one 400, from problems whose path is written `conditions[0].owner`. */
const invalid = (problems: Array<{ path: string; message: string }>) =>
  invalidFields(problems.map((problem) => ({ path: problem.path.split(/[.[\]]+/).filter(Boolean), message: problem.message })));

export function createGovernanceService(strapi: Core.Strapi) {
  const query = (uid: string) => strapi.db.query(uid as never);
  const documents = (uid: string) => documentsAs(strapi, 'governance', uid); // it writes its own protected fields
  const engine = () => getService(strapi, 'workflow');

  async function lifecycle(): Promise<{ key: string; name: string; version: number; definition: WorkflowDefinition } | null> {
    const workflow = await engine().workflowFor(PROJECT_UID);
    return workflow ? { key: workflow.key, name: workflow.name, version: workflow.version, definition: workflow.definition } : null;
  }

  // ---- facts ---------------------------------------------------------------------------------

  async function findProject(documentId: string) {
    return (await query(PROJECT_UID).findOne({
      where: { documentId },
      select: ['id', 'documentId', 'code', 'name', 'workflowState'],
    })) as Row | null;
  }

  /** The reviews of a project (all gates, or one), as the gate rules read them. */
  async function reviewsOf(projectDocumentId: string, gate?: number): Promise<ReviewFacts[]> {
    const where: Row = { project: { documentId: projectDocumentId } };
    if (gate !== undefined) where.gate = gate;
    const rows = (await query(GATE_REVIEW_UID).findMany({
      where,
      select: ['id', 'documentId', 'gate', 'decision', 'heldDate', 'scheduledDate'],
    })) as Row[];
    return rows.map(reviewFacts);
  }

  /** The reviews of many projects (of one gate, if given) in one query, by project documentId. */
  async function reviewsOfMany(projectDocumentIds: string[], gate?: number): Promise<Map<string, ReviewFacts[]>> {
    const byProject = new Map<string, ReviewFacts[]>(projectDocumentIds.map((documentId) => [documentId, []]));
    if (projectDocumentIds.length === 0) return byProject;
    const where: Row = { project: { documentId: { $in: projectDocumentIds } } };
    if (gate !== undefined) where.gate = gate;
    const rows = (await query(GATE_REVIEW_UID).findMany({
      where,
      select: ['id', 'documentId', 'gate', 'decision', 'heldDate', 'scheduledDate'],
      populate: { project: { select: ['documentId'] } },
    })) as Row[];
    for (const row of rows) byProject.get(row.project?.documentId)?.push(reviewFacts(row));
    return byProject;
  }

  /** The checklist of a gate: the criteria of the published standards for the state the gate leads to. */
  async function checklistFor(gate: number): Promise<ChecklistItem[]> {
    const state = gateTarget((await lifecycle())?.definition ?? null, gate);
    const standards = (await documents(STANDARD_UID).findMany({
      status: 'published',
      fields: ['code', 'title', 'version', 'mandatory', 'appliesToStates'],
      populate: { checklist: true },
    })) as StandardFacts[];
    return snapshotChecklist(standards, state);
  }

  /**
   * The documents of projects that were due for review before `asOf` (superseded ones left out),
   * by project documentId: what the automatic "no document overdue for review" criterion reads.
   */
  async function overdueDocuments(projectDocumentIds: string[], asOf: string): Promise<Map<string, OverdueDocument[]>> {
    const byProject = new Map<string, OverdueDocument[]>(projectDocumentIds.map((id) => [id, []]));
    if (!projectDocumentIds.length) return byProject;
    const rows = (await query(DOCUMENT_UID).findMany({
      where: {
        project: { documentId: { $in: projectDocumentIds } },
        nextReviewDue: { $lt: asOf },
        $or: [{ status: { $ne: 'superseded' } }, { status: { $null: true } }],
      },
      select: ['title', 'nextReviewDue'],
      populate: { project: { select: ['documentId'] } },
      orderBy: [{ nextReviewDue: 'asc' }, { id: 'asc' }],
    } as never)) as Row[];
    for (const row of rows) {
      byProject.get(row.project?.documentId)?.push({ title: row.title, nextReviewDue: isoDay(row.nextReviewDue)! });
    }
    return byProject;
  }

  /** A checklist with its automatic criteria answered for a project as of a day. */
  async function checkedFor(checklist: ChecklistItem[], projectDocumentId: string, asOf: string) {
    if (!hasAutomaticChecks(checklist)) return checklist;
    const documentsOverdue = (await overdueDocuments([projectDocumentId], asOf)).get(projectDocumentId) ?? [];
    return withAutomaticResults(checklist, { asOf, overdueDocuments: documentsOverdue });
  }

  /**
   * Reviews as they are read: one awaiting its decision shows its automatic criteria as of today
   * (a decided review keeps the results recorded when it was held).
   */
  async function withLiveChecks(reviews: GateReview[]): Promise<GateReview[]> {
    const pending = reviews.filter((review) => !review.decision && review.project && hasAutomaticChecks(review.checklist));
    if (!pending.length) return reviews;
    const day = today();
    const overdue = await overdueDocuments([...new Set(pending.map((review) => review.project!.documentId))], day);
    return reviews.map((review) =>
      pending.includes(review)
        ? { ...review, checklist: withAutomaticResults(review.checklist, { asOf: day, overdueDocuments: overdue.get(review.project!.documentId) ?? [] }) }
        : review
    );
  }
  const present = async (row: Row) => (await withLiveChecks([presentReview(row)]))[0];

  /** The people behind documentIds; a 400 names the position of one that does not exist. */
  async function requirePeople(ids: string[], field: string) {
    if (!ids.length) return [];
    const found = (await query(PERSON_UID).findMany({ where: { documentId: { $in: ids } }, select: ['documentId'] })) as Row[];
    const known = new Set(found.map((person) => person.documentId));
    const problems = ids
      .map((id, index) => ({ id, index }))
      .filter(({ id }) => !known.has(id))
      .map(({ index }) => ({ path: `${field}[${index}]`, message: `${capitalise(theField([field, index]))} is not in the people directory (they may have been removed): choose someone else` }));
    if (problems.length) throw invalid(problems);
    return [...new Set(ids)];
  }

  async function requireConditionOwners(conditions: ConditionInput[]) {
    const problems: Array<{ path: string; message: string }> = [];
    const owners = [...new Set(conditions.map((condition) => condition.owner))];
    const found = owners.length
      ? ((await query(PERSON_UID).findMany({ where: { documentId: { $in: owners } }, select: ['documentId'] })) as Row[])
      : [];
    const known = new Set(found.map((person) => person.documentId));
    conditions.forEach((condition, index) => {
      if (!known.has(condition.owner)) {
        problems.push({ path: `conditions[${index}].owner`, message: `The owner of condition ${index + 1} is not in the people directory (they may have been removed): choose someone else` });
      }
    });
    if (problems.length) throw invalid(problems);
  }

  // ---- presenting ----------------------------------------------------------------------------

  async function loadReview(documentId: string) {
    const row = (await query(GATE_REVIEW_UID).findOne({ where: { documentId }, populate: reviewPopulate })) as Row | null;
    if (!row) throw new errors.NotFoundError('There is no such gate review (it may have been deleted)');
    return row;
  }

  // ---- writing reviews -----------------------------------------------------------------------

  /**
   * The decision part of a review input, checked against the review: conditions come with a
   * conditional go (at least one) and only with it; a decision that lets the project through
   * needs every must-meet criterion of the mandatory standards met.
   */
  function decisionData(gate: number, input: ReviewInput, checklist: ChecklistItem[], user: AdminUser) {
    const decision = input.decision ?? null;
    const conditions = input.conditions;
    if (decision === 'conditional-go' && !(conditions && conditions.length)) {
      throw invalid([{ path: 'conditions', message: 'A conditional go needs at least one condition, each with an owner and a due date' }]);
    }
    if (decision !== 'conditional-go' && conditions && conditions.length) {
      throw invalid([{ path: 'conditions', message: `Conditions come only with a conditional go${decision ? `, not with ${decisionWords(decision)}` : ' decision'}` }]);
    }
    if (!decision) return {};
    const problem = decisionProblem(gate, decision, checklist);
    if (problem) {
      throw unprocessable(problem, {
        criteria: checklist.filter((item) => item.mandatory && item.mustMeet && item.met !== 'yes').map((item) => item.key),
      });
    }
    return {
      decision,
      heldDate: input.heldDate ?? today(),
      decidedAt: new Date().toISOString(),
      recordedBy: displayName(user),
    };
  }

  function answered(checklist: ChecklistItem[], input: ReviewInput) {
    if (!input.checklist) return checklist;
    const { checklist: result, unknown } = answerChecklist(checklist, input.checklist);
    if (unknown.length) {
      throw invalid(
        unknown.map((index) => ({
          path: `checklist[${index}].key`,
          message: `Checklist answer ${index + 1} answers a criterion this review does not have (it has ${checklist.length || 'no'} criteri${checklist.length === 1 ? 'on' : 'a'}); reload the review`,
        }))
      );
    }
    return result;
  }

  async function createConditions(reviewDocumentId: string, conditions: ConditionInput[]) {
    for (const condition of conditions) {
      await documents(GATE_CONDITION_UID).create({
        data: { gateReview: reviewDocumentId, text: condition.text.trim(), dueDate: condition.dueDate, owner: condition.owner, done: false },
      });
    }
  }

  async function scheduleReview(input: ScheduleInput, user: AdminUser) {
    const project = await findProject(input.project);
    if (!project) throw invalid([{ path: 'project', message: 'Choose a project: the one given does not exist (it may have been deleted)' }]);
    const reviewers = await requirePeople(input.reviewers ?? [], 'reviewers');
    if (input.conditions) await requireConditionOwners(input.conditions);
    let checklist = answered(await checklistFor(input.gate), input);
    if (input.decision) checklist = await checkedFor(checklist, project.documentId, input.heldDate ?? today());
    const decided = decisionData(input.gate, input, checklist, user);

    const documentId = await strapi.db.transaction(async () => {
      const pending = pendingReview(await reviewsOf(project.documentId, input.gate), input.gate);
      if (pending) {
        throw conflict(
          `${gateLabel(input.gate)} of ${project.code} already has a review awaiting its decision${
            pending.scheduledDate ? ` (scheduled for ${formatDay(pending.scheduledDate)})` : ''
          }: update that one`,
          { review: pending.documentId }
        );
      }
      const created = await documents(GATE_REVIEW_UID).create({
        data: {
          project: project.documentId,
          gate: input.gate,
          scheduledDate: input.scheduledDate ?? null,
          heldDate: input.heldDate ?? null,
          reviewers,
          checklist,
          notes: input.notes ?? null,
          ...decided,
        },
      });
      if (input.conditions?.length) await createConditions(created.documentId, input.conditions);
      return created.documentId as string;
    });
    return present(await loadReview(documentId));
  }

  async function updateReview(documentId: string, input: ReviewInput, user: AdminUser) {
    const current = await loadReview(documentId);
    const gate = Number(current.gate);
    if (current.decision) {
      const changed = Object.keys(input).filter((field) => field !== 'notes');
      if (changed.length) {
        throw conflict(
          `${gateLabel(gate)} was decided ${decisionWords(String(current.decision))} on ${formatDay(isoDay(current.heldDate))}; a decided review keeps its record (only notes can change): schedule a new review to decide again`,
          { fields: changed }
        );
      }
    }
    const reviewers = input.reviewers ? await requirePeople(input.reviewers, 'reviewers') : undefined;
    if (input.conditions) await requireConditionOwners(input.conditions);
    let checklist = answered((current.checklist ?? []) as ChecklistItem[], input);
    // Deciding records the automatic criteria as they stand on the held day, whatever was answered.
    const deciding = !current.decision && !!input.decision && !!current.project?.documentId;
    if (deciding) checklist = await checkedFor(checklist, current.project.documentId, input.heldDate ?? today());
    const decided = current.decision ? {} : decisionData(gate, input, checklist, user);

    await strapi.db.transaction(async () => {
      const data: Row = {};
      if (input.scheduledDate !== undefined) data.scheduledDate = input.scheduledDate;
      if (input.heldDate !== undefined) data.heldDate = input.heldDate;
      if (input.notes !== undefined) data.notes = input.notes;
      if (reviewers) data.reviewers = reviewers;
      if (input.checklist || deciding) data.checklist = checklist;
      Object.assign(data, decided);
      if (Object.keys(data).length) await documents(GATE_REVIEW_UID).update({ documentId, data });
      if (input.conditions?.length) await createConditions(documentId, input.conditions);
    });
    return present(await loadReview(documentId));
  }

  const projectWhere = (key: string) => ({ project: { $or: [{ documentId: key }, { code: key }] } });

  /** One page of the gate reviews the filters leave (GET /pmo/gate-reviews): a page query and a count. */
  async function listReviews(filters: GateReviewQuery): Promise<GateReviewPage> {
    const where: Row = filters.project ? projectWhere(filters.project) : {};
    if (filters.gate !== undefined) where.gate = filters.gate;
    const { page, pageSize, offset, limit } = pageOf(filters, GATE_REVIEW_PAGE_SIZE);
    const orderBy = filters.sort === 'newest' ? [{ createdAt: 'desc' }, { id: 'desc' }] : [{ gate: 'asc' }, { id: 'asc' }];
    const rows = (await query(GATE_REVIEW_UID).findMany({ where, populate: reviewPopulate, orderBy, offset, limit } as never)) as Row[];
    const total = Number(await query(GATE_REVIEW_UID).count({ where } as never));
    return { results: await withLiveChecks(rows.map(presentReview)), pagination: { page, pageSize, total } };
  }

  /** Every review of one project (a handful: five gates), by gate, for its governance page. */
  async function projectReviews(documentId: string) {
    const rows = (await query(GATE_REVIEW_UID).findMany({ where: projectWhere(documentId), populate: reviewPopulate, orderBy: [{ gate: 'asc' }, { id: 'asc' }] } as never)) as Row[];
    return withLiveChecks(rows.map(presentReview));
  }

  const getReview = async (documentId: string) => present(await loadReview(documentId));

  /**
   * Tracks a condition of a conditional go. Who may: holders of governance.manage, and the
   * condition's owner (to report it done).
   */
  async function updateCondition(documentId: string, input: ConditionUpdate, user: AdminUser, canManage: boolean) {
    const condition = (await query(GATE_CONDITION_UID).findOne({
      where: { documentId },
      populate: { owner: { select: ['documentId', 'email'] }, gateReview: { select: ['gate'] } },
    })) as Row | null;
    if (!condition) throw new errors.NotFoundError('There is no such gate condition (it may have been deleted)');
    if (!canManage) {
      const ownerEmail = String(condition.owner?.email ?? '').toLowerCase();
      const isOwner = !!ownerEmail && ownerEmail === String(user.email ?? '').toLowerCase();
      if (!isOwner) throw forbidden("Only the condition's owner, a PMO manager or a PMO director may update it");
      if (Object.keys(input).some((field) => field !== 'done')) {
        throw forbidden("As the condition's owner you may mark it done; a PMO manager or a PMO director changes its text, owner or due date");
      }
    }
    if (input.owner) await requirePeople([input.owner], 'owner');
    const data: Row = {};
    if (input.text !== undefined) data.text = input.text.trim();
    if (input.dueDate !== undefined) data.dueDate = input.dueDate;
    if (input.owner !== undefined) data.owner = input.owner;
    if (input.done !== undefined) {
      data.done = input.done;
      data.doneOn = input.done ? (condition.done ? isoDay(condition.doneOn) : today()) : null;
    }
    if (Object.keys(data).length === 0) throw invalid([{ path: 'done', message: 'Nothing to change: mark it done or give a new text, owner or due date' }]);
    await documents(GATE_CONDITION_UID).update({ documentId, data });
    const updated = (await query(GATE_CONDITION_UID).findOne({
      where: { documentId },
      populate: { owner: { select: ['documentId', 'fullName', 'email'] } },
    })) as Row;
    return presentCondition(updated, today(), Number(condition.gateReview?.gate));
  }

  // ---- used by the lifecycle's effects -------------------------------------------------------

  /**
   * Schedules a gate's review when the previous gate is passed (effect `createGateReview`):
   * dated `inDays` ahead when given, with the reviewers of the gate just passed. Nothing is
   * created when that gate already has a review (scheduled or held ahead of time).
   */
  async function scheduleNextReview(args: { projectDocumentId: string; gate: number; inDays?: number; passedGate: number | null; now: string }) {
    const reviews = await reviewsOf(args.projectDocumentId);
    if (reviews.some((review) => review.gate === args.gate)) return null;
    const passed = args.passedGate === null ? undefined : decidedLatestFirst(reviews.filter((r) => r.gate === args.passedGate))[0];
    const reviewers = passed
      ? (((await query(GATE_REVIEW_UID).findOne({ where: { id: passed.id }, populate: { reviewers: { select: ['documentId'] } } })) as Row)
          ?.reviewers ?? []).map((reviewer: Row) => reviewer.documentId)
      : [];
    const created = await documents(GATE_REVIEW_UID).create({
      data: {
        project: args.projectDocumentId,
        gate: args.gate,
        scheduledDate: args.inDays === undefined ? null : addDays(args.now.slice(0, 10), args.inDays),
        reviewers,
        checklist: await checklistFor(args.gate),
        notes: null,
      },
    });
    return created.documentId as string;
  }

  const { board, projectGovernance } = createGovernanceBoard(strapi, { lifecycle, projectReviews });

  /**
   * A gate's checklist as a review held on `asOf` would record it: the criteria people answer left
   * open, the automatic ones answered from the project's facts on that day.
   */
  async function checklistAsOf(gate: number, projectDocumentId: string, asOf: string): Promise<ChecklistItem[]> {
    return checkedFor(await checklistFor(gate), projectDocumentId, asOf);
  }

  return {
    reviewsOf,
    reviewsOfMany,
    checklistFor,
    checklistAsOf,
    scheduleReview,
    updateReview,
    listReviews,
    getReview,
    updateCondition,
    scheduleNextReview,
    board,
    projectGovernance,
  };
}

export type GovernanceService = ReturnType<typeof createGovernanceService>;

export function getGovernanceService(strapi: Core.Strapi): GovernanceService {
  return strapi.plugin('pmo').service('governance') as GovernanceService;
}
