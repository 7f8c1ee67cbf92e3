/** Reads of the transition history for capabilities, so none reads the event table itself. */
import type { Core } from '@strapi/strapi';
import { EVENT_UID } from './records';

export type AppliedTransition = { fromState: string; toState: string };

/**
 * Each item's last applied transition (the state it came from into its current state), one query
 * for every item; items with no applied transition are absent from the map.
 */
export async function lastAppliedTransitions(
  strapi: Core.Strapi,
  uid: string,
  documentIds: string[]
): Promise<Map<string, AppliedTransition>> {
  const last = new Map<string, AppliedTransition>();
  if (!documentIds.length) return last;
  const events = (await strapi.db.query(EVENT_UID as never).findMany({
    where: { targetUid: uid, targetDocumentId: { $in: documentIds }, kind: 'applied' },
    select: ['targetDocumentId', 'fromState', 'toState'],
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
  } as never)) as Array<AppliedTransition & { targetDocumentId: string }>;
  for (const { targetDocumentId, fromState, toState } of events) {
    if (!last.has(targetDocumentId)) last.set(targetDocumentId, { fromState, toState });
  }
  return last;
}

/** One item's last applied transition, or null. */
export async function lastAppliedTransition(strapi: Core.Strapi, uid: string, documentId: string): Promise<AppliedTransition | null> {
  const event = (await strapi.db.query(EVENT_UID as never).findOne({
    where: { targetUid: uid, targetDocumentId: documentId, kind: 'applied' },
    select: ['fromState', 'toState'],
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
  } as never)) as AppliedTransition | null;
  return event ? { fromState: event.fromState, toState: event.toState } : null;
}
