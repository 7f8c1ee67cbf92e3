/**
 * Notifications and scheduled work (DESIGN.md "Notifications and scheduled work"): the names both
 * sides share, and every route's input and answer (zod), as docs/notifications.md describes them.
 */
import { body, contract, documentIdParams, isIsoDay, MAX_PAGE_SIZE, noParams, noQuery, oneOf, query, queryWholeNumber, requiredText, text, z } from './common';

export const OUTBOX_MESSAGE_UID = 'plugin::pmo.outbox-message';
export const NOTIFICATION_TEMPLATE_UID = 'plugin::pmo.notification-template';
export const NOTIFICATION_PREFERENCE_UID = 'plugin::pmo.notification-preference';
export const JOB_LEASE_UID = 'plugin::pmo.job-lease';

export const NOTIFICATION_CATEGORIES = [
  'workflow',
  'document-review',
  'status-report',
  'gate-condition',
  'gate-review',
  'approval',
  'action-item',
  'certification',
  'escalation',
  'digest',
] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** Categories a person cannot turn off. */
export const ALWAYS_SENT: NotificationCategory[] = ['approval', 'escalation'];

export const NOTIFICATION_MODES = ['immediate', 'digest', 'off'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const JOB_KEYS = ['dispatch-outbox', 'reminders'] as const;
export type JobKey = (typeof JOB_KEYS)[number];

/** Backoff after a temporary SMTP failure, attempt by attempt; after the last, `failed`. */
export const BACKOFF_MINUTES = [1, 5, 30, 120, 720] as const;

/** The category of each, in words (settings, preferences, outbox). */
export const CATEGORY_NAMES: Record<NotificationCategory, string> = {
  workflow: 'Workflow steps',
  'document-review': 'Document reviews',
  'status-report': 'Status reports',
  'gate-condition': 'Gate conditions',
  'gate-review': 'Gate reviews',
  approval: 'Approvals waiting for your vote',
  'action-item': 'Mentoring action items',
  certification: 'Certifications',
  escalation: 'Escalations',
  digest: 'Daily digest',
};

/** Permission actions. */
export const NOTIFICATIONS_ADMINISTER = 'plugin::pmo.notifications.administer';
export const OUTBOX_READ = 'plugin::pmo.outbox.read';
export const NOTIFICATIONS_ADMINISTER_UID = 'notifications.administer';
export const OUTBOX_READ_UID = 'outbox.read';
/** Preferences: every PMO role reads and sets its own. */
export const NOTIFICATION_PREFERENCES = 'plugin::pmo.notifications.preferences';

/* ---------------------------------------------------------------------------------------------
 * Templates and their placeholders
 * -------------------------------------------------------------------------------------------*/

/** Placeholders every template offers, whatever the event. */
export const COMMON_PLACEHOLDERS = {
  title: "The item's title (a change request's title, a document's name, a project's name)",
  url: 'The link to the item in PMO Hub',
  appUrl: 'The address of PMO Hub (PMO_APP_URL)',
} as const;

const WORKFLOW_STEP = {
  reference: "The item's reference, e.g. CR-ALPHA-001 (empty when it has none)",
  workflow: "The workflow's name",
  step: "The step taken, e.g. 'Authorise (project manager)'",
  from: 'The state the item left',
  to: 'The state the item entered',
  actor: 'Who took the step',
  comment: 'The comment given with the step (empty when none)',
  date: 'When the step was taken, e.g. 2 Dec 2026',
} as const;

/**
 * The templates PMO Hub sends, each with the placeholders it offers beyond the common ones
 * (`{{title}}`, `{{url}}`, `{{appUrl}}`). A template may use only these; the server refuses a save
 * naming another. Reminder sources fill the values (strings) when they enqueue.
 */
export const TEMPLATE_PLACEHOLDERS = {
  'change-authorized': { description: 'A change request was authorised (workflow notify)', placeholders: WORKFLOW_STEP },
  'change-rejected': { description: 'A change request was rejected (workflow notify)', placeholders: WORKFLOW_STEP },
  'workflow-step': {
    description: 'Any other workflow step with a notify effect, and a notify naming a template that does not exist',
    placeholders: WORKFLOW_STEP,
  },
  'document-review-due': {
    description: 'A document is due for review within 14 days (to its owner)',
    placeholders: { project: "The project's name", owner: "The owner's name", dueDate: 'The review date, e.g. 2 Dec 2026', daysLeft: 'Days until it is due' },
  },
  'document-review-overdue': {
    description: 'A document is overdue for review (to its owner)',
    placeholders: { project: "The project's name", owner: "The owner's name", dueDate: 'The review date', daysOverdue: 'Days since it was due' },
  },
  'status-report-late': {
    description: "A project's status report is late for its reporting cadence (to the project manager)",
    placeholders: {
      project: "The project's name",
      cadence: 'The reporting cadence: weekly, fortnightly or monthly',
      lastReport: 'The date of the last report (or "none")',
      dueDate: 'When the report was due',
      periodsLate: 'How many reporting periods are missing',
    },
  },
  'gate-condition-overdue': {
    description: 'A gate condition is past its due date (to its owner)',
    placeholders: { project: "The project's name", gate: 'The gate, e.g. Gate 3', owner: "The owner's name", dueDate: 'The due date', daysOverdue: 'Days since it was due' },
  },
  'gate-review-upcoming': {
    description: 'A gate review is held in the next 7 days (to the reviewers, with an invitation)',
    placeholders: { project: "The project's name", gate: 'The gate, e.g. Gate 3', date: 'The day of the review', daysLeft: 'Days until the review' },
  },
  'approval-waiting': {
    description: 'A vote has waited more than 2 working days (to the eligible voters)',
    placeholders: { workflow: "The workflow's name", step: 'The step to vote on', waitingSince: 'Since when it waits', workingDays: 'Working days it has waited' },
  },
  'action-item-overdue': {
    description: 'A mentoring action item is overdue (to its owner; never a confidential note)',
    placeholders: { dueDate: 'The due date', daysOverdue: 'Days since it was due' },
  },
  'certification-expiring': {
    description: "A person's certification expires soon",
    placeholders: { person: "The person's name", expiresOn: 'The expiry date', daysLeft: 'Days until it expires' },
  },
  escalation: {
    description: 'Something stayed overdue past its grace period (to the next level: a manager, the PMO managers)',
    placeholders: {
      reason: 'What is overdue, in words',
      project: "The project's name",
      owner: 'Who should have acted',
      dueDate: 'When it was due',
      daysOverdue: 'Days since it was due',
    },
  },
  digest: {
    description: 'The daily digest: everything held for a person who chose digest mode, in one mail',
    placeholders: {
      count: 'How many items the digest holds',
      date: 'The day of the digest',
      items: 'The list of items, each with its subject and link (a list in HTML, lines in text)',
    },
  },
} as const satisfies Record<string, { description: string; placeholders: Record<string, string> }>;

export type TemplateKey = keyof typeof TEMPLATE_PLACEHOLDERS;
export const TEMPLATE_KEYS = Object.keys(TEMPLATE_PLACEHOLDERS) as TemplateKey[];

/** The template used when a notify names a key PMO Hub has no template for. */
export const FALLBACK_TEMPLATE: TemplateKey = 'workflow-step';

/** Every placeholder a template key may use (common ones included); unknown keys offer the workflow step's. */
export function placeholdersOf(key: string): string[] {
  const own = Object.prototype.hasOwnProperty.call(TEMPLATE_PLACEHOLDERS, key);
  const entry = own ? (TEMPLATE_PLACEHOLDERS as Record<string, { placeholders: Record<string, string> }>)[key] : TEMPLATE_PLACEHOLDERS[FALLBACK_TEMPLATE];
  return [...Object.keys(COMMON_PLACEHOLDERS), ...Object.keys(entry.placeholders)];
}

/* ---------------------------------------------------------------------------------------------
 * Answers
 * -------------------------------------------------------------------------------------------*/

export const outboxMessageAnswer = z.object({
  documentId: z.string(),
  category: z.string().nullable(),
  template: z.string(),
  recipients: z.array(z.string()),
  subject: z.string().nullable(),
  status: z.enum(OUTBOX_STATUSES),
  /** Held for a person's daily digest (not sent on its own). */
  heldForDigest: z.boolean(),
  /** The digest message it went out in, once gathered. */
  digestedInto: z.string().nullable(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string().nullable(),
  messageId: z.string().nullable(),
  dedupeKey: z.string().nullable(),
  sourceUid: z.string().nullable(),
  sourceDocumentId: z.string().nullable(),
});
export type OutboxMessageAnswer = z.infer<typeof outboxMessageAnswer>;

export const outboxPage = z.object({
  results: z.array(outboxMessageAnswer),
  pagination: z.object({ page: z.number(), pageSize: z.number(), total: z.number(), pageCount: z.number() }),
  /** How many messages are in each status. */
  counts: z.record(z.string(), z.number()),
});
export type OutboxPage = z.infer<typeof outboxPage>;

export const jobAnswer = z.object({
  key: z.enum(JOB_KEYS),
  /** The cron pattern, e.g. `0 7 * * *`. */
  schedule: z.string(),
  /** Whether this instance runs it on its schedule (PMO_JOBS). */
  scheduled: z.boolean(),
  lastRunAt: z.string().nullable(),
  lastResult: z.record(z.string(), z.unknown()).nullable(),
  /** The next run on this instance's schedule; null when jobs are off here. */
  nextRunAt: z.string().nullable(),
  /** Held by an instance now (running). */
  running: z.boolean(),
});
export type JobAnswer = z.infer<typeof jobAnswer>;

/**
 * POST /pmo/jobs/:key/run. `ran` false: another run holds the job (`reason: 'running'`), or the
 * reminders of that day were already sent (`reason: 'already-run'`); the counts are then zero.
 */
export const jobRunAnswer = z
  .object({ key: z.enum(JOB_KEYS), now: z.string(), ran: z.boolean(), reason: z.enum(['running', 'already-run']).optional() })
  .catchall(z.number());
export type JobRunAnswer = { key: JobKey; now: string; ran: boolean; reason?: 'running' | 'already-run' } & { [count: string]: number | string | boolean | undefined };

export const preferenceAnswer = z.object({
  category: z.enum(NOTIFICATION_CATEGORIES),
  name: z.string(),
  mode: z.enum(NOTIFICATION_MODES),
  /** False for approvals and escalations. */
  canTurnOff: z.boolean(),
});
export const preferencesAnswer = z.object({
  /** The signed-in admin's person (by email); null when PMO Hub has none, and then nothing can be chosen. */
  person: z.object({ documentId: z.string(), fullName: z.string(), email: z.string() }).nullable(),
  preferences: z.array(preferenceAnswer),
});
export type PreferencesAnswer = z.infer<typeof preferencesAnswer>;

export const templateAnswer = z.object({
  key: z.string(),
  description: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  placeholders: z.array(z.object({ name: z.string(), description: z.string() })),
  updatedAt: z.string().nullable(),
});
export type TemplateAnswer = z.infer<typeof templateAnswer>;

export const templatePreviewAnswer = z.object({ subject: z.string(), text: z.string(), html: z.string() });
export type TemplatePreviewAnswer = z.infer<typeof templatePreviewAnswer>;

/* ---------------------------------------------------------------------------------------------
 * Inputs
 * -------------------------------------------------------------------------------------------*/

const NOW_RULE = 'now must be a date (2026-12-02) or a date and time (2026-12-02T07:00:00Z)';
/** When a job runs as if: a day (`2026-12-02`, midnight server time) or an ISO date-time. */
export const jobNow = z
  .string({ error: NOW_RULE })
  .max(40, { error: NOW_RULE })
  .refine((value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? isIsoDay(value) : /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value))), {
    error: NOW_RULE,
  });

export const outboxFilters = query({
  status: oneOf('status', OUTBOX_STATUSES).optional(),
  page: queryWholeNumber('page', 1, 100000).optional(),
  pageSize: queryWholeNumber('pageSize', 1, MAX_PAGE_SIZE).optional(),
});
export type OutboxFilters = z.output<typeof outboxFilters>;

export const jobParams = z.object({ key: oneOf('key', JOB_KEYS) });
export const jobRunInput = body({ now: jobNow.optional() });

export const preferencesInput = body({
  preferences: z
    .array(body({ category: oneOf('category', NOTIFICATION_CATEGORIES), mode: oneOf('mode', NOTIFICATION_MODES) }), {
      error: 'preferences must be a list of { category, mode }',
    })
    .max(NOTIFICATION_CATEGORIES.length * 2, { error: `preferences can hold at most ${NOTIFICATION_CATEGORIES.length * 2}` })
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((entry, index) => {
        if (seen.has(entry.category)) {
          ctx.addIssue({ code: 'custom', path: [index, 'category'], message: `${CATEGORY_NAMES[entry.category]} is given twice: give each category once` });
        }
        seen.add(entry.category);
        if (entry.mode === 'off' && ALWAYS_SENT.includes(entry.category)) {
          ctx.addIssue({ code: 'custom', path: [index, 'mode'], message: `${CATEGORY_NAMES[entry.category]} cannot be turned off: choose immediate or digest` });
        }
        if (entry.category === 'digest' && entry.mode !== 'immediate') {
          ctx.addIssue({ code: 'custom', path: [index, 'mode'], message: 'The daily digest itself is always sent as it is: choose immediate' });
        }
      });
    }),
});
export type PreferencesInput = z.infer<typeof preferencesInput>;

export const templateKeyParams = z.object({ key: z.string().regex(/^[a-z][a-z0-9-]{0,119}$/, 'The address names no template') });

export const templateInput = body({
  subject: requiredText('subject', 500),
  text: requiredText('text', 20000),
  html: requiredText('html', 50000),
});
export type TemplateInput = z.infer<typeof templateInput>;

export const templatePreviewInput = body({
  subject: text('subject', 500).optional(),
  text: text('text', 20000).optional(),
  html: text('html', 50000).optional(),
  /** Values for the placeholders; those not given take sample values. */
  values: z.record(z.string().max(64), z.string().max(5000), { error: 'values must map placeholder names to text' }).optional(),
});
export type TemplatePreviewInput = z.infer<typeof templatePreviewInput>;

/* ---------------------------------------------------------------------------------------------
 * Routes
 * -------------------------------------------------------------------------------------------*/

export const notificationsRoutes = {
  /** GET /pmo/outbox */
  outbox: contract({ params: noParams, query: outboxFilters }),
  /** POST /pmo/outbox/:documentId/retry */
  retry: contract({ params: documentIdParams, query: noQuery, body: body({}) }),
  /** GET /pmo/jobs */
  jobs: contract({ params: noParams, query: noQuery }),
  /** POST /pmo/jobs/:key/run */
  run: contract({ params: jobParams, query: noQuery, body: jobRunInput }),
  /** GET /pmo/notification-preferences */
  preferences: contract({ params: noParams, query: noQuery }),
  /** PUT /pmo/notification-preferences */
  setPreferences: contract({ params: noParams, query: noQuery, body: preferencesInput }),
  /** GET /pmo/notification-templates */
  templates: contract({ params: noParams, query: noQuery }),
  /** GET /pmo/notification-templates/:key */
  template: contract({ params: templateKeyParams, query: noQuery }),
  /** PUT /pmo/notification-templates/:key */
  updateTemplate: contract({ params: templateKeyParams, query: noQuery, body: templateInput }),
  /** POST /pmo/notification-templates/:key/preview */
  preview: contract({ params: templateKeyParams, query: noQuery, body: templatePreviewInput }),
};

/* ---------------------------------------------------------------------------------------------
 * Links
 * -------------------------------------------------------------------------------------------*/

/** PMO Hub's own page of an item, where it has one. */
const ITEM_PAGES: Record<string, string> = {
  'plugin::pmo.change-request': '/admin/plugins/pmo/change-requests/',
  'plugin::pmo.gate-review': '/admin/plugins/pmo/governance/reviews/',
  'plugin::pmo.mentoring-relationship': '/admin/plugins/pmo/mentoring/relationships/',
};

/** The admin path of an item: its PMO Hub page, else its Content Manager page. */
export function itemPath(uid: string, documentId: string): string {
  const page = ITEM_PAGES[uid];
  const id = encodeURIComponent(documentId);
  return page ? `${page}${id}` : `/admin/content-manager/collection-types/${uid}/${id}`;
}
