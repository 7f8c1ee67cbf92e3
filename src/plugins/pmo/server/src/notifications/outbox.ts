/**
 * Queuing: a message is rendered when it is queued (subject, text, HTML) and written as one
 * outbox row, in the caller's transaction when there is one (a workflow notify effect). A row with
 * a dedupe key is written with INSERT … ON CONFLICT DO NOTHING on the unique index, so two
 * instances queuing the same reminder at once leave one row and neither fails (and on PostgreSQL
 * the caller's transaction is not aborted, as a failed INSERT would do).
 *
 * People's preferences apply per recipient with a person: `off` leaves them out (never for
 * approvals and escalations), `digest` holds the item for their daily digest (a row of its own,
 * `heldForDigest`, never sent alone; the reminders job gathers the held rows into one `digest`
 * mail per person). Everyone else shares one message.
 */
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import {
  ALWAYS_SENT,
  NOTIFICATION_PREFERENCE_UID,
  OUTBOX_MESSAGE_UID,
  type NotificationCategory,
  type NotificationMode,
} from '../../../shared/contracts/notifications';
import type { Recipient, Reminder } from '../platform/notices';
import { newDocumentId } from './ids';
import { absoluteUrl, messageIdDomain } from './settings';
import { render } from './templates';

export type EnqueueInput = {
  category: NotificationCategory;
  template: string;
  to: Recipient[];
  values: Record<string, string>;
  item: Reminder['item'];
  dedupeKey?: string | null;
  attachments?: Reminder['attachments'];
  sourceUid?: string;
  sourceDocumentId?: string;
  /** Facts kept with the message for the Outbox page (not sent). */
  payload?: Record<string, unknown>;
  /** When the daily digest next goes out (held rows show it as their next attempt). */
  nextDigestAt?: Date | null;
  /** Values inserted into the HTML as they are: only HTML PMO Hub built from escaped parts. */
  trustedHtml?: Record<string, string>;
};

export type EnqueueResult = {
  /** Rows written now: the message to those who take it at once, and one held row per digest reader. */
  queued: number;
  held: number;
  /** Recipients who turned the category off. */
  leftOut: number;
  /** Rows not written because their dedupe key was already queued. */
  duplicates: number;
  documentIds: string[];
};

type PreferenceRow = { mode: NotificationMode; person: { documentId: string; email: string | null } | null };

const lower = (email: string) => email.trim().toLowerCase();

/** Each recipient's mode for the category: `immediate` unless their person chose otherwise. */
export async function modesFor(strapi: Core.Strapi, category: NotificationCategory, recipients: Recipient[]): Promise<Map<string, NotificationMode>> {
  const modes = new Map<string, NotificationMode>(recipients.map((recipient) => [lower(recipient.email), 'immediate']));
  if (ALWAYS_SENT.includes(category) || category === 'digest' || recipients.length === 0) return modes;
  const ids = recipients.map((recipient) => recipient.personDocumentId).filter((id): id is string => !!id);
  const emails = [...new Set(recipients.flatMap((recipient) => [recipient.email, lower(recipient.email)]))];
  const rows = (await strapi.db.query(NOTIFICATION_PREFERENCE_UID as never).findMany({
    where: { category, person: { $or: [{ documentId: { $in: ids } }, { email: { $in: emails } }] } },
    select: ['mode'],
    populate: { person: { select: ['documentId', 'email'] } },
  } as never)) as PreferenceRow[];
  for (const recipient of recipients) {
    const row = rows.find(
      (candidate) =>
        candidate.person &&
        ((recipient.personDocumentId && candidate.person.documentId === recipient.personDocumentId) ||
          (candidate.person.email && lower(candidate.person.email) === lower(recipient.email)))
    );
    if (row) modes.set(lower(recipient.email), row.mode);
  }
  return modes;
}

/** Writes one outbox row unless its dedupe key is taken; true when written. */
export async function insertMessage(strapi: Core.Strapi, data: Record<string, unknown>): Promise<boolean> {
  const at = new Date();
  const row: Record<string, unknown> = { createdAt: at, updatedAt: at, publishedAt: at, status: 'pending', attempts: 0, heldForDigest: false, ...data };
  for (const field of ['recipients', 'payload', 'attachments']) {
    if (row[field] !== undefined && row[field] !== null) row[field] = JSON.stringify(row[field]);
  }
  const builder = strapi.db.queryBuilder(OUTBOX_MESSAGE_UID as never).insert(row);
  if (row.dedupeKey) builder.onConflict(['dedupe_key']).ignore();
  const result = (await builder.execute()) as unknown[];
  return Array.isArray(result) && result.length > 0;
}

/** A dedupe key as stored: at most 255 characters (a longer one keeps its start and a hash of the whole). */
export const storedKey = (key: string) => (key.length <= 255 ? key : `${key.slice(0, 180)}#${createHash('sha256').update(key).digest('hex')}`);

export const newMessageId = (strapi: Core.Strapi, documentId: string) => `<${documentId}.pmo@${messageIdDomain(strapi)}>`;

/** Renders the template now and queues the message (see the file's comment for preferences and dedupe). */
export async function enqueue(strapi: Core.Strapi, input: EnqueueInput): Promise<EnqueueResult> {
  const result: EnqueueResult = { queued: 0, held: 0, leftOut: 0, duplicates: 0, documentIds: [] };
  const seen = new Set<string>();
  const recipients = input.to.filter((recipient) => {
    const email = recipient?.email ? lower(recipient.email) : '';
    if (!email || seen.has(email)) return false;
    seen.add(email);
    return true;
  });
  if (recipients.length === 0) return result;

  const modes = await modesFor(strapi, input.category, recipients);
  const now: Recipient[] = [];
  const held: Recipient[] = [];
  for (const recipient of recipients) {
    const mode = modes.get(lower(recipient.email)) ?? 'immediate';
    if (mode === 'off') result.leftOut += 1;
    else if (mode === 'digest') held.push(recipient);
    else now.push(recipient);
  }
  if (now.length === 0 && held.length === 0) return result;

  const url = absoluteUrl(strapi, input.item.url);
  const values = { ...input.values, title: input.values.title ?? input.item.title, url };
  const rendered = await render(strapi, input.template, values, input.trustedHtml);
  const common = {
    template: input.template,
    category: input.category,
    ...rendered,
    attachments: input.attachments?.length ? input.attachments : null,
    sourceUid: input.sourceUid ?? input.item.uid,
    sourceDocumentId: input.sourceDocumentId ?? input.item.documentId,
    payload: { ...(input.payload ?? {}), item: { ...input.item, url }, values },
  };

  const write = async (to: Recipient[], dedupeKey: string | null, holdForDigest: boolean) => {
    const documentId = newDocumentId();
    const written = await insertMessage(strapi, {
      ...common,
      documentId,
      recipients: to.map((recipient) => recipient.email.trim()),
      dedupeKey,
      messageId: newMessageId(strapi, documentId),
      heldForDigest: holdForDigest,
      nextAttemptAt: holdForDigest ? (input.nextDigestAt ?? null) : null,
    });
    if (!written) result.duplicates += 1;
    else {
      result.documentIds.push(documentId);
      if (holdForDigest) result.held += 1;
      else result.queued += 1;
    }
  };

  // One query at a time: inside a transaction on PostgreSQL the connection is shared.
  if (now.length) await write(now, input.dedupeKey ? storedKey(input.dedupeKey) : null, false);
  for (const recipient of held) {
    await write([recipient], input.dedupeKey ? storedKey(`${input.dedupeKey}|digest:${lower(recipient.email)}`) : null, true);
  }
  return result;
}
