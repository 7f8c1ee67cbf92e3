/**
 * Governance's reminders and "my work" (docs/notifications.md, "Reminders"):
 *
 * - status reports late for the project's reporting cadence (platform/reporting.ts), for projects in a
 *   running lifecycle state: to the project manager once per missing report; two periods late,
 *   to the programme manager once per lateness (escalation);
 * - gate conditions past their due date and not done: to their owner, once per due date;
 * - gate reviews not yet decided and scheduled in the next 7 days: to the reviewers, once per
 *   scheduled date, with an iCalendar invitation (invitation.ts).
 */
import type { Core } from '@strapi/strapi';
import { formatDay } from '../../../shared/calendar';
import {
  DEFAULT_REPORTING_CADENCE,
  GATE_CONDITION_UID,
  GATE_REVIEW_UID,
  RUNNING_STATES,
  type ReportingCadence,
} from '../../../shared/contracts/governance';
import { itemPath } from '../../../shared/contracts/notifications';
import { PROJECT_UID } from '../../../shared/contracts/uids';
import { addDays, daysBetween, toIsoDay } from '../platform/dates';
import { latestStatusReports, withKnex } from '../platform/db';
import {
  appLink,
  personRecipient,
  recipients,
  reminderKey,
  roleHolders,
  type Reminder,
  type ReminderSource,
  type WorkItem,
  type WorkSource,
} from '../platform/notices';
import { gateLabel } from './gates';
import { gateReviewInvitation } from './invitation';
import { isCadence, reportLateness } from '../platform/reporting';

/** Days ahead within which a gate review's reviewers are invited. */
export const REVIEW_NOTICE_DAYS = 7;
/** Days overdue after which an open gate condition is escalated to the project's manager and the PMO managers. */
export const CONDITION_ESCALATION_DAYS = 14;

type PersonRow = { documentId: string; email: string | null; fullName: string | null } | null;
const PERSON = { select: ['documentId', 'email', 'fullName'] };
const query = (strapi: Core.Strapi, uid: string) => strapi.db.query(uid as never);

const gateWords = (gate: number) => `Gate ${gate}`;
/** "Gate 3 (investment decision) review of Alpha". */
const reviewTitle = (gate: number, project: string | null) => `${gateLabel(gate)} review${project ? ` of ${project}` : ''}`;
/** A condition's text as a mail's title: its first line, at most 200 characters. */
const conditionTitle = (text: string) => {
  const line = String(text ?? '').split(/\r?\n/)[0].trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line || 'Gate condition';
};

/* ---------------------------------------------------------------------------------------------
 * Status reports
 * -------------------------------------------------------------------------------------------*/

type ProjectRow = {
  id: number;
  documentId: string;
  name: string;
  code: string;
  reportingCadence: string | null;
  startDate: string | null;
  createdAt: string | Date | null;
  manager: PersonRow;
  programme: { documentId: string; name: string; manager: PersonRow } | null;
};

type LateProject = ProjectRow & {
  cadence: ReportingCadence;
  lastReport: string | null;
  dueDate: string;
  latestDueDate: string;
  periodsLate: number;
};

/** Running projects (optionally narrowed) with their reporting facts as of `day`: due (`dueDate` on or before `day`) or late. */
async function reportsDue(strapi: Core.Strapi, day: string, where: Record<string, unknown> = {}): Promise<LateProject[]> {
  const projects = (await query(strapi, PROJECT_UID).findMany({
    where: { workflowState: { $in: [...RUNNING_STATES] }, ...where },
    select: ['id', 'documentId', 'name', 'code', 'reportingCadence', 'startDate', 'createdAt'],
    populate: { manager: PERSON, programme: { select: ['documentId', 'name'], populate: { manager: PERSON } } },
    orderBy: [{ id: 'asc' }],
  } as never)) as ProjectRow[];
  if (!projects.length) return [];
  const ids = projects.map((project) => project.id);
  const latest = (await withKnex(strapi, (knex) =>
    latestStatusReports(strapi, knex, { onOrBefore: day, columns: { as_of: 'asOf' }, narrow: (q, column) => void q.whereIn(column, ids) })
  )) as Array<{ project_id: number; as_of: string | Date }>;
  const lastReport = new Map(latest.map((row) => [Number(row.project_id), toIsoDay(row.as_of)]));
  const due: LateProject[] = [];
  for (const project of projects) {
    const cadence = isCadence(project.reportingCadence) ? project.reportingCadence : DEFAULT_REPORTING_CADENCE;
    const last = lastReport.get(project.id) ?? null;
    const since = last ?? toIsoDay(project.startDate) ?? toIsoDay(project.createdAt);
    if (!since) continue;
    const lateness = reportLateness(cadence, since, day);
    if (lateness.dueDate > day) continue;
    due.push({ ...project, cadence, lastReport: last, ...lateness });
  }
  return due;
}

export const statusReportReminders: ReminderSource = {
  key: 'status-report',
  category: 'status-report',
  async collect(strapi, { day }) {
    const reminders: Reminder[] = [];
    for (const project of await reportsDue(strapi, day)) {
      if (project.periodsLate < 1) continue;
      const item = { uid: PROJECT_UID, documentId: project.documentId, title: project.name, url: itemPath(PROJECT_UID, project.documentId) };
      const values = {
        project: project.name,
        cadence: project.cadence,
        lastReport: project.lastReport ? formatDay(project.lastReport) : 'none',
        dueDate: formatDay(project.dueDate),
        periodsLate: String(project.periodsLate),
      };
      const manager = personRecipient(project.manager);
      if (manager) {
        reminders.push({
          category: 'status-report',
          template: 'status-report-late',
          // Once per missing report: a weekly project still without a report is reminded weekly.
          dedupeKey: reminderKey('status-report', project.documentId, project.latestDueDate),
          to: [manager],
          values,
          item,
        });
      }
      const programmeManager = personRecipient(project.programme?.manager);
      if (project.periodsLate >= 2 && programmeManager) {
        reminders.push({
          category: 'escalation',
          template: 'escalation',
          // Once per lateness: from the first missing report until a report is written.
          dedupeKey: reminderKey('escalation', project.documentId, project.dueDate),
          to: recipients([programmeManager]),
          values: {
            reason: `the ${project.cadence} status report of ${project.name} is ${project.periodsLate} reporting periods late`,
            project: project.name,
            owner: project.manager?.fullName ?? 'nobody (the project has no manager)',
            dueDate: formatDay(project.dueDate),
            daysOverdue: String(daysBetween(project.dueDate, day)),
          },
          item,
        });
      }
    }
    return reminders;
  },
};

/* ---------------------------------------------------------------------------------------------
 * Gate conditions
 * -------------------------------------------------------------------------------------------*/

type ConditionRow = {
  documentId: string;
  text: string;
  dueDate: string;
  owner: PersonRow;
  gateReview: { documentId: string; gate: number; project: { documentId: string; name: string; manager: PersonRow } | null } | null;
};

const notDone = { $or: [{ done: false }, { done: { $null: true } }] };

async function openConditions(strapi: Core.Strapi, where: Record<string, unknown>): Promise<ConditionRow[]> {
  const rows = (await query(strapi, GATE_CONDITION_UID).findMany({
    where: { ...notDone, ...where },
    select: ['documentId', 'text', 'dueDate'],
    populate: {
      owner: PERSON,
      gateReview: { select: ['documentId', 'gate'], populate: { project: { select: ['documentId', 'name'], populate: { manager: PERSON } } } },
    },
    orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
  } as never)) as ConditionRow[];
  return rows.map((row) => ({ ...row, dueDate: toIsoDay(row.dueDate)! })).filter((row) => row.dueDate);
}

/** A condition opens on its gate review's page. */
const conditionUrl = (row: ConditionRow) =>
  row.gateReview ? itemPath(GATE_REVIEW_UID, row.gateReview.documentId) : itemPath(GATE_CONDITION_UID, row.documentId);

export const gateConditionReminders: ReminderSource = {
  key: 'gate-condition',
  category: 'gate-condition',
  async collect(strapi, { day }) {
    const reminders: Reminder[] = [];
    let pmoManagers: Reminder['to'] | null = null;
    for (const row of await openConditions(strapi, { dueDate: { $lt: day } })) {
      const owner = personRecipient(row.owner);
      const daysOverdue = daysBetween(row.dueDate, day);
      const values = {
        project: row.gateReview?.project?.name ?? 'no project',
        gate: row.gateReview ? gateWords(row.gateReview.gate) : 'a gate',
        owner: row.owner?.fullName ?? 'nobody (the condition has no owner)',
        dueDate: formatDay(row.dueDate),
        daysOverdue: String(daysOverdue),
      };
      const item = { uid: GATE_CONDITION_UID, documentId: row.documentId, title: conditionTitle(row.text), url: conditionUrl(row) };
      if (owner) {
        reminders.push({
          category: 'gate-condition',
          template: 'gate-condition-overdue',
          dedupeKey: reminderKey('gate-condition', row.documentId, row.dueDate),
          to: [owner],
          values,
          item,
        });
      }
      // Ignored for more than two weeks: the project's manager and the PMO managers, once per due date.
      if (daysOverdue > CONDITION_ESCALATION_DAYS) {
        pmoManagers ??= await roleHolders(strapi, 'pmo-manager');
        const to = recipients([personRecipient(row.gateReview?.project?.manager ?? null), ...pmoManagers]);
        if (!to.length) continue;
        reminders.push({
          category: 'escalation',
          template: 'escalation',
          dedupeKey: reminderKey('escalation', row.documentId, row.dueDate),
          to,
          values: {
            ...values,
            reason: `a condition of ${values.gate} of ${values.project} is more than ${CONDITION_ESCALATION_DAYS} days overdue`,
          },
          item,
        });
      }
    }
    return reminders;
  },
};

/* ---------------------------------------------------------------------------------------------
 * Gate reviews
 * -------------------------------------------------------------------------------------------*/

type ReviewRow = {
  documentId: string;
  gate: number;
  scheduledDate: string | null;
  project: { documentId: string; name: string } | null;
  reviewers: NonNullable<PersonRow>[];
};

async function undecidedReviews(strapi: Core.Strapi, where: Record<string, unknown>): Promise<ReviewRow[]> {
  const rows = (await query(strapi, GATE_REVIEW_UID).findMany({
    where: { decision: { $null: true }, ...where },
    select: ['documentId', 'gate', 'scheduledDate'],
    populate: { project: { select: ['documentId', 'name'] }, reviewers: PERSON },
    orderBy: [{ scheduledDate: 'asc' }, { id: 'asc' }],
  } as never)) as ReviewRow[];
  return rows.map((row) => ({ ...row, gate: Number(row.gate), scheduledDate: toIsoDay(row.scheduledDate) }));
}

export const gateReviewReminders: ReminderSource = {
  key: 'gate-review',
  category: 'gate-review',
  async collect(strapi, { day, at }) {
    const reminders: Reminder[] = [];
    const rows = await undecidedReviews(strapi, { scheduledDate: { $gte: day, $lte: addDays(day, REVIEW_NOTICE_DAYS) } });
    for (const row of rows) {
      const date = row.scheduledDate;
      const to = recipients(row.reviewers.map(personRecipient));
      if (!date || !to.length) continue;
      const title = reviewTitle(row.gate, row.project?.name ?? null);
      const url = itemPath(GATE_REVIEW_UID, row.documentId);
      reminders.push({
        category: 'gate-review',
        template: 'gate-review-upcoming',
        // Once per scheduled date: a review moved to another day is announced (and its event updated) again.
        dedupeKey: reminderKey('gate-review', row.documentId, date),
        to,
        values: { project: row.project?.name ?? 'no project', gate: gateWords(row.gate), date: formatDay(date), daysLeft: String(daysBetween(day, date)) },
        item: { uid: GATE_REVIEW_UID, documentId: row.documentId, title, url },
        attachments: [gateReviewInvitation({ reviewDocumentId: row.documentId, date, title, link: appLink(strapi, url), at })],
      });
    }
    return reminders;
  },
};

/* ---------------------------------------------------------------------------------------------
 * My work
 * -------------------------------------------------------------------------------------------*/

export const governanceWork: WorkSource = {
  key: 'governance',
  async collect(strapi, { person, today }) {
    if (!person) return [];
    const items: WorkItem[] = [];
    for (const row of await undecidedReviews(strapi, { reviewers: { id: person.id } })) {
      items.push({
        kind: 'gate-review',
        title: reviewTitle(row.gate, row.project?.name ?? null),
        dueDate: row.scheduledDate,
        overdue: !!row.scheduledDate && row.scheduledDate < today,
        uid: GATE_REVIEW_UID,
        documentId: row.documentId,
        url: itemPath(GATE_REVIEW_UID, row.documentId),
      });
    }
    for (const row of await openConditions(strapi, { owner: { id: person.id } })) {
      items.push({
        kind: 'gate-condition',
        title: conditionTitle(row.text),
        dueDate: row.dueDate,
        overdue: row.dueDate < today,
        uid: GATE_CONDITION_UID,
        documentId: row.documentId,
        url: conditionUrl(row),
      });
    }
    for (const project of await reportsDue(strapi, today, { manager: { id: person.id } })) {
      items.push({
        kind: 'status-report',
        title: `Status report of ${project.name}`,
        dueDate: project.dueDate,
        overdue: project.periodsLate > 0,
        uid: PROJECT_UID,
        documentId: project.documentId,
        url: itemPath(PROJECT_UID, project.documentId),
      });
    }
    return items;
  },
};

export const governanceReminderSources = [statusReportReminders, gateConditionReminders, gateReviewReminders];
