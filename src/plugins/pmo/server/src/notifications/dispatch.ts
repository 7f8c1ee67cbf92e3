/**
 * Delivery: the `dispatch-outbox` job claims due messages with one conditional update (pending and
 * due, or sending with an expired lease) that sets them `sending` under this instance's lease,
 * sends each through Strapi's email plugin (nodemailer, pooled), then marks it `sent`. A crash
 * between the send and the mark leaves the message `sending` until its lease expires; it is then
 * sent again with the same Message-ID, so receivers can tell. Temporary failures go back to
 * `pending` with the backoff of BACKOFF_MINUTES; after the last, and at once for an SMTP 5xx,
 * `failed`. Nothing is ever deleted.
 */
import type { Core } from '@strapi/strapi';
import { BACKOFF_MINUTES, OUTBOX_MESSAGE_UID } from '../../../shared/contracts/notifications';
import { INSTANCE_ID, mailFrom } from './settings';

/** How long a claimed message is this instance's: well above the SMTP timeouts (config/plugins.ts). */
export const MESSAGE_LEASE_MS = 5 * 60 * 1000;
const BATCH = 50;
/** One run sends at most this many batches; the next run goes on. */
const MAX_BATCHES = 40;
/** A claimed message is sent only while at least this much of its lease is left (above SMTP_SOCKET_TIMEOUT). */
const SEND_MARGIN_MS = 60 * 1000;

type OutboxRow = {
  id: number;
  documentId: string;
  recipients: string[] | string;
  subject: string | null;
  text: string | null;
  html: string | null;
  attachments: Array<{ filename: string; contentType: string; content: string }> | null;
  attempts: number | null;
  messageId: string | null;
  template: string;
  leaseUntil?: Date | string | null;
};

export type DispatchCounts = { claimed: number; sent: number; retried: number; failed: number };

const query = (strapi: Core.Strapi) => strapi.db.query(OUTBOX_MESSAGE_UID as never);

/** What may be claimed at `now` (the run's time), leases judged by the clock. */
export function claimable(now: Date, clock: Date) {
  return {
    $and: [
      { $or: [{ heldForDigest: false }, { heldForDigest: null }] },
      {
        $or: [
          { status: 'pending', $or: [{ nextAttemptAt: null }, { nextAttemptAt: { $lte: now } }] },
          { status: 'sending', leaseUntil: { $lt: clock } },
        ],
      },
    ],
  };
}

type SmtpError = Error & { code?: string; responseCode?: number; response?: string; command?: string; address?: string; port?: number };

/** A failure, in words, and whether trying again may help. */
export function classify(error: unknown): { permanent: boolean; words: string } {
  const failure = (error ?? {}) as SmtpError;
  const responseCode = Number(failure.responseCode);
  const reply = String(failure.response ?? failure.message ?? 'no answer').slice(0, 500);
  if (responseCode >= 500 && responseCode < 600) {
    return { permanent: true, words: `The mail server refused the message for good (SMTP ${responseCode}): ${reply}` };
  }
  if (responseCode >= 400 && responseCode < 500) {
    return { permanent: false, words: `The mail server refused the message for now (SMTP ${responseCode}): ${reply}` };
  }
  const text = `${failure.code ?? ''} ${failure.message ?? ''}`;
  if (/ECONNREFUSED/.test(text)) return { permanent: false, words: `The mail server could not be reached: the connection was refused (${failure.message})` };
  if (/ETIMEDOUT|timeout/i.test(text)) return { permanent: false, words: `The mail server did not answer in time (${failure.message})` };
  if (/ECONNRESET|EPIPE|ESOCKET|ECONNECTION|EDNS|ENOTFOUND|EAI_AGAIN|closed/i.test(text)) {
    return { permanent: false, words: `The connection to the mail server failed (${failure.message})` };
  }
  if (/EENVELOPE|EMESSAGE/.test(text)) return { permanent: true, words: `The message cannot be sent as it is (${failure.message})` };
  return { permanent: false, words: `Sending failed (${failure.message ?? String(error)})` };
}

const recipientsOf = (row: OutboxRow): string[] => {
  const value = typeof row.recipients === 'string' ? JSON.parse(row.recipients) : row.recipients;
  return Array.isArray(value) ? value.map(String) : [];
};

async function sendOne(strapi: Core.Strapi, row: OutboxRow) {
  await strapi.plugin('email').service('email').send({
    from: mailFrom(strapi),
    to: recipientsOf(row).join(', '),
    subject: row.subject ?? row.template,
    text: row.text ?? '',
    html: row.html ?? undefined,
    messageId: row.messageId ?? undefined,
    headers: { 'X-PMO-Outbox-Id': row.documentId },
    attachments: (row.attachments ?? []).map((file) => ({ filename: file.filename, contentType: file.contentType, content: file.content })),
  });
}

/** The outcome of one attempt, written only while the message is still this instance's. */
async function record(strapi: Core.Strapi, row: OutboxRow, now: Date, error: unknown | null, counts: DispatchCounts) {
  const attempts = (row.attempts ?? 0) + 1;
  const mine = { id: row.id, status: 'sending', leaseOwner: INSTANCE_ID };
  const release = { leaseOwner: null, leaseUntil: null, attempts, updatedAt: new Date() };
  if (error === null) {
    await query(strapi).updateMany({ where: mine, data: { ...release, status: 'sent', sentAt: new Date(), lastError: null, nextAttemptAt: null } });
    counts.sent += 1;
    return;
  }
  const { permanent, words } = classify(error);
  const backoff = BACKOFF_MINUTES[attempts - 1];
  if (permanent || backoff === undefined) {
    const why = permanent ? words : `${words}. Given up after ${attempts} attempts`;
    await query(strapi).updateMany({ where: mine, data: { ...release, status: 'failed', lastError: why, nextAttemptAt: null } });
    counts.failed += 1;
    return;
  }
  const next = new Date(now.getTime() + backoff * 60_000);
  await query(strapi).updateMany({
    where: mine,
    data: { ...release, status: 'pending', lastError: `${words}. Attempt ${attempts} failed; the next is due ${next.toISOString()}`, nextAttemptAt: next },
  });
  counts.retried += 1;
}

/**
 * The claim: the due candidates' ids, then one conditional update that makes them this instance's
 * (a row another instance claimed meanwhile no longer matches), then the rows it took.
 */
async function claimBatch(strapi: Core.Strapi, now: Date): Promise<{ candidates: number; rows: OutboxRow[] }> {
  const clock = new Date();
  const candidates = (await query(strapi).findMany({
    where: claimable(now, clock),
    select: ['id'],
    orderBy: [{ id: 'asc' }],
    limit: BATCH,
  })) as Array<{ id: number }>;
  if (candidates.length === 0) return { candidates: 0, rows: [] };
  const ids = candidates.map((row) => row.id);
  const leaseUntil = new Date(clock.getTime() + MESSAGE_LEASE_MS);
  const claim = await query(strapi).updateMany({
    where: { id: { $in: ids }, ...claimable(now, clock) },
    data: { status: 'sending', leaseOwner: INSTANCE_ID, leaseUntil, updatedAt: clock },
  });
  if (claim.count === 0) return { candidates: candidates.length, rows: [] };
  const rows = (await query(strapi).findMany({
    where: { id: { $in: ids }, status: 'sending', leaseOwner: INSTANCE_ID, leaseUntil },
    orderBy: [{ id: 'asc' }],
  })) as OutboxRow[];
  return { candidates: candidates.length, rows: rows.map((row) => ({ ...row, leaseUntil })) };
}

/**
 * Delivers what is due at `now` (the job's time; leases and sentAt use the clock).
 *
 * As many sends at a time as the pool has connections (SMTP_MAX_CONNECTIONS). The next batch is
 * claimed while the last messages of the previous one are still being sent (when no more than one
 * message per connection is left to start), so the connections do not wait for a batch's slowest
 * send; at most one claim is under way at a time. A claimed message whose lease is nearly over
 * (less than SEND_MARGIN_MS left, e.g. after a long stall of the mail server) is not sent: it stays
 * `sending` until its lease expires and is claimed again, so no instance sends a message whose
 * lease another may already have taken over.
 */
export async function dispatchOutbox(strapi: Core.Strapi, now: Date): Promise<DispatchCounts> {
  const counts: DispatchCounts = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  const lanes = Number(strapi.config.get('plugin::email.providerOptions.maxConnections')) || 5;
  const queue: OutboxRow[] = [];
  let batches = 0;
  let exhausted = false;
  let failure: unknown = null;
  let claiming: Promise<void> | null = null;

  const more = () => !exhausted && failure === null && batches < MAX_BATCHES;
  const claimNext = async () => {
    while (more()) {
      batches += 1;
      const { candidates, rows } = await claimBatch(strapi, now);
      if (candidates < BATCH) exhausted = true;
      counts.claimed += rows.length;
      queue.push(...rows);
      if (rows.length > 0) return;
    }
  };
  const refill = () => {
    if (!claiming && more()) {
      claiming = claimNext()
        .catch((error) => {
          failure = error ?? new Error('the claim failed');
        })
        .finally(() => {
          claiming = null;
        });
    }
    return claiming;
  };

  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (;;) {
        if (queue.length <= lanes) void refill();
        const row = queue.shift();
        if (!row) {
          if (claiming) {
            await claiming;
            continue;
          }
          return;
        }
        if (Date.now() > new Date(row.leaseUntil as Date).getTime() - SEND_MARGIN_MS) continue;
        let error: unknown | null = null;
        try {
          await sendOne(strapi, row);
        } catch (caught) {
          error = caught ?? new Error('unknown failure');
        }
        await record(strapi, row, now, error, counts);
      }
    })
  );
  if (failure !== null) throw failure;
  return counts;
}
