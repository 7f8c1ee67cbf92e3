/**
 * One change request: its impact, who decides it and why (PRINCE2 authority), the votes so far,
 * the project's change budget and what this change leaves of it, the actions open to the caller,
 * and the history.
 */
import * as React from 'react';

import { Box, Flex, Grid, Link, Loader, Main, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { NavLink, useParams } from 'react-router-dom';

import { CHANGE_REQUEST_UID, useChangeRequest, useRefreshChangeRequests, type ChangeRequestDetail } from '../../api/changeRequests';
import { usePmoSettings, useWorkflowHistory, useWorkflowInstance } from '../../api/client';
import { PageError } from '../../components/PageError';
import { TransitionActions, VoteProgress, voterNames } from '../../components/TransitionActions';
import { Section } from '../../components/Section';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import { useTranslate, type Translate } from '../../utils/useTranslate';
import {
  Amount,
  CATEGORY_LABELS,
  ChangeStateBadge,
  DECIDING_TRANSITION,
  TYPE_LABELS,
  authorityName,
  capitalise,
  formatAmount,
  useChangeControlDefinition,
  whoDecides,
} from './display';
import { formatDay } from '../../utils/dates';

/** A label and its value, one row of a section. */
const Fact = ({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) => (
  <Flex direction="column" alignItems="flex-start" gap={1} data-testid={testId}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    {typeof children === 'string' || typeof children === 'number' ? (
      <Typography variant="omega" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Typography>
    ) : (
      children
    )}
  </Flex>
);

export const ChangeRequestPage = () => {
  const t = useTranslate();
  const { documentId } = useParams<{ documentId: string }>();
  const query = useChangeRequest(documentId);
  const instance = useWorkflowInstance(CHANGE_REQUEST_UID, documentId);
  const history = useWorkflowHistory(CHANGE_REQUEST_UID, documentId);
  const refresh = useRefreshChangeRequests();
  const definition = useChangeControlDefinition();
  const { data: settings } = usePmoSettings();
  const currency = settings?.currency;

  if (query.error) return <PageError content={query.error.message} />;
  const change = query.data;
  if (!change) return <Loader>{t('cr.loading.one', 'Loading the change request')}</Loader>;
  const stateName = (key: string) => definition?.states.find((s) => s.key === key)?.name ?? key;

  return (
    <Main>
      <Layouts.Header
        navigationAction={
          <Link tag={NavLink} to="..">
            {t('cr.title', 'Change requests')}
          </Link>
        }
        title={`${change.reference ?? ''} · ${change.title}`}
        subtitle={t('cr.detail.subtitle', '{project} · {type} · {category} · raised by {raiser} {days, plural, =0 {today} one {# day ago} other {# days ago}}', {
          project: change.project ? `${change.project.code} ${change.project.name}` : '—',
          type: TYPE_LABELS[change.type] ?? change.type,
          category: CATEGORY_LABELS[change.category] ?? change.category,
          raiser: change.raisedBy?.fullName ?? t('cr.detail.unknown', 'someone unknown'),
          days: change.ageDays,
        })}
        secondaryAction={<ChangeStateBadge state={change.state} definition={definition} size="M" />}
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
            <Flex direction="column" alignItems="stretch" gap={4}>
              <ImpactSection change={change} currency={currency} t={t} />
              <Section title={t('cr.authority.title', 'Authority')} data-testid="cr-authority-section">
                <AuthorityFacts change={change} currency={currency} t={t} />
                <Fact label={t('cr.authority.who', 'Who decides')} testId="cr-who-decides">
                  {whoDecides(change, definition, t)}
                </Fact>
                {(() => {
                  const level = change.authority?.level ?? change.authorityLevel;
                  const deciding = level ? instance.data?.transitions.find((tr) => tr.key === DECIDING_TRANSITION[level]) : undefined;
                  return deciding?.approvals ? (
                    <Fact label={t('cr.authority.votes', 'Votes')}>
                      <Box width="100%">
                        <VoteProgress
                          votes={deciding.approvals.votes}
                          quorum={deciding.approvals.quorum}
                          names={voterNames(deciding, history.data ?? [])}
                          t={t}
                        />
                      </Box>
                    </Fact>
                  ) : null;
                })()}
                {change.decision ? (
                  <Fact label={t('cr.decision', 'Decision')} testId="cr-decision">
                    {t('cr.decision.text', '{decision} on {date} by {people}', {
                      decision: capitalise(change.decision),
                      date: formatDay(change.decisionDate),
                      people: change.decidedBy.map((p) => p.fullName).join(', ') || '—',
                    })}
                  </Fact>
                ) : null}
              </Section>
              <BudgetSection change={change} currency={currency} t={t} />
              <Section title={t('cr.history', 'History')}>
                {history.data ? (
                  <HistoryTimeline events={history.data} definition={definition} />
                ) : history.error ? (
                  <Typography textColor="danger600">{history.error.message}</Typography>
                ) : (
                  <Loader small>{t('cr.history.loading', 'Loading the history')}</Loader>
                )}
              </Section>
            </Flex>
          </Grid.Item>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <Section title={t('cr.actions', 'Actions')}>
              {instance.error ? (
                <Typography textColor="danger600">{instance.error.message}</Typography>
              ) : instance.data ? (
                <TransitionActions
                  uid={CHANGE_REQUEST_UID}
                  documentId={change.documentId}
                  instance={instance.data}
                  history={history.data ?? []}
                  stateName={stateName}
                  // State, decision, authority and the change budget may all have moved.
                  onSettled={() => void refresh()}
                />
              ) : (
                <Loader small>{t('cr.actions.loading', 'Loading what you may do')}</Loader>
              )}
            </Section>
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Main>
  );
};

type SectionProps = { change: ChangeRequestDetail; currency?: string; t: Translate };

const ImpactSection = ({ change, currency, t }: SectionProps) => {
  const impact = change.impact;
  return (
    <Section title={t('cr.impact', 'Impact')} data-testid="cr-impact">
      <Grid.Root gap={4}>
        <Grid.Item col={4} s={6}>
          <Fact label={t('cr.impact.cost', 'Cost')} testId="cr-impact-cost">
            <Amount value={change.costImpact} currency={currency} />
          </Fact>
        </Grid.Item>
        <Grid.Item col={4} s={6}>
          <Fact label={t('cr.impact.schedule', 'Schedule')}>
            {impact?.scheduleDays === null || impact?.scheduleDays === undefined
              ? '—'
              : t('cr.impact.days', '{days, plural, one {# day} other {# days}}', { days: impact.scheduleDays })}
          </Fact>
        </Grid.Item>
        <Grid.Item col={4} s={12}>
          <Fact label={t('cr.priority', 'Priority / severity')}>
            {`${capitalise(change.priority)} / ${capitalise(change.severity)}`}
          </Fact>
        </Grid.Item>
        {(['scope', 'quality', 'risk', 'benefits'] as const).map((key) => (
          <Grid.Item key={key} col={6} s={12}>
            <Fact label={t(`cr.impact.${key}`, capitalise(key))}>{impact?.[key] || '—'}</Fact>
          </Grid.Item>
        ))}
        <Grid.Item col={6} s={12}>
          <Fact label={t('cr.description', 'Description')}>{change.description || '—'}</Fact>
        </Grid.Item>
        <Grid.Item col={6} s={12}>
          <Fact label={t('cr.reason', 'Reason')}>{change.reason || '—'}</Fact>
        </Grid.Item>
      </Grid.Root>
    </Section>
  );
};

const AuthorityFacts = ({ change, currency, t }: SectionProps) => {
  const authority = change.authority;
  const level = authority?.level ?? change.authorityLevel;
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Fact label={t('cr.authority.level', 'Authority level')} testId="cr-authority-level">
        {authorityName(level, t)}
      </Fact>
      {authority ? (
        <>
          <Fact label={t('cr.authority.why', 'Why')} testId="cr-authority-why">
            {`${capitalise(authority.explanation)}.`}
          </Fact>
          {authority.levelNow !== authority.level ? (
            <Typography variant="pi" fontWeight="semiBold" textColor="neutral800">
              {t('cr.authority.moved', 'Set when it went for authorisation; with today’s figures it would be: {now}.', {
                now: authorityName(authority.levelNow, t),
              })}
            </Typography>
          ) : null}
          <Flex gap={6} wrap="wrap">
            <Fact label={t('cr.authority.tolerance', 'Cost tolerance')}>
              {t('cr.authority.toleranceText', '{amount} ({percent}% of {bac})', {
                amount: formatAmount(authority.costTolerance, currency),
                percent: authority.costPercent,
                bac: formatAmount(authority.budgetAtCompletion),
              })}
            </Fact>
            <Fact label={t('cr.authority.limit', 'Change authority limit')}>
              {`${formatAmount(authority.changeAuthorityLimit, currency)} (${
                authority.limitSource === 'programme'
                  ? t('cr.authority.limitProgramme', 'the programme’s')
                  : t('cr.authority.limitDefault', 'the organisation’s')
              })`}
            </Fact>
          </Flex>
        </>
      ) : null}
    </Flex>
  );
};

const BudgetSection = ({ change, currency, t }: SectionProps) => {
  const budget = change.changeBudget;
  return (
    <Section title={t('cr.budget', 'Change budget of {project}', { project: change.project?.code ?? '—' })} data-testid="cr-budget">
      {budget ? (
        <Flex gap={6} wrap="wrap" alignItems="flex-start">
          <Fact label={t('cr.budget.remaining', 'Remaining change budget')} testId="cr-budget-remaining">
            <Amount value={budget.remaining} currency={currency} />
          </Fact>
          <Fact label={t('cr.budget.cost', 'This change')}>
            <Amount value={change.costImpact} currency={currency} />
          </Fact>
          {change.budgetLine ? (
            <Fact label={t('cr.budget.drawn', 'Drawn')} testId="cr-budget-line">
              <Typography>
                {t('cr.budget.line', '{amount} on a change budget line for {month}', {
                  amount: formatAmount(change.budgetLine.amount, currency),
                  month: change.budgetLine.period.slice(0, 7),
                })}
              </Typography>
            </Fact>
          ) : change.changeBudgetAfter !== null ? (
            <Fact label={t('cr.budget.after', 'Would leave')} testId="cr-budget-after">
              <Typography textColor={budget.shortfall ? 'danger600' : 'neutral800'}>
                {budget.shortfall
                  ? t('cr.budget.short', 'Short by {amount}', { amount: formatAmount(budget.shortfall, currency) })
                  : formatAmount(change.changeBudgetAfter, currency)}
              </Typography>
            </Fact>
          ) : (
            <Fact label={t('cr.budget.after', 'Would leave')}>{t('cr.budget.notAssessed', 'Not known until the cost impact is assessed')}</Fact>
          )}
        </Flex>
      ) : (
        <Typography textColor="neutral600">{t('cr.budget.none', 'This change request has no project.')}</Typography>
      )}
    </Section>
  );
};
