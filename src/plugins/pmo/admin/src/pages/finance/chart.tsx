/**
 * What the finance charts share (plain SVG): the frame with money ticks, gridlines, axes and month
 * labels. Amounts are turned into numbers only to place them on screen; labels show the exact
 * decimal strings.
 */
import * as React from 'react';

import { formatMonth } from '../../../../shared/calendar';
import { formatMoney } from './display';

export const CHART = { width: 900, height: 360, margin: { top: 16, right: 24, bottom: 48, left: 96 } };
export const INNER = {
  width: CHART.width - CHART.margin.left - CHART.margin.right,
  height: CHART.height - CHART.margin.top - CHART.margin.bottom,
};

/** `2026-03` or `2026-03-31` → `Mar 2026`: PMO Hub's one month format (a two-digit year reads as a day). */
export const monthLabel = (month: string) => formatMonth(month);

/** About five round ticks covering `min` to `max`, 0 always among them. */
export function niceTicks(min: number, max: number): number[] {
  const low = Math.min(0, min);
  const high = Math.max(0, max);
  if (high - low <= 0) return [0, 1];
  const raw = (high - low) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.floor(low / step) * step; v < high + step; v += step) out.push(Math.abs(v) < step / 1e6 ? 0 : v);
  return out;
}

/** The vertical scale of a frame: money → y. */
export function scaleY(ticks: number[]) {
  const bottom = ticks[0];
  const top = ticks[ticks.length - 1];
  return (v: number) => CHART.margin.top + INNER.height - ((v - bottom) / (top - bottom)) * INNER.height;
}

type FrameProps = {
  ticks: number[];
  /** Month labels and their x positions; at most about twelve are written. */
  months: Array<{ month: string; x: number }>;
  currency: string;
  label: string;
  testId: string;
  children: React.ReactNode;
};

export const ChartFrame = ({ ticks, months, currency, label, testId, children }: FrameProps) => {
  const y = scaleY(ticks);
  const { width: W, height: H, margin: M } = CHART;
  const labelEvery = Math.ceil(months.length / 10);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label} data-testid={testId} style={{ maxWidth: W, background: '#fff' }}>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} stroke="#EAEAEF" />
          <text x={M.left - 8} y={y(v) + 4} textAnchor="end" fontSize={11} fill="#666687">
            {formatMoney(v).replace(/\.00$/, '')}
          </text>
        </g>
      ))}
      <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} stroke="#8E8EA9" />
      <line x1={M.left} x2={M.left} y1={M.top} y2={M.top + INNER.height} stroke="#8E8EA9" />
      {months.map(({ month, x }, i) =>
        i % labelEvery === 0 || i === months.length - 1 ? (
          <text key={month} x={x} y={H - M.bottom + 18} textAnchor="middle" fontSize={11} fill="#666687">
            {monthLabel(month)}
          </text>
        ) : null
      )}
      <text x={14} y={M.top + INNER.height / 2} fontSize={11} fill="#666687" transform={`rotate(-90 14 ${M.top + INNER.height / 2})`} textAnchor="middle">
        {currency}
      </text>
      {children}
    </svg>
  );
};
