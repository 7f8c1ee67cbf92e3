/**
 * Where the ratings chart draws things: dates along x (by time, so gaps between sessions show),
 * ratings 1 to 5 up y. Pure: series in, coordinates out.
 */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

export type ChartBox = { width: number; height: number; left: number; right: number; top: number; bottom: number };

export const CHART_BOX: ChartBox = { width: 720, height: 260, left: 40, right: 24, top: 16, bottom: 40 };

export type PlottedPoint = { x: number; y: number; date: string; rating: number; session: string };
export type PlottedSeries<T> = { series: T; points: PlottedPoint[] };

const time = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The chart's x scale over the session dates; one date sits in the middle. */
export function xScale(dates: string[], box: ChartBox = CHART_BOX) {
  const times = dates.map(time);
  const min = Math.min(...times);
  const max = Math.max(...times);
  const inner = box.width - box.left - box.right;
  // A little room either side so the first and last points do not sit on the axes.
  const pad = inner * 0.04;
  return (day: string) =>
    max === min ? box.left + inner / 2 : box.left + pad + ((time(day) - min) / (max - min)) * (inner - 2 * pad);
}

export function yScale(box: ChartBox = CHART_BOX) {
  const inner = box.height - box.top - box.bottom;
  return (rating: number) => box.top + ((RATING_MAX - rating) / (RATING_MAX - RATING_MIN)) * inner;
}

/** Up to `most` of the dates, spread evenly and always with the first and the last. */
export function dateTicks(dates: string[], most = 6): string[] {
  const unique = [...new Set(dates)].sort();
  if (unique.length <= most) return unique;
  const step = (unique.length - 1) / (most - 1);
  return [...new Set(Array.from({ length: most }, (_, i) => unique[Math.round(i * step)]))];
}

/**
 * Every series' points placed on the chart. Points that would coincide (two competencies rated
 * the same in one session) are spread sideways a few pixels so each stays visible.
 */
export function plot<T>(
  seriesList: Array<{ series: T; points: Array<{ date: string; rating: number; session: string }> }>,
  box: ChartBox = CHART_BOX
): { plotted: Array<PlottedSeries<T>>; dates: string[] } {
  const dates = [...new Set(seriesList.flatMap(({ points }) => points.map((p) => p.date)))].sort();
  if (dates.length === 0) return { plotted: seriesList.map(({ series }) => ({ series, points: [] })), dates };
  const x = xScale(dates, box);
  const y = yScale(box);
  const sharing = new Map<string, number>();
  for (const { points } of seriesList) {
    for (const p of points) sharing.set(`${p.date}|${p.rating}`, (sharing.get(`${p.date}|${p.rating}`) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  const plotted = seriesList.map(({ series, points }) => ({
    series,
    points: [...points]
      .sort((a, b) => time(a.date) - time(b.date))
      .map((p) => {
        const key = `${p.date}|${p.rating}`;
        const count = sharing.get(key) ?? 1;
        const index = seen.get(key) ?? 0;
        seen.set(key, index + 1);
        return { ...p, x: x(p.date) + (index - (count - 1) / 2) * 7, y: y(p.rating) };
      }),
  }));
  return { plotted, dates };
}
