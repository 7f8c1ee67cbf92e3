/**
 * PMO Hub → Mentoring: my relationships (as mentor or mentee) and their action items; for PMO
 * managers and directors also every relationship, overdue items across them and hours per mentor.
 */
import * as React from 'react';

import { Box, Button, Tabs, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';

import { useMentoringMe, useRelationships } from '../../../api/mentoring';
import { ListPagination } from '../../../components/ListPagination';
import { PageError } from '../../../components/PageError';
import { useUrlFilters } from '../../../utils/useUrlFilters';
import { useTranslate } from '../../../utils/useTranslate';
import { ActionItemsReport } from './ActionItemsReport';
import { HoursPerMentor } from './HoursPerMentor';
import { RelationshipModal } from './RelationshipModal';
import { RelationshipTable } from './RelationshipTable';

type Tab = 'mine' | 'items' | 'all' | 'hours';

/**
 * The open tab's list is paged by the URL's `page` and `pageSize` (Strapi's Pagination); the
 * other relationship list is asked for its first page only, for the count on its tab. Changing
 * the tab or a filter goes back to the first page.
 */
export const MentoringPage = () => {
  const t = useTranslate();
  const me = useMentoringMe();
  const { chosen, set } = useUrlFilters(['tab', 'items', 'page', 'pageSize'] as const, { resetPage: true });
  const oversight = me.data?.seesAllRelationships ?? false;
  const tabs: Tab[] = oversight ? ['all', 'mine', 'items', 'hours'] : ['mine', 'items'];
  const tab: Tab = chosen.tab && tabs.includes(chosen.tab as Tab) ? (chosen.tab as Tab) : tabs[0];
  const paging = { page: chosen.page, pageSize: chosen.pageSize };
  const pageOf = (key: Tab) => (key === tab ? paging : {});
  const allRelationships = useRelationships({ as: 'any' }, pageOf('all'));
  const myRelationships = useRelationships({ as: 'mine' }, pageOf('mine'));
  const [creating, setCreating] = React.useState(false);

  if (me.isLoading || allRelationships.isLoading || myRelationships.isLoading) return <Page.Loading />;
  const error = me.error ?? allRelationships.error ?? myRelationships.error;
  if (error || !me.data || !allRelationships.data || !myRelationships.data) return <PageError content={error?.message} />;

  const all = allRelationships.data;
  const mine = myRelationships.data;
  const itemStatus = (chosen.items ?? (oversight ? 'overdue' : 'open')) === 'overdue' ? 'overdue' : 'open';
  const setParam = (key: 'tab' | 'items', value: string) => set({ [key]: value, pageSize: undefined });
  const mayStart = oversight || me.data.people.length > 0;

  const label: Record<Tab, string> = {
    all: t('mentoring.tabs.all', 'All relationships ({count})', { count: all.pagination.total }),
    mine: t('mentoring.tabs.mine', 'My relationships ({count})', { count: mine.pagination.total }),
    items: oversight ? t('mentoring.tabs.itemsOversight', 'Overdue action items') : t('mentoring.tabs.items', 'My action items'),
    hours: t('mentoring.tabs.hours', 'Hours per mentor'),
  };

  return (
    <Page.Main>
      <Page.Title>{t('mentoring.title', 'Mentoring')}</Page.Title>
      <Layouts.Header
        title={t('mentoring.title', 'Mentoring')}
        subtitle={
          oversight
            ? t('mentoring.subtitleOversight', 'Every mentoring relationship, what is overdue, and the hours mentors give.')
            : t('mentoring.subtitle', 'Your mentoring relationships, their sessions, competency growth and action items.')
        }
        primaryAction={
          mayStart ? (
            <Button startIcon={<Plus />} onClick={() => setCreating(true)}>
              {t('mentoring.new', 'New relationship')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        {me.data.people.length === 0 && !oversight ? (
          <Box paddingBottom={4}>
            <Typography variant="omega" textColor="neutral600">
              {t('mentoring.noPerson', 'Your email matches nobody in People, so no relationship can name you yet.')}
            </Typography>
          </Box>
        ) : null}
        <Tabs.Root value={tab} onValueChange={(value: string) => setParam('tab', value)}>
          <Tabs.List aria-label={t('mentoring.title', 'Mentoring')}>
            {tabs.map((key) => (
              <Tabs.Trigger key={key} value={key} data-testid={`pmo-mentoring-tab-${key}`}>
                {label[key]}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Tabs.Content value="mine">
              {mine.results.length ? (
                <>
                  <RelationshipTable relationships={mine.results} showMyRole testId="pmo-my-relationships" />
                  <ListPagination pagination={mine.pagination} />
                </>
              ) : (
                <Typography variant="omega" textColor="neutral600" data-testid="pmo-my-relationships-empty">
                  {t(
                    'mentoring.mineEmpty',
                    'You are in no mentoring relationship yet. A PMO manager sets them up; you can start one as the mentor.'
                  )}
                </Typography>
              )}
            </Tabs.Content>
            <Tabs.Content value="items">
              <ActionItemsReport status={itemStatus} onStatusChange={(status) => setParam('items', status)} page={pageOf('items')} />
            </Tabs.Content>
            {oversight ? (
              <>
                <Tabs.Content value="all">
                  {all.results.length ? (
                    <>
                      <RelationshipTable relationships={all.results} showMyRole={false} testId="pmo-all-relationships" />
                      <ListPagination pagination={all.pagination} />
                    </>
                  ) : (
                    <Typography variant="omega" textColor="neutral600">
                      {t('mentoring.allEmpty', 'No mentoring relationships yet.')}
                    </Typography>
                  )}
                </Tabs.Content>
                <Tabs.Content value="hours">
                  <HoursPerMentor page={pageOf('hours')} />
                </Tabs.Content>
              </>
            ) : null}
          </Box>
        </Tabs.Root>
      </Layouts.Content>
      {creating ? <RelationshipModal onClose={() => setCreating(false)} /> : null}
    </Page.Main>
  );
};
