/**
 * The facts of a highlight report as the other capabilities and the database answer them, made
 * into the report's data (model.ts): status reports, gate decisions as of a day, authorised
 * changes in the report's window, people and coded items by name. Pure: no Strapi import.
 */
import type { ChangeRequestSummary } from '../../../../shared/contracts/change-control';
import type { ProjectGovernance } from '../../../../shared/contracts/governance';
import { toIsoDay } from '../../platform/dates';
import type { ChangeRow, GateSection, Rag, ReportWindow, StatusSection } from './model';
import { HIDDEN_REASONS } from './words';

type Row = Record<string, any>;

export const hide = (section: keyof typeof HIDDEN_REASONS) => ({ shown: false as const, reason: HIDDEN_REASONS[section] });
export const named = (row: Row | null | undefined): string | null => (row?.fullName ? String(row.fullName) : null);
export const coded = (row: Row | null | undefined): string | null => (row?.code ? `${row.code} · ${row.name}` : null);
export const rag = (value: unknown): Rag | null => (value === 'green' || value === 'amber' || value === 'red' ? value : null);

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

export function presentStatus(row: Row): StatusSection {
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
