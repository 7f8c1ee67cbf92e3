/**
 * Notifications in words: a job's name and its schedule ("every 15 seconds", "daily at 07:00"),
 * what a run did ("2 sent, 1 to try again"), an outbox status ("Waiting"), a template's name, and
 * a due date as a person reads it ("Overdue by 3 days"). Never a key, a cron pattern where words
 * exist, or a count name. Pure: no React, no Strapi.
 */
import { formatDay, formatMoment, parseIsoDate } from '../../../../shared/calendar';
import type { JobKey, OutboxStatus } from '../../../../shared/contracts/notifications';
import { CATEGORY_NAMES, type NotificationCategory } from '../../../../shared/contracts/notifications';

export const JOB_NAMES: Record<JobKey, string> = {
  'dispatch-outbox': 'Deliver emails',
  reminders: 'Daily reminders',
};

export const JOB_DESCRIPTIONS: Record<JobKey, string> = {
  'dispatch-outbox': 'Sends the messages waiting in the outbox and tries again later when the mail server is away.',
  reminders: 'Queues the reminders of the day (reviews, reports, conditions, votes, action items) and the daily digests.',
};

export const jobName = (key: string) => JOB_NAMES[key as JobKey] ?? 'A scheduled job';

/** The outbox's statuses in words, in the order a message goes through them. */
export const STATUS_NAMES: Record<OutboxStatus, string> = {
  pending: 'Waiting',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
};

export const categoryName = (category: string | null | undefined) =>
  category ? CATEGORY_NAMES[category as NotificationCategory] ?? 'Other' : 'Other';

/** Each template PMO Hub sends, by name. */
export const TEMPLATE_NAMES: Record<string, string> = {
  'change-authorized': 'Change authorised',
  'change-rejected': 'Change rejected',
  'workflow-step': 'Workflow step',
  'document-review-due': 'Document review due',
  'document-review-overdue': 'Document review overdue',
  'status-report-late': 'Status report late',
  'gate-condition-overdue': 'Gate condition overdue',
  'gate-review-upcoming': 'Gate review coming up',
  'approval-waiting': 'Vote waiting',
  'action-item-overdue': 'Action item overdue',
  'certification-expiring': 'Certification expiring',
  escalation: 'Escalation',
  digest: 'Daily digest',
};

/** "document-review-due" → "Document review due" for a template PMO Hub does not name. */
export const templateName = (key: string) => TEMPLATE_NAMES[key] ?? capitalise(key.replace(/[-_]+/g, ' '));

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const two = (value: string | number) => String(value).padStart(2, '0');

/* ---------------------------------------------------------------------------------------------
 * Schedules
 * -------------------------------------------------------------------------------------------*/

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const NUMBER = /^\d+$/;

/**
 * A cron pattern in words: `*\/15 * * * * *` "every 15 seconds", `0 *\/5 * * * *` "every 5
 * minutes", `0 7 * * *` "daily at 07:00", `30 6 * * 1-5` "on weekdays at 06:30", `0 7 * * 1`
 * "every Monday at 07:00". Anything else: "on a custom schedule (…)" with the pattern.
 */
export function scheduleInWords(pattern: string): string {
  const fields = pattern.trim().split(/\s+/);
  // Five fields (minute first) or six (seconds first).
  const [second, minute, hour, day, month, weekday] = fields.length === 5 ? ['0', ...fields] : fields;
  if (fields.length < 5 || fields.length > 6) return `on a custom schedule (${pattern})`;
  const every = (field: string) => (/^\*\/(\d+)$/.exec(field) ?? [])[1];
  const rest = [day, month, weekday].every((field) => field === '*');
  const allBelow = (...values: string[]) => values.every((value) => value === '*');

  if (rest && every(second) && allBelow(minute, hour)) return everyUnit(Number(every(second)), 'second');
  if (rest && second === '*' && allBelow(minute, hour)) return 'every second';
  if (rest && NUMBER.test(second) && every(minute) && hour === '*') return everyUnit(Number(every(minute)), 'minute');
  if (rest && NUMBER.test(second) && minute === '*' && hour === '*') return 'every minute';
  if (rest && NUMBER.test(second) && NUMBER.test(minute) && every(hour)) return everyUnit(Number(every(hour)), 'hour');
  if (rest && NUMBER.test(second) && NUMBER.test(minute) && hour === '*') return `every hour at ${two(minute)} minutes past`;

  if (!NUMBER.test(second) || !NUMBER.test(minute) || !NUMBER.test(hour) || day !== '*' || month !== '*') {
    return `on a custom schedule (${pattern})`;
  }
  const at = `at ${two(hour)}:${two(minute)}${Number(second) ? `:${two(second)}` : ''}`;
  if (weekday === '*') return `daily ${at}`;
  if (weekday === '1-5') return `on weekdays ${at}`;
  if (weekday === '0,6' || weekday === '6,0') return `at weekends ${at}`;
  const days = weekday.split(',');
  if (days.every((value) => /^[0-7]$/.test(value))) {
    const names = days.map((value) => WEEKDAYS[Number(value) % 7]);
    return `every ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`} ${at}`;
  }
  return `on a custom schedule (${pattern})`;
}

function everyUnit(count: number, unit: string) {
  return count === 1 ? `every ${unit}` : `every ${count} ${unit}s`;
}

/* ---------------------------------------------------------------------------------------------
 * What a run did
 * -------------------------------------------------------------------------------------------*/

type Counts = Record<string, unknown>;
const count = (counts: Counts, name: string) => (typeof counts[name] === 'number' ? (counts[name] as number) : 0);

/** A run's (or the last run's) result in words. `reason` and `error` say why it did nothing. */
export function runResultInWords(key: string, result: Counts | null | undefined): string {
  if (!result) return 'Not run yet';
  if (typeof result.error === 'string') return `Stopped with an error: ${result.error}`;
  if (result.ran === false) {
    return result.reason === 'already-run'
      ? 'Not run: the reminders of that day were already sent'
      : 'Not run: another run is under way; try again in a moment';
  }
  if (key === 'dispatch-outbox') {
    const parts = [
      count(result, 'sent') ? `${plural(count(result, 'sent'), 'message')} sent` : '',
      count(result, 'retried') ? `${count(result, 'retried')} to try again later` : '',
      count(result, 'failed') ? `${count(result, 'failed')} failed` : '',
    ].filter(Boolean);
    return parts.length ? capitalise(parts.join(', ')) : 'Nothing was waiting to be sent';
  }
  if (key === 'reminders') {
    const reminders = count(result, 'reminders');
    const parts = [
      reminders ? `${plural(reminders, 'reminder')} due` : 'No reminders due',
      count(result, 'queued') ? `${count(result, 'queued')} queued to send` : '',
      count(result, 'held') ? `${count(result, 'held')} kept for daily digests` : '',
      count(result, 'leftOut') ? `${count(result, 'leftOut')} not sent (turned off by their readers)` : '',
      count(result, 'duplicates') ? `${count(result, 'duplicates')} already sent before` : '',
      count(result, 'digests') ? `${plural(count(result, 'digests'), 'daily digest')} with ${plural(count(result, 'digested'), 'item')}` : '',
      count(result, 'sourceErrors') ? `${plural(count(result, 'sourceErrors'), 'source')} could not be read` : '',
    ].filter(Boolean);
    return parts.join(', ');
  }
  return 'Done';
}

/* ---------------------------------------------------------------------------------------------
 * Due dates
 * -------------------------------------------------------------------------------------------*/

const dayNumber = (iso: string) => {
  const date = parseIsoDate(iso.slice(0, 10));
  return date ? Date.UTC(date.year, date.month - 1, date.day) / 86_400_000 : null;
};

/**
 * A due date against today, both `YYYY-MM-DD`: "Due 1 Dec 2026, 3 days ago", "Due yesterday,
 * 3 Dec 2026", "Due today", "Due tomorrow, 5 Dec 2026", "Due 9 Dec 2026, in 5 days", "No due date".
 */
export function dueInWords(dueDate: string | null | undefined, today: string): string {
  if (!dueDate) return 'No due date';
  const due = dayNumber(dueDate);
  const now = dayNumber(today);
  const day = formatDay(dueDate);
  if (due === null || now === null) return `Due ${day}`;
  const days = due - now;
  if (days === 0) return 'Due today';
  if (days === -1) return `Due yesterday, ${day}`;
  if (days === 1) return `Due tomorrow, ${day}`;
  return days < 0 ? `Due ${day}, ${plural(-days, 'day')} ago` : `Due ${day}, in ${plural(days, 'day')}`;
}

/* ---------------------------------------------------------------------------------------------
 * Delivery errors
 * -------------------------------------------------------------------------------------------*/

/** A delivery error as the server wrote it, its moments ("the next is due 2026-12-02T07:05:00.000Z") as "2 Dec 2026, 07:05". */
export function errorInWords(error: string | null | undefined): string | null {
  if (!error) return null;
  return error.replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})\b/g, (moment) => formatMoment(moment));
}
