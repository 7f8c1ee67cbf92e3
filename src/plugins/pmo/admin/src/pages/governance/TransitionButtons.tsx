/**
 * A project's lifecycle transitions the signed-in user is among the actors of: a button each,
 * disabled with the reason when a guard blocks it; a comment is asked for where one is required.
 * Transitions reserved to other people, and resumes to a state the project was not held in, are
 * left out (the workflow side panel lists them all).
 */
import * as React from 'react';

import { Button, Field, Flex, Modal, Textarea, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';

import { useFireProjectTransition, type BoardCard, type BoardTransition } from '../../api/governance';
import { refusalMessage, toPmoApiError } from '../../api/client';
import type { Translate } from '../../utils/useTranslate';

/**
 * Whether to offer it: the user is among its actors, and it is not a way back from on-hold to a
 * state the project was not held in (`enteredFrom`: only the way back to where it was is open).
 */
export const offered = (transition: BoardTransition) =>
  !transition.blockers.some((blocker) => blocker.kind === 'actor' || (blocker.kind === 'guard' && blocker.guard === 'enteredFrom'));

export const TransitionButtons = ({ card, stateName, t }: { card: BoardCard; stateName: (key: string) => string; t: Translate }) => {
  const { toggleNotification } = useNotification();
  const fire = useFireProjectTransition();
  const [asking, setAsking] = React.useState<BoardTransition | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const transitions = card.transitions.filter(offered);
  if (transitions.length === 0) return null;

  const run = async (transition: BoardTransition, comment?: string) => {
    setError(null);
    try {
      const result = await fire.mutateAsync({
        documentId: card.documentId,
        transition: transition.key,
        comment,
        expectedVersion: card.version ?? undefined,
      });
      toggleNotification({
        type: 'success',
        message:
          result.outcome === 'applied'
            ? t('governance.board.moved', '{project} moved to {state}', { project: card.code, state: stateName(result.state) })
            : t('governance.board.voted', 'Approval recorded ({votes} of {quorum})', { votes: result.votes, quorum: result.quorum }),
      });
      setAsking(null);
    } catch (caught) {
      const message = refusalMessage(toPmoApiError(caught));
      setError(message);
      toggleNotification({ type: 'danger', message });
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="ul" aria-label={t('governance.board.transitions', 'Transitions')}>
      {transitions.map((transition) => {
        const notes = `pmo-gov-${card.documentId}-${transition.key}-notes`;
        const reasons = transition.blockers.filter((blocker) => blocker.kind !== 'actor');
        return (
          <li key={transition.key} style={{ listStyle: 'none' }} data-testid={`pmo-gov-transition-${transition.key}`}>
            <Flex direction="column" alignItems="stretch" gap={1}>
              <Button
                size="S"
                fullWidth
                variant={transition.allowed ? 'default' : 'tertiary'}
                disabled={!transition.allowed || fire.isLoading}
                loading={fire.isLoading && fire.variables?.transition === transition.key}
                aria-describedby={reasons.length ? notes : undefined}
                onClick={() => (transition.requireComment ? setAsking(transition) : void run(transition))}
              >
                {transition.label}
              </Button>
              {reasons.length ? (
                <Flex direction="column" alignItems="stretch" gap={1} id={notes}>
                  {reasons.map((blocker, index) => (
                    <Typography key={index} variant="pi" textColor="danger600" data-testid="pmo-gov-blocker" data-kind={blocker.kind}>
                      {blocker.message}
                    </Typography>
                  ))}
                </Flex>
              ) : null}
            </Flex>
          </li>
        );
      })}
      {error && !asking ? (
        <Typography variant="pi" textColor="danger600" role="alert" data-testid="pmo-gov-transition-error">
          {error}
        </Typography>
      ) : null}
      {asking ? (
        <CommentPrompt
          transition={asking}
          project={card}
          busy={fire.isLoading}
          error={error}
          onCancel={() => {
            setAsking(null);
            setError(null);
          }}
          onConfirm={(comment) => void run(asking, comment)}
          t={t}
        />
      ) : null}
    </Flex>
  );
};

const CommentPrompt = ({
  transition,
  project,
  busy,
  error,
  onCancel,
  onConfirm,
  t,
}: {
  transition: BoardTransition;
  project: BoardCard;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: (comment: string) => void;
  t: Translate;
}) => {
  const [comment, setComment] = React.useState('');
  return (
    <Modal.Root open onOpenChange={(open: boolean) => (open ? undefined : onCancel())}>
      <Modal.Content>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            onConfirm(comment.trim());
          }}
        >
          <Modal.Header>
            <Modal.Title>
              {t('governance.comment.title', '{transition}: {project}', { transition: transition.label, project: project.name })}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={3}>
              {error ? (
                <Typography variant="omega" textColor="danger600" role="alert">
                  {error}
                </Typography>
              ) : null}
              <Field.Root name="comment" required hint={t('governance.comment.hint', 'Required: recorded in the project history with the transition.')}>
                <Field.Label>{t('governance.comment.label', 'Comment')}</Field.Label>
                <Textarea value={comment} maxLength={5000} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setComment(event.target.value)} />
                <Field.Hint />
              </Field.Root>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button variant="tertiary" type="button" onClick={onCancel}>
              {t('governance.form.cancel', 'Cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={comment.trim() === ''}>
              {transition.label}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
