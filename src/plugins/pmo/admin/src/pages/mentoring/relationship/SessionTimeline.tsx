/**
 * A relationship's sessions on a timeline, newest first: date and length, topics, ratings, shared
 * notes, the confidential notes for those who may read them, and the action items agreed.
 * Confidential notes show only when the server sent them; nothing marks their absence.
 */
import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { Lock, Pencil } from '@strapi/icons';
import { NavLink } from 'react-router-dom';

import type { MentoringRelationship, MentoringSession } from '../../../api/mentoring';
import { useTranslate } from '../../../utils/useTranslate';
import { Chip } from '../Chip';
import { duration, useFormatDay } from '../display';

const LINE = '#DCDCE4';
const DOT = '#4945FF';

export const SessionTimeline = ({
  relationship,
  sessions,
}: {
  relationship: MentoringRelationship;
  sessions: MentoringSession[];
}) => {
  const t = useTranslate();
  if (sessions.length === 0) {
    return (
      <Typography variant="omega" textColor="neutral600" data-testid="pmo-timeline-empty">
        {relationship.permissions.logSessions
          ? t('mentoring.timeline.emptyMentor', 'No sessions yet. Log the first one with “Log a session”.')
          : t('mentoring.timeline.empty', 'No sessions yet.')}
      </Typography>
    );
  }
  const newestFirst = [...sessions].reverse();
  return (
    <Box tag="ol" data-testid="pmo-timeline" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {newestFirst.map((session, index) => (
        <SessionEntry
          key={session.documentId}
          session={session}
          number={sessions.length - index}
          last={index === newestFirst.length - 1}
          canEdit={relationship.permissions.logSessions}
        />
      ))}
    </Box>
  );
};

const SessionEntry = ({
  session,
  number,
  last,
  canEdit,
}: {
  session: MentoringSession;
  number: number;
  last: boolean;
  canEdit: boolean;
}) => {
  const t = useTranslate();
  const formatDay = useFormatDay();
  const agreed = session.actionItems.filter((item) => !item.carriedFrom);
  const carried = session.actionItems.filter((item) => item.carriedFrom);
  return (
    <Flex tag="li" alignItems="stretch" gap={4} data-testid="pmo-session" data-session={session.documentId}>
      {/* The rail: a dot per session, a line down to the next. */}
      <Flex direction="column" alignItems="center" style={{ width: 16, flexShrink: 0 }} aria-hidden>
        <Box style={{ width: 14, height: 14, borderRadius: '50%', background: DOT, border: '3px solid #E0E0FF', marginTop: 4 }} />
        {last ? null : <Box style={{ flex: 1, width: 2, background: LINE, marginTop: 4 }} />}
      </Flex>
      <Flex direction="column" alignItems="stretch" gap={3} paddingBottom={last ? 0 : 6} grow={1} style={{ minWidth: 0 }}>
        <Flex justifyContent="space-between" alignItems="baseline" gap={2} wrap="wrap">
          <Flex gap={2} alignItems="baseline" wrap="wrap">
            <Typography variant="delta" tag="h3">
              {formatDay(session.date)}
            </Typography>
            <Typography variant="pi" textColor="neutral600">
              {t('mentoring.timeline.meta', 'Session {number} · {duration}', { number, duration: duration(session.durationMinutes) })}
            </Typography>
          </Flex>
          {canEdit ? (
            <Link tag={NavLink} to={`sessions/${encodeURIComponent(session.documentId)}/edit`} startIcon={<Pencil />}>
              {t('mentoring.timeline.edit', 'Edit')}
            </Link>
          ) : null}
        </Flex>
        {session.topics ? (
          <Typography variant="omega" fontWeight="bold" data-testid="pmo-session-topics">
            {session.topics}
          </Typography>
        ) : null}
        {session.ratings.length ? (
          <Flex gap={2} wrap="wrap" aria-label={t('mentoring.timeline.ratings', 'Ratings')}>
            {session.ratings.map(({ competency, rating }) => (
              <Chip key={competency.documentId} data-testid="pmo-session-rating" data-competency={competency.key}>
                {t('mentoring.timeline.rating', '{name}: {rating}/5', { name: competency.name, rating })}
              </Chip>
            ))}
          </Flex>
        ) : null}
        {session.sharedNotes ? (
          <Box>
            <Typography variant="sigma" textColor="neutral600" tag="h4">
              {t('mentoring.timeline.sharedNotes', 'Shared notes')}
            </Typography>
            <Typography variant="omega" tag="p" style={{ whiteSpace: 'pre-wrap' }} data-testid="pmo-session-shared-notes">
              {session.sharedNotes}
            </Typography>
          </Box>
        ) : null}
        {'confidentialNotes' in session && session.confidentialNotes ? (
          <Box background="warning100" borderColor="warning200" padding={3} hasRadius data-testid="pmo-session-confidential">
            <Flex gap={2} alignItems="center">
              <Lock width="1.2rem" height="1.2rem" aria-hidden />
              <Typography variant="sigma" textColor="warning700" tag="h4">
                {t('mentoring.timeline.confidentialNotes', 'Confidential notes')}
              </Typography>
            </Flex>
            <Typography variant="omega" tag="p" style={{ whiteSpace: 'pre-wrap' }}>
              {session.confidentialNotes}
            </Typography>
          </Box>
        ) : null}
        {agreed.length || carried.length ? (
          <Box>
            <Typography variant="sigma" textColor="neutral600" tag="h4">
              {t('mentoring.timeline.actionItems', 'Action items')}
            </Typography>
            <Box tag="ul" style={{ margin: 0, paddingLeft: 18 }}>
              {[...carried, ...agreed].map((item) => (
                <li key={item.id} data-testid="pmo-session-item">
                  <Typography variant="omega" style={item.done ? { textDecoration: 'line-through' } : undefined}>
                    {item.text}
                  </Typography>{' '}
                  <Typography variant="pi" textColor="neutral600">
                    {[
                      item.carriedFrom ? t('mentoring.timeline.carried', 'carried forward') : null,
                      item.carriedTo ? t('mentoring.timeline.carriedOn', 'carried to a later session') : null,
                      item.dueDate ? t('mentoring.items.due', 'due {date}', { date: formatDay(item.dueDate) }) : null,
                      item.done ? t('mentoring.items.doneLower', 'done') : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography>
                </li>
              ))}
            </Box>
          </Box>
        ) : null}
      </Flex>
    </Flex>
  );
};
