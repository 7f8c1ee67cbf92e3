/** A project's earned value as of a date, its S-curve, and the ways to its budget outline and exports. */
import { Flex, Link, Main, Tbody, Tr, Td, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { NavLink, useParams, useSearchParams } from 'react-router-dom';

import { today, useCanExport, useEvm, useSeries } from '../../api/finance';
import { useTranslate } from '../../utils/useTranslate';
import { EvmHead, EvmLegend, FigureCells, COLUMN_COUNT, Term } from './EvmTable';
import { ScrollTable } from './ScrollTable';
import { formatMoney } from './display';
import { AsOfField } from './AsOfField';
import { SCurvePanel } from './SCurve';
import { EarnedSchedulePanel } from './EarnedSchedule';
import { formatDay } from '../../utils/dates';
import { HighlightReportButton } from '../../components/HighlightReportButton';

export const ProjectFinance = () => {
  const t = useTranslate();
  const { documentId } = useParams<{ documentId: string }>();
  const [search, setSearch] = useSearchParams();
  const canExport = useCanExport();
  const asOf = search.get('asOf') ?? today();
  // The series answers the figures as of asOf too: one request for the table and the chart.
  const series = useSeries('projects', documentId, asOf);
  // Earned schedule comes with the earned value (the series carries cost figures only).
  const evm = useEvm('projects', documentId, asOf);
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
          <Flex gap={4} alignItems="flex-start" justifyContent="space-between" wrap="wrap">
            <AsOfField value={asOf} onChange={(value) => setSearch({ asOf: value }, { replace: true })} />
            <HighlightReportButton level="projects" documentId={documentId} asOf={asOf} code={project?.code} />
          </Flex>
          {series.data && (
            <>
              <ScrollTable label={t('finance.table.project', 'Earned value of the project')} colCount={COLUMN_COUNT} rowCount={2} stickyFirst data-testid="finance-evm-table">
                <EvmHead first={t('finance.project', 'Project')} />
                <Tbody>
                  <Tr>
                    <Td>
                      <Typography fontWeight="bold">{project?.code}</Typography>
                    </Td>
                    <FigureCells f={series.data} />
                  </Tr>
                </Tbody>
              </ScrollTable>
              <EvmLegend />
              <Flex gap={6} wrap="wrap" data-testid="finance-estimates">
                <Typography><Term term="ETC" />: {formatMoney(series.data.etc, series.data.currency)}</Typography>
                <Typography><Term term="EAC" /> if the overruns so far do not recur: {formatMoney(series.data.eacAtypical, series.data.currency)}</Typography>
                <Typography><Term term="EAC" /> at the current cost and schedule performance (<Term term="CPI" /> × <Term term="SPI" />): {formatMoney(series.data.eacCombined, series.data.currency)}</Typography>
                <Typography><Term term="TCPI" />: {series.data.tcpi === null ? 'n/a' : series.data.tcpi.toFixed(2)}</Typography>
              </Flex>
              <EarnedSchedulePanel figures={evm.data} />
            </>
          )}
          <SCurvePanel series={series} subject={project ? `${project.code} ${project.name}` : 'the project'} title={t('finance.scurve', 'S-curve')} />
          <Flex gap={4}>
            <Link tag={NavLink} to={`../projects/${documentId}/budget-outline`}>
              {t('finance.outline.open', 'Budget outline')}
            </Link>
            {canExport && (
              <Link tag={NavLink} to={`../exports?project=${documentId}&report=financial-summary&asOf=${asOf}`}>
                {t('finance.project.exports', 'Exports of this project')}
              </Link>
            )}
          </Flex>
        </Flex>
      </Layouts.Content>
    </Main>
  );
};
