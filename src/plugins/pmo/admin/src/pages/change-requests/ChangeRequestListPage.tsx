/**
 * Change requests, one page at a time: the server filters (state, project, type, age, open only),
 * sorts and pages them (`GET /pmo/change-requests`), so a PMO with 100,000 changes reads 25 rows.
 * Filters, order and page live in the URL, so a filtered list can be shared and survives a
 * reload; a changed filter goes back to the first page. The project is found as one types
 * (`GET /pmo/search`); the answer names the project filtered by.
 */
import * as React from 'react';

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
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, useRBAC } from '@strapi/strapi/admin';
import { NavLink, useNavigate } from 'react-router-dom';

import {
  CHANGE_CONTROL_RAISE,
  CHANGE_REQUEST_PAGE_SIZE,
  CHANGE_REQUEST_SORTS,
  CHANGE_TYPES,
  useChangeRequests,
  type ChangeRequestSort,
} from '../../api/changeRequests';
import { usePmoSettings } from '../../api/client';
import { FilterSelect } from '../../components/FilterSelect';
import { SearchPicker, pickedItem } from '../../components/SearchPicker';
import { useUrlFilters } from '../../utils/useUrlFilters';
import { useTranslate, type Translate } from '../../utils/useTranslate';
import { Amount, ChangeStateBadge, TYPE_LABELS, authorityName, useChangeControlDefinition } from './display';
import { ListPagination } from '../../components/ListPagination';

export const RAISE_PERMISSION = [{ action: CHANGE_CONTROL_RAISE, subject: null }];

const FILTERS = ['state', 'project', 'type', 'olderThanDays', 'open'] as const;
/** What the URL holds: the filters, the order and the page (Strapi's Pagination keeps `page` and `pageSize`). */
const KEYS = [...FILTERS, 'sort', 'page', 'pageSize'] as const;

/** Each order in words, as the sort menu offers it. */
const sortLabel = (t: Translate, sort: ChangeRequestSort) =>
  ({
    newest: t('cr.sort.newest', 'Newest first'),
    oldest: t('cr.sort.oldest', 'Oldest first'),
    reference: t('cr.sort.reference', 'Reference'),
    title: t('cr.sort.title', 'Title (A to Z)'),
    state: t('cr.sort.state', 'State'),
    cost: t('cr.sort.cost', 'Highest cost impact first'),
  })[sort];

export const ChangeRequestListPage = () => {
  const t = useTranslate();
  const navigate = useNavigate();
  const { chosen: filters, set } = useUrlFilters(KEYS, { resetPage: true });
  /** Whether any filter is set: an empty list then says so, otherwise that there are none yet. */
  const filtered = FILTERS.some((key) => !!filters[key]);
  const [age, setAge] = React.useState(filters.olderThanDays ?? '');
  const list = useChangeRequests(filters);
  const definition = useChangeControlDefinition();
  const { data: settings } = usePmoSettings();
  const { allowedActions } = useRBAC({ raise: RAISE_PERMISSION });

  const update = (key: (typeof FILTERS)[number] | 'sort', value: string | undefined) => set({ [key]: value });

  // The age filter follows the box once it holds a whole number (or nothing).
  React.useEffect(() => {
    if (age === '' || /^\d{1,5}$/.test(age)) {
      if (age !== (filters.olderThanDays ?? '')) update('olderThanDays', age || undefined);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [age]);
  // A cleared filter empties the box.
  React.useEffect(() => {
    if (!filters.olderThanDays) setAge((current) => (/^\d{1,5}$/.test(current) ? '' : current));
  }, [filters.olderThanDays]);

  const rows = list.data?.results ?? [];
  const paging = list.data?.pagination;
  const total = paging?.total ?? 0;
  const pageSize = paging?.pageSize ?? CHANGE_REQUEST_PAGE_SIZE;
  const project = list.data?.project;
  return (
    <Main>
      <Layouts.Header
        title={t('cr.title', 'Change requests')}
        subtitle={t('cr.subtitle', 'Raised, assessed and authorised at the right level. Amounts in {currency}.', {
          currency: settings?.currency ?? '…',
        })}
        navigationAction={
          <Link tag={NavLink} to="..">
            {t('plugin.name', 'PMO Hub')}
          </Link>
        }
        primaryAction={
          allowedActions.canRaise ? (
            <Button startIcon={<Plus />} onClick={() => navigate('new')}>
              {t('cr.raise', 'Raise change')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={4} alignItems="flex-end" wrap="wrap" data-testid="cr-filters">
            <Box width="200px">
              <Field.Root name="state">
                <Field.Label>{t('cr.filter.state', 'State')}</Field.Label>
                <SingleSelect
                  value={filters.state ?? ''}
                  placeholder={t('cr.filter.any', 'Any')}
                  onChange={(value: string | number) => update('state', String(value))}
                  onClear={() => update('state', undefined)}
                >
                  {(definition?.states ?? []).map((state) => (
                    <SingleSelectOption key={state.key} value={state.key}>
                      {state.name}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            <Box width="280px">
              <SearchPicker
                type="project"
                name="project"
                label={t('cr.filter.project', 'Project')}
                placeholder={t('cr.filter.anyProject', 'Any project: type a code or name')}
                value={filters.project && project ? pickedItem(project) : null}
                onChange={(picked) => update('project', picked?.documentId)}
              />
            </Box>
            <Box width="180px">
              <Field.Root name="type">
                <Field.Label>{t('cr.filter.type', 'Type')}</Field.Label>
                <SingleSelect
                  value={filters.type ?? ''}
                  placeholder={t('cr.filter.any', 'Any')}
                  onChange={(value: string | number) => update('type', String(value))}
                  onClear={() => update('type', undefined)}
                >
                  {CHANGE_TYPES.map((type) => (
                    <SingleSelectOption key={type} value={type}>
                      {TYPE_LABELS[type]}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            <Box width="200px">
              <Field.Root
                name="olderThanDays"
                error={age !== '' && !/^\d{1,5}$/.test(age) ? t('cr.filter.ageError', 'A whole number of days') : undefined}
              >
                <Field.Label>{t('cr.filter.age', 'Older than (days)')}</Field.Label>
                <TextInput
                  type="number"
                  inputMode="numeric"
                  min={0}
                  value={age}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) => setAge(event.target.value)}
                />
                <Field.Error />
              </Field.Root>
            </Box>
            <FilterSelect
              name="open"
              label={t('cr.filter.show', 'Show')}
              allLabel={t('cr.filter.all', 'Open and closed')}
              value={filters.open === 'true' ? 'true' : undefined}
              options={[{ value: 'true', label: t('cr.filter.openOnly', 'Open only') }]}
              onChange={(value) => update('open', value)}
              width="180px"
            />
            <FilterSelect
              name="sort"
              label={t('cr.sort.label', 'Sort by')}
              value={filters.sort ?? 'newest'}
              options={CHANGE_REQUEST_SORTS.map((sort) => ({ value: sort, label: sortLabel(t, sort) }))}
              onChange={(value) => update('sort', value === 'newest' ? undefined : value)}
              width="240px"
              data-testid="cr-sort"
            />
          </Flex>
          {paging && total > 0 ? (
            <Typography variant="pi" textColor="neutral600" role="status" data-testid="cr-count">
              {filtered
                ? t('cr.countFiltered', '{count, plural, =0 {No change request matches these filters} one {# change request matches these filters} other {# change requests match these filters}}', { count: total })
                : t('cr.count', '{count, plural, =0 {No change requests yet} one {# change request} other {# change requests}}', { count: total })}
            </Typography>
          ) : null}

          {list.error ? (
            <Typography textColor="danger600" data-testid="cr-error">
              {list.error.message}
            </Typography>
          ) : null}
          {list.isLoading ? <Loader>{t('cr.loading', 'Loading change requests')}</Loader> : null}
          {list.data && total === 0 ? (
            filtered ? (
              <EmptyStateLayout
                content={t('cr.emptyFiltered', 'No change request matches these filters.')}
                action={
                  <Button variant="secondary" onClick={() => {
                      setAge('');
                      set(Object.fromEntries(FILTERS.map((key) => [key, undefined])));
                    }}>
                    {t('cr.clearFilters', 'Clear the filters')}
                  </Button>
                }
              />
            ) : (
              <EmptyStateLayout
                content={
                  allowedActions.canRaise
                    ? t('cr.emptyNone', 'No change requests yet. Raise one to have its impact assessed and authorised.')
                    : t('cr.emptyNoneReader', 'No change requests yet. Project managers, PMO analysts and PMO managers raise them.')
                }
                action={
                  allowedActions.canRaise ? (
                    <Button variant="secondary" startIcon={<Plus />} onClick={() => navigate('new')}>
                      {t('cr.raiseFirst', 'Raise a change request')}
                    </Button>
                  ) : undefined
                }
              />
            )
          ) : null}
          {rows.length > 0 ? (
            <Table colCount={8} rowCount={rows.length + 1} data-testid="cr-table">
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">{t('cr.col.reference', 'Reference')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('cr.col.title', 'Title')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('cr.col.project', 'Project')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('cr.col.type', 'Type')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('cr.col.state', 'State')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('cr.col.cost', 'Cost impact')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('cr.col.authority', 'Authority')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('cr.col.age', 'Age')}</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {rows.map((change) => (
                  <Tr key={change.documentId} data-testid="cr-row" data-reference={change.reference ?? ''}>
                    <Td>
                      <Link tag={NavLink} to={change.documentId}>
                        {change.reference ?? change.documentId}
                      </Link>
                    </Td>
                    <Td>
                      <Typography ellipsis style={{ maxWidth: 320, display: 'block' }}>{change.title}</Typography>
                    </Td>
                    <Td>
                      <Typography title={change.project?.name}>{change.project?.code ?? '—'}</Typography>
                    </Td>
                    <Td>
                      <Typography>{TYPE_LABELS[change.type] ?? change.type}</Typography>
                    </Td>
                    <Td>
                      <ChangeStateBadge state={change.state} definition={definition} />
                    </Td>
                    <Td style={{ textAlign: 'right' }}>
                      <Amount value={change.costImpact} data-testid="cr-cost" />
                    </Td>
                    <Td>
                      <Typography data-testid="cr-authority">{authorityName(change.authorityLevel, t)}</Typography>
                    </Td>
                    <Td>
                      <Typography>{t('cr.ageDays', '{days, plural, one {# day} other {# days}}', { days: change.ageDays })}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          ) : null}
          <ListPagination
            pagination={{ page: paging?.page ?? 1, pageSize, total }}
            defaultPageSize={CHANGE_REQUEST_PAGE_SIZE}
            sizes={['10', '25', '50', '100']}
          />
        </Flex>
      </Layouts.Content>
    </Main>
  );
};
