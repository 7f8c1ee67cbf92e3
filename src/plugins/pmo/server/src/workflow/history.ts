/** The audit trail of an item: its transition events, oldest first. */
import type { Core } from '@strapi/strapi';
import type { TransitionEventView } from '../../../shared/contracts/workflow';
import { errors } from '../platform/errors';
import { EVENT_UID, UNKNOWN_TYPE } from './records';

export function createHistory(strapi: Core.Strapi) {
  async function history(uid: string, documentId: string): Promise<TransitionEventView[]> {
    if (!(uid in strapi.contentTypes)) throw new errors.NotFoundError(UNKNOWN_TYPE);
    const events = await strapi.db
      .query(EVENT_UID)
      .findMany({ where: { targetUid: uid, targetDocumentId: documentId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    return events.map((event: any) => ({
      id: event.id,
      at: new Date(event.at).toISOString(),
      workflow: event.workflowKey,
      definitionVersion: event.definitionVersion,
      transition: event.transition,
      from: event.fromState,
      to: event.toState,
      kind: event.kind,
      actor: { id: event.actorId ?? null, name: event.actorName ?? 'system', email: event.actorEmail ?? null },
      comment: event.comment ?? null,
      votes: event.votes ?? [],
    }));
  }

  return { history };
}
