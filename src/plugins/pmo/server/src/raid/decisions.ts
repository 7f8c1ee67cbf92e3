/**
 * Decisions recorded in the decision log by themselves (DESIGN.md: "gate-review and
 * change-request decisions recorded there automatically"), without importing governance or
 * change control:
 *
 * - a gate review's decision (go, conditional go, hold, recycle, stop): a Document Service
 *   middleware on gate reviews sees the write that decides one (governance writes its reviews
 *   through the Document Service) and, in the same transaction, records the decision of the
 *   review's project, dated the day the review was held;
 * - a change request's decision: the workflow effect `logDecision` (`{ "type": "logDecision",
 *   "decision": "approved" }`), which the seeded change-control workflow runs on its authorise
 *   and reject transitions, inside the transition's transaction.
 *
 * Idempotent by source: a gate review's decision is recorded once (a decided review keeps its
 * record); a change request's once per outcome and day, so a re-run adds nothing while a change
 * rejected, revised and then authorised has both decisions in the log.
 */
import type { Core } from '@strapi/strapi';
import { formatDay } from '../../../shared/calendar';
import { GATE_NAMES, GATE_REVIEW_UID, type GateNumber } from '../../../shared/contracts/governance';
import { DECISION_UID, type DecisionSource } from '../../../shared/contracts/raid';
import { CHANGE_REQUEST_UID, PERSON_UID } from '../../../shared/contracts/uids';
import { keyWords, listWords } from '../../../shared/words';
import { toIsoDay } from '../platform/dates';
import { findOneInTurn } from '../platform/read-in-turn';
import { asCapability } from '../security/protected-fields';
import { unknownSettings, type EffectType } from '../workflow';

type Row = Record<string, any>;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export type LoggedDecision = {
  title: string;
  decision: string;
  decidedOn: string;
  decidedBy: string | null;
  project: string | null;
  programme: string | null;
  source: DecisionSource;
  sourceDocumentId: string;
};

/**
 * Records a decision unless the log already holds it (same source, source record, title and
 * day); answers whether it did. Runs in the caller's transaction, as the capability that sets
 * the source record.
 */
export async function logDecision(strapi: Core.Strapi, entry: LoggedDecision): Promise<boolean> {
  const where = { source: entry.source, sourceDocumentId: entry.sourceDocumentId, ...(entry.source === 'gate-review' ? {} : { title: entry.title, decidedOn: entry.decidedOn }) };
  if (await strapi.db.query(DECISION_UID as never).findOne({ where, select: ['id'] } as never)) return false;
  // One relation per write: the Document Service checks the relations of one write at the same
  // time, which a PostgreSQL transaction (a transition's) must not see (docs/architecture.md).
  const created = (await asCapability('raid', () =>
    strapi.documents(DECISION_UID as never).create({
      data: {
        title: clip(entry.title, 200),
        decision: entry.decision,
        decidedOn: entry.decidedOn,
        ...(entry.project ? { project: entry.project } : { programme: entry.programme }),
        source: entry.source,
        sourceDocumentId: entry.sourceDocumentId,
      },
    } as never)
  )) as { documentId: string };
  if (entry.decidedBy) {
    await asCapability('raid', () =>
      strapi.documents(DECISION_UID as never).update({ documentId: created.documentId, data: { decidedBy: entry.decidedBy } } as never)
    );
  }
  return true;
}

/** The person whose email is the admin user's, if any. */
async function personOf(strapi: Core.Strapi, email: string | null | undefined): Promise<string | null> {
  if (!email) return null;
  const person = (await strapi.db.query(PERSON_UID as never).findOne({ where: { email: { $eqi: email } }, select: ['documentId'] } as never)) as Row | null;
  return person?.documentId ?? null;
}

/** A decided gate review → its entry in the project's decision log. */
async function recordGateDecision(strapi: Core.Strapi, documentId: string) {
  const review = await findOneInTurn<Row>(strapi, GATE_REVIEW_UID, { documentId }, { project: true, reviewers: true });
  if (!review?.decision || !review.project) return;
  const gate = Number(review.gate) as GateNumber;
  const gateName = `Gate ${gate}${GATE_NAMES[gate] ? ` (${GATE_NAMES[gate]})` : ''}`;
  const day = toIsoDay(review.heldDate) ?? toIsoDay(review.decidedAt) ?? new Date().toISOString().slice(0, 10);
  const reviewers = ((review.reviewers ?? []) as Row[]).map((person) => String(person.fullName)).filter(Boolean);
  const user = strapi.requestContext.get()?.state?.user as { email?: string } | undefined;
  const decidedBy = (await personOf(strapi, user?.email)) ?? (review.reviewers?.[0]?.documentId as string | undefined) ?? null;
  const words = keyWords(String(review.decision));
  const parts = [
    `${words} at ${gateName} of ${review.project.code} ${review.project.name}, review held on ${formatDay(day)}.`,
    reviewers.length ? `Reviewers: ${listWords(reviewers, 'and')}.` : '',
    review.recordedBy ? `Recorded by ${review.recordedBy}.` : '',
    review.notes ? `Notes: ${review.notes}` : '',
  ];
  await logDecision(strapi, {
    title: `${review.project.code} ${gateName}: ${words.toLowerCase()}`,
    decision: parts.filter(Boolean).join(' '),
    decidedOn: day,
    decidedBy,
    project: review.project.documentId,
    programme: null,
    source: 'gate-review',
    sourceDocumentId: review.documentId,
  });
}

/** Gate reviews written with a decision: the decision goes to the log after the write, in its transaction. */
export function registerGateDecisions(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== GATE_REVIEW_UID || (context.action !== 'create' && context.action !== 'update')) return next();
    const params = context.params as { data?: Row; documentId?: string };
    const deciding = typeof params.data?.decision === 'string' && params.data.decision !== '';
    const result = await next();
    const documentId = ((result as Row | null)?.documentId as string | undefined) ?? params.documentId;
    if (deciding && documentId) await recordGateDecision(strapi, documentId);
    return result;
  });
}

const DECISION_WORD = /^[a-z][a-z -]{0,39}$/;

/** The workflow effect: the item's decision in the decision log of its project (or programme). */
export function logDecisionEffect(strapi: Core.Strapi): EffectType {
  return {
    type: 'logDecision',
    description: 'Record the decision in the decision log of the project: what was decided, on which day, by whom, with the comment',
    validate(config) {
      const problems = unknownSettings(config, ['decision']);
      if (typeof config.decision !== 'string' || !DECISION_WORD.test(config.decision)) {
        problems.push('name the decision to record in lowercase words, such as "approved" or "rejected"');
      }
      return problems;
    },
    async apply(config, { uid, documentId, now, votes, actor, comment, transition }) {
      const attributes = (strapi.getModel(uid as never) as { attributes?: Record<string, { type: string; target?: string }> })?.attributes ?? {};
      const holders = ['project', 'programme'].filter((field) => attributes[field]?.type === 'relation');
      const item = await findOneInTurn<Row>(strapi, uid, { documentId }, Object.fromEntries(holders.map((field) => [field, true as const])));
      // The log holds decisions of a project or a programme: an item of neither has nowhere to go.
      if (!item || !(item.project || item.programme)) return;
      const outcome = String(config.decision);
      const names = [...new Set(votes.length ? votes.map((vote) => vote.name) : [actor.name])];
      const day = now.slice(0, 10);
      const isChange = uid === CHANGE_REQUEST_UID;
      const name = String(item.reference ?? item.title ?? item.name ?? documentId);
      const about = isChange ? `Change request ${[item.reference, `"${item.title}"`].filter(Boolean).join(' ')}` : `"${item.title ?? item.name ?? name}"`;
      await logDecision(strapi, {
        title: `${name} ${outcome}${isChange && item.reference && item.title ? `: ${item.title}` : ''}`,
        decision: `${about} ${outcome} (${transition.label ?? transition.key}) by ${listWords(names, 'and')}.${comment ? ` Comment: ${comment}` : ''}`,
        decidedOn: day,
        decidedBy: actor.personIds[0] ?? (await personOf(strapi, actor.email)),
        project: item.project?.documentId ?? null,
        programme: item.project ? null : (item.programme?.documentId ?? null),
        source: isChange ? 'change-request' : 'other',
        sourceDocumentId: documentId,
      });
    },
  };
}
