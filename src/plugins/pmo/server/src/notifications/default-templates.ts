/**
 * The templates PMO Hub starts with (British English), seeded at bootstrap when absent and never
 * overwritten: an administrator's edits stay. Every mail links to its item (`{{url}}`).
 */
import type { TemplateKey } from '../../../shared/contracts/notifications';
import type { TemplateParts } from '../../../shared/notification-render';

const FOOTER_TEXT = '\n\n--\nPMO Hub ({{appUrl}}). Choose which emails you receive, and how, in your notification preferences.';
const FOOTER_HTML =
  '<hr><p style="color:#666;font-size:12px">PMO Hub (<a href="{{appUrl}}">{{appUrl}}</a>). Choose which emails you receive, and how, in your notification preferences.</p>';

/** A template from its subject, its lines of text and a link label; the HTML says the same. */
function mail(subject: string, lines: string[], link: string): TemplateParts {
  const text = `${lines.join('\n\n')}\n\n${link}: {{url}}${FOOTER_TEXT}`;
  const html = `${lines.map((line) => `<p>${line}</p>`).join('\n')}\n<p><a href="{{url}}">${link}</a></p>\n${FOOTER_HTML}`;
  return { subject, text, html };
}

const STEP_LINES = ['{{actor}} took the step "{{step}}" in {{workflow}} on {{date}}: {{title}} moved from {{from}} to {{to}}.', 'Comment: {{comment}}'];

export const DEFAULT_TEMPLATES: Record<TemplateKey, TemplateParts> = {
  'change-authorized': mail(
    'Change authorised: {{reference}} {{title}}',
    ['Your change request {{reference}} "{{title}}" has been authorised by {{actor}} on {{date}}. It is now {{to}}.', 'Comment: {{comment}}'],
    'Open the change request'
  ),
  'change-rejected': mail(
    'Change rejected: {{reference}} {{title}}',
    [
      'Your change request {{reference}} "{{title}}" was rejected by {{actor}} on {{date}}. It is back in {{to}}, where you may revise and resubmit it.',
      'Reason given: {{comment}}',
    ],
    'Open the change request'
  ),
  'workflow-step': mail('{{title}}: {{step}}', STEP_LINES, 'Open it in PMO Hub'),
  'document-review-due': mail(
    'Review due on {{dueDate}}: {{title}}',
    ['The document "{{title}}" ({{project}}) is due for review on {{dueDate}}, in {{daysLeft}} days.', 'Please review it, or record that it is still current, before then.'],
    'Open the document'
  ),
  'document-review-overdue': mail(
    'Review overdue: {{title}}',
    ['The document "{{title}}" ({{project}}) was due for review on {{dueDate}} and is now {{daysOverdue}} days overdue.', 'Please review it as soon as you can.'],
    'Open the document'
  ),
  'status-report-late': mail(
    'Status report late: {{project}}',
    [
      'The {{cadence}} status report for {{project}} was due on {{dueDate}}. The last report is dated {{lastReport}}; {{periodsLate}} reporting period(s) are missing.',
      'Please write the status report.',
    ],
    'Open the project'
  ),
  'gate-condition-overdue': mail(
    'Gate condition overdue: {{title}}',
    ['The condition "{{title}}" set at {{gate}} of {{project}} was due on {{dueDate}} and is {{daysOverdue}} days overdue.', 'Please complete it, or agree a new date with the PMO.'],
    'Open the gate review'
  ),
  'gate-review-upcoming': mail(
    '{{gate}} review of {{project}} on {{date}}',
    ['The {{gate}} review of {{project}} is held on {{date}}, in {{daysLeft}} days. You are one of its reviewers; the invitation is attached.', 'Please read the evidence before the review.'],
    'Open the gate review'
  ),
  'approval-waiting': mail(
    'Your vote is waiting: {{title}}',
    ['"{{title}}" has waited for your vote on "{{step}}" ({{workflow}}) since {{waitingSince}}: {{workingDays}} working days.', 'Please cast your vote.'],
    'Open the item to vote'
  ),
  // The title names the session ("Mentoring session of 2 Dec 2026 with Maria Mentor"), never the
  // item's words or a note: mentoring stays inside the relationship (docs/notifications.md).
  'action-item-overdue': mail(
    'Action item overdue: {{title}}',
    ['An action item you own, agreed in "{{title}}", was due on {{dueDate}} and is {{daysOverdue}} days overdue.', 'Open it to see it, and tick it off once it is done.'],
    'Open the action item'
  ),
  'certification-expiring': mail(
    'Certification expiring on {{expiresOn}}: {{title}}',
    ['The certification "{{title}}" held by {{person}} expires on {{expiresOn}}, in {{daysLeft}} days.', 'Please arrange its renewal.'],
    'Open the certification'
  ),
  escalation: mail(
    'Escalation: {{title}}',
    [
      'This is brought to your attention because it stayed overdue: {{reason}}.',
      '{{title}} ({{project}}) was due on {{dueDate}}, {{daysOverdue}} days ago. The person who should act is {{owner}}.',
    ],
    'Open the item'
  ),
  digest: {
    subject: 'PMO Hub: your daily digest for {{date}} ({{count}} items)',
    text: 'Good morning. These {{count}} items were kept for your daily digest:\n\n{{items}}' + FOOTER_TEXT,
    html: '<p>Good morning. These {{count}} items were kept for your daily digest:</p>\n<ul>{{items}}</ul>\n' + FOOTER_HTML,
  },
};
