/**
 * The governance board: projects as compact cards in one column per lifecycle state (the stored
 * lifecycle's order), filtered through the URL (programme, RAG, manager, text: BoardFilters).
 * It fits the page's width: the columns share it (no inner scroll, so the keyboard and the page
 * scroll reach every card), and the terminal states (closed, cancelled), whose projects need no
 * decision, are collapsed to their count until opened. The server pages the cards (50 a page by
 * default, Strapi's Pagination under the board); each column's count is every matching project
 * in that state, not only the page's.
 */
import * as React from 'react';

import { Box, Button, Flex, IconButton, Main, Typography, VisuallyHidden } from '@strapi/design-system';
import { ChevronLeft, Plus } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';

import { BOARD_PAGE_SIZE, useCanManageGovernance, useGovernanceBoard, type BoardCard } from '../../api/governance';
import { PageError } from '../../components/PageError';
import { StateBadge } from '../../components/StateBadge';
import { stateColor, tint } from '../../utils/colors';
import { useTranslate, type Translate } from '../../utils/useTranslate';
import { BoardFilters, useBoardFilters } from './BoardFilters';
import { ProjectCard } from './ProjectCard';
import { ScheduleReviewModal, type ScheduleDefaults } from './ScheduleReviewModal';
import { ListPagination } from '../../components/ListPagination';

type ColumnSpec = { key: string; name: string; color?: string; terminal: boolean; cards: BoardCard[]; total: number };

export const GovernanceBoard = () => {
  const t = useTranslate();
  const [filters, , , filtered] = useBoardFilters();
  const board = useGovernanceBoard(filters);
  const { canManage } = useCanManageGovernance();
  const [scheduling, setScheduling] = React.useState<ScheduleDefaults | null>(null);
  const [opened, setOpened] = React.useState<string[]>([]);

  if (board.isLoading) return <Page.Loading />;
  if (board.error && !board.data) return <PageError content={board.error.message} />;
  const data = board.data!;
  const states = data.lifecycle?.states ?? [];
  const stateName = (key: string) => states.find((s) => s.key === key)?.name ?? key;
  const columns: ColumnSpec[] = states.map((state) => ({
    key: state.key,
    name: state.name,
    color: state.color,
    terminal: Boolean(state.terminal),
    cards: data.projects.filter((card) => card.state.key === state.key),
    total: data.counts[state.key] ?? 0,
  }));
  // Projects in a state the lifecycle no longer has still show, in a column of their own.
  const strays = data.projects.filter((card) => !states.some((s) => s.key === card.state.key));
  const strayTotal = Object.entries(data.counts).reduce((sum, [key, count]) => (states.some((s) => s.key === key) ? sum : sum + count), 0);
  if (strays.length || strayTotal) {
    columns.push({ key: '', name: t('governance.board.otherStates', 'Other states'), terminal: false, cards: strays, total: strayTotal });
  }
  const isOpen = (column: ColumnSpec) => !column.terminal || opened.includes(column.key);
  const toggle = (key: string) => setOpened((keys) => (keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key]));
  const scheduleFor = (card: BoardCard) => setScheduling({ project: card, gate: card.nextGate?.gate });
  const { total } = data.pagination;

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
          <Flex justifyContent="space-between" alignItems="flex-end" gap={4} wrap="wrap">
            <BoardFilters manager={data.manager} t={t} />
            <Typography variant="pi" textColor="neutral600" role="status" data-testid="pmo-gov-count">
              {filtered
                ? t('governance.board.countFiltered', '{count, plural, =0 {No project matches these filters} one {# project matches} other {# projects match}}', {
                    count: total,
                  })
                : t('governance.board.count', '{count, plural, one {# project} other {# projects}}', { count: total })}
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
          <Box
            data-testid="pmo-gov-board"
            style={{
              display: 'grid',
              gap: 8,
              alignItems: 'start',
              gridTemplateColumns: columns.map((column) => (isOpen(column) ? 'minmax(0, 1fr)' : 'max-content')).join(' '),
            }}
          >
            {columns.map((column) =>
              isOpen(column) ? (
                <Column key={column.key} column={column} onClose={column.terminal ? () => toggle(column.key) : undefined} t={t}>
                  {column.cards.map((card) => (
                    <ProjectCard key={card.documentId} card={card} stateName={stateName} canManage={canManage} onSchedule={scheduleFor} t={t} />
                  ))}
                </Column>
              ) : (
                <CollapsedColumn key={column.key} column={column} onOpen={() => toggle(column.key)} t={t} />
              )
            )}
          </Box>
          <ListPagination pagination={data.pagination} defaultPageSize={BOARD_PAGE_SIZE} />
        </Flex>
      </Layouts.Content>
      {scheduling ? <ScheduleReviewModal defaults={scheduling} onClose={() => setScheduling(null)} /> : null}
    </Main>
  );
};

const columnStyle = (color?: string) => ({ background: tint(color, 0.08), minHeight: 160, minWidth: 0 });

const Column = ({ column, onClose, t, children }: { column: ColumnSpec; onClose?: () => void; t: Translate; children: React.ReactNode }) => (
  <Box tag="section" aria-label={column.name} data-testid="pmo-gov-column" data-state={column.key} hasRadius padding={1} style={columnStyle(column.color)}>
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex justifyContent="space-between" gap={1} paddingLeft={1} paddingTop={1} style={{ minHeight: 32 }}>
        <Box style={{ minWidth: 0 }}>
          <StateBadge name={column.name} color={column.color} />
        </Box>
        <Flex gap={1}>
          <Typography variant="pi" textColor="neutral600" data-testid="pmo-gov-column-count">
            {column.total}
          </Typography>
          {onClose ? (
            <IconButton
              size="XS"
              variant="ghost"
              label={t('governance.board.collapse', 'Collapse {state}', { state: column.name })}
              onClick={onClose}
              data-testid="pmo-gov-column-collapse"
            >
              <ChevronLeft />
            </IconButton>
          ) : null}
        </Flex>
      </Flex>
      {children}
    </Flex>
  </Box>
);

/** A terminal state folded to its count: a button that opens it. */
const CollapsedColumn = ({ column, onOpen, t }: { column: ColumnSpec; onOpen: () => void; t: Translate }) => (
  <Box tag="section" aria-label={column.name} data-testid="pmo-gov-column" data-state={column.key} data-collapsed="true" hasRadius style={columnStyle(column.color)}>
    <button
      type="button"
      onClick={onOpen}
      aria-expanded={false}
      data-testid="pmo-gov-column-open"
      style={{
        boxSizing: 'border-box',
        background: 'transparent',
        font: 'inherit',
        cursor: 'pointer',
        width: 44,
        minHeight: 160,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        gap: 8,
        padding: '10px 0',
        borderRadius: 4,
        border: `1px solid ${stateColor(column.color)}`,
      }}
    >
      {/* Named by what it shows, "Show Cancelled: 1 project": the count sits on top, read after the name. */}
      <VisuallyHidden>{t('governance.board.expandShow', 'Show')} </VisuallyHidden>
      <Typography variant="pi" fontWeight="bold" textColor="neutral700" style={{ writingMode: 'vertical-rl', transform: 'rotate(180deg)' }}>
        {column.name}
      </Typography>
      <VisuallyHidden>: </VisuallyHidden>
      <Typography variant="omega" fontWeight="bold" textColor="neutral800" style={{ order: -1 }}>
        {column.total}
      </Typography>
      <VisuallyHidden> {t('governance.board.expandProjects', '{count, plural, one {project} other {projects}}', { count: column.total })}</VisuallyHidden>
    </button>
  </Box>
);
