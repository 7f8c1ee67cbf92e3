import { JOB_KEYS, TEMPLATE_KEYS } from '../../../../shared/contracts/notifications';
import { formatMoment } from '../../../../shared/calendar';
import { JOB_NAMES, TEMPLATE_NAMES, dueInWords, errorInWords, runResultInWords, scheduleInWords, templateName } from './words';

describe('schedules in words', () => {
  it('reads the jobs’ default schedules', () => {
    expect(scheduleInWords('*/15 * * * * *')).toBe('every 15 seconds');
    expect(scheduleInWords('0 7 * * *')).toBe('daily at 07:00');
  });

  it('reads what PMO_DISPATCH_EVERY becomes in minutes and hours', () => {
    expect(scheduleInWords('*/1 * * * * *')).toBe('every second');
    expect(scheduleInWords('0 */5 * * * *')).toBe('every 5 minutes');
    expect(scheduleInWords('0 */1 * * * *')).toBe('every minute');
    expect(scheduleInWords('0 0 */2 * * *')).toBe('every 2 hours');
    expect(scheduleInWords('0 15 * * * *')).toBe('every hour at 15 minutes past');
  });

  it('reads days of the week and seconds', () => {
    expect(scheduleInWords('30 6 * * 1-5')).toBe('on weekdays at 06:30');
    expect(scheduleInWords('0 7 * * 1')).toBe('every Monday at 07:00');
    expect(scheduleInWords('0 7 * * 1,3,5')).toBe('every Monday, Wednesday and Friday at 07:00');
    expect(scheduleInWords('0 9 * * 0,6')).toBe('at weekends at 09:00');
    expect(scheduleInWords('30 0 7 * * *')).toBe('daily at 07:00:30');
  });

  it('shows the pattern of a schedule it cannot put in words', () => {
    expect(scheduleInWords('0 7 1 * *')).toBe('on a custom schedule (0 7 1 * *)');
    expect(scheduleInWords('nonsense')).toBe('on a custom schedule (nonsense)');
  });
});

describe('job results in words', () => {
  it('names every job', () => {
    expect(JOB_KEYS.map((key) => JOB_NAMES[key])).toEqual(['Deliver emails', 'Daily reminders']);
  });

  it('says what a delivery run did', () => {
    expect(runResultInWords('dispatch-outbox', { claimed: 4, sent: 2, retried: 1, failed: 1 })).toBe('2 messages sent, 1 to try again later, 1 failed');
    expect(runResultInWords('dispatch-outbox', { claimed: 1, sent: 1, retried: 0, failed: 0 })).toBe('1 message sent');
    expect(runResultInWords('dispatch-outbox', { claimed: 0, sent: 0, retried: 0, failed: 0 })).toBe('Nothing was waiting to be sent');
  });

  it('says what a reminders run did', () => {
    expect(runResultInWords('reminders', { sources: 5, reminders: 4, queued: 2, held: 1, leftOut: 1, duplicates: 0, digests: 1, digested: 3 })).toBe(
      '4 reminders due, 2 queued to send, 1 kept for daily digests, 1 not sent (turned off by their readers), 1 daily digest with 3 items'
    );
    expect(runResultInWords('reminders', { sources: 5, reminders: 0, queued: 0 })).toBe('No reminders due');
  });

  it('says why a run did nothing, and an error', () => {
    expect(runResultInWords('reminders', { ran: false, reason: 'already-run' })).toBe('Not run: the reminders of that day were already sent');
    expect(runResultInWords('dispatch-outbox', { ran: false, reason: 'running' })).toBe('Not run: another run is under way; try again in a moment');
    expect(runResultInWords('reminders', { error: 'database is locked' })).toBe('Stopped with an error: database is locked');
    expect(runResultInWords('reminders', null)).toBe('Not run yet');
  });
});

describe('templates by name', () => {
  it('names every template PMO Hub sends, in words', () => {
    for (const key of TEMPLATE_KEYS) expect(TEMPLATE_NAMES[key]).toMatch(/^[A-Z][a-z ]+$/);
    expect(templateName('approval-waiting')).toBe('Vote waiting');
    expect(templateName('budget-overrun')).toBe('Budget overrun');
  });
});

describe('due dates in words', () => {
  const today = '2026-12-04';
  it('says how far a due date is from today', () => {
    expect(dueInWords('2026-12-01', today)).toBe('Due 1 Dec 2026, 3 days ago');
    expect(dueInWords('2026-12-03', today)).toBe('Due yesterday, 3 Dec 2026');
    expect(dueInWords('2026-12-04', today)).toBe('Due today');
    expect(dueInWords('2026-12-05', today)).toBe('Due tomorrow, 5 Dec 2026');
    expect(dueInWords('2026-12-09', today)).toBe('Due 9 Dec 2026, in 5 days');
    expect(dueInWords('2027-01-03', today)).toBe('Due 3 Jan 2027, in 30 days');
    expect(dueInWords(null, today)).toBe('No due date');
  });
});

describe('delivery errors in words', () => {
  it('writes the moments of an error as PMO Hub writes moments', () => {
    const at = '2026-12-02T07:05:00.000Z';
    expect(errorInWords(`Connection refused. Attempt 1 failed; the next is due ${at}`)).toBe(
      `Connection refused. Attempt 1 failed; the next is due ${formatMoment(at)}`
    );
    expect(errorInWords('550 Mailbox unavailable')).toBe('550 Mailbox unavailable');
    expect(errorInWords(null)).toBeNull();
  });
});
