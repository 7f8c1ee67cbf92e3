/**
 * A project's highlight report as data (model.ts): its header, the latest status report on or
 * before asOf and the one before it (whose date opens the window of decisions and changes),
 * finance's earned value and S-curve, governance's gates, the registers, and change control's
 * changes authorised in the window. Sections the caller may not read are marked hidden.
 */
import type { Core } from '@strapi/strapi';
import type { AsOf } from '../../../shared/contracts/finance';
import type { ChangeRequestSummary } from '../../../shared/contracts/change-control';
import type { ProjectGovernance } from '../../../shared/contracts/governance';
import { PROJECT_UID, STATUS_REPORT_UID } from '../../../shared/contracts/uids';
import { toIsoDay } from '../platform/dates';
import { createAccess, type Access, type Caller, type Row } from './access';
import type { ChangeRow, GateSection, HighlightReport, Listing, Rag, ReportWindow, StatusSection } from './model';
import { peers, type Peers } from './peers';
import { createRegisters, type Scope } from './registers';
import { HIDDEN_REASONS } from './words';

export const hide = (section: keyof typeof HIDDEN_REASONS) => ({ shown: false as const, reason: HIDDEN_REASONS[section] });
export const named = (row: Row | null | undefined): string | null => (row?.fullName ? String(row.fullName) : null);
export const coded = (row: Row | null | undefined): string | null => (row?.code ? `${row.code} · ${row.name}` : null);
const rag = (value: unknown): Rag | null => (value === 'green' || value === 'amber' || value === 'red' ? value : null);

/** A datetime as Strapi returns it (Date, ISO text, or epoch milliseconds on SQLite) to its UTC day. */
export function dayOf(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const text = String(value);
  if (/^\d{9,}$/.test(text)) return new Date(Number(text)).toISOString().slice(0, 10);
  return toIsoDay(text);
}

export const SUBJECT_POPULATE = {
  manager: { select: ['fullName'] },
  sponsor: { select: ['fullName'] },
};

/** Whether a day lies in the window: after its start (exclusive), up to its end. */
export const inWindow = (day: string | null, window: ReportWindow) => !!day && day <= window.to && (!window.from || day > window.from);

/** Change requests authorised (decision approved) in the window, oldest first. */
export function authorisedIn(changes: ChangeRequestSummary[], window: ReportWindow, where?: string): ChangeRow[] {
  return changes
    .filter((change) => change.decision === 'approved' && inWindow(dayOf(change.decisionDate), window))
    .map((change) => ({
      reference: change.reference,
      title: change.title,
      costImpact: change.costImpact,
      authorisedOn: dayOf(change.decisionDate)!,
      ...(where !== undefined ? { where } : {}),
    }))
    .sort((a, b) => a.authorisedOn.localeCompare(b.authorisedOn) || (a.reference ?? '').localeCompare(b.reference ?? ''));
}

function presentStatus(row: Row): StatusSection {
  return {
    asOf: toIsoDay(row.asOf) ?? '',
    percentComplete: row.percentComplete === null || row.percentComplete === undefined ? null : Number(row.percentComplete),
    rag: { overall: rag(row.ragOverall), schedule: rag(row.ragSchedule), cost: rag(row.ragCost), scope: rag(row.ragScope) },
    summary: row.summary ?? null,
    nextSteps: row.nextSteps ?? null,
  };
}

/** Each gate's latest decision on or before asOf, the next gate, and the conditions open on asOf. */
export function gatesAsOf(governance: ProjectGovernance, asOf: string): GateSection {
  const decided = governance.gates.flatMap((gate) => {
    const latest = gate.reviews
      .filter((review) => review.decision && (review.heldDate ?? dayOf(review.decidedAt) ?? '') <= asOf)
      .sort((a, b) => (b.heldDate ?? '').localeCompare(a.heldDate ?? '') || (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''))[0];
    return latest ? [{ gate: gate.gate, name: gate.name, decision: latest.decision!, heldDate: latest.heldDate }] : [];
  });
  const next = governance.nextGate
    ? { gate: governance.nextGate.gate, name: governance.nextGate.name, scheduledDate: governance.nextGate.review?.scheduledDate ?? null }
    : null;
  const openConditions = governance.allConditions
    .filter((condition) => !condition.done || (condition.doneOn !== null && condition.doneOn > asOf))
    .map((condition) => ({
      gate: condition.gate ?? null,
      text: condition.text,
      owner: condition.owner?.fullName ?? null,
      dueDate: condition.dueDate,
      overdue: !!condition.dueDate && condition.dueDate < asOf,
    }))
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  return { shown: true, decided, next, openConditions };
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

export async function projectReport(strapi: Core.Strapi, caller: Caller, documentId: string, asOf: AsOf): Promise<HighlightReport> {
  const access = createAccess(strapi, caller);
  const { sections } = access;
  const services: Peers = peers(strapi);
  const project = await access.subject(PROJECT_UID, documentId, { ...SUBJECT_POPULATE, programme: { select: ['code', 'name'] } });

  const reports = (await strapi.db.query(STATUS_REPORT_UID as never).findMany({
    where: { project: { id: project.id }, asOf: { $lte: asOf.text } },
    orderBy: [{ asOf: 'desc' }, { id: 'desc' }],
    limit: 2,
  } as never)) as Row[];
  const [latest, previous] = reports;
  const previousDay = previous ? toIsoDay(previous.asOf) : null;
  const window: ReportWindow = previousDay
    ? { from: previousDay, to: asOf.text, basis: 'previous-report' }
    : { from: null, to: asOf.text, basis: 'no-previous-report' };

  const stateOf = await services.lifecycleStates(PROJECT_UID);
  const evm = sections.evm ? await services.earnedValue().projectSeries(project.documentId, asOf) : null;
  const gates = sections.gates ? gatesAsOf(await services.governance().projectGovernance(project.documentId, caller.user), asOf.text) : hide('gates');
  const changes: Listing<ChangeRow> = sections.changes
    ? { shown: true, rows: authorisedIn(await services.changeControl().list({ project: project.documentId }), window) }
    : hide('changes');

  return {
    kind: 'project',
    asOf: asOf.text,
    subject: {
      code: project.code,
      name: project.name,
      manager: named(project.manager),
      sponsor: named(project.sponsor),
      parent: coded(project.programme),
      state: stateOf(project.workflowState),
    },
    status: sections.status ? { shown: true, latest: latest ? presentStatus(latest) : null } : hide('status'),
    window,
    evm: evm ? { shown: true, currency: evm.currency, figures: evm, points: evm.points } : hide('evm'),
    gates,
    projects: null,
    ...(await registersOf(strapi, access, { projectIds: [project.id] }, window)),
    changes,
  };
}
