/** Change requests: filter by state, project, type and age; each with its state, cost impact and authority. */
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
import { NavLink, useNavigate, useSearchParams } from 'react-router-dom';

import { CHANGE_CONTROL_RAISE, CHANGE_TYPES, useChangeRequests, useProjects, type ChangeRequestFilters } from '../../api/changeRequests';
import { usePmoSettings } from '../../api/client';
import { useTranslate } from '../../utils/useTranslate';
import { Amount, ChangeStateBadge, TYPE_LABELS, authorityName, useChangeControlDefinition } from './display';

export const RAISE_PERMISSION = [{ action: CHANGE_CONTROL_RAISE, subject: null }];

const FILTERS = ['state', 'project', 'type', 'olderThanDays'] as const;

export const ChangeRequestListPage = () => {
  const t = useTranslate();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const filters: ChangeRequestFilters = Object.fromEntries(
    FILTERS.map((key) => [key, search.get(key) ?? undefined])
  );
  /** Whether any filter is set: an empty list then says so, otherwise that there are none yet. */
  const filtered = FILTERS.some((key) => !!filters[key]);
  const [age, setAge] = React.useState(filters.olderThanDays ?? '');
  const list = useChangeRequests(filters);
  const projects = useProjects();
  const definition = useChangeControlDefinition();
  const { data: settings } = usePmoSettings();
  const { allowedActions } = useRBAC({ raise: RAISE_PERMISSION });

  const update = (key: (typeof FILTERS)[number], value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };

  // The age filter follows the box once it holds a whole number (or nothing).
  React.useEffect(() => {
    if (age === '' || /^\d{1,5}$/.test(age)) {
      if (age !== (search.get('olderThanDays') ?? '')) update('olderThanDays', age || undefined);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [age]);

  const rows = list.data ?? [];
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
              <Field.Root name="project">
                <Field.Label>{t('cr.filter.project', 'Project')}</Field.Label>
                <SingleSelect
                  value={filters.project ?? ''}
                  placeholder={t('cr.filter.any', 'Any')}
                  onChange={(value: string | number) => update('project', String(value))}
                  onClear={() => update('project', undefined)}
                >
                  {(projects.data ?? []).map((project) => (
                    <SingleSelectOption key={project.documentId} value={project.documentId}>
                      {`${project.code} · ${project.name}`}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
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
          </Flex>

          {list.error ? (
            <Typography textColor="danger600" data-testid="cr-error">
              {list.error.message}
            </Typography>
          ) : null}
          {list.isLoading ? <Loader>{t('cr.loading', 'Loading change requests')}</Loader> : null}
          {list.data && rows.length === 0 ? (
            filtered ? (
              <EmptyStateLayout
                content={t('cr.emptyFiltered', 'No change request matches these filters.')}
                action={
                  <Button variant="secondary" onClick={() => {
                      setAge('');
                      setSearch(new URLSearchParams(), { replace: true });
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
        </Flex>
      </Layouts.Content>
    </Main>
  );
};
