/**
 * Mentoring's reminders and "my work" (docs/notifications.md, "Reminders"): an open action item
 * past its due date is reminded to its owner (the mentor or the mentee of the relationship), once
 * per due date; "my work" lists a person's open action items.
 *
 * Nothing of mentoring's content goes into a mail: the sessions are read with their date and
 * action items only (never `confidentialNotes`, `sharedNotes` or topics), and a mail names the
 * session ("Mentoring session of 2 Dec 2026 with Maria Mentor"), not the item's words: an outbox
 * message is readable by PMO administrators, who do not see mentoring. The owner reads the item
 * behind the link. "My work" is the owner's own page, so it shows the item's text.
 */
import type { Core } from '@strapi/strapi';
import { formatDay } from '../../../shared/calendar';
import { RELATIONSHIP_UID, SESSION_UID } from '../../../shared/contracts/mentoring';
import { itemPath } from '../../../shared/contracts/notifications';
import { daysBetween, toIsoDay } from '../platform/dates';
import { personRecipient, reminderKey, type Reminder, type ReminderSource, type WorkItem, type WorkSource } from '../platform/notices';
import { isOpen, isOverdue, storedItems, type ActionItem } from './action-items';

type PersonRow = { id: number; documentId: string; email: string | null; fullName: string | null } | null;
type SessionRow = {
  documentId: string;
  date: string;
  actionItems: unknown;
  relationship: { documentId: string; status: string | null; mentor: PersonRow; mentee: PersonRow } | null;
};

const PERSON = { select: ['id', 'documentId', 'email', 'fullName'] };

/**
 * The sessions of relationships still running (not completed), with their action items: only the
 * columns named here are read, so no note can reach a reminder.
 */
async function sessionsWithItems(strapi: Core.Strapi, relationship: Record<string, unknown> = {}): Promise<SessionRow[]> {
  const rows = (await strapi.db.query(SESSION_UID as never).findMany({
    where: {
      actionItems: { $notNull: true },
      relationship: { $and: [{ $or: [{ status: { $ne: 'completed' } }, { status: { $null: true } }] }, relationship] },
    },
    select: ['documentId', 'date', 'actionItems'],
    populate: { relationship: { select: ['documentId', 'status'], populate: { mentor: PERSON, mentee: PERSON } } },
    orderBy: [{ date: 'asc' }, { id: 'asc' }],
  } as never)) as SessionRow[];
  return rows.filter((row) => row.relationship);
}

const ownerOf = (row: SessionRow, item: ActionItem) => (item.owner === 'mentor' ? row.relationship!.mentor : row.relationship!.mentee);
const otherParty = (row: SessionRow, item: ActionItem) => (item.owner === 'mentor' ? row.relationship!.mentee : row.relationship!.mentor);

/** "Mentoring session of 2 Dec 2026 with Maria Mentor": the session, never the item's words. */
export function sessionTitle(date: string | null, withWhom: string | null | undefined) {
  return `Mentoring session of ${formatDay(date)}${withWhom ? ` with ${withWhom}` : ''}`;
}

const url = (row: SessionRow) => itemPath(RELATIONSHIP_UID, row.relationship!.documentId);

export const actionItemReminders: ReminderSource = {
  key: 'action-item',
  category: 'action-item',
  async collect(strapi, { day }) {
    const reminders: Reminder[] = [];
    for (const row of await sessionsWithItems(strapi)) {
      for (const item of storedItems(row.actionItems)) {
        if (!isOverdue(item, day) || !item.dueDate) continue;
        const owner = personRecipient(ownerOf(row, item));
        if (!owner) continue;
        reminders.push({
          category: 'action-item',
          template: 'action-item-overdue',
          // The item keeps its id when carried to a later session: reminded once per due date.
          dedupeKey: reminderKey('action-item', item.id, item.dueDate),
          to: [owner],
          values: { dueDate: formatDay(item.dueDate), daysOverdue: String(daysBetween(item.dueDate, day)) },
          item: { uid: SESSION_UID, documentId: row.documentId, title: sessionTitle(toIsoDay(row.date), otherParty(row, item)?.fullName), url: url(row) },
        });
      }
    }
    return reminders;
  },
};

/** An item's words as "my work" shows them to its owner: the first line, at most 200 characters. */
const itemTitle = (text: string) => {
  const line = text.split(/\r?\n/)[0].trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line || 'Action item';
};

export const actionItemWork: WorkSource = {
  key: 'action-item',
  async collect(strapi, { person, today }) {
    if (!person) return [];
    const rows = await sessionsWithItems(strapi, { $or: [{ mentor: { id: person.id } }, { mentee: { id: person.id } }] });
    const items: WorkItem[] = [];
    for (const row of rows) {
      for (const item of storedItems(row.actionItems)) {
        if (!isOpen(item) || ownerOf(row, item)?.id !== person.id) continue;
        items.push({
          kind: 'action-item',
          title: itemTitle(item.text),
          dueDate: item.dueDate,
          overdue: isOverdue(item, today),
          uid: SESSION_UID,
          documentId: row.documentId,
          url: url(row),
        });
      }
    }
    return items;
  },
};
