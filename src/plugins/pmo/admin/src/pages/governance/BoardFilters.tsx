/**
 * The governance board's filters, kept in the URL so a filtered board can be shared and survives a
 * reload: portfolio (`?portfolio=`), programme (`?programme=`), RAG of the latest status report
 * (`?rag=`, `none` for no report), manager (`?manager=`), the manager's department
 * (`?department=`) and text matched against code and name (`?q=`). The server filters and
 * pages (`?page=&pageSize=`, Strapi's Pagination); a changed filter goes back to the first page.
 * Programmes and managers are found as the user types (`GET /pmo/search`), not listed: a large
 * PMO has hundreds of programmes and thousands of managers. The dashboard's figures open the board with these.
 */
import * as React from 'react';

import { Box, Button, Field, Flex, TextInput } from '@strapi/design-system';
import { Search } from '@strapi/icons';
import { useDebounce } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';

import { useEntities, useEntity } from '../../api/finance';
import { BOARD_RAGS, type BoardFilters as Filters, type BoardRag, type PersonRef } from '../../api/governance';
import { pickedItem, pickedPerson, SearchPicker, type Picked } from '../../components/SearchPicker';
import { byName, FilterSelect } from '../../components/FilterSelect';
import type { Translate } from '../../utils/useTranslate';
import { ragLabel } from './display';

const KEYS = ['portfolio', 'programme', 'rag', 'manager', 'department', 'q'] as const;
/** The page, kept in the URL by Strapi's Pagination; not a filter. */
const PAGING = ['page', 'pageSize'] as const;

/** The filters the URL holds (the page too, for the request; `filtered` says whether a filter is set). */
export function useBoardFilters(): [Filters, (key: (typeof KEYS)[number], value: string | null) => void, () => void, boolean] {
  const [search, setSearch] = useSearchParams();
  const filters = Object.fromEntries([...KEYS, ...PAGING].map((key) => [key, search.get(key) ?? undefined])) as Filters;
  const set = (key: (typeof KEYS)[number], value: string | null) => {
    const next = new URLSearchParams(search);
    if (!value) next.delete(key);
    else next.set(key, value);
    next.delete('page');
    setSearch(next, { replace: true });
  };
  const clear = () => {
    const next = new URLSearchParams(search);
    [...KEYS, 'page'].forEach((key) => next.delete(key));
    setSearch(next, { replace: true });
  };
  return [filters, set, clear, KEYS.some((key) => filters[key])];
}

const ragOption = (t: Translate, rag: BoardRag) => (rag === 'none' ? t('governance.filter.noReport', 'No status report') : ragLabel(t, rag));

/** `manager`: the manager filtered by, as the board names them (the URL holds only the documentId). */
export const BoardFilters = ({ manager, t }: { manager: PersonRef | null; t: Translate }) => {
  const [filters, set, clear, anySet] = useBoardFilters();
  const portfolios = useEntities('portfolio');
  const programme = useEntity('programme', filters.programme);
  const departments = useEntities('department');
  /** A filter found as one types: the URL keeps the documentId of what is picked. */
  const picker = (type: 'programme' | 'person', key: 'programme' | 'manager', label: string, placeholder: string, value: Picked | null) => (
    <Box width="240px">
      <SearchPicker type={type} name={key} label={label} placeholder={placeholder} value={value} onChange={(picked) => set(key, picked?.documentId ?? null)} />
    </Box>
  );
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
      {picker('programme', 'programme', t('governance.board.programme', 'Programme'), t('governance.board.allProgrammes', 'All programmes'), filters.programme && programme.data ? pickedItem(programme.data) : null)}
      <FilterSelect
        name="rag"
        label={t('governance.filter.rag', 'RAG')}
        allLabel={t('governance.filter.allRags', 'Any RAG')}
        value={filters.rag}
        options={BOARD_RAGS.map((rag) => ({ value: rag, label: ragOption(t, rag) }))}
        onChange={(value) => set('rag', value ?? null)}
        width="180px"
      />
      {picker('person', 'manager', t('governance.filter.manager', 'Manager'), t('governance.filter.allManagers', 'Any manager'), filters.manager && manager ? pickedPerson(manager) : null)}
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
