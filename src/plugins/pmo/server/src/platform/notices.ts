/**
 * What capabilities tell the notifications capability, without importing it (or it them): each
 * capability registers, in its `register`, the reminders it owes people and the work that waits
 * for them. `notifications/` reads this registry when its `reminders` job runs and when
 * `GET /pmo/my-work` is asked. Owned by no capability (docs/architecture.md).
 */
import type { Core } from '@strapi/strapi';

import type { NotificationCategory } from '../../../shared/contracts/notifications';

/** A person to tell: their address, and their person documentId when they are a PMO person (for preferences). */
export type Recipient = { email: string; name?: string; personDocumentId?: string };

/**
 * One reminder a source wants sent. Sent at most once per `dedupeKey`
 * (DESIGN.md: `<category>:<item documentId>:<period>`), to everyone in `to`.
 */
export type Reminder = {
  category: NotificationCategory;
  /** The notification template's key, e.g. `document-review-due`. */
  template: string;
  dedupeKey: string;
  to: Recipient[];
  /** The values the template's `{{placeholders}}` name (strings; HTML-escaped by the renderer in HTML). */
  values: Record<string, string>;
  /** The item the mail is about; the mail links to it in the admin. */
  item: { uid: string; documentId: string; title: string; url: string };
  /** Files to attach, e.g. an iCalendar invitation. */
  attachments?: Array<{ filename: string; contentType: string; content: string }>;
};

/** Run by the `reminders` job: the reminders due on `now` (a calendar day, `YYYY-MM-DD`, and the instant). */
export type ReminderSource = {
  key: string;
  category: NotificationCategory;
  collect(strapi: Core.Strapi, now: { day: string; at: Date }): Promise<Reminder[]>;
};

/** One thing waiting for a person, as `GET /pmo/my-work` answers it. */
export type WorkItem = {
  kind: string;
  title: string;
  dueDate: string | null;
  overdue: boolean;
  uid: string;
  documentId: string;
  /** The admin path of the item, e.g. `/admin/plugins/pmo/governance/reviews/abc`. */
  url: string;
};

/** What waits for one signed-in admin user (`user` is the admin user; `person` their PMO person, if any). */
export type WorkSource = {
  key: string;
  collect(
    strapi: Core.Strapi,
    who: { user: { id: number; email: string }; person: { id: number; documentId: string } | null; today: string }
  ): Promise<WorkItem[]>;
};

const reminderSources = new Map<string, ReminderSource>();
const workSources = new Map<string, WorkSource>();

export function registerReminderSource(source: ReminderSource) {
  reminderSources.set(source.key, source);
}

export function registerWorkSource(source: WorkSource) {
  workSources.set(source.key, source);
}

export const reminderSourcesList = () => [...reminderSources.values()];
export const workSourcesList = () => [...workSources.values()];
