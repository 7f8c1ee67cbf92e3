/**
 * The dashboard's filters, kept in the URL so a filtered dashboard can be shared and survives a
 * reload: portfolio, programme (of the chosen portfolio), manager, department and the as-of date
 * (today when empty). The route takes a portfolio or a programme: with both chosen, the
 * programme alone is sent (it lies in the portfolio).
 */
import * as React from 'react';

import { Box, Button, Flex } from '@strapi/design-system';

import { useProjectManagers, type DashboardFilters as Filters } from '../../api/dashboard';
import { useEntities } from '../../api/finance';
import { DateField } from '../../components/fields';
import { byName, FilterSelect } from '../../components/FilterSelect';
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
  const programmes = useEntities('programme', chosen.portfolio ? { relation: 'portfolio', documentId: chosen.portfolio } : undefined);
  const departments = useEntities('department');
  const managers = useProjectManagers();
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
      <FilterSelect
        name="programme"
        label={t('dashboard.filter.programme', 'Programme')}
        allLabel={t('dashboard.filter.allProgrammes', 'All programmes')}
        value={chosen.programme}
        options={byName(programmes.data)}
        onChange={(value) => set({ programme: value })}
        width="210px"
        data-testid="pmo-dashboard-programme"
      />
      <FilterSelect
        name="manager"
        label={t('dashboard.filter.manager', 'Project manager')}
        allLabel={t('dashboard.filter.allManagers', 'Any manager')}
        value={chosen.manager}
        options={(managers.data ?? []).map((person) => ({ value: person.documentId, label: person.fullName }))}
        onChange={(value) => set({ manager: value })}
        width="200px"
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
