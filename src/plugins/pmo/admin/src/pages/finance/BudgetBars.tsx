/**
 * The budget outline as a stacked bar chart: one bar per month, one coloured segment per
 * category, management reserve hatched on top (shown, but outside BAC). Plain SVG; every
 * segment names its month, category and exact amount for screen readers and as a tooltip.
 */
import { Box, Flex, Typography } from '@strapi/design-system';

import { MANAGEMENT_RESERVE as RESERVE, type BudgetOutline } from '../../api/finance';
import { CHART, ChartFrame, INNER, monthLabel, niceTicks, scaleY } from './chart';
import { formatMoney } from './display';
import { categoryLabel } from './words';

const COLORS: Record<string, string> = {
  labour: '#4945FF',
  capex: '#0C75AF',
  opex: '#328048',
  contingency: '#D9822F',
  change: '#AC73E6',
};
const OTHER_COLORS = ['#EE5E52', '#66B7F1', '#5CB176'];
const RESERVE_COLOR = '#8E8EA9';
const colorOf = (category: string, categories: string[]) =>
  COLORS[category] ?? OTHER_COLORS[categories.indexOf(category) % OTHER_COLORS.length];

type Segment = { category: string; amount: string; from: number; to: number };

/** Each month's segments: positive amounts stack up from 0, negative ones down. */
function stack(amounts: Array<[string, string]>): Segment[] {
  let up = 0;
  let down = 0;
  const segments: Segment[] = [];
  for (const [category, amount] of amounts) {
    const value = Number(amount);
    if (value > 0) segments.push({ category, amount, from: up, to: (up += value) });
    if (value < 0) segments.push({ category, amount, from: down, to: (down += value) });
  }
  return segments;
}

export const BudgetBars = ({ outline, subject }: { outline: BudgetOutline; subject: string }) => {
  const { months, categories, currency } = outline;
  if (months.length === 0) return <Typography textColor="neutral600">No budget lines in these months.</Typography>;

  const bars = months.map((row) => ({
    row,
    segments: stack([...categories.map((c): [string, string] => [c, row.amounts[c]]), [RESERVE, row.managementReserve]]),
  }));
  const ends = bars.flatMap((bar) => bar.segments.map((s) => s.to));
  const ticks = niceTicks(Math.min(0, ...ends), Math.max(0, ...ends));
  const y = scaleY(ticks);
  const band = INNER.width / months.length;
  const barWidth = Math.min(56, band * 0.7);
  const x = (i: number) => CHART.margin.left + band * (i + 0.5);
  const showTotals = months.length <= 12;

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <ChartFrame
        ticks={ticks}
        months={months.map((row, i) => ({ month: row.month, x: x(i) }))}
        currency={currency}
        label={`Budget outline of ${subject}: budget by month, stacked by category, ${monthLabel(months[0].month)} to ${monthLabel(months[months.length - 1].month)}; management reserve hatched, outside BAC`}
        testId="finance-budget-chart"
      >
        <defs>
          <pattern id="pmo-reserve-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#F6F6F9" />
            <line x1="0" y1="0" x2="0" y2="6" stroke={RESERVE_COLOR} strokeWidth="3" />
          </pattern>
        </defs>
        {bars.map(({ row, segments }, i) => (
          <g key={row.month} data-month={row.month}>
            {segments.map((s) => (
              <rect
                key={s.category}
                data-category={s.category}
                x={x(i) - barWidth / 2}
                width={barWidth}
                y={Math.min(y(s.from), y(s.to))}
                height={Math.max(1, Math.abs(y(s.from) - y(s.to)))}
                fill={s.category === RESERVE ? 'url(#pmo-reserve-hatch)' : colorOf(s.category, categories)}
                stroke={s.category === RESERVE ? RESERVE_COLOR : '#fff'}
                strokeWidth={s.category === RESERVE ? 1 : 0.5}
              >
                <title>{`${monthLabel(row.month)} · ${categoryLabel(s.category)}: ${formatMoney(s.amount, currency)}`}</title>
              </rect>
            ))}
            {showTotals && row.total !== '0.00' && (
              <text
                data-total={row.month}
                x={x(i)}
                y={y(Math.max(0, ...segments.map((s) => s.to))) - 4}
                textAnchor="middle"
                fontSize={10}
                fill="#32324D"
              >
                {formatMoney(row.total)}
              </text>
            )}
          </g>
        ))}
      </ChartFrame>
      <Flex gap={4} wrap="wrap" data-testid="finance-budget-legend">
        {categories.map((category) => (
          <Flex key={category} gap={1}>
            <Box width="12px" height="12px" style={{ background: colorOf(category, categories) }} />
            <Typography variant="pi">{categoryLabel(category)}</Typography>
          </Flex>
        ))}
        <Flex gap={1}>
          <svg width="12" height="12" aria-hidden="true">
            <rect width="12" height="12" fill="url(#pmo-reserve-hatch)" stroke={RESERVE_COLOR} />
          </svg>
          <Typography variant="pi">Management reserve (outside BAC)</Typography>
        </Flex>
        {showTotals && (
          <Typography variant="pi" textColor="neutral600">
            Figures above the bars: the month&apos;s BAC budget.
          </Typography>
        )}
      </Flex>
    </Flex>
  );
};
