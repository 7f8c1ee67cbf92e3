/**
 * The S-curve of a project: PV, EV and AC at each month end as three lines, and a dashed EAC
 * projection from the last actual cost to the EAC at the project's end. Plain SVG.
 */
import { Box, Flex, Typography } from '@strapi/design-system';

import type { SCurvePoint } from '../../api/finance';
import { formatMoney } from './display';

export const SERIES = [
  { key: 'pv', label: 'PV (planned value)', color: '#4945FF' },
  { key: 'ev', label: 'EV (earned value)', color: '#328048' },
  { key: 'ac', label: 'AC (actual cost)', color: '#D02B20' },
] as const;
const EAC_COLOR = '#D9822F';

const W = 900;
const H = 360;
const M = { top: 16, right: 24, bottom: 48, left: 96 };

/** About five round ticks from 0 to at least `max`. */
function ticks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = 0; v < max + step; v += step) out.push(v);
  return out;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthLabel = (date: string) => `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(2, 4)}`;

export const SCurve = ({ points, asOf, eac, currency }: { points: SCurvePoint[]; asOf: string; eac: number | null; currency: string }) => {
  if (points.length === 0) return <Typography>No months to draw.</Typography>;
  const actual = points.filter((p) => p.date <= asOf);
  const withActuals = actual;
  const max = Math.max(...points.map((p) => Math.max(p.pv, p.ev, p.ac)), eac ?? 0);
  const yTicks = ticks(max);
  const top = yTicks[yTicks.length - 1];
  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const x = (i: number) => M.left + (points.length === 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (v: number) => M.top + innerH - (v / top) * innerH;
  const line = (key: 'pv' | 'ev' | 'ac', upTo: SCurvePoint[]) =>
    upTo.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p[key]).toFixed(1)}`).join(' ');
  const last = withActuals.length > 0 ? withActuals.length - 1 : -1;
  const labelEvery = Math.ceil(points.length / 12);

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label="S-curve: planned value, earned value and actual cost by month"
        data-testid="finance-s-curve"
        style={{ maxWidth: W, background: '#fff' }}
      >
        {yTicks.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} stroke="#EAEAEF" />
            <text x={M.left - 8} y={y(v) + 4} textAnchor="end" fontSize={11} fill="#666687">
              {formatMoney(v).replace(/\.00$/, '')}
            </text>
          </g>
        ))}
        <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} stroke="#8E8EA9" />
        <line x1={M.left} x2={M.left} y1={M.top} y2={y(0)} stroke="#8E8EA9" />
        {points.map((p, i) =>
          i % labelEvery === 0 || i === points.length - 1 ? (
            <text key={p.date} x={x(i)} y={H - M.bottom + 18} textAnchor="middle" fontSize={11} fill="#666687">
              {monthLabel(p.date)}
            </text>
          ) : null
        )}
        <text x={14} y={M.top + innerH / 2} fontSize={11} fill="#666687" transform={`rotate(-90 14 ${M.top + innerH / 2})`} textAnchor="middle">
          {currency}
        </text>
        <path data-series="pv" d={line('pv', points)} fill="none" stroke={SERIES[0].color} strokeWidth={2} />
        {last >= 0 && (
          <>
            <path data-series="ev" d={line('ev', withActuals)} fill="none" stroke={SERIES[1].color} strokeWidth={2} />
            <path data-series="ac" d={line('ac', withActuals)} fill="none" stroke={SERIES[2].color} strokeWidth={2} />
          </>
        )}
        {last >= 0 && eac !== null && (
          <line
            data-series="eac"
            x1={x(last)}
            y1={y(withActuals[last].ac)}
            x2={x(points.length - 1)}
            y2={y(eac)}
            stroke={EAC_COLOR}
            strokeWidth={2}
            strokeDasharray="6 4"
          />
        )}
        {actual.length < points.length && actual.length > 0 && (
          <line x1={x(actual.length - 1)} x2={x(actual.length - 1)} y1={M.top} y2={y(0)} stroke="#C0C0CF" strokeDasharray="2 3" />
        )}
      </svg>
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
