/**
 * The "My work" widget on Strapi's home page: how much waits for the signed-in person, how much
 * of it is overdue, and the first few items (overdue first), each one click from the item, with
 * how many more wait.
 */
import { Flex, Link, Loader, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';

import { useMyWork } from '../api/notifications';
import { OverdueBadge } from '../components/OverdueBadge';
import { useTranslate } from '../utils/useTranslate';
import { WORK_KIND_NAMES } from '../../../shared/contracts/my-work';
import { adminRoute, sortWork } from '../pages/notifications/work';

const SHOWN = 5;

export const MyWorkWidget = () => {
  const t = useTranslate();
  const work = useMyWork();
  if (work.isLoading) return <Loader small>{t('widget.myWork.loading', 'Loading your work')}</Loader>;
  if (work.error) {
    return (
      <Typography variant="omega" textColor="neutral600" data-testid="pmo-my-work-widget">
        {t('widget.myWork.error', 'Your work could not be loaded just now.')}
      </Typography>
    );
  }
  const items = sortWork(work.data?.results ?? []);
  // The first page is enough to show: the counts are of all of it.
  const total = work.data?.pagination.total ?? 0;
  const overdue = work.data?.overdue ?? 0;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="pmo-my-work-widget">
      <Typography variant="omega" fontWeight="bold" data-testid="pmo-my-work-widget-count">
        {total
          ? t('widget.myWork.count', '{count, plural, one {# item waits} other {# items wait}} for you, {overdue, number} overdue', { count: total, overdue })
          : t('widget.myWork.none', 'Nothing waits for you')}
      </Typography>
      {items.length ? (
        <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
          {items.slice(0, SHOWN).map((item) => (
            <Flex key={`${item.kind}:${item.documentId}`} tag="li" gap={2} alignItems="center" justifyContent="space-between">
              <Flex direction="column" alignItems="flex-start">
                <Link tag={NavLink} to={adminRoute(item.url)}>
                  {item.title}
                </Link>
                <Typography variant="pi" textColor="neutral600">
                  {WORK_KIND_NAMES[item.kind]}
                </Typography>
              </Flex>
              {item.overdue ? <OverdueBadge label={t('myWork.overdue', 'Overdue')} /> : null}
            </Flex>
          ))}
          {total > SHOWN ? (
            <Typography variant="pi" textColor="neutral600" tag="li" data-testid="pmo-my-work-widget-more">
              {t('widget.myWork.more', 'and {count, number} more', { count: total - SHOWN })}
            </Typography>
          ) : null}
        </Flex>
      ) : null}
    </Flex>
  );
};
