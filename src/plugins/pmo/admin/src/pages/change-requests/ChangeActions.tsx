/**
 * What the caller may do with a change request now: each transition out of its state as a button,
 * disabled with the engine's reasons (blockers), approval progress, and a comment box (required
 * for reject and cancel). Server refusals are shown under the buttons as well as notified.
 */
import * as React from 'react';

import { Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';

import type { TransitionAvailability, TransitionEventView, WorkflowInstanceView } from '../../../../shared/workflow-types';
import { CHANGE_REQUEST_UID, useRefreshChangeRequests } from '../../api/changeRequests';
import { toPmoApiError, useFireTransition } from '../../api/client';
import { useTranslate, type Translate } from '../../utils/useTranslate';

type Props = {
  documentId: string;
  instance: WorkflowInstanceView;
  history: TransitionEventView[];
  stateName: (key: string) => string;
};

/** The server's message, with any guard failures it does not already name. */
function refusalText(caught: unknown) {
  const error = toPmoApiError(caught);
  const failures = Array.isArray(error.details.failures)
    ? (error.details.failures as Array<{ message?: string }>).map((f) => f.message).filter(Boolean)
    : [];
  const missing = failures.filter((message) => !error.message.includes(String(message)));
  return missing.length ? `${error.message}: ${missing.join('; ')}` : error.message;
}

export const ChangeActions = ({ documentId, instance, history, stateName }: Props) => {
  const t = useTranslate();
  const { toggleNotification } = useNotification();
  const fire = useFireTransition();
  const refresh = useRefreshChangeRequests();
  const [comment, setComment] = React.useState('');
  const [firing, setFiring] = React.useState<string | null>(null);
  const [refusal, setRefusal] = React.useState<string | null>(null);
  const needsComment = instance.transitions.filter((tr) => tr.requireComment);

  const onFire = async (transition: TransitionAvailability) => {
    setFiring(transition.key);
    setRefusal(null);
    try {
      const result = await fire.mutateAsync({
        uid: CHANGE_REQUEST_UID,
        documentId,
        transition: transition.key,
        comment: comment.trim() ? comment.trim() : undefined,
        expectedVersion: instance.version,
      });
      toggleNotification({
        type: 'success',
        message:
          result.outcome === 'applied'
            ? t('cr.actions.moved', 'Moved to {state}', { state: stateName(result.state) })
            : t('cr.actions.voted', 'Your approval is recorded: {votes} of {quorum} votes', {
                votes: result.votes,
                quorum: result.quorum,
              }),
      });
      setComment('');
    } catch (caught) {
      const message = refusalText(caught);
      setRefusal(message);
      toggleNotification({ type: 'danger', message });
    } finally {
      setFiring(null);
      // State, decision, authority and the change budget may all have moved.
      void refresh();
    }
  };

  if (instance.transitions.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {instance.state.terminal
          ? t('cr.actions.final', 'This change request is in a final state.')
          : t('cr.actions.none', 'No transition leads out of this state.')}
      </Typography>
    );
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="cr-actions">
      <Field.Root
        name="cr-comment"
        hint={
          needsComment.length
            ? t('cr.actions.commentRequiredFor', 'Required to {transitions}; recorded in the history.', {
                transitions: needsComment.map((tr) => tr.label.toLowerCase()).join(', '),
              })
            : t('cr.actions.commentHint', 'Recorded in the history with the transition.')
        }
      >
        <Field.Label>{t('cr.actions.comment', 'Comment')}</Field.Label>
        <Textarea
          value={comment}
          onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setComment(event.target.value)}
          maxLength={5000}
        />
        <Field.Hint />
      </Field.Root>
      <Flex direction="column" alignItems="stretch" gap={3} tag="ul" aria-label={t('cr.actions.transitions', 'Transitions')}>
        {instance.transitions.map((transition) => (
          <Action
            key={transition.key}
            transition={transition}
            toName={stateName(transition.to)}
            commentGiven={comment.trim() !== ''}
            busy={firing !== null}
            firing={firing === transition.key}
            history={history}
            onFire={onFire}
            t={t}
          />
        ))}
      </Flex>
      {refusal ? (
        <Box background="danger100" padding={3} hasRadius data-testid="cr-refusal">
          <Typography variant="omega" textColor="danger700">
            {refusal}
          </Typography>
        </Box>
      ) : null}
    </Flex>
  );
};

/** Names of who voted for a transition in the current state, from the vote events. */
export function voterNames(transition: TransitionAvailability, history: TransitionEventView[]) {
  return (transition.approvals?.voters ?? []).map(
    (id) =>
      [...history].reverse().find((e) => e.kind === 'vote' && e.transition === transition.key && e.actor.id === id)?.actor
        .name ?? `#${id}`
  );
}

type ActionProps = {
  transition: TransitionAvailability;
  toName: string;
  commentGiven: boolean;
  busy: boolean;
  firing: boolean;
  history: TransitionEventView[];
  onFire: (transition: TransitionAvailability) => void;
  t: Translate;
};

const Action = ({ transition, toName, commentGiven, busy, firing, history, onFire, t }: ActionProps) => {
  const describedBy = `cr-transition-${transition.key}-notes`;
  const waitsForComment = transition.allowed && transition.requireComment && !commentGiven;
  const names = voterNames(transition, history);
  return (
    <Box tag="li" style={{ listStyle: 'none' }} data-testid={`cr-transition-${transition.key}`}>
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Button
          fullWidth
          variant={transition.allowed ? (transition.requireComment ? 'danger-light' : 'secondary') : 'tertiary'}
          disabled={!transition.allowed || waitsForComment || busy}
          loading={firing}
          onClick={() => onFire(transition)}
          aria-describedby={describedBy}
        >
          {transition.label}
        </Button>
        <Flex direction="column" alignItems="stretch" gap={1} id={describedBy}>
          <Typography variant="pi" textColor="neutral600">
            {t('cr.actions.leadsTo', 'Leads to {state}', { state: toName })}
          </Typography>
          {transition.approvals ? (
            <VoteProgress votes={transition.approvals.votes} quorum={transition.approvals.quorum} names={names} t={t} />
          ) : null}
          {transition.blockers.map((blocker, index) => (
            <Typography key={index} variant="pi" textColor="danger600" data-testid="cr-blocker" data-kind={blocker.kind}>
              {blocker.message}
            </Typography>
          ))}
          {waitsForComment ? (
            <Typography variant="pi" textColor="warning600" data-testid="cr-needs-comment">
              {t('cr.actions.needsComment', 'Write a comment to {label}.', { label: transition.label.toLowerCase() })}
            </Typography>
          ) : null}
        </Flex>
      </Flex>
    </Box>
  );
};

/** "1 of 2 votes · voted: Bea Board" with a bar towards the quorum. */
export const VoteProgress = ({ votes, quorum, names, t }: { votes: number; quorum: number; names: string[]; t: Translate }) => (
  <Flex direction="column" alignItems="stretch" gap={1} data-testid="cr-votes">
    <Typography variant="pi" textColor="neutral800">
      {t('cr.votes', '{votes} of {quorum} {quorum, plural, one {vote} other {votes}}', { votes, quorum })}
      {names.length ? ` · ${t('cr.votedBy', 'voted: {names}', { names: names.join(', ') })}` : ''}
    </Typography>
    <Box
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={quorum}
      aria-valuenow={votes}
      background="neutral150"
      hasRadius
      style={{ height: 6, overflow: 'hidden' }}
    >
      <Box background="success500" style={{ height: '100%', width: `${Math.min(100, (votes / Math.max(1, quorum)) * 100)}%` }} />
    </Box>
  </Flex>
);
