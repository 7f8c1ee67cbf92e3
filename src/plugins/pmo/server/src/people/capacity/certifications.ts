/**
 * Certification reminders (docs/people.md, "Certifications"): a certification whose expiry date
 * falls within the notice period (CERTIFICATION_NOTICE_DAYS) is reminded to its holder and to
 * their department's leader, through the notifications capability's `reminders` job (category
 * `certification`, template `certification-expiring`), once per certification and expiry date:
 * the dedupe key is `certification:<person documentId>:<expiry date>~<certification name>`, so a
 * renewed certification (a new expiry date) is reminded again, and two certifications of one
 * person are reminded apart.
 */
import { formatDay } from '../../../../shared/calendar';
import { CERTIFICATION_CATEGORY, CERTIFICATION_NOTICE_DAYS, CERTIFICATION_TEMPLATE, PERSON_UID } from '../../../../shared/contracts/capacity';
import { addDays, daysBetween, toIsoDay } from '../../platform/dates';
import { personRecipient, recipients, reminderKey, type Reminder, type ReminderSource } from '../../platform/notices';

type Row = Record<string, any>;

/** The person's page in PMO Hub. */
export const personPath = (documentId: string) => `/admin/plugins/pmo/people/${encodeURIComponent(documentId)}`;

const slug = (name: string) => name.trim().toLowerCase().replace(/\s+/g, '-').slice(0, 80);

export const certificationReminders: ReminderSource = {
  key: 'certification',
  category: CERTIFICATION_CATEGORY,
  async collect(strapi, { day }) {
    const until = addDays(day, CERTIFICATION_NOTICE_DAYS);
    const people = (await strapi.db.query(PERSON_UID as never).findMany({
      where: { certifications: { expiresOn: { $gte: day, $lte: until } } },
      select: ['id', 'documentId', 'fullName', 'email'],
      populate: { certifications: true, department: { select: ['name'], populate: { leader: { select: ['documentId', 'fullName', 'email'] } } } },
      orderBy: { id: 'asc' },
    } as never)) as Row[];
    const reminders: Reminder[] = [];
    for (const person of people) {
      for (const certificate of (person.certifications ?? []) as Row[]) {
        const expiresOn = toIsoDay(certificate.expiresOn);
        if (!expiresOn || expiresOn < day || expiresOn > until || !certificate.name) continue;
        const to = recipients([personRecipient(person), personRecipient(person.department?.leader)]);
        if (!to.length) continue;
        reminders.push({
          category: CERTIFICATION_CATEGORY,
          template: CERTIFICATION_TEMPLATE,
          dedupeKey: reminderKey(CERTIFICATION_CATEGORY, person.documentId, `${expiresOn}~${slug(String(certificate.name))}`),
          to,
          values: { person: person.fullName ?? '', expiresOn: formatDay(expiresOn), daysLeft: String(daysBetween(day, expiresOn)) },
          item: { uid: PERSON_UID, documentId: person.documentId, title: String(certificate.name), url: personPath(person.documentId) },
        });
      }
    }
    return reminders;
  },
};
