/**
 * Notifications and scheduled work (DESIGN.md "Notifications and scheduled work"): the names both
 * sides share. The routes' zod contracts are added below as the routes are built.
 */
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
