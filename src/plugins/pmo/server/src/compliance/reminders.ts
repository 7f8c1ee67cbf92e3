/**
 * Document currency reminders (docs/notifications.md, "Reminders"): a document due for review
 * within 14 days, or overdue, is reminded to its owner once per review date; one overdue by more
 * than 14 days is escalated to its project's (or programme's) manager and the PMO managers, once
 * per review date. Superseded documents are never reminded. The same facts answer "my work":
 * the documents a person owns that are due within 14 days or overdue.
 */
import type { Core } from '@strapi/strapi';
import { formatDay } from '../../../shared/calendar';
import { itemPath } from '../../../shared/contracts/notifications';
import { DOCUMENT_UID } from '../../../shared/contracts/uids';
import { addDays, daysBetween, toIsoDay } from '../platform/dates';
import {
  personRecipient,
  recipients,
  reminderKey,
  roleHolders,
  type Reminder,
  type ReminderSource,
  type WorkItem,
  type WorkSource,
} from '../platform/notices';

/** Days before its review date from which a document is reminded. */
export const REVIEW_NOTICE_DAYS = 14;
/** Days overdue after which a document review is escalated. */
export const REVIEW_ESCALATION_DAYS = 14;

type PersonRow = { documentId: string; email: string | null; fullName: string | null } | null;
type DocumentRow = {
  documentId: string;
  title: string;
  nextReviewDue: string;
  owner: PersonRow;
  project: { documentId: string; name: string; manager: PersonRow } | null;
  programme: { documentId: string; name: string; manager: PersonRow } | null;
};

const PERSON = { select: ['documentId', 'email', 'fullName'] };
const inForce = { $or: [{ status: { $ne: 'superseded' } }, { status: { $null: true } }] };

/** The documents in force whose review is due on or before `until`, with the people reminders name. */
async function documentsDue(strapi: Core.Strapi, until: string, where: Record<string, unknown> = {}): Promise<DocumentRow[]> {
  const rows = (await strapi.db.query(DOCUMENT_UID as never).findMany({
    where: { nextReviewDue: { $notNull: true, $lte: until }, ...inForce, ...where },
    select: ['documentId', 'title', 'nextReviewDue'],
    populate: {
      owner: PERSON,
      project: { select: ['documentId', 'name'], populate: { manager: PERSON } },
      programme: { select: ['documentId', 'name'], populate: { manager: PERSON } },
    },
    orderBy: [{ nextReviewDue: 'asc' }, { id: 'asc' }],
  } as never)) as DocumentRow[];
  return rows.map((row) => ({ ...row, nextReviewDue: toIsoDay(row.nextReviewDue)! })).filter((row) => row.nextReviewDue);
}

const item = (row: DocumentRow) => ({ uid: DOCUMENT_UID, documentId: row.documentId, title: row.title, url: itemPath(DOCUMENT_UID, row.documentId) });
const whose = (row: DocumentRow) => row.project?.name ?? row.programme?.name ?? 'no project';

export const documentReviewReminders: ReminderSource = {
  key: 'document-review',
  category: 'document-review',
  async collect(strapi, { day }) {
    const rows = await documentsDue(strapi, addDays(day, REVIEW_NOTICE_DAYS));
    const reminders: Reminder[] = [];
    let pmoManagers: Reminder['to'] | null = null;
    for (const row of rows) {
      const due = row.nextReviewDue;
      const owner = personRecipient(row.owner);
      const common = { project: whose(row), owner: row.owner?.fullName ?? 'nobody', dueDate: formatDay(due) };
      if (due >= day) {
        if (owner) {
          reminders.push({
            category: 'document-review',
            template: 'document-review-due',
            dedupeKey: reminderKey('document-review', row.documentId, due),
            to: [owner],
            values: { ...common, daysLeft: String(daysBetween(day, due)) },
            item: item(row),
          });
        }
        continue;
      }
      const daysOverdue = daysBetween(due, day);
      if (owner) {
        reminders.push({
          category: 'document-review',
          template: 'document-review-overdue',
          dedupeKey: reminderKey('document-review', row.documentId, `${due}.overdue`),
          to: [owner],
          values: { ...common, daysOverdue: String(daysOverdue) },
          item: item(row),
        });
      }
      if (daysOverdue > REVIEW_ESCALATION_DAYS) {
        pmoManagers ??= await roleHolders(strapi, 'pmo-manager');
        const manager = personRecipient(row.project ? row.project.manager : row.programme?.manager);
        const to = recipients([manager, ...pmoManagers]);
        if (!to.length) continue;
        reminders.push({
          category: 'escalation',
          template: 'escalation',
          dedupeKey: reminderKey('escalation', row.documentId, due),
          to,
          values: {
            ...common,
            reason: `the review of the document "${row.title}" is more than ${REVIEW_ESCALATION_DAYS} days overdue`,
            daysOverdue: String(daysOverdue),
          },
          item: item(row),
        });
      }
    }
    return reminders;
  },
};

export const documentReviewWork: WorkSource = {
  key: 'document-review',
  async collect(strapi, { person, today }) {
    if (!person) return [];
    const rows = await documentsDue(strapi, addDays(today, REVIEW_NOTICE_DAYS), { owner: { id: person.id } });
    return rows.map(
      (row): WorkItem => ({
        kind: 'document-review',
        title: row.title,
        dueDate: row.nextReviewDue,
        overdue: row.nextReviewDue < today,
        uid: DOCUMENT_UID,
        documentId: row.documentId,
        url: itemPath(DOCUMENT_UID, row.documentId),
      })
    );
  },
};
