/**
 * The workflow engine's contract (DESIGN.md, "The workflow engine"): the permission names, every
 * route's input and answer, and (workflow-definition.ts, re-exported here) the definition format.
 * The plugin's own settings route is here too: it is mounted beside the engine's routes. The
 * server validates with these schemas; the admin's client is typed from them.
 */
import { contract, noParams, noQuery, query, text, z } from './common';
import { definitionProblem, workflowDefinition } from './workflow-definition';

export * from './workflow-definition';

/* ---------------------------------------------------------------------------------------------
 * Permissions (registered in server/src/permissions.ts, granted in roles/definitions.ts)
 * -------------------------------------------------------------------------------------------*/

/** See PMO Hub's pages in the admin panel. */
export const PMO_ACCESS = 'plugin::pmo.access';
/** Read PMO Hub settings (currency and the like). */
export const SETTINGS_READ = 'plugin::pmo.settings.read';
/** See workflow definitions, where items stand, and their history. */
export const WORKFLOWS_READ = 'plugin::pmo.workflows.read';
/** Create and change workflow definitions (PMO administrators). */
export const WORKFLOWS_CONFIGURE = 'plugin::pmo.workflows.configure';
/** Fire transitions (the definition's actor rules still decide who may fire which). */
export const TRANSITIONS_FIRE = 'plugin::pmo.transitions.fire';

/* ---------------------------------------------------------------------------------------------
 * Answers
 * -------------------------------------------------------------------------------------------*/

/** GET /pmo/settings: what the admin panel needs to render PMO Hub. */
export const pmoSettings = z.object({ currency: z.string() });
export type PmoSettings = z.infer<typeof pmoSettings>;

/** GET /pmo/workflows item: a stored definition with its version and items per state. */
export const workflowSummary = z.object({
  key: z.string(),
  name: z.string(),
  appliesTo: z.string(),
  version: z.number(),
  definition: workflowDefinition,
  /** State key → how many items sit in it. */
  instances: z.record(z.string(), z.number()),
  updatedAt: z.string().nullable(),
});
export type WorkflowSummary = z.infer<typeof workflowSummary>;

/** POST /pmo/workflows/validate: every problem of a draft (none: it can be saved). */
export const validationAnswer = z.object({ problems: z.array(definitionProblem) });
export type ValidationAnswer = z.infer<typeof validationAnswer>;

/** A 409 on update: states the update removes that still hold items. */
export const heldState = z.object({ state: z.string(), documentIds: z.array(z.string()) });
export type HeldState = z.infer<typeof heldState>;

/** Why a caller may not fire a transition now. */
export const blocker = z.union([
  z.object({ kind: z.enum(['state', 'actor', 'requester', 'voted']), message: z.string() }),
  z.object({ kind: z.literal('guard'), guard: z.string(), message: z.string() }),
]);
export type Blocker = z.infer<typeof blocker>;

export const transitionAvailability = z.object({
  key: z.string(),
  label: z.string(),
  to: z.string(),
  allowed: z.boolean(),
  blockers: z.array(blocker),
  requireComment: z.boolean(),
  approvals: z.object({ quorum: z.number(), votes: z.number(), voters: z.array(z.number()) }).nullable(),
});
export type TransitionAvailability = z.infer<typeof transitionAvailability>;

/** A state as an item shows it: the definition's, or only its key once the state is gone. */
export const stateView = z.object({
  key: z.string(),
  name: z.string(),
  color: z.string().optional(),
  terminal: z.boolean().optional(),
  description: z.string().optional(),
});

/** GET /pmo/workflow-instances: where an item stands, and what the caller may do. */
export const workflowInstanceView = z.object({
  workflow: z.object({ key: z.string(), name: z.string(), version: z.number() }),
  uid: z.string(),
  documentId: z.string(),
  state: stateView,
  version: z.number(),
  definitionVersion: z.number(),
  enteredAt: z.string(),
  transitions: z.array(transitionAvailability),
});
export type WorkflowInstanceView = z.infer<typeof workflowInstanceView>;

/** POST /pmo/transitions: moved the item (200), or recorded a vote short of the quorum (202). */
export const fireResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('applied'), state: z.string(), version: z.number() }),
  z.object({ outcome: z.literal('vote'), votes: z.number(), quorum: z.number(), version: z.number() }),
]);
export type FireResult = z.infer<typeof fireResult>;

/** GET /pmo/history item: a transition event, oldest first. */
export const transitionEvent = z.object({
  id: z.number(),
  at: z.string(),
  workflow: z.string(),
  definitionVersion: z.number(),
  transition: z.string(),
  from: z.string(),
  to: z.string(),
  /** `applied` moved the item; `vote` recorded an approval short of the quorum. */
  kind: z.enum(['applied', 'vote']),
  actor: z.object({ id: z.number().nullable(), name: z.string(), email: z.string().nullable() }),
  comment: z.string().nullable(),
  votes: z.array(z.object({ id: z.number(), name: z.string(), at: z.string() })),
});
export type TransitionEventView = z.infer<typeof transitionEvent>;

/* ---------------------------------------------------------------------------------------------
 * Inputs
 * -------------------------------------------------------------------------------------------*/

/** Text naming something the request is about; `missing` says what to give. */
const named = (missing: string) => z.string({ error: missing }).min(1, missing).max(255, missing);

const UID_HINT = 'Say which kind of item this is (its content type, such as api::project.project)';
const ITEM_HINT = 'Say which item this is about';

/** `?uid=&documentId=`: the item an instance or a history is asked for. */
export const targetQuery = query({
  uid: named(UID_HINT),
  documentId: named(ITEM_HINT),
});
export type TargetQuery = z.infer<typeof targetQuery>;

/** POST /pmo/transitions body. */
export const fireInput = z.strictObject({
  uid: named(UID_HINT),
  documentId: named(ITEM_HINT),
  transition: named('Choose a transition'),
  comment: text('comment', 5000).nullable().optional(),
  expectedVersion: z
    .number({ error: 'The version you loaded must be a whole number' })
    .int('The version you loaded must be a whole number')
    .min(1, 'The version you loaded must be 1 or more')
    .optional(),
});
export type FireInput = z.infer<typeof fireInput>;

/**
 * A definition as sent to be saved or validated: any JSON object. Its problems are the
 * definition's (workflowDefinition, then the server's checks), listed all at once by the engine.
 */
export const definitionDraft = z.looseObject({});

const keyParams = z.object({ key: z.string().min(1, 'The address names no workflow').max(255, 'The address names no workflow') });

/* ---------------------------------------------------------------------------------------------
 * Routes (server/src/routes/index.ts)
 * -------------------------------------------------------------------------------------------*/

export const workflowRoutes = {
  /** GET /pmo/settings */
  settings: contract({ params: noParams, query: noQuery }),
  /** GET /pmo/workflows */
  list: contract({ params: noParams, query: noQuery }),
  /** POST /pmo/workflows/validate: 200 with the problems, saving nothing */
  validate: contract({ params: noParams, query: noQuery, body: definitionDraft }),
  /** GET /pmo/workflows/:key */
  get: contract({ params: keyParams, query: noQuery }),
  /** POST /pmo/workflows */
  create: contract({ params: noParams, query: noQuery, body: definitionDraft }),
  /** PUT /pmo/workflows/:key: a new version */
  update: contract({ params: keyParams, query: noQuery, body: definitionDraft }),
  /** GET /pmo/workflow-instances?uid=&documentId= */
  instance: contract({ params: noParams, query: targetQuery }),
  /** POST /pmo/transitions */
  fire: contract({ params: noParams, query: noQuery, body: fireInput }),
  /** GET /pmo/history?uid=&documentId= */
  history: contract({ params: noParams, query: targetQuery }),
};
