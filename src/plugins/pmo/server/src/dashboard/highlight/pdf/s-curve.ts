/**
 * The S-curve drawn as vector lines: PV (dashed), EV and AC over the months of finance's series,
 * a round-stepped value axis in the currency, month labels, a marker at asOf and a legend.
 */
import type { SeriesPoint } from '../../../../../shared/contracts/finance';
import { chartGeometry, type SeriesKey } from './chart-geometry';
import { COLOURS, type Layout } from './layout';
import { formatDay, pdfText } from '../words';

const SERIES: Array<{ key: SeriesKey; label: string; colour: string; dash?: number }> = [
  { key: 'pv', label: 'PV (planned value)', colour: COLOURS.accent, dash: 4 },
  { key: 'ev', label: 'EV (earned value)', colour: COLOURS.green },
  { key: 'ac', label: 'AC (actual cost)', colour: COLOURS.red },
];

const HEIGHT = 190;

export function drawSCurve(layout: Layout, points: SeriesPoint[], currency: string, asOf: string) {
  const { doc } = layout;
  layout.ensure(HEIGHT + 50);
  const axisWidth = 62;
  const box = { x: layout.left + axisWidth, y: layout.y + 18, width: layout.width - axisWidth - 10, height: HEIGHT - 40 };
  const geometry = chartGeometry(points, box, asOf);

  doc.font('Helvetica').fontSize(7).fillColor(COLOURS.muted);
  doc.text(pdfText(currency), layout.left, box.y - 16, { width: axisWidth - 6, align: 'right', lineBreak: false });
  for (const tick of geometry.ticks) {
    doc.moveTo(box.x, tick.y).lineTo(box.x + box.width, tick.y).lineWidth(0.3).strokeColor(COLOURS.rule).stroke();
    doc.fillColor(COLOURS.muted).text(tick.label, layout.left, tick.y - 3, { width: axisWidth - 6, align: 'right', lineBreak: false });
  }
  doc.moveTo(box.x, box.y).lineTo(box.x, box.y + box.height).lineTo(box.x + box.width, box.y + box.height).lineWidth(0.8).strokeColor(COLOURS.muted).stroke();
  for (const month of geometry.months) {
    doc.moveTo(month.x, box.y + box.height).lineTo(month.x, box.y + box.height + 3).lineWidth(0.5).strokeColor(COLOURS.muted).stroke();
    doc.fillColor(COLOURS.muted).text(month.label, month.x - 30, box.y + box.height + 5, { width: 60, align: 'center', lineBreak: false });
  }

  if (geometry.asOfX !== null) {
    doc.save();
    doc.moveTo(geometry.asOfX, box.y).lineTo(geometry.asOfX, box.y + box.height).lineWidth(0.6).dash(2, { space: 2 }).strokeColor(COLOURS.none).stroke();
    doc.restore();
    doc.fillColor(COLOURS.muted).text(`As of ${formatDay(asOf)}`, geometry.asOfX - 50, box.y - 9, { width: 100, align: 'center', lineBreak: false });
  }

  for (const series of SERIES) {
    const line = geometry.lines[series.key];
    if (!line.length) continue;
    doc.save();
    if (series.dash) doc.dash(series.dash, { space: 3 });
    doc.moveTo(line[0][0], line[0][1]);
    for (const [x, y] of line.slice(1)) doc.lineTo(x, y);
    doc.lineWidth(1.6).strokeColor(series.colour).stroke();
    doc.restore();
    if (line.length === 1) doc.circle(line[0][0], line[0][1], 2).fill(series.colour);
  }

  let x = box.x;
  const legendY = box.y + box.height + 18;
  for (const series of SERIES) {
    doc.save();
    if (series.dash) doc.dash(series.dash, { space: 3 });
    doc.moveTo(x, legendY + 4).lineTo(x + 18, legendY + 4).lineWidth(1.6).strokeColor(series.colour).stroke();
    doc.restore();
    doc.font('Helvetica').fontSize(8).fillColor(COLOURS.ink).text(series.label, x + 22, legendY, { lineBreak: false });
    x += 22 + doc.widthOfString(series.label) + 18;
  }
  layout.y = legendY + 16;
}
