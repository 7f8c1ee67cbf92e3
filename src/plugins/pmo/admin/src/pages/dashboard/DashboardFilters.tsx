/**
 * The dashboard's filters, kept in the URL so a filtered dashboard can be shared and survives a
 * reload: portfolio, programme, manager, department and the as-of date (today when empty).
 * Programmes and managers are found as one types (`GET /pmo/search`), not listed. The route takes a portfolio or a programme: with both chosen, the
 * programme alone is sent (it lies in the portfolio).
 */
import * as React from 'react';

import { Box, Button, Flex } from '@strapi/design-system';

import type { DashboardFilters as Filters } from '../../api/dashboard';
import { useEntities } from '../../api/finance';
import { DateField } from '../../components/fields';
import { byName, FilterSelect } from '../../components/FilterSelect';
import { SearchFilter } from '../../components/SearchFilter';
import { todayIso } from '../../utils/dates';
import { useUrlFilters } from '../../utils/useUrlFilters';
import type { Translate } from '../../utils/useTranslate';

const KEYS = ['portfolio', 'programme', 'manager', 'department', 'asOf'] as const;

/** The filters the URL holds, what the route is asked (a programme wins over its portfolio), and setters. */
export function useDashboardFilters() {
  const { chosen: inUrl, set } = useUrlFilters(KEYS);
  const chosen = inUrl as Filters;
  const asked: Filters = chosen.programme ? { ...chosen, portfolio: undefined } : chosen;
  const clear = () => set(Object.fromEntries(KEYS.map((key) => [key, undefined])));
  return { chosen, asked, set, clear };
}

export const DashboardFilters = ({ t }: { t: Translate }) => {
  const { chosen, set, clear } = useDashboardFilters();
  const portfolios = useEntities('portfolio');
  const departments = useEntities('department');
  const anySet = KEYS.some((key) => chosen[key]);

  return (
    <Flex
      gap={3}
      alignItems="flex-end"
      wrap="wrap"
      tag="form"
      role="search"
      aria-label={t('dashboard.filter.label', 'Filter the dashboard')}
      onSubmit={(event: React.FormEvent) => event.preventDefault()}
      data-testid="pmo-dashboard-filters"
    >
      <FilterSelect
        name="portfolio"
        label={t('dashboard.filter.portfolio', 'Portfolio')}
        allLabel={t('dashboard.filter.allPortfolios', 'All portfolios')}
        value={chosen.portfolio}
        options={byName(portfolios.data)}
        // A programme of another portfolio no longer applies.
        onChange={(value) => set({ portfolio: value, programme: undefined })}
        width="210px"
        data-testid="pmo-dashboard-portfolio"
      />
      <SearchFilter
        type="programme"
        name="programme"
        label={t('dashboard.filter.programme', 'Programme')}
        placeholder={t('dashboard.filter.allProgrammes', 'All programmes')}
        value={chosen.programme}
        onChange={(value) => set({ programme: value })}
        width="230px"
        data-testid="pmo-dashboard-programme"
      />
      <SearchFilter
        type="person"
        name="manager"
        label={t('dashboard.filter.manager', 'Project manager')}
        placeholder={t('dashboard.filter.allManagers', 'Any manager')}
        value={chosen.manager}
        onChange={(value) => set({ manager: value })}
        width="230px"
      />
      <FilterSelect
        name="department"
        label={t('dashboard.filter.department', 'Department')}
        allLabel={t('dashboard.filter.allDepartments', 'Any department')}
        value={chosen.department}
        options={byName(departments.data)}
        onChange={(value) => set({ department: value })}
        width="200px"
      />
      <Box width="180px">
        {/* Empty means today: the field shows it, and clearing it comes back to it. */}
        <DateField name="asOf" label={t('dashboard.filter.asOf', 'As of')} value={chosen.asOf ?? todayIso()} onChange={(value) => set({ asOf: value || undefined })} />
      </Box>
      {anySet ? (
        <Button variant="tertiary" onClick={clear}>
          {t('dashboard.filter.clear', 'Clear filters')}
        </Button>
      ) : null}
    </Flex>
  );
};
