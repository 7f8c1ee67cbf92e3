/**
 * The compliance matrix: projects × published standards, each cell the latest assessment's score
 * and pass (coloured), its age, one click to it (or, for a PMO analyst, to record one); the
 * project's documents overdue for review; filtered by portfolio and programme (found as one types,
 * `GET /pmo/search`) through the URL; a page of projects at a time (Strapi's Pagination, `?page=`);
 * the export compliance.csv for the same filters, every project. A wide matrix scrolls inside its panel, never
 * the page.
 */
import * as React from 'react';

import { Box, Button, Flex, Main, Typography, VisuallyHidden } from '@strapi/design-system';
import { Download, Plus } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';

import { complianceCsvPath, useCanRecordAssessments, useComplianceMatrix, type Matrix, type MatrixFilters } from '../../api/compliance';
import { downloadExport, useEntities } from '../../api/finance';
import { byName, FilterSelect } from '../../components/FilterSelect';
import { PageError } from '../../components/PageError';
import { SearchFilter } from '../../components/SearchFilter';
import { formatDay, todayIso } from '../../utils/dates';
import { useTranslate, type Translate } from '../../utils/useTranslate';
import { ListPagination } from '../../components/ListPagination';

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

function useFilters(): [MatrixFilters, (key: keyof MatrixFilters, value: string | undefined) => void] {
  const [search, setSearch] = useSearchParams();
  const filters: MatrixFilters = Object.fromEntries(
    (['portfolio', 'programme', 'page', 'pageSize'] as const).map((key) => [key, search.get(key) ?? undefined])
  );
  const set = (key: keyof MatrixFilters, value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (!value) next.delete(key);
    else next.set(key, value);
    next.delete('page');
    if (key === 'portfolio') next.delete('programme');
    setSearch(next, { replace: true });
  };
  return [filters, set];
}

export const ComplianceMatrix = () => {
  const t = useTranslate();
  const [filters, setFilter] = useFilters();
  const matrix = useComplianceMatrix(filters);
  const { canRecord } = useCanRecordAssessments();
  const navigate = useNavigate();
  const [downloading, setDownloading] = React.useState<string | null>(null);

  if (matrix.isLoading) return <Page.Loading />;
  if (matrix.error && !matrix.data) return <PageError content={matrix.error.message} />;
  const data = matrix.data!;

  const download = async () => {
    setDownloading(t('compliance.downloading', 'Downloading…'));
    try {
      const result = await downloadExport(complianceCsvPath(filters), 'compliance.csv', () => undefined);
      setDownloading(t('compliance.downloaded', 'Saved {filename}', { filename: result.filename }));
    } catch (error) {
      setDownloading(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Main>
      <Layouts.Header
        title={t('compliance.title', 'Compliance')}
        subtitle={t('compliance.subtitle', 'Each project against each published standard: the latest assessment, its score and whether it passed.')}
        primaryAction={
          canRecord ? (
            <Button startIcon={<Plus />} onClick={() => navigate('record')} data-testid="pmo-compliance-record">
              {t('compliance.record', 'Record an assessment')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex justifyContent="space-between" alignItems="flex-end" gap={4} wrap="wrap">
            <Filters filters={filters} onChange={setFilter} t={t} />
            <Flex gap={3} alignItems="center">
              {downloading ? (
                <Typography variant="pi" role="status" textColor="neutral600">
                  {downloading}
                </Typography>
              ) : null}
              <Button variant="secondary" startIcon={<Download />} onClick={download} data-testid="pmo-compliance-csv">
                {t('compliance.csv', 'Download compliance.csv')}
              </Button>
            </Flex>
          </Flex>
          <Box background="neutral0" shadow="tableShadow" hasRadius padding={4} style={{ overflowX: 'auto', maxWidth: '100%' }}>
            {data.rows.length === 0 ? (
              <Typography textColor="neutral600">{t('compliance.empty', 'No project matches these filters.')}</Typography>
            ) : (
              <Grid data={data} canRecord={canRecord} t={t} />
            )}
          </Box>
          <ListPagination pagination={data.pagination} />
        </Flex>
      </Layouts.Content>
    </Main>
  );
};

const Filters = ({ filters, onChange, t }: { filters: MatrixFilters; onChange: (key: keyof MatrixFilters, value: string | undefined) => void; t: Translate }) => {
  const portfolios = useEntities('portfolio');
  return (
    <Flex gap={3} alignItems="flex-end" wrap="wrap" role="search" aria-label={t('compliance.filter', 'Filter the matrix')}>
      <FilterSelect
        name="portfolio"
        label={t('compliance.portfolio', 'Portfolio')}
        allLabel={t('compliance.allPortfolios', 'All portfolios')}
        value={filters.portfolio}
        options={byName(portfolios.data)}
        onChange={(value) => onChange('portfolio', value)}
        data-testid="pmo-compliance-portfolio"
      />
      <SearchFilter
        type="programme"
        name="programme"
        label={t('compliance.programme', 'Programme')}
        placeholder={t('compliance.allProgrammes', 'All programmes')}
        value={filters.programme}
        onChange={(value) => onChange('programme', value)}
        data-testid="pmo-compliance-programme"
      />
    </Flex>
  );
};

const cellStyle = (passed: boolean | null): React.CSSProperties => ({
  display: 'block',
  padding: '6px 8px',
  borderRadius: 4,
  textDecoration: 'none',
  background: passed === null ? '#F6F6F9' : passed ? '#EAFBE7' : '#FCECEA',
  color: passed === null ? '#666687' : passed ? '#2F6846' : '#B72B1A',
  border: `1px solid ${passed === null ? '#DCDCE4' : passed ? '#C6F0C2' : '#F5C0B8'}`,
});

const th: React.CSSProperties = { textAlign: 'left', padding: '6px 8px', verticalAlign: 'bottom', fontWeight: 600, fontSize: 12, color: '#32324D' };
const td: React.CSSProperties = { padding: '4px 8px', verticalAlign: 'top' };

const Grid = ({ data, canRecord, t }: { data: Matrix; canRecord: boolean; t: Translate }) => {
  const today = todayIso();
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="pmo-compliance-matrix">
      <caption style={{ textAlign: 'left', paddingBottom: 8 }}>
        <Typography variant="pi" textColor="neutral600">
          {t('compliance.caption', '{projects, plural, one {# project} other {# projects}} × {standards, plural, one {# standard} other {# standards}}', {
            projects: data.pagination.total,
            standards: data.standards.length,
          })}
        </Typography>
      </caption>
      <thead>
        <tr>
          <th style={th} scope="col">{t('compliance.project', 'Project')}</th>
          {data.standards.map((standard) => (
            <th key={standard.documentId} style={th} scope="col" title={standard.title}>
              {standard.code}
              <Typography variant="pi" textColor="neutral600" tag="div" fontWeight="regular">
                {standard.mandatory ? t('compliance.mandatory', 'Mandatory') : t('compliance.optional', 'Optional')}
              </Typography>
            </th>
          ))}
          <th style={th} scope="col">{t('compliance.overdue', 'Documents overdue')}</th>
        </tr>
      </thead>
      <tbody>
        {data.rows.map((row) => (
          <tr key={row.project.documentId} data-testid="pmo-compliance-row" data-project={row.project.code} style={{ borderTop: '1px solid #EAEAEF' }}>
            <th scope="row" style={{ ...td, textAlign: 'left' }}>
              <Typography fontWeight="bold" tag="div">{row.project.code}</Typography>
              <Typography variant="pi" textColor="neutral600" tag="div">{row.project.name}</Typography>
            </th>
            {row.cells.map((cell) => {
              const standard = data.standards.find((s) => s.code === cell.standard);
              const name = `${row.project.code}, ${cell.standard}`;
              if (!cell.assessment) {
                return (
                  <td key={cell.standard} style={td} data-testid="pmo-compliance-cell" data-standard={cell.standard} data-passed="none">
                    {canRecord ? (
                      <Link style={cellStyle(null)} to={`record?project=${row.project.documentId}&standard=${standard?.documentId ?? ''}`}>
                        {t('compliance.notAssessed', 'Not assessed')}
                        {/* The link's name starts with what it shows, then says where it goes (WCAG 2.5.3). */}
                        <VisuallyHidden>{`: ${t('compliance.recordFor', 'Record an assessment of {name}', { name })}`}</VisuallyHidden>
                      </Link>
                    ) : (
                      <span style={cellStyle(null)}>{t('compliance.notAssessed', 'Not assessed')}</span>
                    )}
                  </td>
                );
              }
              const age = daysBetween(cell.assessedOn!, today);
              return (
                <td key={cell.standard} style={td} data-testid="pmo-compliance-cell" data-standard={cell.standard} data-passed={String(cell.passed)}>
                  <Link style={cellStyle(cell.passed)} to={`assessments/${cell.assessment}`}>
                    <strong>{cell.passed ? t('compliance.passed', 'Passed') : t('compliance.failed', 'Not passed')}</strong>
                    {` · ${cell.score}%`}
                    <span style={{ display: 'block', fontSize: 12 }}>
                      {t('compliance.age', '{day} ({age, plural, =0 {today} one {# day ago} other {# days ago}})', { day: formatDay(cell.assessedOn), age })}
                    </span>
                    <VisuallyHidden>{`: ${t('compliance.open', 'Open the assessment of {name}', { name })}`}</VisuallyHidden>
                  </Link>
                </td>
              );
            })}
            <td style={td} data-testid="pmo-compliance-overdue">
              <Typography textColor={row.overdueDocuments ? 'danger600' : 'neutral600'} fontWeight={row.overdueDocuments ? 'bold' : 'regular'}>
                {row.overdueDocuments}
              </Typography>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
