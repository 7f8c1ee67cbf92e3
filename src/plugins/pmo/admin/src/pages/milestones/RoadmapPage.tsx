/**
 * A programme's roadmap (GET /pmo/roadmap): its projects as bars from start to end, their
 * milestones as diamonds at the forecast (filled once achieved, at the actual date), each
 * baseline as a hollow diamond, today's line, and late items in red with the reason in words,
 * in the chart's tooltips and in the table under it. Plain SVG. The programme is kept in the URL.
 */
import * as React from 'react';
import { Box, Button, Flex, Link, Loader, Main, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Layouts } from '@strapi/strapi/admin';
import { NavLink, useSearchParams } from 'react-router-dom';

import { downloadExport } from '../../api/finance';
import { useRoadmap, type Roadmap, type RoadmapMilestone } from '../../api/milestones';
import { SearchFilter } from '../../components/SearchFilter';
import { formatDay, formatMonth } from '../../utils/dates';
import { useTranslate } from '../../utils/useTranslate';
import { milestoneStatus, monthStarts, timeScale, varianceWords } from './words';

const LATE = '#D02B20';
const ON_TRACK = '#4945FF';
const DONE = '#328048';
const W = 960;
const LEFT = 220;
const RIGHT = 24;
const ROW = 44;
const TOP = 32;

const colourOf = (m: RoadmapMilestone) => (m.late ? LATE : m.actualDate ? DONE : ON_TRACK);

const Diamond = ({ x, y, size, fill, stroke }: { x: number; y: number; size: number; fill: string; stroke: string }) => (
  <path d={`M${x},${y - size} L${x + size},${y} L${x},${y + size} L${x - size},${y} Z`} fill={fill} stroke={stroke} strokeWidth={2} />
);

const Timeline = ({ roadmap }: { roadmap: Roadmap }) => {
  const from = [roadmap.from, roadmap.today].filter(Boolean).sort()[0]!;
  const to = [roadmap.to, roadmap.today].filter(Boolean).sort().reverse()[0]!;
  const x = timeScale(from, to, LEFT, W - RIGHT);
  const height = TOP + roadmap.projects.length * ROW + 16;
  const months = monthStarts(from, to);
  const every = Math.ceil(months.length / 12);
  return (
    <svg
      viewBox={`0 0 ${W} ${height}`}
      width="100%"
      role="img"
      aria-label={`Roadmap of ${roadmap.programme.code} ${roadmap.programme.name}: ${roadmap.projects.length} projects and their milestones from ${formatDay(from)} to ${formatDay(to)}, today ${formatDay(roadmap.today)}`}
      data-testid="pmo-roadmap-chart"
      style={{ maxWidth: W, background: '#fff' }}
    >
      {months.map((month, i) =>
        i % every === 0 ? (
          <g key={month}>
            <line x1={x(month)} x2={x(month)} y1={TOP - 8} y2={height - 8} stroke="#EAEAEF" />
            <text x={x(month) + 3} y={TOP - 14} fontSize={11} fill="#666687">
              {formatMonth(month)}
            </text>
          </g>
        ) : null
      )}
      {roadmap.projects.map((project, row) => {
        const y = TOP + row * ROW + ROW / 2;
        const start = project.startDate ?? project.milestones[0]?.forecastDate ?? null;
        const end = project.endDate ?? project.milestones[project.milestones.length - 1]?.forecastDate ?? null;
        return (
          <g key={project.documentId} data-testid={`pmo-roadmap-project-${project.code}`} data-late={project.late}>
            <text x={8} y={y + 4} fontSize={12} fill={project.late ? LATE : '#32324D'} fontWeight={project.late ? 'bold' : undefined}>
              {`${project.code}${project.late ? ' (late)' : ''}`}
            </text>
            {start && end && (
              <rect x={x(start)} y={y - 8} width={Math.max(2, x(end) - x(start))} height={16} rx={3} fill="#D9D8FF" stroke="#7B79FF">
                <title>{`${project.code} ${project.name}: ${formatDay(project.startDate)} to ${formatDay(project.endDate)}`}</title>
              </rect>
            )}
            {project.milestones.map((m) => {
              const at = m.actualDate ?? m.forecastDate;
              return (
                <g key={m.documentId} data-testid="pmo-roadmap-milestone" data-late={m.late}>
                  <title>{`${m.name}: ${milestoneStatus(m)}. Baseline ${formatDay(m.baselineDate)}, forecast ${formatDay(m.forecastDate)}${m.actualDate ? `, achieved ${formatDay(m.actualDate)}` : ''}.`}</title>
                  {m.baselineDate && m.baselineDate !== at && <Diamond x={x(m.baselineDate)} y={y} size={5} fill="#fff" stroke="#8E8EA9" />}
                  {at && <Diamond x={x(at)} y={y} size={7} fill={m.actualDate ? colourOf(m) : '#fff'} stroke={colourOf(m)} />}
                </g>
              );
            })}
          </g>
        );
      })}
      <line x1={x(roadmap.today)} x2={x(roadmap.today)} y1={TOP - 8} y2={height - 4} stroke={LATE} strokeDasharray="4 3" data-testid="pmo-roadmap-today" />
      <text x={x(roadmap.today) + 4} y={height - 6} fontSize={11} fill={LATE}>
        {`Today, ${formatDay(roadmap.today)}`}
      </text>
    </svg>
  );
};

const Legend = () => (
  <Flex gap={4} wrap="wrap" data-testid="pmo-roadmap-legend">
    {[
      ['Project, start to end', <rect key="r" width={16} height={10} y={3} fill="#D9D8FF" stroke="#7B79FF" />],
      ['Milestone on track (forecast)', <Diamond key="d" x={8} y={8} size={6} fill="#fff" stroke={ON_TRACK} />],
      ['Late milestone (red)', <Diamond key="l" x={8} y={8} size={6} fill="#fff" stroke={LATE} />],
      ['Achieved (filled)', <Diamond key="a" x={8} y={8} size={6} fill={DONE} stroke={DONE} />],
      ['Baseline', <Diamond key="b" x={8} y={8} size={5} fill="#fff" stroke="#8E8EA9" />],
      ['Today', <line key="t" x1={8} x2={8} y1={0} y2={16} stroke={LATE} strokeDasharray="4 3" />],
    ].map(([label, shape]) => (
      <Flex key={label as string} gap={1}>
        <svg width={16} height={16} aria-hidden="true">
          {shape}
        </svg>
        <Typography variant="pi">{label}</Typography>
      </Flex>
    ))}
  </Flex>
);

export const RoadmapPage = () => {
  const t = useTranslate();
  const [search, setSearch] = useSearchParams();
  const programme = search.get('programme') ?? undefined;
  const roadmap = useRoadmap(programme);
  const data = roadmap.data;
  const [download, setDownload] = React.useState<string | null>(null);
  const save = async () => {
    setDownload(t('roadmap.downloading', 'Preparing milestones.csv…'));
    try {
      const result = await downloadExport(`/pmo/exports/milestones.csv?programme=${encodeURIComponent(programme ?? '')}`, 'milestones.csv', () => undefined);
      setDownload(t('roadmap.downloaded', 'Saved {filename}', { filename: result.filename }));
    } catch (error) {
      setDownload(error instanceof Error ? error.message : String(error));
    }
  };
  const late = data ? data.projects.flatMap((p) => p.milestones.filter((m) => m.late).map((m) => ({ project: p, m }))) : [];

  return (
    <Main>
      <Layouts.Header
        title={t('roadmap.title', 'Programme roadmap')}
        subtitle={
          data
            ? t('roadmap.subtitle', '{programme}: projects and milestones, as of {today}', { programme: `${data.programme.code} · ${data.programme.name}`, today: formatDay(data.today) })
            : t('roadmap.choose', 'Choose a programme to see its projects and milestones on one timeline.')
        }
        primaryAction={
          programme ? (
            <Button startIcon={<Download />} variant="secondary" onClick={save} data-testid="pmo-roadmap-csv">
              {t('roadmap.csv', 'Download milestones (CSV)')}
            </Button>
          ) : undefined
        }
        navigationAction={
          <Link tag={NavLink} to="../dashboard">
            {t('roadmap.back', 'Portfolio dashboard')}
          </Link>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <SearchFilter
            type="programme"
            name="programme"
            label={t('roadmap.programme', 'Programme')}
            placeholder={t('roadmap.programmePlaceholder', 'Choose a programme')}
            value={programme}
            onChange={(value) => setSearch(value ? { programme: value } : {}, { replace: true })}
            width="320px"
            data-testid="pmo-roadmap-programme"
          />
          {download && <Typography role="status">{download}</Typography>}
          {roadmap.isLoading && <Loader small>{t('roadmap.loading', 'Loading the roadmap')}</Loader>}
          {roadmap.error && <Typography textColor="danger600">{roadmap.error.message}</Typography>}
          {data && (
            <Box background="neutral0" padding={4} shadow="tableShadow" hasRadius>
              {data.projects.length === 0 ? (
                <Typography>{t('roadmap.empty', 'This programme has no projects yet.')}</Typography>
              ) : (
                <Flex direction="column" alignItems="stretch" gap={3}>
                  <Timeline roadmap={data} />
                  <Legend />
                  <Typography fontWeight="bold" textColor={late.length ? 'danger600' : 'success600'} data-testid="pmo-roadmap-late-count">
                    {late.length === 0
                      ? t('roadmap.noneLate', 'No milestone is late.')
                      : t('roadmap.late', '{count, plural, one {# milestone is late} other {# milestones are late}}', { count: late.length })}
                  </Typography>
                </Flex>
              )}
            </Box>
          )}
          {data && data.projects.length > 0 && (
            <Table colCount={6} rowCount={data.projects.reduce((n, p) => n + Math.max(1, p.milestones.length), 0) + 1} data-testid="pmo-roadmap-table">
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">{t('roadmap.col.project', 'Project')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('roadmap.col.milestone', 'Milestone')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('roadmap.col.baseline', 'Baseline')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('roadmap.col.forecast', 'Forecast')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('roadmap.col.variance', 'Variance')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('roadmap.col.status', 'Status')}</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {data.projects.flatMap((project) =>
                  (project.milestones.length ? project.milestones : [null]).map((m, i) => (
                    <Tr key={m?.documentId ?? project.documentId} data-testid={m ? 'pmo-roadmap-row' : undefined} data-late={m?.late}>
                      <Td>
                        {i === 0 && (
                          <Flex direction="column" alignItems="flex-start" gap={1}>
                            <Link tag={NavLink} to={`../milestones/projects/${project.documentId}`}>
                              {`${project.code} · ${project.name}`}
                            </Link>
                            {project.nextReportDue && (
                              <Typography variant="pi" textColor="neutral600">
                                {t('roadmap.nextReport', 'Next {cadence} report due {day}', { cadence: project.reportingCadence, day: formatDay(project.nextReportDue) })}
                              </Typography>
                            )}
                          </Flex>
                        )}
                      </Td>
                      <Td><Typography>{m ? m.name : t('roadmap.noMilestones', 'No milestones yet')}</Typography></Td>
                      <Td><Typography>{m ? formatDay(m.baselineDate) : ''}</Typography></Td>
                      <Td><Typography>{m ? formatDay(m.actualDate ?? m.forecastDate) : ''}</Typography></Td>
                      <Td><Typography>{m ? varianceWords(m.varianceDays) : ''}</Typography></Td>
                      <Td>
                        {m && (
                          <Typography textColor={m.late ? 'danger600' : m.actualDate ? 'success600' : 'neutral800'} fontWeight={m.late ? 'bold' : undefined}>
                            {milestoneStatus(m)}
                          </Typography>
                        )}
                      </Td>
                    </Tr>
                  ))
                )}
              </Tbody>
            </Table>
          )}
        </Flex>
      </Layouts.Content>
    </Main>
  );
};
