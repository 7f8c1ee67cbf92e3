/**
 * The governance board: one card per project (state, next gate, latest status, open conditions,
 * the transitions the user may fire) and one project's full governance. Reads only.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { WorkflowDefinition } from '../../../shared/contracts/workflow';
import { PERSON_UID, PROJECT_UID } from '../../../shared/contracts/uids';
import { latestStatusReports, withKnex } from '../platform/db';
import { errors } from '../platform/errors';
import { getService } from '../services';
import { lastAppliedTransitions, type AdminUser } from '../workflow';
import { boardSql } from './board-sql';
import { GATE_NAMES, decidedLatestFirst, pendingReview } from './gates';
import {
  GATE_CONDITION_UID,
  GATE_REVIEW_UID,
  type Board,
  type BoardCard,
  type BoardQuery,
  type GateReview,
  type ProjectGovernance,
} from '../../../shared/contracts/governance';
import { gateFrom, gateTarget, isoDay, person, presentCondition, reviewFacts, today, type Row } from './present';

type Lifecycle = { key: string; name: string; version: number; definition: WorkflowDefinition } | null;

export function createGovernanceBoard(
  strapi: Core.Strapi,
  deps: {
    lifecycle: () => Promise<Lifecycle>;
    projectReviews: (documentId: string) => Promise<GateReview[]>;
  }
) {
  const query = (uid: string) => strapi.db.query(uid as never);
  const engine = () => getService(strapi, 'workflow');
  const { lifecycle, projectReviews } = deps;

  /** The state each item came from into its current state (its last applied transition). */
  async function cameFrom(documentIds: string[]): Promise<Map<string, string>> {
    const last = await lastAppliedTransitions(strapi, PROJECT_UID, documentIds);
    return new Map([...last].map(([documentId, event]) => [documentId, event.fromState]));
  }

  /** The latest status report of each project (set-based: one query whatever the number of reports). */
  async function latestStatus(projectIds: number[]): Promise<Map<number, Row>> {
    const latest = new Map<number, Row>();
    if (!projectIds.length) return latest;
    const rows = (await withKnex(strapi, (knex: Knex) =>
      latestStatusReports(strapi, knex, {
        columns: {
          id: 'id',
          asOf: 'asOf',
          overall: 'ragOverall',
          schedule: 'ragSchedule',
          cost: 'ragCost',
          scope: 'ragScope',
          percentComplete: 'percentComplete',
        },
        narrow: (reports, projectColumn) => reports.whereIn(projectColumn, projectIds),
      })
    )) as Row[];
    for (const row of rows) {
      const projectId = Number(row.project_id);
      if (!latest.has(projectId)) latest.set(projectId, row);
    }
    return latest;
  }

  async function cards(projects: Row[], user: AdminUser): Promise<BoardCard[]> {
    const flow = await lifecycle();
    const definition = flow?.definition ?? null;
    const day = today();
    const ids = projects.map((project) => project.id);
    const documentIds = projects.map((project) => project.documentId);
    const [status, from, reviewRows, conditionRows] = await Promise.all([
      latestStatus(ids),
      cameFrom(documentIds),
      ids.length
        ? (query(GATE_REVIEW_UID).findMany({
            where: { project: { id: { $in: ids } } },
            select: ['id', 'documentId', 'gate', 'decision', 'heldDate', 'scheduledDate'],
            populate: { project: { select: ['id'] } },
          }) as Promise<Row[]>)
        : Promise.resolve([] as Row[]),
      ids.length
        ? (query(GATE_CONDITION_UID).findMany({
            where: { $or: [{ done: false }, { done: { $null: true } }], gateReview: { project: { id: { $in: ids } } } },
            populate: {
              owner: { select: ['documentId', 'fullName', 'email'] },
              gateReview: { select: ['gate', 'documentId'], populate: { project: { select: ['id'] } } },
            },
          }) as Promise<Row[]>)
        : Promise.resolve([] as Row[]),
    ]);

    // Every project's transitions in one batch: the workflow, actor and instances read once.
    const views = new Map(
      (flow ? await engine().viewMany(PROJECT_UID, documentIds, user) : []).map((view) => [view.documentId, view])
    );

    return Promise.all(
      projects.map(async (project) => {
        const state = project.workflowState ?? definition?.initial ?? null;
        const heldFrom = state === 'on-hold' ? from.get(project.documentId) ?? null : null;
        const gate = gateFrom(definition, heldFrom ?? state);
        const reviews = reviewRows.filter((row) => row.project?.id === project.id).map(reviewFacts);
        const pending = gate === null ? null : pendingReview(reviews, gate);
        const last = gate === null ? undefined : decidedLatestFirst(reviews.filter((review) => review.gate === gate))[0];
        const open = conditionRows
          .filter((row) => row.gateReview?.project?.id === project.id)
          .map((row) => ({ ...presentCondition(row, day, Number(row.gateReview?.gate)), review: row.gateReview?.documentId ?? null }));
        const report = status.get(project.id);
        const view = views.get(project.documentId) ?? null;
        const stateInfo = definition?.states.find((s) => s.key === state);
        return {
          documentId: project.documentId,
          code: project.code,
          name: project.name,
          programme: project.programme
            ? { documentId: project.programme.documentId, code: project.programme.code, name: project.programme.name }
            : null,
          manager: person(project.manager),
          state: { key: state, name: stateInfo?.name ?? state, color: stateInfo?.color ?? null },
          version: view?.version ?? null,
          heldFrom,
          rag: report
            ? {
                overall: report.overall ?? null,
                schedule: report.schedule ?? null,
                cost: report.cost ?? null,
                scope: report.scope ?? null,
                percentComplete: report.percentComplete === null || report.percentComplete === undefined ? null : Number(report.percentComplete),
                asOf: isoDay(report.asOf),
              }
            : null,
          nextGate:
            gate === null
              ? null
              : {
                  gate,
                  name: GATE_NAMES[gate as keyof typeof GATE_NAMES],
                  targetState: gateTarget(definition, gate),
                  review: pending ? { documentId: pending.documentId, scheduledDate: pending.scheduledDate } : null,
                  lastDecision: last ? { documentId: last.documentId, decision: last.decision, heldDate: last.heldDate } : null,
                },
          conditions: { open: open.length, overdue: open.filter((condition) => condition.overdue) },
          transitions: (view?.transitions ?? []).map((transition) => ({
            key: transition.key,
            label: transition.label,
            to: transition.to,
            allowed: transition.allowed,
            requireComment: transition.requireComment,
            blockers: transition.blockers,
          })),
        };
      })
    );
  }

  const projectPopulate = {
    programme: { select: ['documentId', 'code', 'name'] },
    manager: { select: ['documentId', 'fullName', 'email'] },
  };

  const sql = boardSql(strapi);

  /**
   * The board, a page at a time: portfolio, programme, state, manager, department (of the
   * manager), text (code or name) and RAG (of the latest status report; `none`: no report yet)
   * narrow the projects, and the order and the page are taken, in the database
   * (board-sql.ts); the cards are then read for the page's projects only.
   */
  async function board(user: AdminUser, filters: BoardQuery): Promise<Board> {
    const flow = await lifecycle();
    const found = await withKnex(strapi, (knex: Knex) => sql.page(knex, filters, flow?.definition.initial ?? null));
    const chosen = filters.manager
      ? ((await query(PERSON_UID).findOne({ where: { documentId: filters.manager }, select: projectPopulate.manager.select })) as Row | null)
      : null;
    return {
      today: today(),
      lifecycle: flow
        ? { key: flow.key, name: flow.name, version: flow.version, states: flow.definition.states }
        : null,
      projects: await cards(found.projects, user),
      counts: found.counts,
      pagination: found.pagination,
      manager: person(chosen),
    };
  }

  /** One project's governance: its board card, every gate with its reviews, and all its conditions. */
  async function projectGovernance(documentId: string, user: AdminUser): Promise<ProjectGovernance> {
    const project = (await query(PROJECT_UID).findOne({
      where: { documentId },
      select: ['id', 'documentId', 'code', 'name', 'workflowState'],
      populate: projectPopulate,
    } as never)) as Row | null;
    if (!project) throw new errors.NotFoundError('There is no such project (it may have been deleted)');
    const [card] = await cards([project], user);
    const reviews = await projectReviews(documentId);
    const definition = (await lifecycle())?.definition ?? null;
    return {
      ...card,
      gates: [1, 2, 3, 4, 5].map((gate) => ({
        gate,
        name: GATE_NAMES[gate as keyof typeof GATE_NAMES],
        targetState: gateTarget(definition, gate),
        reviews: reviews.filter((review) => review.gate === gate),
      })),
      allConditions: reviews.flatMap((review) => review.conditions.map((condition) => ({ ...condition, gate: review.gate, review: review.documentId }))),
    };
  }

  return { board, projectGovernance };
}
