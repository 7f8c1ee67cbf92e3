/** A project's earned value as of a date, its S-curve, and the ways to its budget outline and exports. */
import { Flex, Link, Main, Table, Tbody, Tr, Td, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { NavLink, useParams, useSearchParams } from 'react-router-dom';

import { today, useSeries } from '../../api/finance';
import { useTranslate } from '../../utils/useTranslate';
import { EvmHead, FigureCells, COLUMN_COUNT } from './EvmTable';
import { formatMoney } from './display';
import { AsOfField } from './AsOfField';
import { SCurvePanel } from './SCurve';
import { formatDay } from '../../utils/dates';

export const ProjectFinance = () => {
  const t = useTranslate();
  const { documentId } = useParams<{ documentId: string }>();
  const [search, setSearch] = useSearchParams();
  const asOf = search.get('asOf') ?? today();
  // The series answers the figures as of asOf too: one request for the table and the chart.
  const series = useSeries('projects', documentId, asOf);
  const project = series.data?.project;

  return (
    <Main>
      <Layouts.Header
        navigationAction={
          <Link tag={NavLink} to="..">
            {t('finance.back', 'Finance')}
          </Link>
        }
        title={project ? `${project.code} · ${project.name}` : '…'}
        subtitle={t('finance.project.subtitle', 'Earned value as of {asOf}, in {currency}', {
          asOf: formatDay(asOf),
          currency: series.data?.currency ?? '…',
        })}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <AsOfField value={asOf} onChange={(value) => setSearch({ asOf: value }, { replace: true })} />
          {series.data && (
            <>
              <Table colCount={COLUMN_COUNT} rowCount={2}>
                <EvmHead first={t('finance.project', 'Project')} />
                <Tbody>
                  <Tr>
                    <Td>
                      <Typography fontWeight="bold">{project?.code}</Typography>
                    </Td>
                    <FigureCells f={series.data} />
                  </Tr>
                </Tbody>
              </Table>
              <Flex gap={6} wrap="wrap">
                <Typography>ETC: {formatMoney(series.data.etc)}</Typography>
                <Typography>EAC (atypical): {formatMoney(series.data.eacAtypical)}</Typography>
                <Typography>EAC (CPI × SPI): {formatMoney(series.data.eacCombined)}</Typography>
                <Typography>TCPI: {series.data.tcpi === null ? 'n/a' : series.data.tcpi.toFixed(2)}</Typography>
              </Flex>
            </>
          )}
          <SCurvePanel series={series} subject={project ? `${project.code} ${project.name}` : 'the project'} title={t('finance.scurve', 'S-curve')} />
          <Flex gap={4}>
            <Link tag={NavLink} to={`../projects/${documentId}/budget-outline`}>
              {t('finance.outline.open', 'Budget outline')}
            </Link>
            <Link tag={NavLink} to={`../exports?project=${documentId}&report=financial-summary&asOf=${asOf}`}>
              {t('finance.project.exports', 'Exports of this project')}
            </Link>
          </Flex>
        </Flex>
      </Layouts.Content>
    </Main>
  );
};
