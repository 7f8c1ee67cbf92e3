/**
 * A project's milestones and their slip trend (GET /pmo/milestones/slip-trend): across, the month
 * ends the forecasts were read at; up, the date each milestone was forecast for then. A line that
 * climbs is a milestone slipping; each baseline is a dashed line in the milestone's colour. Plain
 * SVG, like the finance S-curve; the table under it says the same in words.
 */
import { Box, Flex, Link, Loader, Main, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { NavLink, useParams } from 'react-router-dom';

import { useSlipTrend, type SlipTrend } from '../../api/milestones';
import { formatDay, formatMonth } from '../../utils/dates';
import { useTranslate } from '../../utils/useTranslate';
import { dayNumber, varianceWords } from './words';

const COLOURS = ['#4945FF', '#D02B20', '#328048', '#D9822F', '#0C75AF', '#8E4FC2', '#666687', '#B72B1A'];
const W = 900;
const H = 360;
const M = { top: 16, right: 24, bottom: 48, left: 110 };

const Chart = ({ trend }: { trend: SlipTrend }) => {
  const days = trend.milestones.flatMap((m) => [...m.forecasts.map((f) => f.forecast), m.baselineDate]).filter((d): d is string => d !== null);
  if (days.length === 0) return <Typography>No forecasts recorded yet.</Typography>;
  const low = Math.min(...days.map(dayNumber)) - 7;
  const high = Math.max(...days.map(dayNumber)) + 7;
  const y = (day: string) => M.top + (H - M.top - M.bottom) * (1 - (dayNumber(day) - low) / (high - low));
  const n = trend.months.length;
  const x = (i: number) => M.left + (n === 1 ? (W - M.left - M.right) / 2 : (i * (W - M.left - M.right)) / (n - 1));
  const ticks = Array.from({ length: 5 }, (_, i) => new Date((low + ((high - low) * i) / 4) * 86_400_000).toISOString().slice(0, 10));
  const every = Math.ceil(n / 10);
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={`Slip trend of ${trend.project.code} ${trend.project.name}: the forecast date of each milestone at each month end, ${formatMonth(trend.months[0])} to ${formatMonth(trend.months[n - 1])}`}
      data-testid="pmo-slip-trend-chart"
      style={{ maxWidth: W, background: '#fff' }}
    >
      {ticks.map((day) => (
        <g key={day}>
          <line x1={M.left} x2={W - M.right} y1={y(day)} y2={y(day)} stroke="#EAEAEF" />
          <text x={M.left - 8} y={y(day) + 4} textAnchor="end" fontSize={11} fill="#666687">
            {formatDay(day)}
          </text>
        </g>
      ))}
      <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} stroke="#8E8EA9" />
      {trend.months.map((month, i) =>
        i % every === 0 || i === n - 1 ? (
          <text key={month} x={x(i)} y={H - M.bottom + 18} textAnchor="middle" fontSize={11} fill="#666687">
            {formatMonth(month)}
          </text>
        ) : null
      )}
      {trend.milestones.map((m, k) => {
        const colour = COLOURS[k % COLOURS.length];
        const points = m.forecasts.map((f, i) => (f.forecast ? { i, f } : null)).filter((p): p is NonNullable<typeof p> => p !== null);
        const path = points.map(({ i, f }, j) => `${j === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(f.forecast!).toFixed(1)}`).join(' ');
        return (
          <g key={m.documentId} data-testid="pmo-slip-trend-line">
            {m.baselineDate && <line x1={M.left} x2={W - M.right} y1={y(m.baselineDate)} y2={y(m.baselineDate)} stroke={colour} strokeDasharray="6 4" opacity={0.6} />}
            <path d={path} fill="none" stroke={colour} strokeWidth={2} />
            {points.map(({ i, f }) => (
              <circle key={f.month} cx={x(i)} cy={y(f.forecast!)} r={3} fill={colour}>
                <title>{`${m.name}, end of ${formatMonth(f.month)}: forecast ${formatDay(f.forecast)}`}</title>
              </circle>
            ))}
          </g>
        );
      })}
    </svg>
  );
};

export const SlipTrendPage = () => {
  const t = useTranslate();
  const { documentId } = useParams<{ documentId: string }>();
  const trend = useSlipTrend(documentId);
  const data = trend.data;
  return (
    <Main>
      <Layouts.Header
        title={data ? `${data.project.code} · ${data.project.name}` : '…'}
        subtitle={
          data?.baselinedOn
            ? t('slipTrend.subtitleBaselined', 'Milestones and their slip trend; baselines frozen at gate 3 on {day}', { day: formatDay(data.baselinedOn) })
            : t('slipTrend.subtitle', 'Milestones and their slip trend; baselines can change until the project passes gate 3')
        }
        navigationAction={
          <Link tag={NavLink} to="../roadmap">
            {t('slipTrend.back', 'Programme roadmap')}
          </Link>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {trend.isLoading && <Loader small>{t('slipTrend.loading', 'Loading the slip trend')}</Loader>}
          {trend.error && <Typography textColor="danger600">{trend.error.message}</Typography>}
          {data && data.milestones.length === 0 && <Typography>{t('slipTrend.empty', 'This project has no milestones yet.')}</Typography>}
          {data && data.milestones.length > 0 && (
            <>
              <Box background="neutral0" padding={4} shadow="tableShadow" hasRadius>
                <Typography variant="delta" tag="h2">
                  {t('slipTrend.title', 'Slip trend: the forecast date of each milestone at each month end')}
                </Typography>
                <Box paddingTop={3}>
                  <Chart trend={data} />
                </Box>
                <Flex gap={4} wrap="wrap" paddingTop={2} data-testid="pmo-slip-trend-legend">
                  {data.milestones.map((m, k) => (
                    <Flex key={m.documentId} gap={1}>
                      <Box width="16px" height="3px" style={{ background: COLOURS[k % COLOURS.length] }} />
                      <Typography variant="pi">{m.name}</Typography>
                    </Flex>
                  ))}
                  <Typography variant="pi">{t('slipTrend.dashed', 'Dashed: the baseline')}</Typography>
                </Flex>
              </Box>
              <Table colCount={5} rowCount={data.milestones.length + 1} data-testid="pmo-slip-trend-table">
                <Thead>
                  <Tr>
                    <Th><Typography variant="sigma">{t('slipTrend.col.milestone', 'Milestone')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('slipTrend.col.baseline', 'Baseline')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('slipTrend.col.forecast', 'Forecast')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('slipTrend.col.actual', 'Achieved')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('slipTrend.col.variance', 'Variance')}</Typography></Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {data.milestones.map((m) => (
                    <Tr key={m.documentId}>
                      <Td><Typography>{m.name}</Typography></Td>
                      <Td><Typography>{formatDay(m.baselineDate)}</Typography></Td>
                      <Td><Typography>{formatDay(m.forecastDate)}</Typography></Td>
                      <Td><Typography>{formatDay(m.actualDate)}</Typography></Td>
                      <Td>
                        <Typography textColor={(m.varianceDays ?? 0) > 0 ? 'danger600' : 'neutral800'}>{varianceWords(m.varianceDays)}</Typography>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </>
          )}
        </Flex>
      </Layouts.Content>
    </Main>
  );
};
