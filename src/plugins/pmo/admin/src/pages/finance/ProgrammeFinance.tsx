/**
 * A programme's earned value as of a date: its S-curve (PV, EV and AC summed over its projects
 * by month), its projects each linking to their own page, and its budget outline and exports.
 */
import { Flex, Link, Main, Tr, Td, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { NavLink, useParams, useSearchParams } from 'react-router-dom';

import { today, useCanExport, useEvm, useSeries } from '../../api/finance';
import { useTranslate } from '../../utils/useTranslate';
import { COLUMN_COUNT, EvmLegend, EvmTable, FigureCells } from './EvmTable';
import { AsOfField } from './AsOfField';
import { SCurvePanel } from './SCurve';
import { EarnedSchedulePanel } from './EarnedSchedule';
import { formatDay } from '../../utils/dates';
import { HighlightReportButton } from '../../components/HighlightReportButton';

export const ProgrammeFinance = () => {
  const t = useTranslate();
  const { documentId } = useParams<{ documentId: string }>();
  const [search, setSearch] = useSearchParams();
  const canExport = useCanExport();
  const asOf = search.get('asOf') ?? today();
  const series = useSeries('programmes', documentId, asOf);
  const evm = useEvm('programmes', documentId, asOf);
  const programme = series.data?.programme ?? evm.data?.programme;
  const projects = evm.data?.projects ?? [];

  return (
    <Main>
      <Layouts.Header
        navigationAction={
          <Link tag={NavLink} to="..">
            {t('finance.back', 'Finance')}
          </Link>
        }
        title={programme ? `${programme.code} · ${programme.name}` : '…'}
        subtitle={t('finance.programme.subtitle', 'Programme earned value as of {asOf}, in {currency}: the sums of its projects', {
          asOf: formatDay(asOf),
          currency: series.data?.currency ?? '…',
        })}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={4} alignItems="flex-start" justifyContent="space-between" wrap="wrap">
            <AsOfField value={asOf} onChange={(value) => setSearch({ asOf: value }, { replace: true })} />
            <HighlightReportButton level="programmes" documentId={documentId} asOf={asOf} code={programme?.code} />
          </Flex>
          {evm.error && <Typography textColor="danger600">{evm.error.message}</Typography>}
          {evm.data && (
            <EvmTable rows={projects.length + 1} first={t('finance.project', 'Project')} label={t('finance.table.programme', 'Earned value by project')}>
              {projects.map((project) => (
                <Tr key={project.documentId} data-testid={`finance-project-${project.code}`}>
                  <Td>
                    <Link tag={NavLink} to={`../projects/${project.documentId}?asOf=${asOf}`}>
                      {project.code} · {project.name}
                    </Link>
                  </Td>
                  <FigureCells f={project} />
                </Tr>
              ))}
              {projects.length === 0 && (
                <Tr>
                  <Td colSpan={COLUMN_COUNT}>
                    <Typography textColor="neutral600">{t('finance.programme.empty', 'No projects in this programme.')}</Typography>
                  </Td>
                </Tr>
              )}
              <Tr data-testid="finance-programme-total">
                <Td>
                  <Typography fontWeight="bold">{t('finance.programme.total', 'Programme total')}</Typography>
                </Td>
                <FigureCells f={evm.data} />
              </Tr>
            </EvmTable>
          )}
          {evm.data && <EvmLegend />}
          <EarnedSchedulePanel figures={evm.data} />
          <SCurvePanel
            series={series}
            subject={programme ? `programme ${programme.code} ${programme.name}` : 'the programme'}
            title={t('finance.programme.scurve', 'Programme S-curve')}
          />
          <Flex gap={4}>
            <Link tag={NavLink} to={`../programmes/${documentId}/budget-outline`}>
              {t('finance.outline.open', 'Budget outline')}
            </Link>
            {canExport && (
              <Link tag={NavLink} to={`../exports?programme=${documentId}&report=financial-summary&asOf=${asOf}`}>
                {t('finance.programme.exports', 'Exports of this programme')}
              </Link>
            )}
          </Flex>
        </Flex>
      </Layouts.Content>
    </Main>
  );
};
