/**
 * The `reminders` job: every reminder source registered in platform/notices.ts is asked what is
 * due on the run's day, and each reminder is queued under its dedupe key (sent once per item and
 * period, however often the job runs); then the daily digests: each person's held messages are
 * gathered into one `digest` mail, and each held message records the digest it went out in.
 */
import type { Core } from '@strapi/strapi';
import { OUTBOX_MESSAGE_UID } from '../../../shared/contracts/notifications';
import { escapeHtml } from '../../../shared/notification-render';
import { formatDay } from '../../../shared/calendar';
import { today } from '../platform/dates';
import { reminderSourcesList } from '../platform/notices';
import { enqueue, storedKey } from './outbox';

type HeldRow = {
  id: number;
  documentId: string;
  recipients: string[] | string;
  subject: string | null;
  payload: { item?: { url?: string; title?: string } } | string | null;
};

const parse = <T>(value: T | string | null): T | null => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

export async function runReminders(strapi: Core.Strapi, now: Date, nextDigestAt: Date | null) {
  const day = today(now);
  const counts = { sources: 0, sourceErrors: 0, reminders: 0, queued: 0, held: 0, leftOut: 0, duplicates: 0, digests: 0, digested: 0 };
  for (const source of reminderSourcesList()) {
    counts.sources += 1;
    let reminders;
    try {
      reminders = await source.collect(strapi, { day, at: now });
    } catch (error) {
      counts.sourceErrors += 1;
      strapi.log.error(`PMO Hub reminders: the source ${source.key} failed: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    for (const reminder of reminders) {
      counts.reminders += 1;
      const result = await enqueue(strapi, {
        category: reminder.category,
        template: reminder.template,
        to: reminder.to,
        values: reminder.values,
        item: reminder.item,
        dedupeKey: reminder.dedupeKey,
        attachments: reminder.attachments,
        nextDigestAt,
        payload: { reminder: source.key, day },
      });
      counts.queued += result.queued;
      counts.held += result.held;
      counts.leftOut += result.leftOut;
      counts.duplicates += result.duplicates;
    }
  }
  const digests = await sendDigests(strapi, day);
  counts.digests = digests.digests;
  counts.digested = digests.digested;
  return counts;
}

/** One digest per person with held messages: everything held until now, in one mail. */
export async function sendDigests(strapi: Core.Strapi, day: string) {
  const outbox = strapi.db.query(OUTBOX_MESSAGE_UID as never);
  const held = (await outbox.findMany({
    where: { heldForDigest: true, status: 'pending', digestedInto: null },
    select: ['id', 'documentId', 'recipients', 'subject', 'payload'],
    orderBy: [{ id: 'asc' }],
  })) as HeldRow[];
  const byAddress = new Map<string, HeldRow[]>();
  for (const row of held) {
    const address = (parse<string[]>(row.recipients) ?? [])[0];
    if (!address) continue;
    const key = address.trim().toLowerCase();
    byAddress.set(key, [...(byAddress.get(key) ?? []), row]);
  }
  let digests = 0;
  let digested = 0;
  for (const [address, rows] of byAddress) {
    const entries = rows.map((row) => {
      const payload = parse<{ item?: { url?: string; title?: string } }>(row.payload) ?? {};
      return { subject: row.subject ?? payload.item?.title ?? 'PMO Hub', url: payload.item?.url ?? '' };
    });
    const text = entries.map((entry) => `- ${entry.subject}\n  ${entry.url}`).join('\n\n');
    const html = entries.map((entry) => `<li><a href="${escapeHtml(entry.url)}">${escapeHtml(entry.subject)}</a></li>`).join('\n');
    const result = await enqueue(strapi, {
      category: 'digest',
      template: 'digest',
      to: [{ email: address }],
      values: { count: String(entries.length), date: formatDay(day), items: text, title: 'Daily digest' },
      trustedHtml: { items: html },
      item: { uid: OUTBOX_MESSAGE_UID, documentId: '', title: 'Daily digest', url: '/admin/plugins/pmo' },
      dedupeKey: storedKey(`digest:${address}:${day}`),
      sourceUid: OUTBOX_MESSAGE_UID,
      payload: { digestOf: rows.map((row) => row.documentId) },
    });
    const digest = result.documentIds[0];
    // Already sent today (the key is taken): the held messages wait for the next digest.
    if (!digest) continue;
    digests += 1;
    const marked = await outbox.updateMany({
      where: { id: { $in: rows.map((row) => row.id) }, heldForDigest: true, status: 'pending', digestedInto: null },
      data: { status: 'sent', digestedInto: digest, nextAttemptAt: null, updatedAt: new Date() },
    });
    digested += marked.count;
  }
  return { digests, digested };
}
