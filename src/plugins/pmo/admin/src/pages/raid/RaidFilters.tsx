/**
 * The scope of the "Risks and issues" page, kept in the URL so a view can be shared and survives a
 * reload: a portfolio, a programme, a project (the narrowest chosen applies; none is every register
 * item), and whether the heat map shows the residual scores. Programmes and projects are found as
 * one types (`GET /pmo/search`), not listed: a large PMO has hundreds and thousands of them.
 */
import * as React from 'react';

import { Button, Flex } from '@strapi/design-system';

import { useEntities } from '../../api/finance';
import type { RaidFilters as Filters } from '../../api/raid';
import { byName, FilterSelect } from '../../components/FilterSelect';
import { SearchFilter } from '../../components/SearchFilter';
import { useUrlFilters } from '../../utils/useUrlFilters';
import type { Translate } from '../../utils/useTranslate';

const KEYS = ['portfolio', 'programme', 'project'] as const;

export function useRaidFilters() {
  const { chosen: inUrl, set } = useUrlFilters([...KEYS, 'residual']);
  const { residual, ...chosen } = inUrl;
  return { chosen: chosen as Filters, residual: residual === '1', set };
}

export const RaidFilters = ({ t }: { t: Translate }) => {
  const { chosen, set } = useRaidFilters();
  const portfolios = useEntities('portfolio');
  const anySet = KEYS.some((key) => chosen[key]);

  return (
    <Flex
      gap={3}
      alignItems="flex-end"
      wrap="wrap"
      tag="form"
      role="search"
      aria-label={t('raid.filter.label', 'Choose the portfolio, programme or project')}
      onSubmit={(event: React.FormEvent) => event.preventDefault()}
      data-testid="pmo-raid-filters"
    >
      <FilterSelect
        name="portfolio"
        label={t('raid.filter.portfolio', 'Portfolio')}
        allLabel={t('raid.filter.allPortfolios', 'All portfolios')}
        value={chosen.portfolio}
        options={byName(portfolios.data)}
        // A programme or project of another portfolio no longer applies.
        onChange={(value) => set({ portfolio: value, programme: undefined, project: undefined })}
        width="230px"
        data-testid="pmo-raid-portfolio"
      />
      <SearchFilter
        type="programme"
        name="programme"
        label={t('raid.filter.programme', 'Programme')}
        placeholder={t('raid.filter.allProgrammes', 'All programmes')}
        value={chosen.programme}
        onChange={(value) => set({ programme: value, project: undefined })}
        width="230px"
        data-testid="pmo-raid-programme"
      />
      <SearchFilter
        type="project"
        name="project"
        label={t('raid.filter.project', 'Project')}
        placeholder={t('raid.filter.anyProject', 'All projects')}
        value={chosen.project}
        onChange={(value) => set({ project: value })}
        width="230px"
        data-testid="pmo-raid-project"
      />
      {anySet ? (
        <Button variant="tertiary" onClick={() => set({ portfolio: undefined, programme: undefined, project: undefined })}>
          {t('raid.filter.clear', 'Show everything')}
        </Button>
      ) : null}
    </Flex>
  );
};
