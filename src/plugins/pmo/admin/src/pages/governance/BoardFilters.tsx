/**
 * The governance board's filters, kept in the URL so a filtered board can be shared and survives a
 * reload: portfolio (`?portfolio=`), programme (`?programme=`), RAG of the latest status report
 * (`?rag=`, `none` for no report), manager (`?manager=`), the manager's department
 * (`?department=`) and text matched against code and name (`?q=`). The server filters. The
 * dashboard's figures open the board with these.
 */
import * as React from 'react';

import { Box, Button, Field, Flex, TextInput } from '@strapi/design-system';
import { Search } from '@strapi/icons';
import { useDebounce } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';

import { useEntities } from '../../api/finance';
import { BOARD_RAGS, type BoardFilters as Filters, type BoardRag, type PersonRef } from '../../api/governance';
import { byName, FilterSelect } from '../../components/FilterSelect';
import type { Translate } from '../../utils/useTranslate';
import { ragLabel } from './display';

const KEYS = ['portfolio', 'programme', 'rag', 'manager', 'department', 'q'] as const;

/** The filters the URL holds. */
export function useBoardFilters(): [Filters, (key: (typeof KEYS)[number], value: string | null) => void, () => void] {
  const [search, setSearch] = useSearchParams();
  const filters = Object.fromEntries(KEYS.map((key) => [key, search.get(key) ?? undefined])) as Filters;
  const set = (key: (typeof KEYS)[number], value: string | null) => {
    const next = new URLSearchParams(search);
    if (!value) next.delete(key);
    else next.set(key, value);
    setSearch(next, { replace: true });
  };
  const clear = () => {
    const next = new URLSearchParams(search);
    KEYS.forEach((key) => next.delete(key));
    setSearch(next, { replace: true });
  };
  return [filters, set, clear];
}

const ragOption = (t: Translate, rag: BoardRag) => (rag === 'none' ? t('governance.filter.noReport', 'No status report') : ragLabel(t, rag));

export const BoardFilters = ({ managers, t }: { managers: PersonRef[]; t: Translate }) => {
  const [filters, set, clear] = useBoardFilters();
  const portfolios = useEntities('portfolio');
  const programmes = useEntities('programme', filters.portfolio ? { relation: 'portfolio', documentId: filters.portfolio } : undefined);
  const departments = useEntities('department');
  const [text, setText] = React.useState(filters.q ?? '');
  const typed = useDebounce(text, 300);
  React.useEffect(() => {
    if ((typed.trim() || undefined) !== filters.q) set('q', typed.trim() || null);
    // Only the typed text drives the URL here; a cleared filter resets the box below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);
  React.useEffect(() => {
    if (!filters.q) setText((current) => (current.trim() ? '' : current));
  }, [filters.q]);
  const anySet = KEYS.some((key) => filters[key]);

  return (
    <Flex gap={3} alignItems="flex-end" wrap="wrap" tag="form" role="search" aria-label={t('governance.filter.label', 'Filter the board')} onSubmit={(event: React.FormEvent) => event.preventDefault()}>
      <Box width="240px">
        <Field.Root name="q">
          <Field.Label>{t('governance.filter.search', 'Search')}</Field.Label>
          <TextInput
            startAction={<Search aria-hidden />}
            placeholder={t('governance.filter.searchPlaceholder', 'Project code or name')}
            value={text}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => setText(event.target.value)}
            data-testid="pmo-gov-filter-search"
          />
        </Field.Root>
      </Box>
      <FilterSelect
        name="portfolio"
        label={t('governance.board.portfolio', 'Portfolio')}
        allLabel={t('governance.board.allPortfolios', 'All portfolios')}
        value={filters.portfolio}
        options={byName(portfolios.data)}
        onChange={(value) => set('portfolio', value ?? null)}
        width="200px"
      />
      <FilterSelect
        name="programme"
        label={t('governance.board.programme', 'Programme')}
        allLabel={t('governance.board.allProgrammes', 'All programmes')}
        value={filters.programme}
        options={byName(programmes.data)}
        onChange={(value) => set('programme', value ?? null)}
        width="220px"
      />
      <FilterSelect
        name="rag"
        label={t('governance.filter.rag', 'RAG')}
        allLabel={t('governance.filter.allRags', 'Any RAG')}
        value={filters.rag}
        options={BOARD_RAGS.map((rag) => ({ value: rag, label: ragOption(t, rag) }))}
        onChange={(value) => set('rag', value ?? null)}
        width="180px"
      />
      <FilterSelect
        name="manager"
        label={t('governance.filter.manager', 'Manager')}
        allLabel={t('governance.filter.allManagers', 'Any manager')}
        value={filters.manager}
        options={managers.map((manager) => ({ value: manager.documentId, label: manager.fullName }))}
        onChange={(value) => set('manager', value ?? null)}
        width="220px"
      />
      <FilterSelect
        name="department"
        label={t('governance.filter.department', 'Department')}
        allLabel={t('governance.filter.allDepartments', 'Any department')}
        value={filters.department}
        options={byName(departments.data)}
        onChange={(value) => set('department', value ?? null)}
        width="200px"
      />
      {anySet ? (
        <Button
          variant="tertiary"
          onClick={() => {
            setText('');
            clear();
          }}
        >
          {t('governance.filter.clear', 'Clear filters')}
        </Button>
      ) : null}
    </Flex>
  );
};
