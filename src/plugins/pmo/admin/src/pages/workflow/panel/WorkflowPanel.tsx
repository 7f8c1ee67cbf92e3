/**
 * The Content Manager edit view's side panel for items under a workflow (as Review Workflows
 * has): the current state, each transition the item can take with what blocks it, a comment
 * box, approval progress, and the history as a timeline.
 */
import * as React from 'react';

import {
  Box,
  Button,
  Divider,
  Field,
  Flex,
  Loader,
  Textarea,
  Typography,
} from '@strapi/design-system';
import {
  useNotification,
} from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import type {
  TransitionAvailability,
  TransitionEventView,
} from '../../../../../shared/workflow-types';
import {
  toPmoApiError,
  useFireTransition,
  useWorkflow,
  useWorkflowHistory,
  useWorkflowInstance,
  useWorkflows,
} from '../../../api/client';
import { StateBadge } from '../../../components/StateBadge';
import { useTranslate, type Translate } from '../../../utils/useTranslate';
import { useRefreshEditedDocument } from '../../../utils/useRefreshEditedDocument';
import { HistoryTimeline } from './HistoryTimeline';

/** What the Content Manager passes to an edit-view side panel (its `EditViewContext`). */
type PanelProps = {
  model: string;
  collectionType: string;
  documentId?: string;
  document?: { documentId?: string } & Record<string, unknown>;
  activeTab?: string | null;
};

type PanelDescription = { title: string; content: React.ReactNode };

/** Null (no panel) while creating, and for content types without a workflow. */
export const WorkflowPanel = ({ model, collectionType, documentId, document }: PanelProps): PanelDescription | null => {
  const t = useTranslate();
  const target = documentId ?? document?.documentId;
  // Which types follow a workflow, from the (cached) list: no request per item for the others.
  const workflows = useWorkflows({ staleTime: 60_000 });
  const governed = Boolean(workflows.data?.some((workflow) => workflow.appliesTo === model));
  const { data, error } = useWorkflowInstance(model, target, governed);
  // No item yet (creating), no workflow for the type, or no right to read workflows: no panel.
  if (!target || !governed) return null;
  if (error && (error.status === 404 || error.status === 403)) return null;
  if (!data && !error) return null;
  return {
    title: data
      ? t('workflow.panel.titleNamed', 'Workflow: {name}', { name: data.workflow.name })
      : t('workflow.panel.title', 'Workflow'),
    content: <WorkflowPanelContent uid={model} documentId={target} collectionType={collectionType} />,
  };
};

// Labels the panel in the Content Manager's list of panels.
WorkflowPanel.type = 'pmo-workflow';

type ContentProps = { uid: string; documentId: string; collectionType: string };

const WorkflowPanelContent = ({ uid, documentId, collectionType }: ContentProps) => {
  const t = useTranslate();
  const { formatDate } = useIntl();
  const { toggleNotification } = useNotification();
  const instanceQuery = useWorkflowInstance(uid, documentId);
  const historyQuery = useWorkflowHistory(uid, documentId);
  const instance = instanceQuery.data;
  const { data: workflow } = useWorkflow(instance?.workflow.key, { staleTime: 30_000 });
  const fire = useFireTransition();
  const refreshDocument = useRefreshEditedDocument(uid, collectionType);
  const [comment, setComment] = React.useState('');
  const [firing, setFiring] = React.useState<string | null>(null);

  if (instanceQuery.error) {
    return (
      <Typography variant="pi" textColor="danger600" data-testid="pmo-workflow-panel">
        {instanceQuery.error.message}
      </Typography>
    );
  }
  if (!instance) return <Loader small>{t('workflow.panel.loading', 'Loading the workflow')}</Loader>;

  const definition = workflow?.definition;
  const stateName = (key: string) => definition?.states.find((s) => s.key === key)?.name ?? key;
  const needsComment = instance.transitions.filter((tr) => tr.requireComment);

  const onFire = async (transition: TransitionAvailability) => {
    setFiring(transition.key);
    try {
      const result = await fire.mutateAsync({
        uid,
        documentId,
        transition: transition.key,
        comment: comment.trim() ? comment.trim() : undefined,
        expectedVersion: instance.version,
      });
      toggleNotification({
        type: 'success',
        message:
          result.outcome === 'applied'
            ? t('workflow.panel.moved', 'Moved to {state}', { state: stateName(result.state) })
            : t('workflow.panel.voted', 'Approval recorded ({votes} of {quorum})', {
                votes: result.votes,
                quorum: result.quorum,
              }),
      });
      setComment('');
      // The edit view shows workflowState, and `set` effects may have changed other fields.
      if (result.outcome === 'applied') refreshDocument();
    } catch (caught) {
      const error = toPmoApiError(caught);
      const failures = Array.isArray(error.details.failures)
        ? (error.details.failures as Array<{ message?: string }>).map((f) => f.message).filter(Boolean)
        : [];
      const missing = failures.filter((message) => !error.message.includes(String(message)));
      toggleNotification({
        type: 'danger',
        message: missing.length ? `${error.message}: ${missing.join('; ')}` : error.message,
      });
    } finally {
      setFiring(null);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%" data-testid="pmo-workflow-panel">
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="sigma" textColor="neutral600" id="pmo-workflow-state-label">
          {t('workflow.panel.state', 'Current state')}
        </Typography>
        <StateBadge
          size="M"
          name={instance.state.name}
          color={instance.state.color}
          data-testid="pmo-workflow-state"
          title={instance.state.key}
        />
        {instance.enteredAt ? (
          <Typography variant="pi" textColor="neutral600">
            {t('workflow.panel.since', 'Since {at}', {
              at: formatDate(instance.enteredAt, { dateStyle: 'medium', timeStyle: 'short' }),
            })}
          </Typography>
        ) : null}
      </Flex>

      {instance.transitions.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {instance.state.terminal
            ? t('workflow.panel.terminal', 'This is a final state: nothing leads out of it.')
            : t('workflow.panel.noTransitions', 'No transition leads out of this state.')}
        </Typography>
      ) : (
        <>
          <Field.Root
            name="pmo-workflow-comment"
            hint={
              needsComment.length
                ? t('workflow.panel.commentRequiredFor', 'Required for: {transitions}', {
                    transitions: needsComment.map((tr) => tr.label).join(', '),
                  })
                : t('workflow.panel.commentHint', 'Recorded in the history with the transition.')
            }
          >
            <Field.Label>{t('workflow.panel.comment', 'Comment')}</Field.Label>
            <Textarea
              value={comment}
              onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setComment(event.target.value)}
              maxLength={5000}
            />
            <Field.Hint />
          </Field.Root>
          <Flex direction="column" alignItems="stretch" gap={3} tag="ul" aria-label={t('workflow.panel.transitions', 'Transitions')}>
            {instance.transitions.map((transition) => (
              <TransitionAction
                key={transition.key}
                transition={transition}
                toName={stateName(transition.to)}
                commentGiven={comment.trim() !== ''}
                busy={firing !== null}
                firing={firing === transition.key}
                history={historyQuery.data ?? []}
                onFire={onFire}
                t={t}
              />
            ))}
          </Flex>
        </>
      )}

      <Divider />
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="sigma" textColor="neutral600" tag="h3">
          {t('workflow.history.title', 'History')}
        </Typography>
        {historyQuery.data ? (
          <HistoryTimeline events={historyQuery.data} definition={definition} />
        ) : historyQuery.error ? (
          <Typography variant="pi" textColor="danger600">
            {historyQuery.error.message}
          </Typography>
        ) : (
          <Loader small>{t('workflow.history.loading', 'Loading the history')}</Loader>
        )}
      </Flex>
    </Flex>
  );
};

type TransitionActionProps = {
  transition: TransitionAvailability;
  toName: string;
  commentGiven: boolean;
  busy: boolean;
  firing: boolean;
  history: TransitionEventView[];
  onFire: (transition: TransitionAvailability) => void;
  t: Translate;
};

/** One transition: its button, where it leads, what blocks it, and its approval progress. */
const TransitionAction = ({
  transition,
  toName,
  commentGiven,
  busy,
  firing,
  history,
  onFire,
  t,
}: TransitionActionProps) => {
  const describedBy = `pmo-transition-${transition.key}-notes`;
  const waitsForComment = transition.allowed && transition.requireComment && !commentGiven;
  const approvals = transition.approvals;
  // Names of who voted, from their vote events in the current state.
  const voterNames = approvals
    ? approvals.voters.map(
        (id) =>
          [...history]
            .reverse()
            .find((e) => e.kind === 'vote' && e.transition === transition.key && e.actor.id === id)
            ?.actor.name ?? `#${id}`
      )
    : [];
  return (
    <Box tag="li" style={{ listStyle: 'none' }} data-testid={`pmo-transition-${transition.key}`}>
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Button
          fullWidth
          variant={transition.allowed ? 'secondary' : 'tertiary'}
          disabled={!transition.allowed || waitsForComment || busy}
          loading={firing}
          onClick={() => onFire(transition)}
          aria-describedby={describedBy}
        >
          {transition.label}
        </Button>
        <Flex direction="column" alignItems="stretch" gap={1} id={describedBy}>
          <Typography variant="pi" textColor="neutral600">
            {t('workflow.panel.leadsTo', 'Leads to {state}', { state: toName })}
          </Typography>
          {approvals ? (
            <Flex direction="column" alignItems="stretch" gap={1} data-testid="pmo-transition-approvals">
              <Typography variant="pi" textColor="neutral800">
                {t('workflow.panel.approvals', '{votes} of {quorum} approvals', {
                  votes: approvals.votes,
                  quorum: approvals.quorum,
                })}
                {voterNames.length
                  ? ` · ${t('workflow.panel.votedBy', 'voted: {names}', { names: voterNames.join(', ') })}`
                  : ''}
              </Typography>
              <ApprovalBar votes={approvals.votes} quorum={approvals.quorum} />
            </Flex>
          ) : null}
          {transition.blockers.map((blocker, index) => (
            <Typography
              key={index}
              variant="pi"
              textColor="danger600"
              data-testid="pmo-transition-blocker"
              data-kind={blocker.kind}
            >
              {blocker.message}
            </Typography>
          ))}
          {waitsForComment ? (
            <Typography variant="pi" textColor="warning600" data-testid="pmo-transition-needs-comment">
              {t('workflow.panel.needsComment', 'Write a comment to {label}.', {
                label: transition.label.toLowerCase(),
              })}
            </Typography>
          ) : null}
        </Flex>
      </Flex>
    </Box>
  );
};

/** How far the votes are towards the quorum. */
const ApprovalBar = ({ votes, quorum }: { votes: number; quorum: number }) => (
  <Box
    role="progressbar"
    aria-valuemin={0}
    aria-valuemax={quorum}
    aria-valuenow={votes}
    background="neutral150"
    hasRadius
    style={{ height: 6, overflow: 'hidden' }}
  >
    <Box
      background="success500"
      style={{ height: '100%', width: `${Math.min(100, (votes / Math.max(1, quorum)) * 100)}%` }}
    />
  </Box>
);

