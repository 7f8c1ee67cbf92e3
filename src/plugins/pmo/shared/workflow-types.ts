/**
 * The workflow definition format (DESIGN.md, "The workflow engine"), shared by the server
 * (validation, evaluation, persistence) and the admin panel (editor, side panel).
 */

/** The `field` guard's operators. */
export const FIELD_OPS = ['exists', 'eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in'] as const;
export type FieldOp = (typeof FIELD_OPS)[number];

export type WorkflowState = {
  key: string;
  name: string;
  color?: string;
  terminal?: boolean;
  description?: string;
};

/**
 * `{ role }`: a PMO role key (admin role code). `{ field }`: a relation to a person on the target,
 * or a dotted path through related items to one (`project.manager`: the manager of its project).
 */
export type ActorRule = { role: string } | { field: string };

export type Approvals = {
  /** Distinct eligible actors needed to fire the transition. */
  quorum: number;
  /** Whoever moved the item into the current state (or raised it) cannot vote. */
  excludeRequester?: boolean;
  /** People in these person fields of the item (e.g. `raisedBy`) cannot vote either. */
  excludeFields?: string[];
};

/** A guard or effect: a catalogue type configured by data. */
export type GuardConfig = { type: string; [option: string]: unknown };
export type EffectConfig = { type: string; [option: string]: unknown };

export type WorkflowTransition = {
  key: string;
  label: string;
  from: string[];
  to: string;
  actors?: ActorRule[];
  approvals?: Approvals;
  guards?: GuardConfig[];
  effects?: EffectConfig[];
  requireComment?: boolean;
};

export type WorkflowDefinition = {
  key: string;
  name: string;
  appliesTo: string;
  initial: string;
  states: WorkflowState[];
  transitions: WorkflowTransition[];
  description?: string;
};

/** One problem of a definition, located by a JSON path such as `transitions[2].to`. */
export type DefinitionProblem = { path: string; message: string };

/** Why a caller may not fire a transition now. */
export type Blocker =
  | { kind: 'state'; message: string }
  | { kind: 'actor'; message: string }
  | { kind: 'requester'; message: string }
  | { kind: 'voted'; message: string }
  | { kind: 'guard'; guard: string; message: string };

export type TransitionAvailability = {
  key: string;
  label: string;
  to: string;
  allowed: boolean;
  blockers: Blocker[];
  requireComment: boolean;
  approvals: { quorum: number; votes: number; voters: number[] } | null;
};

/** GET /pmo/workflow-instances answer (one per workflow governing the item). */
export type WorkflowInstanceView = {
  workflow: { key: string; name: string; version: number };
  uid: string;
  documentId: string;
  state: WorkflowState;
  version: number;
  definitionVersion: number;
  enteredAt: string;
  transitions: TransitionAvailability[];
};

/** GET /pmo/history answer item. */
export type TransitionEventView = {
  id: number;
  at: string;
  workflow: string;
  definitionVersion: number;
  transition: string;
  from: string;
  to: string;
  /** `applied` moved the item; `vote` recorded an approval short of the quorum. */
  kind: 'applied' | 'vote';
  actor: { id: number | null; name: string; email: string | null };
  comment: string | null;
  votes: Array<{ id: number; name: string; at: string }>;
};
