/**
 * One mentoring relationship: who and why, the competency ratings across its sessions, its
 * action items, and its sessions on a timeline. The mentor logs the next session from here.
 */
import * as React from 'react';

import { Badge, Button, Flex, Grid, Link, LinkButton, Typography } from '@strapi/design-system';
import { ArrowLeft, Pencil, Plus } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { NavLink, useParams } from 'react-router-dom';

import { useRatings, useRelationship, useTimeline, type MentoringRelationship } from '../../../api/mentoring';
import { PageError } from '../../../components/PageError';
import { useTranslate, type Translate } from '../../../utils/useTranslate';
import { STATUS_BADGE, duration, personName, useFormatDay } from '../display';
import { Chip } from '../Chip';
import { RelationshipModal } from '../overview/RelationshipModal';
import { Section } from '../../../components/Section';
import { ActionItemList } from './ActionItemList';
import { RatingsChart } from './RatingsChart';
import { SessionTimeline } from './SessionTimeline';

export const MENTORING_PATH = '/plugins/pmo/mentoring';

export const statusLabel = (t: Translate, status: MentoringRelationship['status']) =>
  ({
    active: t('mentoring.status.active', 'Active'),
    paused: t('mentoring.status.paused', 'Paused'),
    completed: t('mentoring.status.completed', 'Completed'),
  })[status];

export const roleLabel = (t: Translate, role: MentoringRelationship['myRole']) =>
  ({
    mentor: t('mentoring.myRole.mentor', 'you are the mentor'),
    mentee: t('mentoring.myRole.mentee', 'you are the mentee'),
    oversight: t('mentoring.myRole.oversight', 'you oversee it as the PMO'),
  })[role];

export const RelationshipPage = () => {
  const { relationshipId } = useParams<{ relationshipId: string }>();
  const t = useTranslate();
  const formatDay = useFormatDay();
  const relationship = useRelationship(relationshipId);
  const timeline = useTimeline(relationshipId);
  const ratings = useRatings(relationshipId);
  const [editing, setEditing] = React.useState(false);

  if (relationship.isLoading || timeline.isLoading) return <Page.Loading />;
  const error = relationship.error ?? timeline.error;
  if (error || !relationship.data || !timeline.data) {
    return <PageError content={error?.message ?? t('mentoring.relationship.notFound', 'This mentoring relationship was not found.')} />;
  }
  const r = relationship.data;
  const sessions = timeline.data.sessions;
  const title = t('mentoring.relationship.title', '{mentor} → {mentee}', {
    mentor: personName(r.mentor),
    mentee: personName(r.mentee),
  });

  return (
    <Page.Main>
      <Page.Title>{t('mentoring.relationship.pageTitle', 'Mentoring: {title}', { title })}</Page.Title>
      <Layouts.Header
        navigationAction={
          <Link tag={NavLink} to={MENTORING_PATH} startIcon={<ArrowLeft />}>
            {t('mentoring.back', 'Mentoring')}
          </Link>
        }
        title={title}
        subtitle={
          <Flex gap={2} alignItems="center" wrap="wrap">
            <Badge variant={STATUS_BADGE[r.status]} data-testid="pmo-relationship-status">
              {statusLabel(t, r.status)}
            </Badge>
            <Typography variant="epsilon" textColor="neutral600">
              {t('mentoring.relationship.subtitle', 'Since {start}{end} · {role}', {
                start: formatDay(r.startDate),
                end: r.endDate ? t('mentoring.relationship.until', ' until {date}', { date: formatDay(r.endDate) }) : '',
                role: roleLabel(t, r.myRole),
              })}
            </Typography>
          </Flex>
        }
        primaryAction={
          <Flex gap={2}>
            {r.permissions.manage ? (
              <Button variant="tertiary" startIcon={<Pencil />} onClick={() => setEditing(true)}>
                {t('mentoring.relationship.edit', 'Edit relationship')}
              </Button>
            ) : null}
            {r.permissions.logSessions && r.status !== 'completed' ? (
              <LinkButton tag={NavLink} to="sessions/new" startIcon={<Plus />} data-testid="pmo-log-session">
                {sessions.length
                  ? t('mentoring.relationship.logNext', 'Log the next session')
                  : t('mentoring.relationship.logFirst', 'Log a session')}
              </LinkButton>
            ) : null}
          </Flex>
        }
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={8} s={12} direction="column" alignItems="stretch" gap={4}>
            <Section title={t('mentoring.chart.heading', 'Competency ratings')} data-testid="pmo-ratings-section">
              {ratings.isLoading ? (
                <Page.Loading />
              ) : ratings.error ? (
                <Typography textColor="danger600">{ratings.error.message}</Typography>
              ) : (
                <RatingsChart series={ratings.data?.series ?? []} />
              )}
            </Section>
            <Section
              title={t('mentoring.timeline.heading', 'Sessions ({count})', { count: sessions.length })}
              data-testid="pmo-sessions-section"
            >
              <SessionTimeline relationship={r} sessions={sessions} />
            </Section>
          </Grid.Item>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch" gap={4}>
            <Section title={t('mentoring.relationship.about', 'About')} data-testid="pmo-relationship-about">
              <About relationship={r} />
            </Section>
            <Section
              title={t('mentoring.items.heading', 'Action items')}
              data-testid="pmo-action-items-section"
              action={
                r.summary.overdueActionItems ? (
                  <Badge textColor="danger700" backgroundColor="danger100">
                    {t('mentoring.items.overdueCount', '{count} overdue', { count: r.summary.overdueActionItems })}
                  </Badge>
                ) : undefined
              }
            >
              <ActionItemList relationship={r} sessions={sessions} />
            </Section>
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
      {editing ? <RelationshipModal relationship={r} onClose={() => setEditing(false)} /> : null}
    </Page.Main>
  );
};

const Fact = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    {typeof children === 'string' ? <Typography variant="omega">{children}</Typography> : children}
  </Flex>
);

const About = ({ relationship: r }: { relationship: MentoringRelationship }) => {
  const t = useTranslate();
  const formatDay = useFormatDay();
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Grid.Root gap={3}>
        <Grid.Item col={6}>
          <Fact label={t('mentoring.relationship.mentor', 'Mentor')}>{personName(r.mentor)}</Fact>
        </Grid.Item>
        <Grid.Item col={6}>
          <Fact label={t('mentoring.relationship.mentee', 'Mentee')}>{personName(r.mentee)}</Fact>
        </Grid.Item>
        <Grid.Item col={6}>
          <Fact label={t('mentoring.relationship.sessions', 'Sessions')}>
            {t('mentoring.relationship.sessionsValue', '{count, plural, one {# session} other {# sessions}} · {time}', {
              count: r.summary.sessions,
              time: duration(r.summary.minutes),
            })}
          </Fact>
        </Grid.Item>
        <Grid.Item col={6}>
          <Fact label={t('mentoring.relationship.lastSession', 'Last session')}>{formatDay(r.summary.lastSessionDate)}</Fact>
        </Grid.Item>
      </Grid.Root>
      <Fact label={t('mentoring.relationship.goals', 'Goals')}>
        <Typography variant="omega" style={{ whiteSpace: 'pre-wrap' }}>
          {r.goals || '—'}
        </Typography>
      </Fact>
      <Fact label={t('mentoring.relationship.focus', 'Focus competencies')}>
        {r.focusCompetencies.length ? (
          <Flex gap={1} wrap="wrap">
            {r.focusCompetencies.map((c) => (
              <Chip key={c.documentId}>{c.name}</Chip>
            ))}
          </Flex>
        ) : (
          '—'
        )}
      </Fact>
    </Flex>
  );
};
