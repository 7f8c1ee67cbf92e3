/**
 * A project's lifecycle transitions the signed-in user is among the actors of, kept small on a
 * board card: the way forward (its next gate, or back from hold to where it was) as the one
 * button, every other transition (hold, cancel) in a "More actions" menu, and what blocks them
 * on demand ("Why not?") instead of on every card. A comment is asked for where one is required.
 * Transitions reserved to other people, and resumes to a state the project was not held in, are
 * left out (the workflow side panel lists them all).
 */
import * as React from 'react';

import { Box, Button, Field, Flex, Menu, Modal, SimpleMenu, Textarea, Typography } from '@strapi/design-system';
import { More } from '@strapi/icons';
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

/** The way forward: through the next gate, or back to the state the project was held in. */
export const isForward = (card: BoardCard) => (transition: BoardTransition) =>
  (card.nextGate !== null && !card.heldFrom && transition.to === card.nextGate.targetState) ||
  (card.heldFrom !== null && transition.to === card.heldFrom);

const reasonsOf = (transition: BoardTransition) => transition.blockers.filter((blocker) => blocker.kind !== 'actor');

export const TransitionButtons = ({ card, stateName, t }: { card: BoardCard; stateName: (key: string) => string; t: Translate }) => {
  const { toggleNotification } = useNotification();
  const fire = useFireProjectTransition();
  const [asking, setAsking] = React.useState<BoardTransition | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [explaining, setExplaining] = React.useState(false);
  const transitions = card.transitions.filter(offered);
  if (transitions.length === 0) return null;
  const primary = transitions.find(isForward(card)) ?? null;
  const others = transitions.filter((transition) => transition !== primary);
  const blocked = transitions.filter((transition) => !transition.allowed && reasonsOf(transition).length);
  const why = `pmo-gov-${card.documentId}-why`;

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
  const start = (transition: BoardTransition) => (transition.requireComment ? setAsking(transition) : void run(transition));

  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-testid="pmo-gov-actions">
      {primary ? (
        <Box data-testid={`pmo-gov-transition-${primary.key}`}>
          <Button
            size="S"
            fullWidth
            variant={primary.allowed ? 'default' : 'secondary'}
            disabled={!primary.allowed || fire.isLoading}
            loading={fire.isLoading && fire.variables?.transition === primary.key}
            aria-describedby={blocked.includes(primary) ? why : undefined}
            title={primary.label}
            onClick={() => start(primary)}
          >
            {primary.label}
          </Button>
        </Box>
      ) : null}
      {blocked.length || others.length ? (
        <Flex justifyContent="space-between" gap={1}>
          {blocked.length ? (
            <Button
              size="S"
              variant="ghost"
              aria-expanded={explaining}
              aria-controls={why}
              onClick={() => setExplaining((open) => !open)}
              data-testid="pmo-gov-why"
            >
              {explaining ? t('governance.board.hideWhy', 'Hide reasons') : t('governance.board.why', 'Why not?')}
            </Button>
          ) : (
            <span />
          )}
          {others.length ? (
            <SimpleMenu
              label={<More aria-hidden />}
              aria-label={t('governance.board.more', 'More actions for {project}', { project: card.code })}
              variant="tertiary"
              size="S"
              endIcon={null}
              popoverPlacement="bottom-end"
              data-testid="pmo-gov-more"
            >
              {others.map((transition) => (
                <Menu.Item
                  key={transition.key}
                  disabled={!transition.allowed || fire.isLoading}
                  onSelect={() => start(transition)}
                  data-testid={`pmo-gov-transition-${transition.key}`}
                >
                  {transition.label}
                </Menu.Item>
              ))}
            </SimpleMenu>
          ) : null}
        </Flex>
      ) : null}
      {blocked.length ? (
        <Box id={why} hidden={!explaining} background="neutral100" padding={2} hasRadius data-testid="pmo-gov-why-panel">
          <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
            {blocked.map((transition) => (
              <li key={transition.key} style={{ listStyle: 'none' }} data-transition={transition.key}>
                <Typography variant="pi" fontWeight="bold" textColor="neutral800">
                  {transition.label}
                </Typography>
                {reasonsOf(transition).map((blocker, index) => (
                  <Typography key={index} tag="p" variant="pi" textColor="neutral700" data-testid="pmo-gov-blocker" data-kind={blocker.kind}>
                    {blocker.message}
                  </Typography>
                ))}
              </li>
            ))}
          </Flex>
        </Box>
      ) : null}
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
