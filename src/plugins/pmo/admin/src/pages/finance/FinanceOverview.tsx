/**
 * Finance: pick a portfolio and a date; earned value per programme (each opens on the first page
 * of its projects) with the portfolio's total over all its projects, then the portfolio's projects
 * a page at a time (`?page=&pageSize=&sort=` in the URL; RollUpProjects). Every figure comes in the
 * portfolio's one answer (its `programmes` too): 40 programmes were 40 requests, one each, at scale.
 */
import { Flex, Link, Main, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { NavLink, useSearchParams } from 'react-router-dom';

import { today, useCanExport, useEntities, useEvm } from '../../api/finance';
import { byName, FilterSelect } from '../../components/FilterSelect';
import { useTranslate } from '../../utils/useTranslate';
import { AsOfField } from './AsOfField';
import { EvmLegend, EvmTable, FigureCells, ProgrammeRows } from './EvmTable';
import { RollUpProjects, useRollUpPage } from './RollUpProjects';

export const FinanceOverview = () => {
  const t = useTranslate();
  const [search, setSearch] = useSearchParams();
  const portfolios = useEntities('portfolio');
  const portfolioId = search.get('portfolio') ?? portfolios.data?.[0]?.documentId;
  const asOf = search.get('asOf') ?? today();
  // Every programme's own figures in the same answer (one request, not one per programme).
  const total = useEvm('portfolios', portfolioId, asOf, { ...useRollUpPage(), programmes: 'true' });
  const canExport = useCanExport();

  const update = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    next.set(key, value);
    if (key === 'portfolio') ['page', 'sort'].forEach((paging) => next.delete(paging));
    setSearch(next, { replace: true });
  };

  return (
    <Main>
      <Layouts.Header
        title={t('finance.title', 'Finance')}
        subtitle={t('finance.subtitle', 'Earned value by portfolio, programme and project. Amounts in {currency}.', {
          currency: total.data?.currency ?? '…',
        })}
        primaryAction={
          canExport ? (
            <Link tag={NavLink} to="exports" data-testid="finance-exports-link">
              {t('finance.exports.open', 'Exports')}
            </Link>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={4} alignItems="flex-end">
            <FilterSelect
              name="portfolio"
              label={t('finance.portfolio', 'Portfolio')}
              placeholder={portfolios.isLoading ? '…' : t('finance.portfolio.none', 'No portfolio')}
              value={portfolioId}
              options={byName(portfolios.data)}
              onChange={(value) => update('portfolio', value ?? '')}
              width="320px"
            />
            <AsOfField value={asOf} onChange={(value) => update('asOf', value)} />
          </Flex>
          {portfolios.error && <Typography textColor="danger600">{portfolios.error.message}</Typography>}
          {total.error && <Typography textColor="danger600">{total.error.message}</Typography>}
          {portfolioId && (
            <EvmTable
              rows={(total.data?.programmes?.length ?? 0) + 1}
              first={t('finance.programme', 'Programme')}
              label={t('finance.table.portfolio', 'Earned value by programme')}
            >
              {(total.data?.programmes ?? []).map((programme) => (
                <ProgrammeRows key={programme.documentId} programme={programme} asOf={asOf} />
              ))}
              {total.data && (
                <Tr data-testid="finance-portfolio-total">
                  <Td>
                    <Typography fontWeight="bold">{t('finance.total', 'Portfolio total')}</Typography>
                  </Td>
                  <FigureCells f={total.data} />
                </Tr>
              )}
            </EvmTable>
          )}
          {portfolioId && total.data && (
            <RollUpProjects
              answer={total.data}
              label={t('finance.table.portfolioProjects', 'Earned value by project, all programmes')}
              empty={t('finance.portfolio.empty', 'No projects in this portfolio.')}
              linkTo={(project) => `projects/${project.documentId}?asOf=${asOf}`}
              testId="finance-portfolio-projects"
            />
          )}
          <EvmLegend
            extra={t('finance.legend', 'CPI and SPI: green at 1 or above, amber from 0.9 to 1, red below 0.9, grey when there is nothing to compare yet.')}
          />
        </Flex>
      </Layouts.Content>
    </Main>
  );
};
