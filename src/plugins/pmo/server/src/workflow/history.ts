/**
 * The audit trail of an item: its transition events, oldest first, and the one way the engine
 * writes them (a transition's vote or move, PMO Hub's own moves).
 */
import type { Core } from '@strapi/strapi';
import type { TransitionEventView } from '../../../shared/contracts/workflow';
import { errors } from '../platform/errors';
import { EVENT_UID, nowIso, UNKNOWN_TYPE } from './records';

export function createHistory(strapi: Core.Strapi) {
  /** Records one event (`at` defaults to now). */
  async function record(data: Record<string, unknown>) {
    // `select` keeps the read-back Strapi does after an insert to the id.
    await strapi.db.query(EVENT_UID).create({ data: { ...data, at: data.at ?? nowIso() }, select: ['id'] });
  }

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

  return { history, record };
}

export type History = ReturnType<typeof createHistory>;
