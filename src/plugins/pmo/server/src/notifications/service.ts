/**
 * The `notifications` service: what other code calls (the workflow engine's notify effect,
 * reminder sources through the reminders job, tests and the demo) and what the routes answer.
 */
import type { Core } from '@strapi/strapi';
import {
  OUTBOX_MESSAGE_UID,
  OUTBOX_STATUSES,
  type JobKey,
  type OutboxFilters,
  type OutboxMessageAnswer,
  type OutboxPage,
} from '../../../shared/contracts/notifications';
import { conflict, errors } from '../platform/errors';
import { dispatchOutbox } from './dispatch';
import { listJobs, nextRun, runJob, tick } from './jobs';
import { onlyReminderSources, registerReminderSource, type ReminderSource } from '../platform/notices';
import { enqueue, type EnqueueInput } from './outbox';
import { getPreferences, setPreferences } from './preferences';
import { sendDigests } from './reminders';
import { getTemplate, listTemplates, previewTemplate, render, updateTemplate } from './templates';

type Row = Record<string, any>;

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value ? new Date(String(value)).toISOString() : null);
const parse = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

function messageAnswer(row: Row): OutboxMessageAnswer {
  return {
    documentId: row.documentId,
    category: row.category ?? null,
    template: row.template,
    recipients: (parse(row.recipients) ?? []) as string[],
    subject: row.subject ?? null,
    status: row.status,
    heldForDigest: !!row.heldForDigest,
    digestedInto: row.digestedInto ?? null,
    attempts: row.attempts ?? 0,
    lastError: row.lastError ?? null,
    nextAttemptAt: iso(row.nextAttemptAt),
    sentAt: iso(row.sentAt),
    createdAt: iso(row.createdAt),
    messageId: row.messageId ?? null,
    dedupeKey: row.dedupeKey ?? null,
    sourceUid: row.sourceUid ?? null,
    sourceDocumentId: row.sourceDocumentId ?? null,
  };
}

const LIST_FIELDS = [
  'documentId', 'category', 'template', 'recipients', 'subject', 'status', 'heldForDigest', 'digestedInto', 'attempts', 'lastError',
  'nextAttemptAt', 'sentAt', 'createdAt', 'messageId', 'dedupeKey', 'sourceUid', 'sourceDocumentId',
];

export function createNotificationsService(strapi: Core.Strapi) {
  const outbox = () => strapi.db.query(OUTBOX_MESSAGE_UID as never);
  return {
    /** Renders now and queues (in the caller's transaction, if any); see outbox.ts. */
    enqueue: (input: EnqueueInput) => enqueue(strapi, { nextDigestAt: nextRun(strapi, 'reminders'), ...input }),
    /** A template rendered with values (appUrl added). */
    render: (key: string, values: Record<string, string>) => render(strapi, key, values),

    async outbox(filters: OutboxFilters): Promise<OutboxPage> {
      const page = filters.page ?? 1;
      const pageSize = filters.pageSize ?? 25;
      const where = filters.status ? { status: filters.status } : {};
      const [rows, total] = [
        (await outbox().findMany({ where, select: LIST_FIELDS, orderBy: [{ id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize })) as Row[],
        await outbox().count({ where }),
      ];
      const counts: Record<string, number> = {};
      for (const status of OUTBOX_STATUSES) counts[status] = await outbox().count({ where: { status } });
      return {
        results: rows.map(messageAnswer),
        pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
        counts,
      };
    },

    /** A failed or pending message, due now: the next dispatch run sends it (one more attempt for a failed one). */
    async retry(documentId: string): Promise<OutboxMessageAnswer> {
      const row = (await outbox().findOne({ where: { documentId } })) as Row | null;
      if (!row) throw new errors.NotFoundError('There is no such message in the outbox');
      if (row.heldForDigest && row.status === 'pending') throw conflict('This message waits for its reader’s daily digest; it is not sent on its own');
      if (row.status === 'sent') throw conflict('This message was already sent');
      if (row.status === 'sending') throw conflict('This message is being sent right now');
      const now = new Date();
      const moved = await outbox().updateMany({
        where: { id: row.id, status: row.status },
        data: { status: 'pending', nextAttemptAt: now, leaseOwner: null, leaseUntil: null, updatedAt: now },
      });
      if (moved.count !== 1) throw conflict('Someone acted on this message at the same moment; reload and try again');
      return messageAnswer((await outbox().findOne({ where: { id: row.id } })) as Row);
    },

    jobs: () => listJobs(strapi),
    runJob: (key: JobKey, now: Date) => runJob(strapi, key, now),
    /** What the cron does on each tick: the period's run, or help with another instance's. */
    tick: (key: JobKey, now = new Date()) => tick(strapi, key, now),
    /** Delivery without the job's lease (tests, the demo). */
    dispatch: (now = new Date()) => dispatchOutbox(strapi, now),
    digests: (day: string) => sendDigests(strapi, day),
    /** The registry of platform/notices.ts, for code outside the plugin's bundle (tests, the demo). */
    registerReminderSource: (source: ReminderSource) => registerReminderSource(source),
    /** Tests: the reminders job runs only the sources with these keys (null: every source again). */
    onlyReminderSources: (keys: string[] | null) => onlyReminderSources(keys),

    preferences: getPreferences.bind(null, strapi),
    setPreferences: setPreferences.bind(null, strapi),

    templates: () => listTemplates(strapi),
    template: (key: string) => getTemplate(strapi, key),
    updateTemplate: updateTemplate.bind(null, strapi),
    previewTemplate: previewTemplate.bind(null, strapi),
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;

export const getNotificationsService = (strapi: Core.Strapi) => strapi.plugin('pmo').service('notifications') as NotificationsService;
