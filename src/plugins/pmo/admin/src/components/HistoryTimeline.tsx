import { Box, Flex, Typography } from '@strapi/design-system';

import type {
  TransitionEventView,
  WorkflowDefinition,
} from '../../../shared/contracts/workflow';
import { StateBadge } from './StateBadge';
import { stateColor } from '../utils/colors';
import { useTranslate } from '../utils/useTranslate';
import { formatMoment } from '../utils/dates';

type HistoryTimelineProps = {
  events: TransitionEventView[];
  /** The current definition, to show names for keys; events of removed states fall back to keys. */
  definition?: WorkflowDefinition;
};

/** The item's transition events, newest first, as a vertical timeline. */
export const HistoryTimeline = ({ events, definition }: HistoryTimelineProps) => {
  const t = useTranslate();
  const state = (key: string) =>
    definition?.states.find((s) => s.key === key) ?? { key, name: key, color: undefined };
  const label = (key: string) =>
    definition?.transitions.find((tr) => tr.key === key)?.label ??
    // PMO Hub's own move when a published item gets a new draft (server/src/workflow/publishing.ts).
    (key === 'new-draft' ? t('workflow.history.newDraft', 'New draft after publishing') : key);

  if (events.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600" data-testid="pmo-workflow-history">
        {t('workflow.history.empty', 'No transitions yet.')}
      </Typography>
    );
  }

  const newestFirst = [...events].reverse();
  return (
    <Box
      tag="ol"
      data-testid="pmo-workflow-history"
      aria-label={t('workflow.history.title', 'History')}
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {newestFirst.map((event, index) => {
        const from = state(event.from);
        const to = state(event.to);
        const isVote = event.kind === 'vote';
        const last = index === newestFirst.length - 1;
        return (
          <Box
            tag="li"
            key={event.id}
            data-testid="pmo-history-event"
            data-kind={event.kind}
            position="relative"
            paddingLeft={5}
            paddingBottom={last ? 0 : 4}
          >
            {/* the line down to the previous event, and this event's dot */}
            {!last ? (
              <Box
                aria-hidden
                position="absolute"
                style={{ left: 5, top: 14, bottom: 0, width: 2 }}
                background="neutral200"
              />
            ) : null}
            <Box
              aria-hidden
              position="absolute"
              style={{
                left: 0,
                top: 3,
                width: 12,
                height: 12,
                borderRadius: '50%',
                boxSizing: 'border-box',
                background: isVote ? '#FFFFFF' : stateColor(to.color),
                border: `2px solid ${stateColor(isVote ? from.color : to.color)}`,
              }}
            />
            <Flex direction="column" alignItems="stretch" gap={1}>
              <Typography variant="omega" fontWeight="bold" textColor="neutral800">
                {isVote
                  ? t('workflow.history.vote', 'Approval vote: {transition}', {
                      transition: label(event.transition),
                    })
                  : label(event.transition)}
              </Typography>
              <Flex gap={1} wrap="wrap" alignItems="center">
                <StateBadge name={from.name} color={from.color} />
                {isVote ? null : (
                  <>
                    <Typography variant="pi" textColor="neutral600" aria-label={t('workflow.history.to', 'to')}>
                      →
                    </Typography>
                    <StateBadge name={to.name} color={to.color} />
                  </>
                )}
              </Flex>
              <Typography variant="pi" textColor="neutral600">
                {t('workflow.history.byAt', 'by {actor}, {at}', {
                  actor: event.actor.name,
                  at: formatMoment(event.at),
                })}
              </Typography>
              {event.comment ? (
                <Box
                  background="neutral100"
                  padding={2}
                  hasRadius
                  style={{ borderLeft: '3px solid #C0C0CF' }}
                  data-testid="pmo-history-comment"
                >
                  <Typography variant="pi" textColor="neutral800" style={{ whiteSpace: 'pre-wrap' }}>
                    {event.comment}
                  </Typography>
                </Box>
              ) : null}
              {!isVote && event.votes.length > 0 ? (
                <Typography variant="pi" textColor="neutral600">
                  {t('workflow.history.approvedBy', 'Approved by {names}', {
                    names: event.votes.map((vote) => vote.name).join(', '),
                  })}
                </Typography>
              ) : null}
            </Flex>
          </Box>
        );
      })}
    </Box>
  );
};
