/**
 * A relationship's action items, overdue first, then open, then done. Each lives on the session
 * that agreed it (or the latest one it was carried to); the mentor and the mentee tick them.
 */
import { Badge, Box, Checkbox, Flex, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';

import {
  useTickActionItem,
  type ActionItemView,
  type MentoringRelationship,
  type MentoringSession,
} from '../../../api/mentoring';
import { useTranslate } from '../../../utils/useTranslate';
import { personName, useFormatDay } from '../display';

type HeldItem = { item: ActionItemView; session: MentoringSession };

const rank = ({ item }: HeldItem) => (item.done ? 2 : item.overdue ? 0 : 1);

/** Items where they now live (carried copies left behind are history, not items), in reading order. */
export function currentItems(sessions: MentoringSession[]): HeldItem[] {
  return sessions
    .flatMap((session) => session.actionItems.filter((item) => !item.carriedTo).map((item) => ({ item, session })))
    .sort((a, b) => {
      if (rank(a) !== rank(b)) return rank(a) - rank(b);
      if (a.item.done) return (b.item.doneAt ?? '').localeCompare(a.item.doneAt ?? '');
      if (a.item.dueDate !== b.item.dueDate) {
        if (a.item.dueDate === null) return 1;
        if (b.item.dueDate === null) return -1;
        return a.item.dueDate.localeCompare(b.item.dueDate);
      }
      return a.session.date.localeCompare(b.session.date);
    });
}

export const ActionItemList = ({
  relationship,
  sessions,
}: {
  relationship: MentoringRelationship;
  sessions: MentoringSession[];
}) => {
  const t = useTranslate();
  const formatDay = useFormatDay();
  const tick = useTickActionItem();
  const { toggleNotification } = useNotification();
  const items = currentItems(sessions);
  const canTick = relationship.permissions.tickActionItems;

  if (items.length === 0) {
    return (
      <Typography variant="omega" textColor="neutral600" data-testid="pmo-action-items-empty">
        {t('mentoring.items.none', 'No action items yet.')}
      </Typography>
    );
  }

  const onTick = (held: HeldItem, done: boolean) =>
    tick.mutate(
      { session: held.session.documentId, item: held.item.id, done },
      { onError: (error) => toggleNotification({ type: 'danger', message: error.message }) }
    );

  return (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={2} data-testid="pmo-action-items">
      {items.map((held) => {
        const { item } = held;
        const state = item.done ? 'done' : item.overdue ? 'overdue' : 'open';
        const owner = item.owner === 'mentor' ? relationship.mentor : relationship.mentee;
        return (
          <Box
            tag="li"
            key={item.id}
            padding={3}
            hasRadius
            background={state === 'overdue' ? 'danger100' : state === 'done' ? 'neutral100' : 'neutral0'}
            borderColor={state === 'overdue' ? 'danger200' : 'neutral200'}
            style={state === 'overdue' ? { borderLeft: '4px solid #D02B20' } : undefined}
            data-testid="pmo-action-item"
            data-state={state}
          >
            <Flex gap={3} alignItems="flex-start">
              {canTick ? (
                <Box paddingTop={1}>
                  <Checkbox
                    checked={item.done}
                    disabled={tick.isLoading}
                    aria-label={t('mentoring.items.tick', 'Done: {text}', { text: item.text })}
                    onCheckedChange={(checked: boolean | 'indeterminate') => onTick(held, checked === true)}
                  />
                </Box>
              ) : null}
              <Flex direction="column" alignItems="flex-start" gap={1} grow={1}>
                <Typography
                  variant="omega"
                  textColor={item.done ? 'neutral600' : 'neutral800'}
                  style={item.done ? { textDecoration: 'line-through' } : undefined}
                >
                  {item.text}
                </Typography>
                <Flex gap={2} wrap="wrap" alignItems="center">
                  {state === 'overdue' ? (
                    <Badge textColor="danger700" backgroundColor="danger100">{t('mentoring.items.overdue', 'Overdue')}</Badge>
                  ) : state === 'done' ? (
                    <Badge textColor="success700" backgroundColor="success100">{t('mentoring.items.done', 'Done')}</Badge>
                  ) : (
                    <Badge variant="secondary">{t('mentoring.items.open', 'Open')}</Badge>
                  )}
                  <Typography variant="pi" textColor="neutral600">
                    {t('mentoring.items.meta', '{owner} ({role}) · {due} · session of {session}', {
                      owner: personName(owner),
                      role: item.owner === 'mentor' ? t('mentoring.role.mentor', 'mentor') : t('mentoring.role.mentee', 'mentee'),
                      due: item.dueDate
                        ? t('mentoring.items.due', 'due {date}', { date: formatDay(item.dueDate) })
                        : t('mentoring.items.noDue', 'no due date'),
                      session: formatDay(held.session.date),
                    })}
                  </Typography>
                </Flex>
              </Flex>
            </Flex>
          </Box>
        );
      })}
    </Flex>
  );
};
