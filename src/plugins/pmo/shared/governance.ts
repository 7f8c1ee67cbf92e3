/**
 * The vocabulary of stage gates (DESIGN.md, Governance) that the server's gate rules and the
 * admin panel's governance pages share: gate numbers and names after the OGC Gateway numbering,
 * the decisions a review may reach, and a checklist item as a review snapshots it.
 */

export const GATE_NUMBERS = [1, 2, 3, 4, 5] as const;
export type GateNumber = (typeof GATE_NUMBERS)[number];

export const GATE_NAMES: Record<GateNumber, string> = {
  1: 'business justification',
  2: 'delivery strategy',
  3: 'investment decision',
  4: 'readiness for service',
  5: 'benefits realisation',
};

export const GATE_DECISIONS = ['go', 'conditional-go', 'hold', 'recycle', 'stop'] as const;
export type GateDecision = (typeof GATE_DECISIONS)[number];

/** Decisions that let a project through its gate. */
export const PASSING_DECISIONS: GateDecision[] = ['go', 'conditional-go'];

export type Met = 'yes' | 'no';

export type ChecklistItem = {
  /** `<standard code>#<criterion position>`, stable within the review. */
  key: string;
  standard: string;
  standardTitle: string;
  standardVersion: string | null;
  mandatory: boolean;
  criterion: string;
  mustMeet: boolean;
  met: Met | null;
  notes: string | null;
};
