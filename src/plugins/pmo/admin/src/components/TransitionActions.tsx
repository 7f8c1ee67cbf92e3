/**
 * What the caller may do with an item under a workflow now: a comment box, and each transition out
 * of its state as a button, disabled with the engine's reasons (blockers), with where it leads and
 * its approval progress. A refusal from the server is shown under the buttons and notified. Used
 * by the Content Manager's workflow panel and by the change request page.
 */
import * as React from 'react';

import { Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';

import type { TransitionAvailability, TransitionEventView, WorkflowInstanceView } from '../../../shared/contracts/workflow';
import { refusalMessage, toPmoApiError, useFireTransition, type FireTransitionResult } from '../api/client';
import { useTranslate, type Translate } from '../utils/useTranslate';

type Props = {
  uid: string;
  documentId: string;
  instance: WorkflowInstanceView;
  history: TransitionEventView[];
  stateName: (key: string) => string;
  /** After a transition applied or a vote counted (e.g. refresh what the page shows of the item). */
  onFired?: (result: FireTransitionResult) => void;
  /** After every attempt, applied or refused. */
  onSettled?: () => void;
};

export const TransitionActions = ({ uid, documentId, instance, history, stateName, onFired, onSettled }: Props) => {
  const t = useTranslate();
  const { toggleNotification } = useNotification();
  const fire = useFireTransition();
  const [comment, setComment] = React.useState('');
  const [firing, setFiring] = React.useState<string | null>(null);
  const [refusal, setRefusal] = React.useState<string | null>(null);
  const needsComment = instance.transitions.filter((tr) => tr.requireComment);

  const onFire = async (transition: TransitionAvailability) => {
    setFiring(transition.key);
    setRefusal(null);
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
            ? t('transition.moved', 'Moved to {state}', { state: stateName(result.state) })
            : t('transition.voted', 'Your approval is recorded: {votes} of {quorum} votes', {
                votes: result.votes,
                quorum: result.quorum,
              }),
      });
      setComment('');
      onFired?.(result);
    } catch (caught) {
      const message = refusalMessage(toPmoApiError(caught));
      setRefusal(message);
      toggleNotification({ type: 'danger', message });
    } finally {
      setFiring(null);
      onSettled?.();
    }
  };

  if (instance.transitions.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {instance.state.terminal
          ? t('transition.final', 'This is a final state: nothing leads out of it.')
          : t('transition.none', 'No transition leads out of this state.')}
      </Typography>
    );
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="pmo-transition-actions">
      <Field.Root
        name="pmo-transition-comment"
        hint={
          needsComment.length
            ? t('transition.commentRequiredFor', 'Required to {transitions}; recorded in the history.', {
                transitions: needsComment.map((tr) => tr.label.toLowerCase()).join(', '),
              })
            : t('transition.commentHint', 'Recorded in the history with the transition.')
        }
      >
        <Field.Label>{t('transition.comment', 'Comment')}</Field.Label>
        <Textarea
          value={comment}
          onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setComment(event.target.value)}
          maxLength={5000}
        />
        <Field.Hint />
      </Field.Root>
      <Flex direction="column" alignItems="stretch" gap={3} tag="ul" aria-label={t('transition.list', 'Transitions')}>
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
        <Box background="danger100" padding={3} hasRadius data-testid="pmo-transition-refusal">
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

/** One transition: its button, where it leads, its approval progress and what blocks it. */
const Action = ({ transition, toName, commentGiven, busy, firing, history, onFire, t }: ActionProps) => {
  const describedBy = `pmo-transition-${transition.key}-notes`;
  const waitsForComment = transition.allowed && transition.requireComment && !commentGiven;
  return (
    <Box tag="li" style={{ listStyle: 'none' }} data-testid={`pmo-transition-${transition.key}`}>
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
            {t('transition.leadsTo', 'Leads to {state}', { state: toName })}
          </Typography>
          {transition.approvals ? (
            <VoteProgress
              votes={transition.approvals.votes}
              quorum={transition.approvals.quorum}
              names={voterNames(transition, history)}
              t={t}
            />
          ) : null}
          {transition.blockers.map((blocker, index) => (
            <Typography key={index} variant="pi" textColor="danger600" data-testid="pmo-transition-blocker" data-kind={blocker.kind}>
              {blocker.message}
            </Typography>
          ))}
          {waitsForComment ? (
            <Typography variant="pi" textColor="neutral600" data-testid="pmo-transition-needs-comment">
              {t('transition.needsComment', 'Write a comment to {label}.', { label: transition.label.toLowerCase() })}
            </Typography>
          ) : null}
        </Flex>
      </Flex>
    </Box>
  );
};

/** "1 of 2 votes · voted: Bea Board" with a bar towards the quorum. */
export const VoteProgress = ({ votes, quorum, names, t }: { votes: number; quorum: number; names: string[]; t: Translate }) => (
  <Flex direction="column" alignItems="stretch" gap={1} data-testid="pmo-transition-votes">
    <Typography variant="pi" textColor="neutral800">
      {t('transition.votes', '{votes} of {quorum} {quorum, plural, one {vote} other {votes}}', { votes, quorum })}
      {names.length ? ` · ${t('transition.votedBy', 'voted: {names}', { names: names.join(', ') })}` : ''}
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
