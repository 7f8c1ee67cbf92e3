/**
 * The budget outline of a project or programme: months × categories as a stacked bar chart and
 * as a grid with row and column totals. The server adds the totals exactly (BigInt minor units);
 * this page only displays its decimal strings. Management reserve is a column of its own, outside
 * the BAC total. `from`/`to` keep whole months, like the budget-outline CSV this page links to.
 */
import * as React from 'react';
import { Box, Flex, Link, Loader, Main, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { NavLink, useParams, useSearchParams } from 'react-router-dom';

import { DateField } from '../../components/fields';
import { MANAGEMENT_RESERVE, subjectOf, useBudgetOutline, useCanExport, type BudgetOutline, type OutlineRow } from '../../api/finance';
import { useTranslate } from '../../utils/useTranslate';
import { BudgetBars } from './BudgetBars';
import { monthLabel } from './chart';
import { Money } from './display';
import { ScrollTable } from './ScrollTable';
import { categoryLabel } from './words';

type Level = 'projects' | 'programmes';

const AmountCells = ({ row, categories, bold }: { row: OutlineRow; categories: string[]; bold?: boolean }) => (
  <>
    {categories.map((category) => (
      <Td key={category} data-category={category} style={{ textAlign: 'right' }}>
        <Money value={row.amounts[category]} bold={bold} />
      </Td>
    ))}
    <Td data-category="total" style={{ textAlign: 'right' }}>
      <Money value={row.total} bold />
    </Td>
    <Td data-category={MANAGEMENT_RESERVE} style={{ textAlign: 'right' }}>
      <Money value={row.managementReserve} bold={bold} muted />
    </Td>
  </>
);

const OutlineGrid = ({ outline }: { outline: BudgetOutline }) => {
  const { categories, months, totals } = outline;
  return (
    <ScrollTable
      label="Budget by month and category"
      colCount={categories.length + 3}
      rowCount={months.length + 2}
      stickyFirst
      data-testid="finance-outline-grid"
    >
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">Month</Typography></Th>
            {[...categories.map(categoryLabel), 'Total (BAC)', 'Management reserve'].map((label) => (
              <Th key={label} style={{ textAlign: 'right' }}>
                <Typography variant="sigma" style={{ width: '100%', textAlign: 'right' }}>{label}</Typography>
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {months.map((row) => (
            <Tr key={row.month} data-testid={`finance-outline-month-${row.month}`}>
              <Td><Typography>{monthLabel(row.month)}</Typography></Td>
              <AmountCells row={row} categories={categories} />
            </Tr>
          ))}
          <Tr data-testid="finance-outline-totals">
            <Td><Typography fontWeight="bold">Total</Typography></Td>
            <AmountCells row={totals} categories={categories} bold />
          </Tr>
        </Tbody>
    </ScrollTable>
  );
};

export const BudgetOutlinePage = ({ level }: { level: Level }) => {
  const t = useTranslate();
  const { documentId } = useParams<{ documentId: string }>();
  const [search, setSearch] = useSearchParams();
  const canExport = useCanExport();
  const range = { from: search.get('from') ?? '', to: search.get('to') ?? '' };
  const outline = useBudgetOutline(level, documentId, range);
  const subject = outline.data && subjectOf(outline.data);
  const noun = level === 'projects' ? 'project' : 'programme';

  const update = (key: 'from' | 'to', value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };
  // The Exports page, set to the budget-outline CSV of the same project or programme and months.
  const filters = new URLSearchParams({ report: 'budget-outline', [noun]: documentId ?? '' });
  for (const key of ['from', 'to'] as const) if (range[key]) filters.set(key, range[key]);

  return (
    <Main>
      <Layouts.Header
        navigationAction={
          <Link tag={NavLink} to={`../${level}/${documentId}`}>
            {subject ? subject.code : t('finance.back', 'Finance')}
          </Link>
        }
        title={t('finance.outline.title', 'Budget outline · {subject}', { subject: subject ? `${subject.code} · ${subject.name}` : '…' })}
        subtitle={t('finance.outline.subtitle', 'Budget lines of the {noun} by month and category, in {currency}. Management reserve is shown apart: it is not part of BAC.', {
          noun,
          currency: outline.data?.currency ?? '…',
        })}
        primaryAction={
          canExport ? (
            <Link tag={NavLink} to={`../exports?${filters}`} data-testid="finance-outline-csv">
              {t('finance.outline.csv', 'Budget outline CSV')}
            </Link>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={4} alignItems="flex-end">
            {(['from', 'to'] as const).map((key) => (
              <Box key={key} width="200px">
                <DateField
                  name={key}
                  label={key === 'from' ? t('finance.from', 'From') : t('finance.to', 'To')}
                  hint={t('finance.outline.wholeMonths', 'Whole months')}
                  value={range[key]}
                  onChange={(value) => update(key, value)}
                />
              </Box>
            ))}
          </Flex>
          {outline.isLoading && <Loader small>Loading</Loader>}
          {outline.error && <Typography textColor="danger600">{outline.error.message}</Typography>}
          {outline.data && (
            <>
              <Box background="neutral0" padding={4} shadow="tableShadow" hasRadius>
                <BudgetBars outline={outline.data} subject={subject ? `${subject.code} ${subject.name}` : `the ${noun}`} />
              </Box>
              <OutlineGrid outline={outline.data} />
            </>
          )}
        </Flex>
      </Layouts.Content>
    </Main>
  );
};
