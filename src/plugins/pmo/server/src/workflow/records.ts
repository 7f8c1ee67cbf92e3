/** What the engine stores: its content types, its rows, and the facts the evaluator reads off them. */
import type { WorkflowDefinition } from '../../../shared/contracts/workflow';
import type { InstanceFacts, Vote } from './evaluate';

export const WORKFLOW_UID = 'plugin::pmo.workflow';
export const INSTANCE_UID = 'plugin::pmo.workflow-instance';
export const EVENT_UID = 'plugin::pmo.transition-event';
export const TRANSITION_EVENT = 'pmo.workflow.transition';

export type WorkflowRow = {
  id: number;
  key: string;
  name: string;
  appliesTo: string;
  version: number;
  definition: WorkflowDefinition;
  versions?: Array<{ version: number; definition: WorkflowDefinition; savedAt: string; savedBy: string | null }> | null;
  updatedAt?: string;
};

export type InstanceRow = {
  id: number;
  workflowKey: string;
  targetUid: string;
  targetDocumentId: string;
  state: string;
  version: number;
  definitionVersion: number;
  enteredAt: string | null;
  enteredById: number | null;
  raisedById: number | null;
  /** The state it was in before this one (null for instances from before the field existed). */
  previousState?: string | null;
  votes: Record<string, Vote[]> | null;
};

export const nowIso = () => new Date().toISOString();

export function instanceFacts(row: InstanceRow): InstanceFacts & { version: number } {
  return {
    state: row.state,
    version: row.version,
    enteredById: row.enteredById,
    raisedById: row.raisedById,
    votes: row.votes ?? {},
  };
}

/**
 * Runs independent reads side by side, except inside a transaction: a transaction holds one
 * connection, and concurrent queries on one pg client are deprecated (pg warns, pg 9 refuses),
 * so there they run one after another.
 */
export async function readAll<T extends unknown[]>(
  strapi: { db: { inTransaction(): boolean } },
  reads: { [K in keyof T]: () => Promise<T[K]> }
): Promise<T> {
  if (!strapi.db.inTransaction()) return Promise.all(reads.map((read) => read())) as Promise<T>;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as T;
}

/** What a person calls a content type's items: "project", "change request" (its display name). */
export function typeWords(strapi: { contentTypes: Record<string, any> }, uid: string): string {
  const name = strapi.contentTypes[uid]?.info?.displayName;
  return typeof name === 'string' && name ? name.toLowerCase() : 'item';
}

/** The 404 for an item that is not there, in words: "There is no such project (it may have been deleted)". */
export const noSuchItem = (strapi: { contentTypes: Record<string, any> }, uid: string) =>
  `There is no such ${typeWords(strapi, uid)} (it may have been deleted)`;

/** The 404 for a kind of item the request names but PMO Hub does not have. */
export const UNKNOWN_TYPE = 'There is no such kind of item';
