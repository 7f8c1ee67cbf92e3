/**
 * "Try it" in the workflow editor: would this person be allowed to fire this transition on this
 * item now, and if not, what blocks them? Answered with the engine's own evaluation (actors,
 * approvals, guards) of the saved workflow, without firing anything. Also the roles the engine
 * knows by name, the people the panel offers, and the items of a workflow's content type.
 */
import { blocker } from './workflow';
import { contract, noParams, noQuery, query, queryText, z } from './common';

/* ---------------------------------------------------------------------------------------------
 * Answers
 * -------------------------------------------------------------------------------------------*/

/** GET /pmo/workflow-roles item: a PMO role as the admin panel names it. */
export const workflowRole = z.object({ code: z.string(), name: z.string(), description: z.string() });
export type WorkflowRole = z.infer<typeof workflowRole>;

/** GET /pmo/workflows/:key/try/users item: an active admin user holding a PMO role (or a super admin). */
export const tryUser = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string().nullable(),
  /** Role names, e.g. "PMO Manager". */
  roles: z.array(z.string()),
});
export type TryUser = z.infer<typeof tryUser>;

/** GET /pmo/workflows/:key/try/items item: an item of the workflow's content type. */
export const tryItem = z.object({
  documentId: z.string(),
  label: z.string(),
  /** The state's name, e.g. "Proposed". */
  state: z.string(),
});
export type TryItem = z.infer<typeof tryItem>;

/** POST /pmo/workflows/:key/try: the verdict, nothing fired. */
export const tryAnswer = z.object({
  allowed: z.boolean(),
  blockers: z.array(blocker),
  /** Where the item stands and where the transition leads, by name. */
  state: z.string(),
  to: z.string(),
  /** Shown when it is allowed: what still applies when it is really fired. */
  requireComment: z.boolean(),
  approvals: z.object({ quorum: z.number(), votes: z.number() }).nullable(),
});
export type TryAnswer = z.infer<typeof tryAnswer>;

/* ---------------------------------------------------------------------------------------------
 * Inputs
 * -------------------------------------------------------------------------------------------*/

const chosen = (field: string, choose: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? choose : `${choose}: ${field} must be text`) })
    .min(1, choose)
    .max(255, choose);

/** POST /pmo/workflows/:key/try body. */
export const tryInput = z.strictObject({
  documentId: chosen('documentId', 'Choose an item to try the transition on'),
  transition: chosen('transition', 'Choose a transition'),
  asUser: z
    .number({ error: 'Choose a person to try it as' })
    .int('Choose a person to try it as')
    .min(1, 'Choose a person to try it as'),
});
export type TryInput = z.infer<typeof tryInput>;

const keyParams = z.object({ key: z.string().min(1, 'the address names no workflow').max(255, 'the address names no workflow') });

export const tryItemsQuery = query({ q: queryText('q', 100).optional() });

/* ---------------------------------------------------------------------------------------------
 * Routes (server/src/routes/index.ts)
 * -------------------------------------------------------------------------------------------*/

export const workflowTryRoutes = {
  /** GET /pmo/workflow-roles: the PMO roles with their names (workflows read) */
  roles: contract({ params: noParams, query: noQuery }),
  /** GET /pmo/workflows/:key/try/users?q= (workflows read + configure): at most 20, by name */
  users: contract({ params: keyParams, query: tryItemsQuery }),
  /** GET /pmo/workflows/:key/try/items?q= (workflows read + configure): at most 20, by name */
  items: contract({ params: keyParams, query: tryItemsQuery }),
  /** POST /pmo/workflows/:key/try (workflows read + configure): 200 with the verdict, firing nothing */
  try: contract({ params: keyParams, query: noQuery, body: tryInput }),
};
