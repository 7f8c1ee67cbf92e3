/**
 * The registers a highlight report reads (DESIGN.md, "RAID"): open risks by score, open issues
 * by priority, decisions in the report's window; for a project, or for a programme with its
 * projects. The score is probability × impact, computed here from the two (never read from the
 * stored score). Each query is narrowed to what the caller may read of the register.
 */
import type { Core } from '@strapi/strapi';
import { DECISION_UID, ISSUE_UID, RISK_UID } from '../../../../shared/contracts/uids';
import type { Access, Row } from './access';
import type { DecisionRow, IssueRow, ReportWindow, RiskRow } from './model';
import { hide } from './facts';
import { priorityRank } from './words';
import { toIsoDay as isoDay } from '../../platform/dates';

/** Whose registers: a project, or a programme and its projects (`where` names a row's project). */
export type Scope = { projectIds: number[]; programmeId?: number; where?: (row: Row) => string };

const person = (row: Row | null | undefined): string | null => (row?.fullName ? String(row.fullName) : null);
const owner = { owner: { select: ['fullName'] } };
const placed = { project: { select: ['id', 'code'] }, programme: { select: ['id', 'code'] } };

/** Rows of the scope: the projects' (and the programme's own, for a programme). */
function inScope(scope: Scope): Row {
  const projects = { project: { id: { $in: scope.projectIds.length ? scope.projectIds : [-1] } } };
  return scope.programmeId === undefined ? projects : { $or: [projects, { programme: { id: scope.programmeId } }] };
}

const score = (row: Row) => Number(row.probability) * Number(row.impact);

/** Highest score first; then the nearest proximity (none last), then title. */
export function byScore(a: RiskRow, b: RiskRow): number {
  return b.score - a.score || (a.proximity ?? '9999').localeCompare(b.proximity ?? '9999') || a.title.localeCompare(b.title);
}

/** Most urgent priority first; then the oldest raised, then title. */
export function byPriority(a: IssueRow, b: IssueRow): number {
  return priorityRank(a.priority) - priorityRank(b.priority) || (a.raisedOn ?? '').localeCompare(b.raisedOn ?? '') || a.title.localeCompare(b.title);
}

export function createRegisters(strapi: Core.Strapi, access: Access) {
  const find = (uid: string, where: Row, populate: Row) =>
    strapi.db.query(uid as never).findMany({ where: access.readable(uid, where), populate } as never) as Promise<Row[]>;

  async function openRisks(scope: Scope): Promise<RiskRow[]> {
    const rows = await find(RISK_UID, { $and: [inScope(scope), { status: 'open' }] }, { ...owner, ...placed });
    return rows
      .map((row) => ({
        title: String(row.title ?? ''),
        type: String(row.type ?? 'threat'),
        probability: Number(row.probability),
        impact: Number(row.impact),
        score: score(row),
        owner: person(row.owner),
        response: row.response ?? null,
        proximity: isoDay(row.proximity),
        ...(scope.where ? { where: scope.where(row) } : {}),
      }))
      .sort(byScore);
  }

  async function openIssues(scope: Scope): Promise<IssueRow[]> {
    const rows = await find(ISSUE_UID, { $and: [inScope(scope), { status: 'open' }] }, { ...owner, ...placed });
    return rows
      .map((row) => ({
        title: String(row.title ?? ''),
        priority: String(row.priority ?? 'medium'),
        severity: row.severity ?? null,
        owner: person(row.owner),
        raisedOn: isoDay(row.raisedOn),
        targetDate: isoDay(row.targetDate),
        ...(scope.where ? { where: scope.where(row) } : {}),
      }))
      .sort(byPriority);
  }

  /** Decisions taken after the window's start (exclusive) up to its end, oldest first. */
  async function decisions(scope: Scope, window: ReportWindow): Promise<DecisionRow[]> {
    const when: Row = { decidedOn: { $lte: window.to } };
    const where: Row = { $and: [inScope(scope), when, ...(window.from ? [{ decidedOn: { $gt: window.from } }] : [])] };
    const rows = await find(DECISION_UID, where, { decidedBy: { select: ['fullName'] }, ...placed });
    return rows
      .map((row) => ({
        title: String(row.title ?? ''),
        decision: String(row.decision ?? ''),
        decidedOn: isoDay(row.decidedOn) ?? '',
        decidedBy: person(row.decidedBy),
        source: String(row.source ?? 'other'),
        ...(scope.where ? { where: scope.where(row) } : {}),
      }))
      .sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.title.localeCompare(b.title));
  }

  return { openRisks, openIssues, decisions };
}

/** What both kinds of report read of the registers, each when the caller may. */
export async function registersOf(strapi: Core.Strapi, access: Access, scope: Scope, window: ReportWindow) {
  const registers = createRegisters(strapi, access);
  const { sections } = access;
  return {
    risks: sections.risks ? { shown: true as const, rows: await registers.openRisks(scope) } : hide('risks'),
    issues: sections.issues ? { shown: true as const, rows: await registers.openIssues(scope) } : hide('issues'),
    decisions: sections.decisions ? { shown: true as const, rows: await registers.decisions(scope, window) } : hide('decisions'),
  };
}
