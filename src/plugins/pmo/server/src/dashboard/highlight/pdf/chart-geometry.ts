/**
 * Where the S-curve's lines and labels go in its box: PV, EV and AC by month (finance's series,
 * s-curve.ts), one month per step, the value axis in round steps from zero. Money is read as a
 * number here only to place a point on the page; no figure printed comes from these numbers
 * (axis labels are the round steps themselves). Pure: no Strapi or pdfkit import.
 */
import { groupThousands } from '../../../../../shared/money';
import type { SeriesPoint } from '../../../../../shared/contracts/finance';
import { formatMonth } from '../words';

export type Box = { x: number; y: number; width: number; height: number };
export type Line = Array<[number, number]>;
export type SeriesKey = 'pv' | 'ev' | 'ac';

export type ChartGeometry = {
  lines: Record<SeriesKey, Line>;
  /** Value axis: each step's height on the page and its label ("40,000"). */
  ticks: Array<{ y: number; label: string }>;
  /** Month labels under the axis, thinned to fit. */
  months: Array<{ x: number; label: string }>;
  /** Where asOf's month stands, if the series reaches it. */
  asOfX: number | null;
};

/** The most month labels drawn under the axis. */
const MAX_MONTH_LABELS = 8;

/** A round step (1, 2 or 5 × 10^k, at least 1) that splits `max` into about `count` steps. */
export function niceStep(max: number, count = 4): number {
  if (!(max > 0)) return 1;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * power).find((candidate) => candidate >= raw) ?? 10 * power;
  return Math.max(1, step);
}

const value = (decimal: string | null): number | null => (decimal === null ? null : Number(decimal));

export function chartGeometry(points: SeriesPoint[], box: Box, asOf: string): ChartGeometry {
  const values = points.flatMap((p) => [value(p.pv), value(p.ev), value(p.ac)]).filter((v): v is number => v !== null && Number.isFinite(v));
  const top = Math.max(0, ...values);
  const step = niceStep(top);
  const steps = Math.max(1, Math.ceil(top / step));
  const scaleMax = steps * step;
  const n = points.length;
  const xAt = (i: number) => (n <= 1 ? box.x + box.width / 2 : box.x + (i * box.width) / (n - 1));
  const yAt = (v: number) => box.y + box.height - (Math.max(0, v) / scaleMax) * box.height;

  const line = (key: SeriesKey): Line =>
    points.flatMap((point, i) => {
      const v = value(point[key]);
      return v === null || !Number.isFinite(v) ? [] : [[xAt(i), yAt(v)] as [number, number]];
    });

  const every = Math.max(1, Math.ceil(n / MAX_MONTH_LABELS));
  const months = points
    .map((point, i) => ({ i, point }))
    .filter(({ i }) => i % every === 0 || i === n - 1)
    .map(({ i, point }) => ({ x: xAt(i), label: formatMonth(point.month) }));

  const asOfIndex = points.findIndex((point) => point.month === asOf.slice(0, 7));
  return {
    lines: { pv: line('pv'), ev: line('ev'), ac: line('ac') },
    ticks: Array.from({ length: steps + 1 }, (_, k) => ({ y: yAt(k * step), label: groupThousands(String(k * step)) })),
    months: dedupeClose(months, box.width / MAX_MONTH_LABELS / 2),
    asOfX: asOfIndex === -1 ? null : xAt(asOfIndex),
  };
}

/** Month labels closer than `gap` to the previous one are dropped (the last one is kept). */
function dedupeClose(labels: Array<{ x: number; label: string }>, gap: number) {
  const kept: Array<{ x: number; label: string }> = [];
  labels.forEach((label, i) => {
    const last = kept[kept.length - 1];
    if (!last || label.x - last.x >= gap) kept.push(label);
    else if (i === labels.length - 1) kept[kept.length - 1] = label;
  });
  return kept;
}
