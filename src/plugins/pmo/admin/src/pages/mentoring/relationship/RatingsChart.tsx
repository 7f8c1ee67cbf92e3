/**
 * Competency ratings across sessions: one line per competency, ratings 1 to 5 up the side,
 * session dates along the bottom, and a legend with each competency's latest rating and change.
 */
import * as React from 'react';

import { Box, Flex, Typography } from '@strapi/design-system';

import type { RatingSeries } from '../../../api/mentoring';
import { useTranslate } from '../../../utils/useTranslate';
import { seriesColor, useFormatDay } from '../display';
import { CHART_BOX, RATING_MAX, RATING_MIN, dateTicks, plot, xScale, yScale } from './chartGeometry';

const AXIS = '#C0C0CF';
const GRID = '#EAEAEF';
const LABEL = '#666687';

export const RatingsChart = ({ series }: { series: RatingSeries[] }) => {
  const t = useTranslate();
  const formatDay = useFormatDay();
  const titleId = React.useId();
  const descriptionId = React.useId();
  const box = CHART_BOX;
  const { plotted, dates } = plot(series.map((s) => ({ series: s, points: s.points })), box);
  const y = yScale(box);
  const ticks = dateTicks(dates);
  // Ticks sit where their date is, not where a point spread sideways from a neighbour landed.
  const x = dates.length ? xScale(dates, box) : () => box.left;

  if (series.length === 0) {
    return (
      <Typography variant="omega" textColor="neutral600" data-testid="pmo-ratings-empty">
        {t('mentoring.chart.noFocus', 'This relationship has no focus competencies to rate.')}
      </Typography>
    );
  }

  const description = series
    .map((s) =>
      s.points.length
        ? t('mentoring.chart.seriesSummary', '{name}: {ratings}', {
            name: s.competency.name,
            ratings: s.points.map((p) => `${p.rating} (${formatDay(p.date)})`).join(', '),
          })
        : t('mentoring.chart.seriesUnrated', '{name}: not rated yet', { name: s.competency.name })
    )
    .join('; ');

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="pmo-ratings-chart">
      <Box style={{ width: '100%', maxWidth: box.width }}>
        <svg
          viewBox={`0 0 ${box.width} ${box.height}`}
          width="100%"
          role="img"
          aria-labelledby={`${titleId} ${descriptionId}`}
          style={{ display: 'block', overflow: 'visible' }}
        >
          <title id={titleId}>{t('mentoring.chart.title', 'Competency ratings across sessions')}</title>
          <desc id={descriptionId}>{description}</desc>
          {/* Ratings 1..5: grid lines and labels. */}
          {Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i).map((rating) => (
            <g key={rating}>
              <line x1={box.left} x2={box.width - box.right} y1={y(rating)} y2={y(rating)} stroke={GRID} />
              <text x={box.left - 10} y={y(rating)} textAnchor="end" dominantBaseline="middle" fontSize={12} fill={LABEL}>
                {rating}
              </text>
            </g>
          ))}
          <line x1={box.left} x2={box.left} y1={box.top} y2={box.height - box.bottom} stroke={AXIS} />
          <line x1={box.left} x2={box.width - box.right} y1={box.height - box.bottom} y2={box.height - box.bottom} stroke={AXIS} />
          {/* Session dates. */}
          {ticks.map((date) => (
            <g key={date}>
              <line x1={x(date)} x2={x(date)} y1={box.height - box.bottom} y2={box.height - box.bottom + 5} stroke={AXIS} />
              <text x={x(date)} y={box.height - box.bottom + 18} textAnchor="middle" fontSize={12} fill={LABEL}>
                {formatDay(date, 'medium')}
              </text>
            </g>
          ))}
          {dates.length === 0 ? (
            <text
              x={(box.left + box.width - box.right) / 2}
              y={(box.top + box.height - box.bottom) / 2}
              textAnchor="middle"
              fontSize={14}
              fill={LABEL}
            >
              {t('mentoring.chart.noRatings', 'No ratings yet: they appear here as sessions are logged.')}
            </text>
          ) : null}
          {plotted.map(({ series: s, points }, index) => {
            const color = seriesColor(index);
            return (
              <g
                key={s.competency.documentId}
                data-testid="pmo-ratings-series"
                data-competency={s.competency.key}
                data-ratings={points.map((p) => p.rating).join(',')}
              >
                {points.length > 1 ? (
                  <polyline
                    points={points.map((p) => `${p.x},${p.y}`).join(' ')}
                    fill="none"
                    stroke={color}
                    strokeWidth={2.5}
                    strokeLinejoin="round"
                    strokeLinecap="round"
                  />
                ) : null}
                {points.map((p) => (
                  <circle key={p.session} cx={p.x} cy={p.y} r={5} fill="#FFFFFF" stroke={color} strokeWidth={2.5}>
                    <title>
                      {t('mentoring.chart.point', '{name}: {rating} on {date}', {
                        name: s.competency.name,
                        rating: p.rating,
                        date: formatDay(p.date),
                      })}
                    </title>
                  </circle>
                ))}
              </g>
            );
          })}
        </svg>
      </Box>
      <Flex tag="ul" wrap="wrap" gap={4} aria-label={t('mentoring.chart.legend', 'Legend')} data-testid="pmo-ratings-legend">
        {series.map((s, index) => (
          <Flex tag="li" key={s.competency.documentId} gap={2} alignItems="center" data-competency={s.competency.key}>
            <svg width={22} height={10} aria-hidden>
              <line x1={0} x2={22} y1={5} y2={5} stroke={seriesColor(index)} strokeWidth={2.5} />
              <circle cx={11} cy={5} r={3.5} fill="#FFFFFF" stroke={seriesColor(index)} strokeWidth={2} />
            </svg>
            <Typography variant="pi" textColor="neutral800">
              {s.competency.name}
            </Typography>
            <Typography variant="pi" textColor="neutral600">
              {s.latest === null
                ? t('mentoring.chart.unrated', 'not rated yet')
                : s.change
                  ? t('mentoring.chart.latestChange', 'latest {latest} ({change})', {
                      latest: s.latest,
                      change: s.change > 0 ? `+${s.change}` : String(s.change),
                    })
                  : t('mentoring.chart.latest', 'latest {latest}', { latest: s.latest })}
            </Typography>
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
};
