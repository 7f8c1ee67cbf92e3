/**
 * A project on the governance board, compact: code and programme, name, manager, RAG from its
 * latest status report, its next gate with the review date and the last decision, overdue
 * conditions (flagged), and the transitions the signed-in user may fire (one button at most, the
 * others in a menu, what blocks them on demand).
 */
import { Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { Calendar, WarningCircle } from '@strapi/icons';
import { NavLink } from 'react-router-dom';

import { PASSING_DECISIONS, type BoardCard } from '../../api/governance';
import type { Translate } from '../../utils/useTranslate';
import { ConditionLine, DecisionBadge, RagDot, gateTitle, projectGatesPath, reviewPath, useFormatDay } from './display';
import { TransitionButtons } from './TransitionButtons';

type Props = {
  card: BoardCard;
  stateName: (key: string) => string;
  canManage: boolean;
  onSchedule: (card: BoardCard) => void;
  t: Translate;
};

export const ProjectCard = ({ card, stateName, canManage, onSchedule, t }: Props) => {
  const formatDay = useFormatDay();
  const next = card.nextGate;
  const overdue = card.conditions.overdue;
  // A gate decided go or conditional go needs no further review: the gate is open.
  const passed = Boolean(next?.lastDecision?.decision && PASSING_DECISIONS.includes(next.lastDecision.decision));
  return (
    <Box
      tag="article"
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={3}
      borderColor={overdue.length ? 'danger500' : 'neutral150'}
      style={{ borderLeft: `4px solid ${card.state.color ?? '#8E8EA9'}`, minWidth: 0, overflowWrap: 'anywhere' }}
      data-testid="pmo-gov-card"
      data-project={card.code}
      data-state={card.state.key ?? ''}
      aria-label={`${card.code} ${card.name}`}
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="pi" textColor="neutral600" fontWeight="bold">
            {card.code}
            {card.programme ? ` · ${card.programme.name}` : ''}
          </Typography>
          <Link tag={NavLink} to={projectGatesPath(card.documentId)} data-testid="pmo-gov-card-open">
            {card.name}
          </Link>
          {card.manager ? (
            <Typography variant="pi" textColor="neutral600" data-testid="pmo-gov-manager">
              {card.manager.fullName}
            </Typography>
          ) : null}
          {card.heldFrom ? (
            <Typography variant="pi" fontWeight="semiBold" textColor="neutral800">
              {t('governance.board.heldFrom', 'Held in {state}', { state: stateName(card.heldFrom) })}
            </Typography>
          ) : null}
        </Flex>

        <Flex direction="column" alignItems="flex-start" gap={0} data-testid="pmo-gov-rag">
          {card.rag ? (
            <>
              <RagDot rag={card.rag.overall} label={t('governance.rag.overall', 'RAG')} t={t} />
              <Typography variant="pi" textColor="neutral600">
                {t('governance.rag.asOfShort', '{percent}% done · {day}', {
                  percent: card.rag.percentComplete ?? '—',
                  day: formatDay(card.rag.asOf),
                })}
              </Typography>
            </>
          ) : (
            <Typography variant="pi" textColor="neutral600">
              {t('governance.rag.none', 'No status report yet')}
            </Typography>
          )}
        </Flex>

        {next ? (
          <Flex direction="column" alignItems="flex-start" gap={1} data-testid="pmo-gov-next-gate" data-gate={next.gate}>
            <Typography variant="pi" fontWeight="semiBold" textColor="neutral800">
              {gateTitle(next.gate, next.name)}
            </Typography>
            {next.review ? (
              <Flex gap={1}>
                <Calendar aria-hidden width="1.2rem" height="1.2rem" />
                <Link tag={NavLink} to={reviewPath(next.review.documentId)} data-testid="pmo-gov-next-review">
                  {next.review.scheduledDate
                    ? t('governance.board.reviewOn', 'Review on {day}', { day: formatDay(next.review.scheduledDate) })
                    : t('governance.board.reviewUndated', 'Review not dated yet')}
                </Link>
              </Flex>
            ) : passed ? null : (
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Typography variant="pi" textColor="neutral600">
                  {t('governance.board.noReview', 'No review scheduled')}
                </Typography>
                {canManage ? (
                  <Button size="S" variant="tertiary" onClick={() => onSchedule(card)} data-testid="pmo-gov-schedule-for">
                    {t('governance.board.schedule', 'Schedule gate {gate} review', { gate: next.gate })}
                  </Button>
                ) : null}
              </Flex>
            )}
            {next.lastDecision?.decision ? (
              <Flex gap={1} wrap="wrap">
                <Typography variant="pi" textColor="neutral600">
                  {t('governance.board.lastDecisionShort', 'Decided {day}:', { day: formatDay(next.lastDecision.heldDate) })}
                </Typography>
                <DecisionBadge decision={next.lastDecision.decision} t={t} />
              </Flex>
            ) : null}
          </Flex>
        ) : null}

        {overdue.length ? (
          <Box background="danger100" padding={2} hasRadius data-testid="pmo-gov-overdue">
            <Flex direction="column" alignItems="stretch" gap={1}>
              <Flex gap={1}>
                <WarningCircle fill="danger600" aria-hidden />
                <Typography variant="pi" fontWeight="bold" textColor="danger700">
                  {t('governance.board.overdue', '{count, plural, one {# overdue condition} other {# overdue conditions}}', {
                    count: overdue.length,
                  })}
                </Typography>
              </Flex>
              {overdue.map((condition) => (
                <ConditionLine key={condition.documentId} condition={condition} t={t} />
              ))}
            </Flex>
          </Box>
        ) : card.conditions.open ? (
          <Typography variant="pi" textColor="neutral600">
            {t('governance.board.openConditions', '{count, plural, one {# open condition} other {# open conditions}}', {
              count: card.conditions.open,
            })}
          </Typography>
        ) : null}

        <TransitionButtons card={card} stateName={stateName} t={t} />
      </Flex>
    </Box>
  );
};
