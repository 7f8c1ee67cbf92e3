/**
 * The S-curve of a project or a programme: PV, EV and AC at each month end as three lines (the
 * server sums them by month, see server/src/finance/s-curve.ts), and a dashed EAC projection from
 * the last actual cost to the EAC at the last month. Plain SVG, each month's figures in a tooltip.
 */
import { Box, Flex, Loader, Typography } from '@strapi/design-system';

import type { PmoApiError } from '../../api/client';
import type { SeriesPoint, SeriesResponse } from '../../api/finance';
import { CHART, ChartFrame, INNER, monthLabel, niceTicks, scaleY } from './chart';
import { formatMoney } from './display';
import { formatDay } from '../../../../shared/calendar';

export const SERIES = [
  { key: 'pv', label: 'PV (planned value)', color: '#4945FF' },
  { key: 'ev', label: 'EV (earned value)', color: '#328048' },
  { key: 'ac', label: 'AC (actual cost)', color: '#D02B20' },
] as const;
const EAC_COLOR = '#D9822F';

type Key = (typeof SERIES)[number]['key'];

type SCurveProps = { points: SeriesPoint[]; eac: string | null; currency: string; subject: string };

export const SCurve = ({ points, eac, currency, subject }: SCurveProps) => {
  if (points.length === 0) return <Typography>No months to draw.</Typography>;
  // EV and AC are null after asOf: drawn up to the last known month only.
  const known = points.filter((p) => p.ev !== null && p.ac !== null);
  const amount = (p: SeriesPoint, key: Key) => Number(p[key] ?? 0);
  const max = Math.max(...points.flatMap((p) => SERIES.map((s) => amount(p, s.key))), Number(eac ?? 0));
  const min = Math.min(...points.flatMap((p) => SERIES.map((s) => amount(p, s.key))), 0);
  const ticks = niceTicks(min, max);
  const y = scaleY(ticks);
  const x = (i: number) => CHART.margin.left + (points.length === 1 ? INNER.width / 2 : (i * INNER.width) / (points.length - 1));
  const line = (key: Key, upTo: SeriesPoint[]) =>
    upTo.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(amount(p, key)).toFixed(1)}`).join(' ');
  const last = known.length - 1;

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <ChartFrame
        ticks={ticks}
        months={points.map((p, i) => ({ month: p.month, x: x(i) }))}
        currency={currency}
        label={`S-curve of ${subject}: planned value, earned value and actual cost by month, ${monthLabel(points[0].month)} to ${monthLabel(points[points.length - 1].month)}`}
        testId="finance-s-curve"
      >
        <path data-series="pv" d={line('pv', points)} fill="none" stroke={SERIES[0].color} strokeWidth={2} />
        {last >= 0 && (
          <>
            <path data-series="ev" d={line('ev', known)} fill="none" stroke={SERIES[1].color} strokeWidth={2} />
            <path data-series="ac" d={line('ac', known)} fill="none" stroke={SERIES[2].color} strokeWidth={2} />
          </>
        )}
        {last >= 0 && eac !== null && (
          <line
            data-series="eac"
            x1={x(last)}
            y1={y(amount(known[last], 'ac'))}
            x2={x(points.length - 1)}
            y2={y(Number(eac))}
            stroke={EAC_COLOR}
            strokeWidth={2}
            strokeDasharray="6 4"
          />
        )}
        {last >= 0 && last < points.length - 1 && (
          <line x1={x(last)} x2={x(last)} y1={CHART.margin.top} y2={CHART.margin.top + INNER.height} stroke="#C0C0CF" strokeDasharray="2 3" />
        )}
        {points.map((p, i) => (
          <g key={p.month} data-point={p.month}>
            <title>
              {`${monthLabel(p.month)} (${formatDay(p.date)}): PV ${formatMoney(p.pv)}, EV ${formatMoney(p.ev)}, AC ${formatMoney(p.ac)} ${currency}`}
            </title>
            {SERIES.filter((s) => p[s.key] !== null).map((s) => (
              <circle key={s.key} cx={x(i)} cy={y(amount(p, s.key))} r={3} fill={s.color} />
            ))}
          </g>
        ))}
      </ChartFrame>
      <Flex gap={4} wrap="wrap" data-testid="finance-s-curve-legend">
        {SERIES.map((s) => (
          <Flex key={s.key} gap={1}>
            <Box width="16px" height="3px" style={{ background: s.color }} />
            <Typography variant="pi">{s.label}</Typography>
          </Flex>
        ))}
        <Flex gap={1}>
          <Box width="16px" height="0" style={{ borderTop: `3px dashed ${EAC_COLOR}` }} />
          <Typography variant="pi">EAC projection ({formatMoney(eac, currency)})</Typography>
        </Flex>
      </Flex>
    </Flex>
  );
};

type SeriesQuery = { data?: SeriesResponse; error: PmoApiError | null; isLoading: boolean };

/** The S-curve in its card, with the months it spans, for the project and programme pages. */
export const SCurvePanel = ({ series, subject, title }: { series: SeriesQuery; subject: string; title: string }) => {
  const points = series.data?.points ?? [];
  return (
    <Box background="neutral0" padding={4} shadow="tableShadow" hasRadius>
      <Typography variant="delta" tag="h2">
        {title}
        {points.length > 0 && ` (${monthLabel(points[0].month)} – ${monthLabel(points[points.length - 1].month)})`}
      </Typography>
      <Box paddingTop={3}>
        {series.isLoading && <Loader small>Loading</Loader>}
        {series.error && <Typography textColor="danger600">{series.error.message}</Typography>}
        {series.data && <SCurve points={points} eac={series.data.eac} currency={series.data.currency} subject={subject} />}
      </Box>
    </Box>
  );
};
