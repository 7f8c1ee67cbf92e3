/**
 * Stage gates and gate reviews (DESIGN.md, Governance), pure: gate names after the OGC Gateway
 * numbering, which review counts, what a gate guard answers, the checklist a review snapshots
 * from the standards, and the rules a decision must meet. No Strapi here.
 */

import { GATE_DECISIONS, GATE_NAMES, GATE_NUMBERS, PASSING_DECISIONS, type ChecklistItem, type GateDecision, type GateNumber, type Met } from '../../../shared/contracts/governance';
import { formatDay } from '../../../shared/calendar';
import { standardsFor } from '../../../shared/standards';

export { GATE_DECISIONS, GATE_NAMES, GATE_NUMBERS, PASSING_DECISIONS };
export type { ChecklistItem, GateDecision, GateNumber, Met };

/** The state each gate leads to in the default lifecycle (used when the lifecycle does not say). */
export const DEFAULT_GATE_TARGETS: Record<GateNumber, string> = {
  1: 'initiating',
  2: 'planning',
  3: 'executing',
  4: 'closing',
  5: 'closed',
};

export const isGate = (value: unknown): value is GateNumber => GATE_NUMBERS.includes(value as GateNumber);

/** "Gate 3 (investment decision)". */
export const gateLabel = (gate: number) =>
  isGate(gate) ? `Gate ${gate} (${GATE_NAMES[gate]})` : `Gate ${gate}`;

export type ReviewFacts = {
  id: number;
  documentId: string;
  gate: number;
  decision: GateDecision | null;
  heldDate: string | null;
  scheduledDate: string | null;
};

const day = (value: unknown) => (value ? String(value).slice(0, 10) : null);

/** A stored day as a person reads it: "2 Dec 2026" ("an unknown day" when none is recorded). */
const shownDay = (value: unknown) => (value ? formatDay(String(value).slice(0, 10)) : 'an unknown day');

/** A decision as a person says it: "conditional go". */
export const decisionWords = (decision: string) => decision.replace(/-/g, ' ');

/** Reviews with a decision, latest first: by held date, then by the order they were recorded. */
export function decidedLatestFirst<T extends ReviewFacts>(reviews: T[]): T[] {
  return reviews
    .filter((review) => review.decision)
    .sort((a, b) => (day(b.heldDate) ?? '').localeCompare(day(a.heldDate) ?? '') || b.id - a.id);
}

/** The review awaiting a decision for a gate (the earliest scheduled), if any. */
export function pendingReview<T extends ReviewFacts>(reviews: T[], gate: number): T | null {
  const pending = reviews
    .filter((review) => review.gate === gate && !review.decision)
    .sort((a, b) => (day(a.scheduledDate) ?? '9999').localeCompare(day(b.scheduledDate) ?? '9999') || a.id - b.id);
  return pending[0] ?? null;
}

/**
 * What the `gateReview` guard answers: the latest decided review for the gate must have one of
 * the accepted decisions. Messages name the gate and the decision.
 */
export function gateVerdict(
  gate: number,
  reviews: ReviewFacts[],
  accepted: readonly string[] = PASSING_DECISIONS
): { ok: boolean; message?: string } {
  const ofGate = reviews.filter((review) => review.gate === gate);
  const latest = decidedLatestFirst(ofGate)[0];
  if (!latest) {
    const pending = pendingReview(ofGate, gate);
    const when = pending ? (pending.scheduledDate ? `; its review is scheduled for ${shownDay(pending.scheduledDate)}` : '; its review is not dated yet') : '';
    return { ok: false, message: `${gateLabel(gate)} has no review yet${when}` };
  }
  if (accepted.includes(latest.decision!)) return { ok: true };
  const after = latest.decision === 'stop' ? ': the project can only be cancelled' : '';
  return { ok: false, message: `${gateLabel(gate)} was decided ${decisionWords(latest.decision!)} on ${shownDay(latest.heldDate)}${after}` };
}

/** What the `notStopped` guard answers: the project's latest decided review (any gate) is not `stop`. */
export function stopVerdict(reviews: ReviewFacts[]): { ok: boolean; message?: string } {
  const latest = decidedLatestFirst(reviews)[0];
  if (latest?.decision !== 'stop') return { ok: true };
  return {
    ok: false,
    message: `${gateLabel(latest.gate)} was decided stop on ${shownDay(latest.heldDate)}: the project can only be cancelled`,
  };
}

// ---- checklists --------------------------------------------------------------------------------

export type StandardFacts = {
  code: string;
  title: string;
  version?: string | null;
  mandatory?: boolean | null;
  appliesToStates?: unknown;
  checklist?: Array<{ text?: string | null; mustMeet?: boolean | null }> | null;
};

/** The criteria of the standards that apply to `state`, snapshotted for a review (unanswered). */
export function snapshotChecklist(standards: StandardFacts[], state: string): ChecklistItem[] {
  return standardsFor(standards, state)
    .sort((a, b) => a.code.localeCompare(b.code))
    .flatMap((standard) =>
      (standard.checklist ?? [])
        .filter((criterion) => criterion?.text)
        .map((criterion, index) => ({
          key: `${standard.code}#${index + 1}`,
          standard: standard.code,
          standardTitle: standard.title,
          standardVersion: standard.version ?? null,
          mandatory: !!standard.mandatory,
          criterion: String(criterion.text),
          mustMeet: criterion.mustMeet !== false,
          met: null,
          notes: null,
        }))
    );
}

export type ChecklistAnswer = { key: string; met?: Met | null; notes?: string | null };

/** The checklist with answers applied; unknown keys are reported by their position in `answers`. */
export function answerChecklist(
  items: ChecklistItem[],
  answers: ChecklistAnswer[]
): { checklist: ChecklistItem[]; unknown: number[] } {
  const byKey = new Map(items.map((item) => [item.key, { ...item }]));
  const unknown: number[] = [];
  answers.forEach((answer, index) => {
    const item = byKey.get(answer.key);
    if (!item) {
      unknown.push(index);
      return;
    }
    if (answer.met !== undefined) item.met = answer.met;
    if (answer.notes !== undefined) item.notes = answer.notes;
  });
  return { checklist: items.map((item) => byKey.get(item.key)!), unknown };
}

/** Criteria that keep a gate shut: must-meet criteria of mandatory standards not answered "yes". */
export function blockingCriteria(items: ChecklistItem[]): ChecklistItem[] {
  return items.filter((item) => item.mandatory && item.mustMeet && item.met !== 'yes');
}

/** Why a review cannot be decided so (a decision that lets the project through), or null. */
export function decisionProblem(gate: number, decision: GateDecision, checklist: ChecklistItem[]): string | null {
  if (!PASSING_DECISIONS.includes(decision)) return null;
  const blocking = blockingCriteria(checklist);
  if (blocking.length === 0) return null;
  return `${gateLabel(gate)} cannot be decided ${decisionWords(decision)}: ${blocking.length} must-meet criteri${
    blocking.length === 1 ? 'on is' : 'a are'
  } not met (${blocking
    .map((item) => `"${item.criterion}", ${item.standard} criterion ${item.key.split('#')[1] ?? ''}`.trim())
    .join('; ')})`;
}

// ---- the board ---------------------------------------------------------------------------------

export type ConditionFacts = { dueDate: string | null; done: boolean | null };

export const isOverdue = (condition: ConditionFacts, today: string) =>
  !condition.done && !!condition.dueDate && String(condition.dueDate).slice(0, 10) < today;

