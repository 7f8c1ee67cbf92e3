/**
 * One page of a programme's or portfolio's projects, each with its own figures and a link to its
 * page, under Strapi's Pagination (`?page=&pageSize=` in the URL) and a choice of order
 * (`?sort=code|name`). The server answers the page (50 projects unless asked) and the totals
 * over all the projects, which the last row shows.
 */
import { Flex, Link, Td, Tr, Typography } from '@strapi/design-system';
import { NavLink, useSearchParams } from 'react-router-dom';

import { ROLL_UP_PAGE_SIZE, ROLL_UP_SORTS, type EvmFigures, type ProjectEvmRow, type RollUpPage, type RollUpSort } from '../../api/finance';
import { FilterSelect } from '../../components/FilterSelect';
import { useTranslate } from '../../utils/useTranslate';
import { COLUMN_COUNT, EvmTable, FigureCells } from './EvmTable';
import { ListPagination } from '../../components/ListPagination';

const isSort = (value: string | null): value is RollUpSort => (ROLL_UP_SORTS as readonly (string | null)[]).includes(value);

/** The page of projects the URL asks for. */
export function useRollUpPage(): RollUpPage {
  const [search] = useSearchParams();
  const sort = search.get('sort');
  return { page: search.get('page') ?? undefined, pageSize: search.get('pageSize') ?? undefined, sort: isSort(sort) ? sort : undefined };
}

type Answer = EvmFigures & { projects: ProjectEvmRow[]; pagination: { page: number; pageSize: number; total: number } };

export const RollUpProjects = ({
  answer,
  label,
  totalLabel,
  empty,
  linkTo,
  testId,
}: {
  answer: Answer;
  label: string;
  /** The total row's words, e.g. "Programme total"; none where the page shows the total already. */
  totalLabel?: string;
  empty: string;
  linkTo: (project: ProjectEvmRow) => string;
  /** The table's test id; each row's is `<testId>-<code>`. */
  testId: string;
}) => {
  const t = useTranslate();
  const [search, setSearch] = useSearchParams();
  const { projects, pagination } = answer;
  if (projects.length === 0 && pagination.total === 0 && !totalLabel) return null;
  const sortBy = (value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (!value || value === 'code') next.delete('sort');
    else next.set('sort', value);
    next.delete('page');
    setSearch(next, { replace: true });
  };
  const first = (pagination.page - 1) * pagination.pageSize + 1;

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Flex gap={4} alignItems="flex-end" justifyContent="space-between" wrap="wrap">
        <FilterSelect
          name="sort"
          label={t('finance.projects.sort', 'Order the projects by')}
          value={search.get('sort') ?? 'code'}
          options={[
            { value: 'code', label: t('finance.projects.sort.code', 'Code') },
            { value: 'name', label: t('finance.projects.sort.name', 'Name') },
          ]}
          onChange={sortBy}
          width="200px"
        />
        <Typography variant="pi" textColor="neutral600" data-testid="finance-project-count">
          {projects.length
            ? t('finance.projects.shown', 'Projects {first} to {last} of {total}', { first, last: first + projects.length - 1, total: pagination.total })
            : t('finance.projects.count', '{total} projects', { total: pagination.total })}
        </Typography>
      </Flex>
      <EvmTable rows={projects.length + (totalLabel ? 1 : 0)} first={t('finance.project', 'Project')} label={label} testId={testId}>
        {projects.map((project) => (
          <Tr key={project.documentId} data-testid={`${testId}-${project.code}`}>
            <Td data-name>
              <Link tag={NavLink} to={linkTo(project)}>
                {project.code} · {project.name}
              </Link>
            </Td>
            <FigureCells f={project} />
          </Tr>
        ))}
        {projects.length === 0 && (
          <Tr>
            <Td colSpan={COLUMN_COUNT}>
              <Typography textColor="neutral600">{pagination.total ? t('finance.projects.pastEnd', 'No projects on this page.') : empty}</Typography>
            </Td>
          </Tr>
        )}
        {totalLabel && (
          <Tr data-testid={`${testId}-total`}>
            <Td>
              <Typography fontWeight="bold">{totalLabel}</Typography>
            </Td>
            <FigureCells f={answer} />
          </Tr>
        )}
      </EvmTable>
      <ListPagination pagination={pagination} defaultPageSize={ROLL_UP_PAGE_SIZE} />
    </Flex>
  );
};
