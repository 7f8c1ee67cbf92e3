/**
 * "Risks and issues" (/admin/plugins/pmo/raid): the registers' roll-ups for a portfolio, a
 * programme or a project (GET /pmo/raid/summary, docs/raid.md): the 5 × 5 heat map of open risks,
 * current or after the responses, open issues by priority, the top risks by score and the exposure
 * per programme, every figure one click from the Content Manager list behind it; the registers as
 * CSV or XLSX, and the highlight report of the programme or project chosen.
 */
import * as React from 'react';

import { Field, Flex, Grid, Link, Main, Toggle, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';

import { links } from '../../api/dashboard';
import { raidLinks, useRaidSummary, type RaidSummaryAnswer } from '../../api/raid';
import { HighlightReportButton } from '../../components/HighlightReportButton';
import { PageError } from '../../components/PageError';
import { RiskHeatMap } from '../../components/RiskHeatMap';
import { useTranslate, type Translate } from '../../utils/useTranslate';
import { RaidExports } from './RaidExports';
import { RaidFilters, useRaidFilters } from './RaidFilters';
import { Exposure, IssuesByPriority, TopRisks } from './RaidTables';

/** What the page covers, in words: "programme PG-7 Customer platforms", "every portfolio". */
function scopeWords(t: Translate, scope: RaidSummaryAnswer['scope']) {
  if (!scope) return t('raid.scope.all', 'every portfolio');
  const named = `${scope.code} ${scope.name}`;
  return {
    portfolio: t('raid.scope.portfolio', 'portfolio {name}', { name: named }),
    programme: t('raid.scope.programme', 'programme {name}', { name: named }),
    project: t('raid.scope.project', 'project {name}', { name: named }),
  }[scope.kind];
}

export const RaidPage = () => {
  const t = useTranslate();
  const { chosen, residual, set } = useRaidFilters();
  const summary = useRaidSummary(chosen, residual);

  if (summary.isLoading) return <Page.Loading />;
  if (summary.error && !summary.data) return <PageError content={summary.error.message} />;
  const data = summary.data!;
  const scopeName = scopeWords(t, data.scope);
  const go = raidLinks(chosen, data);
  const reportable = data.scope && data.scope.kind !== 'portfolio' ? data.scope : null;

  const toggle = (
    <Field.Root name="residual" hint={t('raid.residual.hint', 'After the responses: each risk at its residual probability and impact, where assessed')}>
      <Field.Label>{t('raid.residual.label', 'Scores shown')}</Field.Label>
      <Toggle
        onLabel={t('raid.residual.on', 'After responses')}
        offLabel={t('raid.residual.off', 'Current')}
        checked={residual}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => set({ residual: event.target.checked ? '1' : undefined })}
        data-testid="pmo-raid-residual"
      />
      <Field.Hint />
    </Field.Root>
  );

  return (
    <Main data-testid="pmo-raid">
      <Layouts.Header
        title={t('raid.title', 'Risks and issues')}
        subtitle={t('raid.subtitle', 'Open risks and issues of {scope}.', { scope: scopeName })}
        primaryAction={
          reportable ? (
            <HighlightReportButton level={reportable.kind === 'project' ? 'projects' : 'programmes'} documentId={reportable.documentId} code={reportable.code} />
          ) : undefined
        }
        secondaryAction={
          <Link tag={NavLink} to={links.home} data-testid="pmo-raid-home">
            {t('dashboard.home', 'All PMO Hub pages')}
          </Link>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <RaidFilters t={t} />
          {summary.error ? (
            <Typography textColor="danger600" role="alert">
              {summary.error.message}
            </Typography>
          ) : null}
          <Grid.Root gap={4}>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <RiskHeatMap
                cells={data.heatmap.cells}
                total={data.heatmap.total}
                title={residual ? t('raid.heatmap.residualTitle', 'Open risks after the responses') : t('raid.heatmap.title', 'Open risks by probability and impact')}
                link={(probability, impact) => go.cell(residual, probability, impact)}
                residual={residual}
                t={t}
                testId="pmo-raid-heatmap"
                cellTestId="pmo-raid-heat-cell"
              />
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <Flex direction="column" alignItems="stretch" gap={4} width="100%">
                <Flex background="neutral0" padding={6} shadow="tableShadow" hasRadius>
                  {toggle}
                </Flex>
                {data.issuesByPriority ? <IssuesByPriority data={data} links={go} t={t} /> : null}
                <RaidExports filters={chosen} scopeName={scopeName} t={t} />
              </Flex>
            </Grid.Item>
          </Grid.Root>
          <TopRisks data={data} links={go} t={t} />
          <Exposure data={data} links={go} t={t} />
        </Flex>
      </Layouts.Content>
    </Main>
  );
};
