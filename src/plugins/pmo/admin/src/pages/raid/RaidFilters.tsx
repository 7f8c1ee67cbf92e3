/**
 * The scope of the "Risks and issues" page, kept in the URL so a view can be shared and survives a
 * reload: a portfolio, a programme of it, a project of that programme (the narrowest chosen
 * applies; none is every register item), and whether the heat map shows the residual scores.
 */
import * as React from 'react';

import { Button, Flex } from '@strapi/design-system';

import { useEntities } from '../../api/finance';
import type { RaidFilters as Filters } from '../../api/raid';
import { byName, FilterSelect } from '../../components/FilterSelect';
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
  const programmes = useEntities('programme', chosen.portfolio ? { relation: 'portfolio', documentId: chosen.portfolio } : undefined);
  const projects = useEntities('project', chosen.programme ? { relation: 'programme', documentId: chosen.programme } : undefined);
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
      <FilterSelect
        name="programme"
        label={t('raid.filter.programme', 'Programme')}
        allLabel={t('raid.filter.allProgrammes', 'All programmes')}
        value={chosen.programme}
        options={byName(programmes.data)}
        onChange={(value) => set({ programme: value, project: undefined })}
        width="230px"
        data-testid="pmo-raid-programme"
      />
      <FilterSelect
        name="project"
        label={t('raid.filter.project', 'Project')}
        allLabel={chosen.programme ? t('raid.filter.allProjects', 'All its projects') : t('raid.filter.chooseProgramme', 'Choose a programme first')}
        value={chosen.project}
        options={chosen.programme ? byName(projects.data) : []}
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
