/**
 * The dashboard's lists: the five worst projects by CPI or SPI, open critical issues, overdue
 * documents and gate conditions, late status reports, upcoming gate reviews and late
 * dependencies. Each shows its full count and first five items, the rest of what the answer
 * holds (at most DASHBOARD_LIST_LIMIT, the ones that matter most) on request, and says so when
 * there are more than that ("Showing 20 of 1,234"); each item one click from where it is kept.
 */
import * as React from 'react';

import { Badge, Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';

import { links, UPCOMING_REVIEW_DAYS, type DashboardAnswer, type DashboardFilters } from '../../api/dashboard';
import { Money } from '../../components/Money';
import { OverdueBadge } from '../../components/OverdueBadge';
import { Section } from '../../components/Section';
import { formatDay } from '../../utils/dates';
import type { Translate } from '../../utils/useTranslate';
import { cadenceWords, indexText } from './words';

type Props = { data: DashboardAnswer; filters: DashboardFilters; t: Translate; canGovernance: boolean };

const SHOWN = 5;

type Entry = { key: string; to: string; title: string; details: React.ReactNode; badge?: React.ReactNode };

type ListProps = { title: string; entries: Entry[]; total?: number | null; empty: string; action?: React.ReactNode; t: Translate; testId: string };

/**
 * A list section: its full count by the title, the first few entries, and a button for the rest
 * of those the answer holds; when the list has more items than that, how many of them it shows.
 */
const ItemList = ({ title, entries, total: counted, empty, action, t, testId }: ListProps) => {
  const [all, setAll] = React.useState(false);
  const shown = all ? entries : entries.slice(0, SHOWN);
  const total = counted ?? entries.length;
  return (
    <Section
      title={t('dashboard.list.title', '{title} ({total, number})', { title, total })}
      action={action}
      data-testid={testId}
    >
      {entries.length ? (
        <Flex direction="column" alignItems="stretch" gap={3} tag="ul">
          {shown.map((entry) => (
            <Flex key={entry.key} tag="li" gap={2} alignItems="flex-start" justifyContent="space-between" data-testid="pmo-dashboard-item">
              <Flex direction="column" alignItems="flex-start" gap={1} style={{ minWidth: 0 }}>
                <Link tag={NavLink} to={entry.to}>
                  {entry.title}
                </Link>
                <Typography variant="pi" textColor="neutral600">
                  {entry.details}
                </Typography>
              </Flex>
              {entry.badge ?? null}
            </Flex>
          ))}
        </Flex>
      ) : (
        <Typography variant="omega" textColor="neutral600">
          {empty}
        </Typography>
      )}
      {entries.length > SHOWN || total > entries.length ? (
        <Flex gap={3} alignItems="center" wrap="wrap">
          {entries.length > SHOWN ? (
            <Button variant="tertiary" size="S" onClick={() => setAll((value) => !value)}>
              {all
                ? t('dashboard.list.fewer', 'Show the first {count}', { count: SHOWN })
                : total > entries.length
                  ? t('dashboard.list.more', 'Show {count} more', { count: entries.length - SHOWN })
                  : t('dashboard.list.all', 'Show all {count}', { count: entries.length })}
            </Button>
          ) : null}
          {total > entries.length ? (
            <Typography variant="pi" textColor="neutral600" data-testid="pmo-dashboard-list-shown">
              {t('dashboard.list.shown', 'Showing {shown} of {total, number}', { shown: shown.length, total })}
            </Typography>
          ) : null}
        </Flex>
      ) : null}
    </Section>
  );
};

const place = (item: { project: { code: string; name: string } | null; programme?: { name: string } | null }) =>
  item.project ? `${item.project.code} ${item.project.name}` : item.programme ? item.programme.name : '';

const joined = (...parts: Array<string | null | undefined | false>) => parts.filter(Boolean).join(' · ');

export const WorstProjects = ({ data, t }: Props) => (
  <ItemList
    title={t('dashboard.worst.title', 'Five worst by CPI or SPI')}
    testId="pmo-dashboard-worst"
    t={t}
    empty={t('dashboard.worst.empty', 'No project has earned value to compare yet.')}
    entries={data.worst!.map((row) => ({
      key: row.documentId,
      to: links.projectFinance(row.documentId),
      title: `${row.code} ${row.title}`,
      details: (
        <Flex tag="span" gap={2} wrap="wrap">
          <span>{t('dashboard.worst.indices', 'CPI {cpi}, SPI {spi}', { cpi: indexText(row.cpi), spi: indexText(row.spi) })}</span>
          <span>{t('dashboard.worst.cv', 'Cost variance')}</span>
          <Money decimal={row.cv} />
        </Flex>
      ),
    }))}
  />
);

export const CriticalIssues = ({ data, t }: Props) => {
  const log = links.criticalIssues(data);
  return (
  <ItemList
    title={t('dashboard.issues.title', 'Open critical issues')}
    total={data.totals.criticalIssues}
    testId="pmo-dashboard-issues"
    t={t}
    empty={t('dashboard.issues.empty', 'No open critical issue.')}
    action={
      log ? (
        <Link tag={NavLink} to={log} data-testid="pmo-dashboard-issue-log">
          {t('dashboard.issues.open', 'Open the issue log')}
        </Link>
      ) : undefined
    }
    entries={data.criticalIssues!.map((issue) => ({
      key: issue.documentId,
      to: links.issue(issue.documentId),
      title: issue.title,
      details: joined(
        place(issue),
        issue.owner && t('dashboard.owner', 'owner {name}', { name: issue.owner }),
        issue.targetDate && t('dashboard.issues.target', 'target {date}', { date: formatDay(issue.targetDate) })
      ),
      badge: issue.overdue ? <OverdueBadge label={t('dashboard.overdue', 'Overdue')} /> : undefined,
    }))}
  />
  );
};

export const OverdueDocuments = ({ data, t }: Props) => (
  <ItemList
    title={t('dashboard.overdue.title', 'Overdue documents and gate conditions')}
    total={data.totals.overdueDocuments}
    testId="pmo-dashboard-overdue"
    t={t}
    empty={t('dashboard.overdue.empty', 'Nothing is overdue.')}
    entries={data.overdueDocuments!.map((item) => ({
      key: item.documentId,
      to: item.kind === 'document' ? links.document(item.documentId) : links.review(item.review ?? ''),
      title: item.title,
      details: joined(
        item.kind === 'document' ? t('dashboard.overdue.document', 'Document review') : t('dashboard.overdue.condition', 'Gate condition'),
        place(item),
        t('dashboard.overdue.due', 'due {date}, {days, plural, one {# day} other {# days}} ago', { date: formatDay(item.dueDate), days: item.daysOverdue })
      ),
    }))}
  />
);

export const LateReports = ({ data, t, canGovernance }: Props) => (
  <ItemList
    title={t('dashboard.late.title', 'Late status reports')}
    total={data.totals.lateStatusReports}
    testId="pmo-dashboard-late-reports"
    t={t}
    empty={t('dashboard.late.empty', 'Every running project has reported on time.')}
    entries={data.lateStatusReports!.map((row) => ({
      key: row.documentId,
      to: canGovernance ? links.projectGates(row.documentId) : links.project(row.documentId),
      title: `${row.code} ${row.title}`,
      details: joined(
        row.manager && t('dashboard.late.manager', 'manager {name}', { name: row.manager }),
        row.lastReport ? t('dashboard.late.last', 'last report {date}', { date: formatDay(row.lastReport) }) : t('dashboard.late.never', 'no report yet'),
        t('dashboard.late.due', '{cadence} report due {date}', { cadence: cadenceWords(t, row.cadence), date: formatDay(row.dueDate) })
      ),
      badge: (
        <Badge>{t('dashboard.late.periods', '{count, plural, one {# period late} other {# periods late}}', { count: row.periodsLate })}</Badge>
      ),
    }))}
  />
);

export const UpcomingReviews = ({ data, t }: Props) => (
  <ItemList
    title={t('dashboard.reviews.title', 'Gate reviews in the next {days} days', { days: UPCOMING_REVIEW_DAYS })}
    total={data.totals.upcomingGateReviews}
    testId="pmo-dashboard-reviews"
    t={t}
    empty={t('dashboard.reviews.empty', 'No gate review is scheduled.')}
    entries={data.upcomingGateReviews!.map((review) => ({
      key: review.documentId,
      to: links.review(review.documentId),
      title: review.title,
      details: t('dashboard.reviews.on', 'scheduled for {date}', { date: formatDay(review.scheduledDate) }),
    }))}
  />
);

export const LateDependencies = ({ data, t }: Props) => (
  <ItemList
    title={t('dashboard.dependencies.title', 'Late dependencies')}
    total={data.totals.lateDependencies}
    testId="pmo-dashboard-dependencies"
    t={t}
    empty={t('dashboard.dependencies.empty', 'No dependency is late.')}
    entries={data.lateDependencies!.map((row) => ({
      key: row.documentId,
      to: links.dependency(row.documentId),
      title: row.title,
      details: joined(
        row.from && row.to && t('dashboard.dependencies.between', '{from} → {to}', { from: row.from.code, to: row.to.code }),
        t('dashboard.dependencies.late', 'needed by {date}, {days, plural, one {# day} other {# days}} late', { date: formatDay(row.needBy), days: row.daysLate })
      ),
    }))}
  />
);
