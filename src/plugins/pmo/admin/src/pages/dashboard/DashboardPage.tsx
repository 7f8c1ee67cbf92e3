/**
 * The portfolio dashboard (/admin/plugins/pmo/dashboard), where PMO Hub opens for the PMO roles:
 * where the portfolio stands as of a date (GET /pmo/dashboard, docs/dashboard.md), filtered by
 * portfolio, programme, manager and department, every figure one click from the list behind it,
 * with "My work" beside it and the XLSX download. Sections the role may not read are left out.
 * The page of every PMO Hub page (home) is a link away.
 */
import * as React from 'react';

import { Box, Button, Flex, Grid, Link, Main, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';

import { dashboardXlsxPath, links, useDashboard, type DashboardAnswer } from '../../api/dashboard';
import { downloadExport } from '../../api/finance';
import { useCan } from '../../components/access';
import { PageError } from '../../components/PageError';
import { Section } from '../../components/Section';
import { formatDay } from '../../utils/dates';
import { useTranslate, type Translate } from '../../utils/useTranslate';
import { MyWorkWidget } from '../../widgets/MyWorkWidget';
import { GOVERNANCE_READ } from '../../../../shared/contracts/governance';
import { DashboardFilters, useDashboardFilters } from './DashboardFilters';
import { EarnedValue, HeatMap, RagCards, StateBars } from './Figures';
import { CriticalIssues, LateDependencies, LateReports, OverdueDocuments, UpcomingReviews, WorstProjects } from './Lists';
import { projectsWords } from './words';

/** What the figures cover, in words: "Portfolio Alderbank change, manager Mara Lind". */
function scopeWords(t: Translate, scope: DashboardAnswer['scope']) {
  const parts = [
    scope.portfolio && t('dashboard.scope.portfolio', 'portfolio {name}', { name: scope.portfolio.name }),
    scope.programme && t('dashboard.scope.programme', 'programme {name}', { name: scope.programme.name }),
    scope.manager && t('dashboard.scope.manager', 'managed by {name}', { name: scope.manager.fullName }),
    scope.department && t('dashboard.scope.department', 'department {name}', { name: scope.department.name }),
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : t('dashboard.scope.all', 'every portfolio');
}

/** Two sections side by side (one column on narrow screens); either may be absent. */
const Pair = ({ children }: { children: React.ReactNode[] }) => {
  const present = children.filter(Boolean);
  if (!present.length) return null;
  return (
    <Grid.Root gap={4}>
      {present.map((child, i) => (
        <Grid.Item key={i} col={present.length === 1 ? 12 : 6} s={12} alignItems="stretch">
          {child}
        </Grid.Item>
      ))}
    </Grid.Root>
  );
};

export const DashboardPage = () => {
  const t = useTranslate();
  const { chosen, asked } = useDashboardFilters();
  const dashboard = useDashboard(asked);
  const can = useCan();
  const [download, setDownload] = React.useState<string | null>(null);

  const save = async () => {
    setDownload(t('dashboard.downloading', 'Preparing the workbook…'));
    try {
      const result = await downloadExport(dashboardXlsxPath(asked), 'dashboard.xlsx', () => undefined);
      setDownload(t('dashboard.downloaded', 'Saved {filename}', { filename: result.filename }));
    } catch (error) {
      setDownload(error instanceof Error ? error.message : String(error));
    }
  };

  if (dashboard.isLoading) return <Page.Loading />;
  if (dashboard.error && !dashboard.data) return <PageError content={dashboard.error.message} />;
  const data = dashboard.data!;
  const props = { data, filters: chosen, t, canGovernance: can(GOVERNANCE_READ) };

  return (
    <Main data-testid="pmo-dashboard">
      <Layouts.Header
        title={t('dashboard.title', 'Portfolio dashboard')}
        subtitle={t('dashboard.subtitle', 'Where {projects} of {scope} stand on {date}.', {
          projects: projectsWords(t, data.scope.projects),
          scope: scopeWords(t, data.scope),
          date: formatDay(data.asOf),
        })}
        primaryAction={
          <Button startIcon={<Download />} variant="secondary" onClick={save} data-testid="pmo-dashboard-xlsx">
            {t('dashboard.xlsx', 'Download as XLSX')}
          </Button>
        }
        secondaryAction={
          <Flex gap={4}>
            <Link tag={NavLink} to={links.home} data-testid="pmo-dashboard-home">
              {t('dashboard.home', 'All PMO Hub pages')}
            </Link>
            <Link tag={NavLink} to={chosen.programme ? `../roadmap?programme=${encodeURIComponent(chosen.programme)}` : '../roadmap'} data-testid="pmo-dashboard-roadmap">
              {t('dashboard.roadmap', 'Programme roadmap')}
            </Link>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <DashboardFilters t={t} />
          {dashboard.error ? (
            <Typography textColor="danger600" role="alert">
              {dashboard.error.message}
            </Typography>
          ) : null}
          {download ? (
            <Typography variant="pi" textColor="neutral600" role="status">
              {download}
            </Typography>
          ) : null}
          <Grid.Root gap={4}>
            <Grid.Item col={9} s={12} direction="column" alignItems="stretch">
              <Flex direction="column" alignItems="stretch" gap={4} width="100%">
                {data.rag ? <RagCards {...props} /> : null}
                <Pair>{[<StateBars key="states" {...props} />, data.heatmap ? <HeatMap key="heat" {...props} /> : null]}</Pair>
                {data.evm ? <EarnedValue {...props} /> : null}
                <Pair>
                  {[
                    data.worst ? <WorstProjects key="worst" {...props} /> : null,
                    data.criticalIssues ? <CriticalIssues key="issues" {...props} /> : null,
                    data.overdueDocuments ? <OverdueDocuments key="overdue" {...props} /> : null,
                    data.lateStatusReports ? <LateReports key="late" {...props} /> : null,
                    data.upcomingGateReviews ? <UpcomingReviews key="reviews" {...props} /> : null,
                    data.lateDependencies ? <LateDependencies key="dependencies" {...props} /> : null,
                  ]}
                </Pair>
              </Flex>
            </Grid.Item>
            <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
              <Box width="100%">
                <Section
                  title={t('dashboard.myWork', 'My work')}
                  action={
                    <Link tag={NavLink} to={links.myWork}>
                      {t('dashboard.myWork.open', 'Open My work')}
                    </Link>
                  }
                  data-testid="pmo-dashboard-my-work"
                >
                  <MyWorkWidget />
                </Section>
              </Box>
            </Grid.Item>
          </Grid.Root>
        </Flex>
      </Layouts.Content>
    </Main>
  );
};
