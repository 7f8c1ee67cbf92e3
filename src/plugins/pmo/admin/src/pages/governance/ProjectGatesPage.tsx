/**
 * A project's gate history: gates 1–5 as a stepper (each gate's latest decision, the gate it
 * faces now), then every review of each gate with its decision and conditions. Overdue
 * conditions are flagged; their owner, or anyone who manages governance, marks them met.
 */
import * as React from 'react';

import { Box, Button, Flex, Link, Main, Typography } from '@strapi/design-system';
import { ArrowLeft, Check, Plus } from '@strapi/icons';
import { Layouts, Page, useAuth, useNotification } from '@strapi/strapi/admin';
import { NavLink, useParams } from 'react-router-dom';

import { useWorkflows } from '../../api/client';
import {
  PROJECT_UID,
  useCanManageGovernance,
  useProjectGovernance,
  useUpdateCondition,
  PASSING_DECISIONS,
  type GateCondition,
  type GateDecision,
  type GateReview,
  type ProjectGovernance,
} from '../../api/governance';
import { HighlightReportButton } from '../../components/HighlightReportButton';
import { PageError } from '../../components/PageError';
import { StateBadge } from '../../components/StateBadge';
import { useTranslate, type Translate } from '../../utils/useTranslate';
import { ConditionLine, DecisionBadge, GOVERNANCE_PATH, RagDot, decisionLabel, gateTitle, reviewPath, useFormatDay } from './display';
import { ScheduleReviewModal } from './ScheduleReviewModal';
import { TransitionButtons } from './TransitionButtons';

type Gate = ProjectGovernance['gates'][number];

/** The review that counts for a gate: its latest decided one (held date, then the order recorded). */
const latestDecided = (gate: Gate) =>
  gate.reviews
    .filter((review) => review.decision)
    .sort((a, b) => (b.heldDate ?? '').localeCompare(a.heldDate ?? '') || (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''))[0];

const STEP_COLORS: Record<GateDecision | 'current' | 'upcoming', string> = {
  go: '#328048',
  'conditional-go': '#5CB176',
  hold: '#D9822F',
  recycle: '#7B79FF',
  stop: '#D02B20',
  current: '#4945FF',
  upcoming: '#C0C0CF',
};

export const ProjectGatesPage = () => {
  const { documentId } = useParams<{ documentId: string }>();
  const t = useTranslate();
  const project = useProjectGovernance(documentId);
  const { canManage } = useCanManageGovernance();
  const workflows = useWorkflows({ staleTime: 60_000 });
  const [scheduling, setScheduling] = React.useState<number | null>(null);

  if (project.isLoading) return <Page.Loading />;
  if (project.error || !project.data) return <PageError content={project.error?.message ?? ''} />;
  const data = project.data;
  const current = data.nextGate?.gate ?? null;
  const states = workflows.data?.find((workflow) => workflow.appliesTo === PROJECT_UID)?.definition.states ?? [];
  const stateName = (key: string) => states.find((state) => state.key === key)?.name ?? (key === data.state.key ? data.state.name ?? key : key);

  return (
    <Main>
      <Layouts.Header
        navigationAction={
          <Link tag={NavLink} to={GOVERNANCE_PATH} startIcon={<ArrowLeft />}>
            {t('governance.title', 'Governance')}
          </Link>
        }
        title={data.name}
        subtitle={`${data.code}${data.programme ? ` · ${data.programme.name}` : ''}${data.manager ? ` · ${data.manager.fullName}` : ''}`}
        primaryAction={
          canManage ? (
            <Button startIcon={<Plus />} onClick={() => setScheduling(current ?? 1)} data-testid="pmo-gov-schedule">
              {t('governance.schedule.open', 'Schedule a review')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={5}>
          <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius>
            <Flex gap={8} alignItems="flex-start" wrap="wrap">
              <Flex direction="column" alignItems="flex-start" gap={2}>
                <Typography variant="sigma" textColor="neutral600">
                  {t('governance.project.state', 'Lifecycle state')}
                </Typography>
                <StateBadge size="M" name={data.state.name ?? '—'} color={data.state.color} data-testid="pmo-gov-project-state" />
              </Flex>
              <Flex direction="column" alignItems="flex-start" gap={2}>
                <Typography variant="sigma" textColor="neutral600">
                  {t('governance.project.rag', 'Latest status')}
                </Typography>
                {data.rag ? (
                  <Flex gap={3} wrap="wrap">
                    <RagDot rag={data.rag.overall} label={t('governance.rag.overall', 'RAG')} t={t} />
                    <RagDot rag={data.rag.schedule} label={t('governance.rag.schedule', 'Schedule')} t={t} />
                    <RagDot rag={data.rag.cost} label={t('governance.rag.cost', 'Cost')} t={t} />
                    <RagDot rag={data.rag.scope} label={t('governance.rag.scope', 'Scope')} t={t} />
                  </Flex>
                ) : (
                  <Typography variant="pi" textColor="neutral600">
                    {t('governance.rag.none', 'No status report yet')}
                  </Typography>
                )}
              </Flex>
              <Box style={{ minWidth: 260 }}>
                <TransitionButtons card={data} stateName={stateName} t={t} />
              </Box>
              <Flex direction="column" alignItems="flex-start" gap={2}>
                <Typography variant="sigma" textColor="neutral600">
                  {t('governance.project.report', 'Report')}
                </Typography>
                <HighlightReportButton level="projects" documentId={data.documentId} code={data.code} />
              </Flex>
            </Flex>
          </Box>

          <GateStepper gates={data.gates} current={current} t={t} />

          {data.gates.map((gate) => (
            <GateSection key={gate.gate} gate={gate} current={current === gate.gate} canManage={canManage} stateName={stateName} t={t} />
          ))}
        </Flex>
      </Layouts.Content>
      {scheduling !== null ? (
        <ScheduleReviewModal defaults={{ project: data, gate: scheduling }} onClose={() => setScheduling(null)} />
      ) : null}
    </Main>
  );
};

/** Gates 1–5 left to right: a circle per gate in the colour of its latest decision. */
const GateStepper = ({ gates, current, t }: { gates: Gate[]; current: number | null; t: Translate }) => {
  const formatDay = useFormatDay();
  return (
    <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius>
      <Flex tag="ol" alignItems="flex-start" aria-label={t('governance.stepper.label', 'Gates')} data-testid="pmo-gov-stepper">
        {gates.map((gate, index) => {
          const decided = latestDecided(gate);
          const kind = decided?.decision ?? (current === gate.gate ? 'current' : 'upcoming');
          const color = STEP_COLORS[kind];
          const pending = gate.reviews.find((review) => !review.decision);
          return (
            <Flex
              tag="li"
              key={gate.gate}
              direction="column"
              alignItems="center"
              gap={2}
              style={{ flex: 1, listStyle: 'none', position: 'relative' }}
              data-testid="pmo-gov-step"
              data-gate={gate.gate}
              data-decision={decided?.decision ?? ''}
              data-current={current === gate.gate}
              aria-current={current === gate.gate ? 'step' : undefined}
            >
              {index > 0 ? (
                <Box
                  aria-hidden
                  style={{ position: 'absolute', top: 19, right: '50%', width: '100%', height: 3, background: STEP_COLORS[latestDecided(gates[index - 1])?.decision ?? 'upcoming'], zIndex: 0 }}
                />
              ) : null}
              <Flex
                justifyContent="center"
                style={{
                  width: 40,
                  height: 40,
                  borderRadius: '50%',
                  zIndex: 1,
                  background: decided ? color : '#FFFFFF',
                  border: `3px solid ${color}`,
                  color: decided ? '#FFFFFF' : color,
                  fontWeight: 700,
                }}
              >
                {decided?.decision && PASSING_DECISIONS.includes(decided.decision) ? <Check fill="neutral0" aria-hidden /> : gate.gate}
              </Flex>
              <Typography variant="omega" fontWeight="bold" textAlign="center">
                {gateTitle(gate.gate, null)}
              </Typography>
              <Typography variant="pi" textColor="neutral600" textAlign="center">
                {gate.name}
              </Typography>
              {decided ? (
                <Typography variant="pi" textAlign="center" textColor="neutral800">
                  {t('governance.stepper.decided', '{decision} · {day}', { decision: decisionLabel(t, decided.decision!), day: formatDay(decided.heldDate) })}
                </Typography>
              ) : pending ? (
                <Typography variant="pi" textAlign="center" textColor="primary600">
                  {pending.scheduledDate
                    ? t('governance.board.reviewOn', 'Review on {day}', { day: formatDay(pending.scheduledDate) })
                    : t('governance.board.reviewUndated', 'Review not dated yet')}
                </Typography>
              ) : (
                <Typography variant="pi" textAlign="center" textColor="neutral600">
                  {current === gate.gate ? t('governance.board.noReview', 'No review scheduled') : t('governance.stepper.notYet', 'Not reviewed')}
                </Typography>
              )}
            </Flex>
          );
        })}
      </Flex>
    </Box>
  );
};

/** One gate: each of its reviews, oldest first, with decision, checklist result and conditions. */
type GateSectionProps = { gate: Gate; current: boolean; canManage: boolean; stateName: (key: string) => string; t: Translate };

const GateSection = ({ gate, current, canManage, stateName, t }: GateSectionProps) => {
  const formatDay = useFormatDay();
  return (
    <Box
      tag="section"
      aria-label={gateTitle(gate.gate, gate.name)}
      background="neutral0"
      padding={5}
      shadow="tableShadow"
      hasRadius
      data-testid="pmo-gov-gate"
      data-gate={gate.gate}
      style={current ? { outline: '2px solid #4945FF' } : undefined}
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex gap={3}>
          <Typography variant="delta" tag="h2">
            {gateTitle(gate.gate, gate.name)}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {t('governance.gate.leadsTo', 'leads to {state}', { state: stateName(gate.targetState) })}
          </Typography>
        </Flex>
        {gate.reviews.length === 0 ? (
          <Typography variant="pi" textColor="neutral600">
            {t('governance.gate.noReviews', 'No review yet.')}
          </Typography>
        ) : (
          gate.reviews.map((review) => (
            <Box key={review.documentId} padding={4} hasRadius background="neutral100" data-testid="pmo-gov-gate-review" data-decision={review.decision ?? ''}>
              <Flex direction="column" alignItems="stretch" gap={2}>
                <Flex gap={3} wrap="wrap">
                  {review.decision ? (
                    <DecisionBadge decision={review.decision} t={t} />
                  ) : (
                    <Typography variant="pi" fontWeight="bold" textColor="primary600">
                      {t('governance.review.awaiting', 'Awaiting decision')}
                    </Typography>
                  )}
                  <Typography variant="pi" textColor="neutral700">
                    {review.heldDate
                      ? t('governance.review.heldOn', 'held on {day}', { day: formatDay(review.heldDate) })
                      : review.scheduledDate
                        ? t('governance.review.scheduledFor', 'scheduled for {day}', { day: formatDay(review.scheduledDate) })
                        : t('governance.review.undated', 'not dated yet')}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600">
                    {checklistSummary(review, t)}
                  </Typography>
                  {review.reviewers.length ? (
                    <Typography variant="pi" textColor="neutral600">
                      {t('governance.review.reviewersList', 'Reviewers: {names}', { names: review.reviewers.map((p) => p.fullName).join(', ') })}
                    </Typography>
                  ) : null}
                  <Link tag={NavLink} to={reviewPath(review.documentId)}>
                    {review.decision || !canManage ? t('governance.review.open', 'Open the review') : t('governance.review.hold', 'Hold the review')}
                  </Link>
                </Flex>
                {review.notes ? (
                  <Typography variant="pi" textColor="neutral700">
                    {review.notes}
                  </Typography>
                ) : null}
                {review.conditions.map((condition) => (
                  <ConditionRow key={condition.documentId} condition={condition} canManage={canManage} t={t} />
                ))}
              </Flex>
            </Box>
          ))
        )}
      </Flex>
    </Box>
  );
};

const checklistSummary = (review: GateReview, t: Translate) => {
  if (!review.checklist.length) return t('governance.checklist.none', 'No checklist');
  const met = review.checklist.filter((item) => item.met === 'yes').length;
  return t('governance.checklist.summary', '{met} of {total} criteria met', { met, total: review.checklist.length });
};

/** A condition with, for its owner and governance managers, a button to mark it met. */
const ConditionRow = ({ condition, canManage, t }: { condition: GateCondition; canManage: boolean; t: Translate }) => {
  const email = useAuth('ConditionRow', (auth) => auth.user?.email);
  const { toggleNotification } = useNotification();
  const update = useUpdateCondition();
  const [error, setError] = React.useState<string | null>(null);
  const isOwner = Boolean(email && condition.owner?.email && condition.owner.email.toLowerCase() === email.toLowerCase());
  return (
    <Box
      paddingLeft={3}
      style={{ borderLeft: `3px solid ${condition.overdue ? '#D02B20' : condition.done ? '#328048' : '#C0C0CF'}` }}
    >
      <Flex justifyContent="space-between" gap={3} alignItems="flex-start">
        <ConditionLine condition={condition} t={t} />
        {!condition.done && (canManage || isOwner) ? (
          <Button
            size="S"
            variant="success-light"
            startIcon={<Check />}
            loading={update.isLoading}
            onClick={() =>
              update.mutate(
                { documentId: condition.documentId, done: true },
                {
                  onSuccess: () => {
                    setError(null);
                    toggleNotification({ type: 'success', message: t('governance.condition.markedMet', 'Condition marked met') });
                  },
                  onError: (refusal) => setError(refusal.message),
                }
              )
            }
          >
            {t('governance.condition.markMet', 'Mark met')}
          </Button>
        ) : null}
      </Flex>
      {error ? (
        <Typography variant="pi" textColor="danger600" role="alert">
          {error}
        </Typography>
      ) : null}
    </Box>
  );
};
