/**
 * Who may use which PMO Hub page: the pages (their address, the RBAC action the server's routes
 * require, and what they are for), a hook that answers from the signed-in user's permissions, and
 * a guard that shows a PMO Hub message instead of Strapi's bare "no permissions" page. The home
 * page, the Strapi home page's PMO Hub widget and the plugin's routing share this one list.
 */
import { LinkButton } from '@strapi/design-system';
import { Page, useAuth } from '@strapi/strapi/admin';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';

import { PLUGIN_ID } from '../pluginId';
import { getTranslation } from '../utils/getTranslation';
import { CAPACITY_READ } from '../../../shared/contracts/capacity';
import { CHANGE_CONTROL_READ } from '../../../shared/contracts/change-control';
import { COMPLIANCE_READ, COMPLIANCE_READ_OWN } from '../../../shared/contracts/compliance';
import { DASHBOARD_READ } from '../../../shared/contracts/dashboard';
import { FINANCE_READ } from '../../../shared/contracts/finance';
import { GOVERNANCE_READ } from '../../../shared/contracts/governance';
import { MENTORING_USE } from '../../../shared/contracts/mentoring';
import { NOTIFICATIONS_ADMINISTER, NOTIFICATION_PREFERENCES, OUTBOX_READ } from '../../../shared/contracts/notifications';
import { CONTENT_MANAGER, RISK_UID } from '../../../shared/contracts/uids';
import { PMO_ACCESS, WORKFLOWS_READ } from '../../../shared/contracts/workflow';

type Message = { id: string; defaultMessage: string };

export type PmoPage = {
  key: 'dashboard' | 'raid' | 'my-work' | 'governance' | 'compliance' | 'change-requests' | 'finance' | 'capacity' | 'mentoring' | 'workflows' | 'outbox' | 'notifications' | 'my-notifications' | 'roadmap';
  /** The admin path (under /admin). */
  path: string;
  /** The action the page's routes require (on `subject`, else subject null). */
  action: string;
  /** The content type the action is on (a Content Manager right: the registers' page reads risks). */
  subject?: string;
  /** Another action that opens the page as well (compliance: a project manager's own projects). */
  orAction?: string;
  title: Message;
  text: Message;
  /** A few words for the home page's PMO Hub widget. */
  summary: Message;
  open: Message;
};

const m = (id: string, defaultMessage: string): Message => ({ id: getTranslation(id), defaultMessage });

/** PMO Hub's own pages, in the order a PMO works with them (the home page and its widget list them). */
export const PMO_PAGES: PmoPage[] = [
  {
    key: 'dashboard',
    path: `/plugins/${PLUGIN_ID}/dashboard`,
    action: DASHBOARD_READ,
    title: m('home.dashboard', 'Portfolio dashboard'),
    text: m(
      'home.dashboardText',
      'Where the portfolio stands as of a date: RAG and its trend, earned value, the risk heat map, critical issues, overdue documents, late reports, gate reviews and dependencies, each figure one click from its list.'
    ),
    summary: m('widget.hub.dashboard', 'Where the portfolio stands, figure by figure'),
    open: m('home.dashboardOpen', 'Open the dashboard'),
  },
  {
    key: 'raid',
    path: `/plugins/${PLUGIN_ID}/raid`,
    action: CONTENT_MANAGER.read,
    subject: RISK_UID,
    title: m('home.raid', 'Risks and issues'),
    text: m(
      'home.raidText',
      'The risk heat map of a project, programme or portfolio, current or after the responses; the top risks, open issues by priority and the exposure of each programme; the registers as CSV or XLSX.'
    ),
    summary: m('widget.hub.raid', 'Heat map, top risks, open issues and exposure'),
    open: m('home.raidOpen', 'Open Risks and issues'),
  },
  {
    key: 'my-work',
    path: `/plugins/${PLUGIN_ID}/my-work`,
    action: PMO_ACCESS,
    title: m('home.myWork', 'My work'),
    text: m(
      'home.myWorkText',
      'Everything waiting for you, overdue first: votes, reviews to hold, gate conditions, documents to review, status reports and action items.'
    ),
    summary: m('widget.hub.myWork', 'What waits for you, overdue first'),
    open: m('home.myWorkOpen', 'Open My work'),
  },
  {
    key: 'governance',
    path: `/plugins/${PLUGIN_ID}/governance`,
    action: GOVERNANCE_READ,
    title: m('home.governance', 'Governance'),
    text: m(
      'home.governanceText',
      'The governance board: projects by lifecycle state, their next gate, RAG and overdue conditions; gate reviews and each project’s gate history.'
    ),
    summary: m('widget.hub.governance', 'Projects by lifecycle state, their next gate and RAG'),
    open: m('home.governanceOpen', 'Open the governance board'),
  },
  {
    key: 'compliance',
    path: `/plugins/${PLUGIN_ID}/compliance`,
    action: COMPLIANCE_READ,
    orAction: COMPLIANCE_READ_OWN,
    title: m('home.compliance', 'Compliance'),
    text: m(
      'home.complianceText',
      'Each project against each standard: the latest compliance assessment, its score and pass, and the documents overdue for review; record assessments and export compliance.csv.'
    ),
    summary: m('widget.hub.compliance', 'Projects against the standards they must uphold'),
    open: m('home.complianceOpen', 'Open Compliance'),
  },
  {
    key: 'change-requests',
    path: `/plugins/${PLUGIN_ID}/change-requests`,
    action: CHANGE_CONTROL_READ,
    title: m('home.changeRequests', 'Change requests'),
    text: m(
      'home.changeRequestsText',
      'Raise, assess and authorise changes: who decides each one (project manager, change board or PMO director) and what it draws from the change budget.'
    ),
    summary: m('widget.hub.changeRequests', 'Raise, assess and authorise changes'),
    open: m('home.changeRequestsOpen', 'Open Change requests'),
  },
  {
    key: 'finance',
    path: `/plugins/${PLUGIN_ID}/finance`,
    action: FINANCE_READ,
    title: m('home.finance', 'Finance'),
    text: m('home.financeText', 'Earned value by portfolio, programme and project, S-curves, and the CSV exports.'),
    summary: m('widget.hub.finance', 'Earned value, S-curves and exports'),
    open: m('home.financeOpen', 'Open Finance'),
  },
  {
    key: 'capacity',
    path: `/plugins/${PLUGIN_ID}/capacity`,
    action: CAPACITY_READ,
    title: m('home.capacity', 'Capacity'),
    text: m(
      'home.capacityText',
      'Who is free, full or over-booked month by month, by department: approved allocations booked, requested ones tentative; each person’s allocations, certifications and mentoring.'
    ),
    summary: m('widget.hub.capacity', 'People’s time, month by month'),
    open: m('home.capacityOpen', 'Open Capacity'),
  },
  {
    key: 'mentoring',
    path: `/plugins/${PLUGIN_ID}/mentoring`,
    action: MENTORING_USE,
    title: m('home.mentoring', 'Mentoring'),
    text: m(
      'home.mentoringText',
      'Mentoring relationships, their sessions, competency growth and action items. PMO managers see every relationship and the hours mentors give.'
    ),
    summary: m('widget.hub.mentoring', 'Relationships, sessions and action items'),
    open: m('home.mentoringOpen', 'Open Mentoring'),
  },
  {
    key: 'workflows',
    path: `/settings/${PLUGIN_ID}/workflows`,
    action: WORKFLOWS_READ,
    title: m('home.workflows', 'Workflows'),
    text: m(
      'home.workflowsText',
      'The lifecycles of projects and change requests: states, gates, approvals. PMO administrators change them without code.'
    ),
    summary: m('widget.hub.workflows', 'The lifecycles of projects and changes'),
    open: m('home.workflowsOpen', 'Open Settings → Workflows'),
  },
  {
    key: 'outbox',
    path: `/settings/${PLUGIN_ID}/outbox`,
    action: OUTBOX_READ,
    title: m('home.outbox', 'Outbox'),
    text: m('home.outboxText', 'Every mail PMO Hub sends and what became of it, and the scheduled jobs that send the mails and the daily reminders.'),
    summary: m('widget.hub.outbox', 'Mails sent and failed, and the scheduled jobs'),
    open: m('home.outboxOpen', 'Open Settings → Outbox'),
  },
  {
    key: 'notifications',
    path: `/settings/${PLUGIN_ID}/notifications`,
    action: NOTIFICATIONS_ADMINISTER,
    title: m('home.notifications', 'Notifications'),
    text: m('home.notificationsText', 'The email templates PMO Hub sends: their subject and bodies, with a preview. PMO administrators change them.'),
    summary: m('widget.hub.notifications', 'The email templates, with a preview'),
    open: m('home.notificationsOpen', 'Open Settings → Notifications'),
  },
];

/** Pages reached from another page rather than listed on the home page. */
const LINKED_PAGES: PmoPage[] = [
  {
    key: 'my-notifications',
    path: `/plugins/${PLUGIN_ID}/my-notifications`,
    action: NOTIFICATION_PREFERENCES,
    title: m('home.myNotifications', 'My notifications'),
    text: m('home.myNotificationsText', 'How PMO Hub tells you about what waits for you.'),
    summary: m('widget.hub.myNotifications', 'How PMO Hub tells you'),
    open: m('home.myNotificationsOpen', 'Open My notifications'),
  },
  {
    // Reached from the dashboard; its routes need the Content Manager's read right on milestones,
    // which every PMO role holds.
    key: 'roadmap',
    path: `/plugins/${PLUGIN_ID}/roadmap`,
    action: PMO_ACCESS,
    title: m('home.roadmap', 'Programme roadmap'),
    text: m('home.roadmapText', "A programme's projects and milestones on one timeline, late ones marked, and each project's slip trend."),
    summary: m('widget.hub.roadmap', 'Projects and milestones on one timeline'),
    open: m('home.roadmapOpen', 'Open the roadmap'),
  },
];

export const pmoPage = (key: PmoPage['key']) => [...PMO_PAGES, ...LINKED_PAGES].find((page) => page.key === key)!;

/**
 * Whether the signed-in user holds `action` (on `subject`, when given), from the permissions the
 * admin panel loaded at sign-in. (A PMO page's routes check the same actions on the server.)
 */
export function useCan() {
  const permissions = useAuth('PmoAccess', (auth) => auth.permissions);
  return (action: string, subject: string | null = null) =>
    (permissions ?? []).some(
      (permission) => permission.action === action && (subject === null || permission.subject === subject)
    );
}

/** Whether a user with these permissions may open the page. */
export const mayOpen = (can: (action: string, subject?: string | null) => boolean, page: PmoPage) =>
  can(page.action, page.subject ?? null) || (!!page.orAction && can(page.orAction));

/** The PMO pages the signed-in user may open. */
export function useAllowedPages() {
  const can = useCan();
  return PMO_PAGES.filter((page) => mayOpen(can, page));
}

/** Strapi's empty-permissions page, with PMO Hub's words and a way back (its props go to EmptyStateLayout). */
const NoPermissions = Page.NoPermissions as unknown as (props: { content?: string; action?: ReactNode }) => JSX.Element;

/**
 * Renders `children` when the user's role may use `page`; otherwise says, in PMO Hub's words,
 * that the page is not part of their role and offers the way back to the PMO Hub home.
 */
export const RequirePage = ({ page, children }: { page: PmoPage['key']; children: ReactNode }) => {
  const { formatMessage } = useIntl();
  const can = useCan();
  const target = pmoPage(page);
  if (mayOpen(can, target)) return <>{children}</>;
  return (
    <NoPermissions
      content={formatMessage(
        {
          id: getTranslation('access.notYourRole'),
          defaultMessage: '{page} is not part of your role in PMO Hub. A PMO administrator can give your role access if you need it.',
        },
        { page: formatMessage(target.title) }
      )}
      action={
        <LinkButton tag={NavLink} to={`/plugins/${PLUGIN_ID}/home`} variant="secondary" data-testid="pmo-access-back">
          {formatMessage({ id: getTranslation('access.backHome'), defaultMessage: 'Back to PMO Hub home' })}
        </LinkButton>
      }
    />
  );
};
