/**
 * A programme's earned value as of a date: its S-curve (PV, EV and AC summed over its projects
 * by month), its projects a page at a time (RollUpProjects) each linking to their own page, its
 * total over all of them, and its budget outline and exports.
 */
import { Flex, Link, Main, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { NavLink, useParams, useSearchParams } from 'react-router-dom';

import { today, useCanExport, useEvm, useSeries } from '../../api/finance';
import { useTranslate } from '../../utils/useTranslate';
import { EvmLegend } from './EvmTable';
import { RollUpProjects, useRollUpPage } from './RollUpProjects';
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
  const evm = useEvm('programmes', documentId, asOf, useRollUpPage());
  const programme = series.data?.programme ?? evm.data?.programme;

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
            <RollUpProjects
              answer={evm.data}
              label={t('finance.table.programme', 'Earned value by project')}
              totalLabel={t('finance.programme.totalOf', 'Programme total, all {count} projects', { count: evm.data.pagination.total })}
              empty={t('finance.programme.empty', 'No projects in this programme.')}
              linkTo={(project) => `../projects/${project.documentId}?asOf=${asOf}`}
              testId="finance-programme-projects"
            />
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
