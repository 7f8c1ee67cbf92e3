/**
 * The governance board: projects as cards in one column per lifecycle state (the stored
 * lifecycle's order), filtered by programme through the URL (?programme=<documentId>).
 */
import * as React from 'react';

import { Box, Button, Field, Flex, Main, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';

import { useEntities } from '../../api/finance';
import { useCanManageGovernance, useGovernanceBoard, type BoardCard } from '../../api/governance';
import { PageError } from '../../components/PageError';
import { StateBadge } from '../../components/StateBadge';
import { tint } from '../../utils/colors';
import { useTranslate } from '../../utils/useTranslate';
import { ProjectCard } from './ProjectCard';
import { ScheduleReviewModal, type ScheduleDefaults } from './ScheduleReviewModal';

const ALL = '__all__';

export const GovernanceBoard = () => {
  const t = useTranslate();
  const [search, setSearch] = useSearchParams();
  const programme = search.get('programme');
  const board = useGovernanceBoard(programme);
  const programmes = useEntities('programme');
  const { canManage } = useCanManageGovernance();
  const [scheduling, setScheduling] = React.useState<ScheduleDefaults | null>(null);

  if (board.isLoading) return <Page.Loading />;
  if (board.error && !board.data) return <PageError content={board.error.message} />;
  const data = board.data!;
  const states = data.lifecycle?.states ?? [];
  const stateName = (key: string) => states.find((s) => s.key === key)?.name ?? key;
  const inState = (key: string) => data.projects.filter((card) => card.state.key === key);
  // Projects in a state the lifecycle no longer has still show, in a column of their own.
  const strays = data.projects.filter((card) => !states.some((s) => s.key === card.state.key));

  const setProgramme = (value: string) => {
    const next = new URLSearchParams(search);
    if (value === ALL) next.delete('programme');
    else next.set('programme', value);
    setSearch(next, { replace: true });
  };
  const scheduleFor = (card: BoardCard) => setScheduling({ project: card, gate: card.nextGate?.gate });

  return (
    <Main>
      <Layouts.Header
        title={t('governance.title', 'Governance')}
        subtitle={t('governance.subtitle', 'Projects by lifecycle state, their next gate and what stands in its way.')}
        primaryAction={
          canManage ? (
            <Button startIcon={<Plus />} onClick={() => setScheduling({})} data-testid="pmo-gov-schedule">
              {t('governance.schedule.open', 'Schedule a review')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={4} alignItems="flex-end">
            <Box width="320px">
              <Field.Root name="programme">
                <Field.Label>{t('governance.board.programme', 'Programme')}</Field.Label>
                <SingleSelect value={programme ?? ALL} onChange={(value: string | number) => setProgramme(String(value))}>
                  <SingleSelectOption value={ALL}>{t('governance.board.allProgrammes', 'All programmes')}</SingleSelectOption>
                  {(programmes.data ?? []).map((p) => (
                    <SingleSelectOption key={p.documentId} value={p.documentId}>
                      {p.name}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            <Typography variant="pi" textColor="neutral600">
              {t('governance.board.count', '{count, plural, one {# project} other {# projects}}', { count: data.projects.length })}
            </Typography>
          </Flex>
          {board.error ? (
            <Typography textColor="danger600" role="alert">
              {board.error.message}
            </Typography>
          ) : null}
          {!data.lifecycle ? (
            <Typography textColor="danger600">
              {t('governance.board.noLifecycle', 'Projects follow no workflow: add one in Settings → PMO Hub → Workflows.')}
            </Typography>
          ) : null}
          <Box style={{ overflowX: 'auto' }} paddingBottom={2}>
            <Flex alignItems="flex-start" gap={3} data-testid="pmo-gov-board" style={{ minWidth: 'min-content' }}>
              {states.map((state) => (
                <Column key={state.key} stateKey={state.key} name={state.name} color={state.color} cards={inState(state.key)}>
                  {inState(state.key).map((card) => (
                    <ProjectCard key={card.documentId} card={card} stateName={stateName} canManage={canManage} onSchedule={scheduleFor} t={t} />
                  ))}
                </Column>
              ))}
              {strays.length ? (
                <Column stateKey="" name={t('governance.board.otherStates', 'Other states')} cards={strays}>
                  {strays.map((card) => (
                    <ProjectCard key={card.documentId} card={card} stateName={stateName} canManage={canManage} onSchedule={scheduleFor} t={t} />
                  ))}
                </Column>
              ) : null}
            </Flex>
          </Box>
        </Flex>
      </Layouts.Content>
      {scheduling ? <ScheduleReviewModal defaults={scheduling} onClose={() => setScheduling(null)} /> : null}
    </Main>
  );
};

const Column = ({
  stateKey,
  name,
  color,
  cards,
  children,
}: {
  stateKey: string;
  name: string;
  color?: string;
  cards: BoardCard[];
  children: React.ReactNode;
}) => (
  <Box
    tag="section"
    aria-label={name}
    data-testid="pmo-gov-column"
    data-state={stateKey}
    hasRadius
    padding={2}
    style={{ width: 256, flexShrink: 0, background: tint(color, 0.08), minHeight: 200 }}
  >
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Flex justifyContent="space-between" paddingLeft={1} paddingRight={1} paddingTop={1}>
        <StateBadge name={name} color={color} size="M" />
        <Typography variant="pi" textColor="neutral600" data-testid="pmo-gov-column-count">
          {cards.length}
        </Typography>
      </Flex>
      {children}
    </Flex>
  </Box>
);
