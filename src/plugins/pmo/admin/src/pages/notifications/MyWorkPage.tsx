/**
 * My work (/admin/plugins/pmo/my-work), where PMO Hub opens: everything waiting for the signed-in
 * person (GET /pmo/my-work) — votes, reviews to hold, conditions, documents to review, reports to
 * write, action items — overdue first, each with its due date in words and one click to the item.
 * It comes 100 items a page (the page in the URL); the summary counts all of it, the kind filter
 * narrows the page shown to one kind. Links lead to the PMO Hub home and the person's
 * notification settings.
 */
import {
  Box,
  Button,
  EmptyStateLayout,
  Field,
  Flex,
  Link,
  Loader,
  Main,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { NavLink, useSearchParams } from 'react-router-dom';

import { useMyWork } from '../../api/notifications';
import { OverdueBadge } from '../../components/OverdueBadge';
import { PLUGIN_ID } from '../../pluginId';
import { todayIso } from '../../utils/dates';
import { useTranslate } from '../../utils/useTranslate';
import { MAX_PAGE_SIZE } from '../../../../shared/contracts/common';
import { WORK_KIND_NAMES } from '../../../../shared/contracts/my-work';
import { dueInWords } from './words';
import { adminRoute, kindFilter, kindsOf, pageFilter, sortWork } from './work';

const ALL = 'all';

export const MyWorkPage = () => {
  const t = useTranslate();
  const [search, setSearch] = useSearchParams();
  const page = pageFilter(search.get('page'));
  const work = useMyWork(page, MAX_PAGE_SIZE);
  const kind = kindFilter(search.get('kind'));
  const items = sortWork(work.data?.results ?? []);
  const kinds = kindsOf(items);
  const shown = kind ? items.filter((item) => item.kind === kind) : items;
  const total = work.data?.pagination.total ?? items.length;
  const overdue = work.data?.overdue ?? 0;
  const pages = Math.max(1, Math.ceil(total / MAX_PAGE_SIZE));
  const today = todayIso();

  const set = (key: 'kind' | 'page', value: string | null) => {
    const next = new URLSearchParams(search);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setSearch(next, { replace: key === 'kind' });
  };
  const choose = (value: string) => set('kind', value === ALL ? null : value);

  return (
    <Main>
      <Layouts.Header
        title={t('myWork.title', 'My work')}
        subtitle={t('myWork.subtitle', 'What waits for you in PMO Hub, overdue first.')}
        secondaryAction={
          <Flex gap={4}>
            <Link tag={NavLink} to={`/plugins/${PLUGIN_ID}/home`} data-testid="pmo-my-work-home">
              {t('myWork.home', 'PMO Hub home')}
            </Link>
            <Link tag={NavLink} to={`/plugins/${PLUGIN_ID}/my-notifications`} data-testid="pmo-my-work-preferences">
              {t('myWork.preferences', 'Notification settings')}
            </Link>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {work.isLoading ? <Loader>{t('myWork.loading', 'Loading your work')}</Loader> : null}
          {work.error ? (
            <Typography textColor="danger600" role="alert" data-testid="pmo-my-work-error">
              {t('myWork.error', 'Your work could not be loaded: {message}', { message: work.error.message })}
            </Typography>
          ) : null}
          {work.data && items.length === 0 ? (
            <Box background="neutral0" shadow="tableShadow" hasRadius data-testid="pmo-my-work-empty">
              <EmptyStateLayout
                content={t(
                  'myWork.empty',
                  'Nothing waits for you. Votes, reviews to hold, gate conditions, documents to review, status reports and action items appear here when they are yours.'
                )}
              />
            </Box>
          ) : null}
          {items.length > 0 ? (
            <>
              <Flex gap={4} alignItems="flex-end" justifyContent="space-between" wrap="wrap">
                <Typography variant="omega" data-testid="pmo-my-work-summary">
                  {t('myWork.summary', '{count, plural, one {# item waits} other {# items wait}} for you, {overdue, number} overdue.', {
                    count: total,
                    overdue,
                  })}
                </Typography>
                <Box width="320px">
                  <Field.Root name="kind">
                    <Field.Label>{t('myWork.kind', 'Kind of work')}</Field.Label>
                    <SingleSelect value={kind ?? ALL} onChange={(value: string | number) => choose(String(value))}>
                      {/* The kinds are this page's (the list is paged on the server): say so when there are more pages. */}
                      <SingleSelectOption value={ALL}>
                        {pages > 1
                          ? t('myWork.allKindsOnPage', 'Every kind on this page ({count, number})', { count: items.length })
                          : t('myWork.allKinds', 'Every kind ({count, number})', { count: items.length })}
                      </SingleSelectOption>
                      {kinds.map((entry) => (
                        <SingleSelectOption key={entry.kind} value={entry.kind}>
                          {`${entry.name} (${entry.count})`}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                  </Field.Root>
                </Box>
              </Flex>
              <Table colCount={3} rowCount={shown.length + 1} data-testid="pmo-my-work">
                <Thead>
                  <Tr>
                    <Th><Typography variant="sigma">{t('myWork.col.item', 'Item')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('myWork.col.kind', 'Kind')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('myWork.col.due', 'Due')}</Typography></Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {shown.map((item) => (
                    <Tr key={`${item.kind}:${item.uid}:${item.documentId}`} data-testid="pmo-my-work-item" data-kind={item.kind} data-overdue={String(item.overdue)}>
                      <Td>
                        <Link tag={NavLink} to={adminRoute(item.url)}>
                          {item.title}
                        </Link>
                      </Td>
                      <Td>
                        <Typography>{WORK_KIND_NAMES[item.kind]}</Typography>
                      </Td>
                      <Td>
                        <Flex gap={2} alignItems="center">
                          {item.overdue ? <OverdueBadge label={t('myWork.overdue', 'Overdue')} /> : null}
                          <Typography textColor={item.overdue ? 'danger700' : 'neutral800'}>{dueInWords(item.dueDate, today)}</Typography>
                        </Flex>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
              {pages > 1 ? (
                <Flex gap={2} alignItems="center" data-testid="pmo-my-work-pages">
                  <Button variant="tertiary" disabled={page <= 1} onClick={() => set('page', String(page - 1))}>
                    {t('myWork.previous', 'Previous items')}
                  </Button>
                  <Typography>
                    {t('myWork.pageOf', 'Items {from, number} to {to, number} of {total, number}', { from: (page - 1) * MAX_PAGE_SIZE + 1, to: (page - 1) * MAX_PAGE_SIZE + items.length, total })}
                  </Typography>
                  <Button variant="tertiary" disabled={page >= pages} onClick={() => set('page', String(page + 1))}>
                    {t('myWork.next', 'Next items')}
                  </Button>
                </Flex>
              ) : null}
            </>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Main>
  );
};
