/**
 * PMO Hub → Mentoring: my relationships (as mentor or mentee) and their action items; for PMO
 * managers and directors also every relationship, overdue items across them and hours per mentor.
 */
import * as React from 'react';

import { Box, Button, Tabs, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';

import { useMentoringMe, useRelationships } from '../../../api/mentoring';
import { PageError } from '../../../components/PageError';
import { useTranslate } from '../../../utils/useTranslate';
import { ActionItemsReport } from './ActionItemsReport';
import { HoursPerMentor } from './HoursPerMentor';
import { RelationshipModal } from './RelationshipModal';
import { RelationshipTable } from './RelationshipTable';

type Tab = 'mine' | 'items' | 'all' | 'hours';

export const MentoringPage = () => {
  const t = useTranslate();
  const me = useMentoringMe();
  const relationships = useRelationships({ as: 'any' });
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = React.useState(false);

  if (me.isLoading || relationships.isLoading) return <Page.Loading />;
  const error = me.error ?? relationships.error;
  if (error || !me.data || !relationships.data) return <PageError content={error?.message} />;

  const oversight = me.data.seesAllRelationships;
  const all = relationships.data;
  const mine = all.filter((r) => r.myRole !== 'oversight');
  const tabs: Tab[] = oversight ? ['all', 'mine', 'items', 'hours'] : ['mine', 'items'];
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && tabs.includes(requested) ? requested : tabs[0];
  const itemStatus = (params.get('items') ?? (oversight ? 'overdue' : 'open')) === 'overdue' ? 'overdue' : 'open';
  const setParam = (key: string, value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set(key, value);
      return next;
    }, { replace: true });
  const mayStart = oversight || me.data.people.length > 0;

  const label: Record<Tab, string> = {
    all: t('mentoring.tabs.all', 'All relationships ({count})', { count: all.length }),
    mine: t('mentoring.tabs.mine', 'My relationships ({count})', { count: mine.length }),
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
              {mine.length ? (
                <RelationshipTable relationships={mine} showMyRole testId="pmo-my-relationships" />
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
              <ActionItemsReport status={itemStatus} onStatusChange={(status) => setParam('items', status)} />
            </Tabs.Content>
            {oversight ? (
              <>
                <Tabs.Content value="all">
                  {all.length ? (
                    <RelationshipTable relationships={all} showMyRole={false} testId="pmo-all-relationships" />
                  ) : (
                    <Typography variant="omega" textColor="neutral600">
                      {t('mentoring.allEmpty', 'No mentoring relationships yet.')}
                    </Typography>
                  )}
                </Tabs.Content>
                <Tabs.Content value="hours">
                  <HoursPerMentor />
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
