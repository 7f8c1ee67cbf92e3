/**
 * What capabilities tell the notifications capability, without importing it (or it them): each
 * capability registers, in its `register`, the reminders it owes people and the work that waits
 * for them. `notifications/` reads this registry when its `reminders` job runs and when
 * `GET /pmo/my-work` is asked. Owned by no capability (docs/architecture.md).
 */
import type { Core } from '@strapi/strapi';

import type { NotificationCategory } from '../../../shared/contracts/notifications';
import { PERSON_UID } from '../../../shared/contracts/uids';
import { DEFAULT_NOTIFICATIONS } from '../config';

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

/** My work's order: overdue first, then the earliest due date (undated last), then by title. */
export function byUrgency(a: WorkItem, b: WorkItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return a.title.localeCompare(b.title) || a.kind.localeCompare(b.kind);
}

/**
 * A source's work when it is too much to list whole: at least its first `first` items in my work's
 * order (overdue first, then by due date, then by title; more may come), and how many of its
 * items, and of those overdue, `items` leaves out. Every item counted is distinct from the others.
 */
export type WorkPart = { items: WorkItem[]; beyond: { total: number; overdue: number } };

/**
 * What waits for one signed-in admin user (`user` is the admin user; `person` their PMO person, if
 * any): all of it, or, for the page asked, the part of it `first` items into my work's order need.
 */
export type WorkSource = {
  key: string;
  collect(
    strapi: Core.Strapi,
    who: { user: { id: number; email: string }; person: { id: number; documentId: string } | null; today: string; first: number }
  ): Promise<WorkItem[] | WorkPart>;
};

/* ---------------------------------------------------------------------------------------------
 * Helpers every source uses: the dedupe key, people as recipients, the holders of a PMO role
 * -------------------------------------------------------------------------------------------*/

/** DESIGN.md's dedupe key: `<category>:<item documentId>:<period>`. */
export const reminderKey = (category: NotificationCategory, documentId: string, period: string) => `${category}:${documentId}:${period}`;

/** An absolute link to an admin path under PMO_APP_URL (for what a template's `{{url}}` cannot reach, e.g. an invitation). */
export function appLink(strapi: Core.Strapi, path: string): string {
  const base = String(strapi.config.get('plugin::pmo.notifications.appUrl') ?? DEFAULT_NOTIFICATIONS.appUrl).replace(/\/+$/, '');
  return `${base}${path.startsWith('/') ? '' : '/'}${path}`;
}

/** A person (a row of `api::person.person`) as a recipient; null when they have no address. */
export function personRecipient(person: { documentId?: string | null; email?: string | null; fullName?: string | null } | null | undefined): Recipient | null {
  const email = person?.email?.trim();
  if (!email) return null;
  return { email, ...(person?.fullName ? { name: person.fullName } : {}), ...(person?.documentId ? { personDocumentId: person.documentId } : {}) };
}

/** Recipients without repeats (by address, the first kept) and without gaps. */
export function recipients(list: Array<Recipient | null | undefined>): Recipient[] {
  const seen = new Map<string, Recipient>();
  for (const recipient of list) {
    if (!recipient) continue;
    const key = recipient.email.trim().toLowerCase();
    if (!seen.has(key)) seen.set(key, recipient);
  }
  return [...seen.values()];
}

/**
 * The active admin users holding a role (e.g. `pmo-manager`), each with their person when PMO Hub
 * has one with the same email (so their preferences apply).
 */
export async function roleHolders(strapi: Core.Strapi, role: string): Promise<Recipient[]> {
  const users = (await strapi.db.query('admin::user').findMany({
    where: { roles: { code: role }, isActive: true, blocked: false },
    select: ['email', 'firstname', 'lastname'],
  })) as Array<{ email: string | null; firstname?: string | null; lastname?: string | null }>;
  const emails = users.map((user) => user.email).filter((email): email is string => !!email);
  if (!emails.length) return [];
  const people = (await strapi.db.query(PERSON_UID as never).findMany({
    where: { email: { $in: emails } },
    select: ['documentId', 'email', 'fullName'],
  })) as Array<{ documentId: string; email: string; fullName: string | null }>;
  const byEmail = new Map(people.map((person) => [person.email.toLowerCase(), person]));
  return recipients(
    users.map((user) => {
      if (!user.email) return null;
      const person = byEmail.get(user.email.toLowerCase());
      return person ? personRecipient(person) : { email: user.email, name: [user.firstname, user.lastname].filter(Boolean).join(' ') || undefined };
    })
  );
}

const reminderSources = new Map<string, ReminderSource>();
const workSources = new Map<string, WorkSource>();

export function registerReminderSource(source: ReminderSource) {
  reminderSources.set(source.key, source);
}

export function registerWorkSource(source: WorkSource) {
  workSources.set(source.key, source);
}

/** When set, the reminders job runs only these sources (tests that count what one source queues). */
let onlySources: Set<string> | null = null;
export function onlyReminderSources(keys: string[] | null) {
  onlySources = keys ? new Set(keys) : null;
}

export const reminderSourcesList = () => [...reminderSources.values()].filter((source) => !onlySources || onlySources.has(source.key));
export const workSourcesList = () => [...workSources.values()];
