/**
 * Governance's facts and views of gate reviews, pure: where a project stands in the lifecycle
 * (gateOf, gateTarget, gateFrom), the facts the gate rules read, and the JSON the routes answer.
 */
import type { WorkflowDefinition, WorkflowTransition } from '../../../shared/contracts/workflow';
import type { GateCondition, GateReview, PersonRef } from '../../../shared/contracts/governance';
import { DEFAULT_GATE_TARGETS, GATE_NAMES, isGate, isOverdue, type ChecklistItem, type ReviewFacts } from './gates';

export type Row = Record<string, any>;

export const today = () => new Date().toISOString().slice(0, 10);
export const isoDay = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
};

/** The gate a transition passes: the gate of its `gateReview` guard, if it has one. */
export function gateOf(transition: WorkflowTransition): number | null {
  const guard = (transition.guards ?? []).find((g) => g.type === 'gateReview');
  return guard && isGate(guard.gate) ? (guard.gate as number) : null;
}

/** The state a gate leads to in this lifecycle (the default lifecycle's when it does not say). */
export function gateTarget(definition: WorkflowDefinition | null, gate: number): string {
  const transition = definition?.transitions.find((t) => gateOf(t) === gate);
  return transition?.to ?? DEFAULT_GATE_TARGETS[gate as keyof typeof DEFAULT_GATE_TARGETS] ?? '';
}

/** The gate a project faces from a state: the first gate transition leaving it. */
export function gateFrom(definition: WorkflowDefinition | null, state: string | null): number | null {
  if (!definition || !state) return null;
  for (const transition of definition.transitions) {
    const gate = gateOf(transition);
    if (gate !== null && transition.from.includes(state)) return gate;
  }
  return null;
}

export const reviewFacts = (row: Row): ReviewFacts => ({
  id: row.id,
  documentId: row.documentId,
  gate: Number(row.gate),
  decision: row.decision ?? null,
  heldDate: isoDay(row.heldDate),
  scheduledDate: isoDay(row.scheduledDate),
});

export const reviewPopulate = {
  project: { select: ['documentId', 'code', 'name'] },
  reviewers: { select: ['documentId', 'fullName', 'email'] },
  conditions: { populate: { owner: { select: ['documentId', 'fullName', 'email'] } } },
};

export const person = (row: Row | null | undefined): PersonRef | null =>
  row ? { documentId: row.documentId, fullName: row.fullName, email: row.email ?? null } : null;

export function presentCondition(row: Row, day: string, gate?: number): GateCondition {
  return {
    documentId: row.documentId,
    text: row.text,
    owner: person(row.owner),
    dueDate: isoDay(row.dueDate),
    done: !!row.done,
    doneOn: isoDay(row.doneOn),
    overdue: isOverdue({ dueDate: isoDay(row.dueDate), done: !!row.done }, day),
    ...(gate !== undefined ? { gate } : {}),
  };
}

export function presentReview(row: Row): GateReview {
  const day = today();
  return {
    documentId: row.documentId,
    project: row.project ? { documentId: row.project.documentId, code: row.project.code, name: row.project.name } : null,
    gate: Number(row.gate),
    gateName: GATE_NAMES[row.gate as keyof typeof GATE_NAMES] ?? null,
    status: row.decision ? 'held' : 'scheduled',
    scheduledDate: isoDay(row.scheduledDate),
    heldDate: isoDay(row.heldDate),
    reviewers: (row.reviewers ?? []).map(person),
    checklist: (row.checklist ?? []) as ChecklistItem[],
    decision: row.decision ?? null,
    decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
    recordedBy: row.recordedBy ?? null,
    notes: row.notes ?? null,
    conditions: (row.conditions ?? [])
      .slice()
      .sort((a: Row, b: Row) => String(isoDay(a.dueDate)).localeCompare(String(isoDay(b.dueDate))) || a.id - b.id)
      .map((condition: Row) => presentCondition(condition, day)),
  };
}
