/**
 * /plugins/pmo/capacity: the capacity heat map, people × months grouped by department. Each cell
 * says in words and colour whether the person is free, full or over (booked above their available
 * capacity), with tentative (requested) time beside it; a cell opens the allocations behind it
 * (CellAllocations), a name the person's page. Filters in the URL: department, programme, role,
 * from and to.
 */
import * as React from 'react';

import { Box, Button, Field, Flex, Link, Main, TextInput, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';

import { capacityCsvPath, useCapacity, type CapacityFilters } from '../../api/capacity';
import { downloadExport, useEntities } from '../../api/finance';
import { byName, FilterSelect } from '../../components/FilterSelect';
import { SearchFilter } from '../../components/SearchFilter';
import { PageError } from '../../components/PageError';
import { formatMonth } from '../../utils/dates';
import { useTranslate } from '../../utils/useTranslate';
import { useUrlFilters } from '../../utils/useUrlFilters';
import { CellAllocations } from './CellAllocations';
import { LOAD_COLOURS, loadOf, percent } from './words';

const KEYS = ['from', 'to', 'department', 'programme', 'role', 'page'] as const;

export const CapacityPage = () => {
  const t = useTranslate();
  const { chosen, set } = useUrlFilters(KEYS, { resetPage: true });
  const filters = chosen as CapacityFilters;
  const departments = useEntities('department');
  const { data, error } = useCapacity(filters);
  const [cell, setCell] = React.useState<{ person: string; fullName: string; month: string } | null>(null);
  const [role, setRole] = React.useState(filters.role ?? '');

  const groups = new Map<string, NonNullable<typeof data>['people']>();
  for (const row of data?.people ?? []) {
    const name = row.person.department?.name ?? t('capacity.noDepartment', 'No department');
    groups.set(name, [...(groups.get(name) ?? []), row]);
  }
  const pages = data ? Math.max(1, Math.ceil(data.pagination.total / data.pagination.pageSize)) : 1;

  return (
    <Main>
      <Layouts.Header
        title={t('capacity.title', 'Capacity')}
        subtitle={t('capacity.subtitle', 'Who is free, full or over-booked, month by month: approved allocations are booked, requested ones tentative.')}
        primaryAction={
          <Button variant="secondary" data-testid="pmo-capacity-csv" onClick={() => void downloadExport(capacityCsvPath(filters), 'capacity.csv', () => undefined).catch(() => undefined)}>
            {t('capacity.export', 'Export capacity.csv')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex gap={3} alignItems="flex-end" wrap="wrap" tag="form" role="search" aria-label={t('capacity.filters', 'Filter the capacity plan')} onSubmit={(event: React.FormEvent) => { event.preventDefault(); set({ role: role || undefined }); }}>
          <FilterSelect name="department" label={t('capacity.department', 'Department')} allLabel={t('capacity.allDepartments', 'Every department')} value={filters.department} options={byName(departments.data)} onChange={(value) => set({ department: value })} width="200px" />
          <SearchFilter type="programme" name="programme" label={t('capacity.programme', 'Programme')} placeholder={t('capacity.allProgrammes', 'Every programme')} value={filters.programme} onChange={(value) => set({ programme: value })} width="240px" />
          <Box width="160px">
            <Field.Root name="role" id="pmo-capacity-role">
              <Field.Label>{t('capacity.role', 'Role')}</Field.Label>
              <TextInput placeholder={t('capacity.anyRole', 'Any role')} value={role} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setRole(event.target.value)} onBlur={() => set({ role: role || undefined })} />
            </Field.Root>
          </Box>
          <Box width="170px">
            <Field.Root name="from" id="pmo-capacity-from">
              <Field.Label>{t('capacity.from', 'From')}</Field.Label>
              <TextInput type="month" value={filters.from ?? data?.months[0] ?? ''} onChange={(event: React.ChangeEvent<HTMLInputElement>) => set({ from: event.target.value || undefined })} />
            </Field.Root>
          </Box>
          <Box width="170px">
            <Field.Root name="to" id="pmo-capacity-to">
              <Field.Label>{t('capacity.to', 'To')}</Field.Label>
              <TextInput type="month" value={filters.to ?? data?.months[data.months.length - 1] ?? ''} onChange={(event: React.ChangeEvent<HTMLInputElement>) => set({ to: event.target.value || undefined })} />
            </Field.Root>
          </Box>
        </Flex>
        {error ? <PageError content={error.message} /> : null}
        {data ? (
          <Box marginTop={4} background="neutral0" padding={4} hasRadius shadow="tableShadow" style={{ overflowX: 'auto' }}>
            {data.people.length === 0 ? (
              <Typography>{t('capacity.nobody', 'Nobody matches these filters.')}</Typography>
            ) : (
              <table data-testid="pmo-capacity-heatmap" style={{ borderCollapse: 'separate', borderSpacing: 2 }}>
                <thead>
                  <tr>
                    <th scope="col" style={{ textAlign: 'left' }}><Typography variant="sigma">{t('capacity.person', 'Person')}</Typography></th>
                    {data.months.map((month) => (
                      <th scope="col" key={month}><Typography variant="sigma">{formatMonth(month)}</Typography></th>
                    ))}
                  </tr>
                </thead>
                {[...groups.entries()].map(([name, rows]) => (
                  <tbody key={name}>
                    <tr><th scope="colgroup" colSpan={data.months.length + 1} style={{ textAlign: 'left', paddingTop: 12 }}><Typography variant="delta">{name}</Typography></th></tr>
                    {rows.map((row) => (
                      <tr key={row.person.documentId} data-testid={`pmo-capacity-row-${row.person.fullName}`}>
                        <th scope="row" style={{ textAlign: 'left', whiteSpace: 'nowrap', paddingRight: 12 }}>
                          <Link tag={NavLink} to={`../people/${row.person.documentId}`}>{row.person.fullName}</Link>
                          {row.availablePercent !== 100 ? <Typography variant="pi" textColor="neutral600"> ({t('capacity.available', 'available {percent}', { percent: percent(row.availablePercent) })})</Typography> : null}
                        </th>
                        {row.months.map((month) => {
                          const load = loadOf(month);
                          const colours = LOAD_COLOURS[load];
                          const words = { free: t('capacity.load.free', 'Free'), full: t('capacity.load.full', 'Full'), over: t('capacity.load.over', 'Over') }[load];
                          return (
                            <td key={month.month} style={{ padding: 0 }}>
                              <button
                                type="button"
                                data-testid={`pmo-capacity-cell-${row.person.fullName}-${month.month}`}
                                data-load={load}
                                onClick={() => setCell({ person: row.person.documentId, fullName: row.person.fullName, month: month.month })}
                                // The row and column headers name the person and month; the title adds the figures on hover.
                                title={t('capacity.cellLabel', '{person}, {month}: {load}, booked {booked}, tentative {tentative}', { person: row.person.fullName, month: formatMonth(month.month), load: words, booked: percent(month.booked), tentative: percent(month.tentative) })}
                                style={{ background: colours.background, color: colours.text, border: 'none', borderRadius: 4, minWidth: 84, padding: '6px 8px', cursor: 'pointer', textAlign: 'center' }}
                              >
                                <span style={{ display: 'block', fontWeight: 600 }}>{percent(month.booked)}</span>
                                <span style={{ display: 'block', fontSize: 11 }}>{words}{month.tentative ? ` · +${percent(month.tentative)} ${t('capacity.tentative', 'tentative')}` : ''}</span>
                              </button>
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                ))}
              </table>
            )}
            {pages > 1 ? (
              <Flex gap={2} marginTop={3}>
                <Button variant="tertiary" disabled={data.pagination.page <= 1} onClick={() => set({ page: String(data.pagination.page - 1) })}>{t('capacity.previous', 'Previous people')}</Button>
                <Typography>{t('capacity.pageOf', 'Page {page} of {pages}', { page: data.pagination.page, pages })}</Typography>
                <Button variant="tertiary" disabled={data.pagination.page >= pages} onClick={() => set({ page: String(data.pagination.page + 1) })}>{t('capacity.next', 'Next people')}</Button>
              </Flex>
            ) : null}
          </Box>
        ) : null}
        {cell ? <CellAllocations {...cell} onClose={() => setCell(null)} /> : null}
      </Layouts.Content>
    </Main>
  );
};
