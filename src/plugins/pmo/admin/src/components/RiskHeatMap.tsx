/**
 * The 5 × 5 heat map of open risks: probability up the side (5 at the top), impact across, each
 * cell's count a link to the risks behind it, coloured by the score's band with a legend in words
 * (colour is never the only cue). The portfolio dashboard and the "Risks and issues" page use it.
 */
import * as React from 'react';

import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';

import { Section } from './Section';
import type { Translate } from '../utils/useTranslate';

/** The risk score band of a heat-map cell (probability × impact), for its colour and legend. */
export function scoreBand(probability: number, impact: number): 'low' | 'medium' | 'high' | 'severe' {
  const score = probability * impact;
  if (score >= 17) return 'severe';
  if (score >= 10) return 'high';
  if (score >= 5) return 'medium';
  return 'low';
}

export const BAND_BACKGROUNDS = { low: 'success100', medium: 'warning100', high: 'warning200', severe: 'danger200' } as const;

export const bandWords = (t: Translate, band: keyof typeof BAND_BACKGROUNDS) =>
  ({
    low: t('dashboard.heatmap.low', 'Low (score 1–4)'),
    medium: t('dashboard.heatmap.medium', 'Medium (5–9)'),
    high: t('dashboard.heatmap.high', 'High (10–16)'),
    severe: t('dashboard.heatmap.severe', 'Severe (17–25)'),
  })[band];

type Props = {
  /** `cells[probability − 1][impact − 1]`. */
  cells: number[][];
  total: number;
  title: string;
  /** Where a cell's count leads. */
  /** A cell's list; null when no link can hold its filter (the count is then shown plain). */
  link: (probability: number, impact: number) => string | null;
  t: Translate;
  /** Words under the title's action, beside the total (e.g. the current/residual toggle). */
  extra?: React.ReactNode;
  /** The cells' risks are residual (after the responses): the cell's words say so. */
  residual?: boolean;
  testId: string;
  cellTestId: string;
};

export const RiskHeatMap = ({ cells, total, title, link, t, extra, residual = false, testId, cellTestId }: Props) => (
  <Section
    title={title}
    action={
      <Flex gap={3} alignItems="center" wrap="wrap">
        {extra}
        <Typography variant="pi" textColor="neutral600" data-testid={`${testId}-total`}>
          {t('dashboard.heatmap.total', '{count, plural, =0 {No open risks} one {# open risk} other {# open risks}}', { count: total })}
        </Typography>
      </Flex>
    }
    data-testid={testId}
  >
    <table style={{ borderCollapse: 'separate', borderSpacing: 4, width: '100%', maxWidth: 420 }}>
      <caption style={{ captionSide: 'bottom', textAlign: 'left', paddingTop: 8 }}>
        <Flex gap={3} wrap="wrap">
          {(['low', 'medium', 'high', 'severe'] as const).map((band) => (
            <Flex key={band} gap={1} alignItems="center">
              <Box background={BAND_BACKGROUNDS[band]} borderColor="neutral300" style={{ width: 14, height: 14 }} aria-hidden />
              <Typography variant="pi" textColor="neutral600">
                {bandWords(t, band)}
              </Typography>
            </Flex>
          ))}
        </Flex>
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <Typography variant="pi" textColor="neutral600">
              {t('dashboard.heatmap.axes', 'Probability ↓ impact →')}
            </Typography>
          </th>
          {[1, 2, 3, 4, 5].map((impact) => (
            <th key={impact} scope="col">
              <Typography variant="pi" textColor="neutral600">
                {t('dashboard.heatmap.impact', 'Impact {value}', { value: impact })}
              </Typography>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[5, 4, 3, 2, 1].map((probability) => (
          <tr key={probability}>
            <th scope="row">
              <Typography variant="pi" textColor="neutral600">
                {t('dashboard.heatmap.probability', 'Probability {value}', { value: probability })}
              </Typography>
            </th>
            {[1, 2, 3, 4, 5].map((impact) => {
              const count = cells[probability - 1]?.[impact - 1] ?? 0;
              const to = count ? link(probability, impact) : null;
              return (
                <td key={impact} data-testid={cellTestId} data-probability={probability} data-impact={impact} data-count={count} style={{ padding: 0 }}>
                  <Box background={BAND_BACKGROUNDS[scoreBand(probability, impact)]} hasRadius padding={2} style={{ textAlign: 'center', minWidth: 44 }}>
                    {to ? (
                      <Link
                        tag={NavLink}
                        to={to}
                        aria-label={
                          residual
                            ? t('raid.heatmap.residualCell', '{count, plural, one {# open risk} other {# open risks}} with residual probability {probability} and impact {impact}', { count, probability, impact })
                            : t('dashboard.heatmap.cell', '{count, plural, one {# open risk} other {# open risks}} with probability {probability} and impact {impact}', { count, probability, impact })
                        }
                      >
                        {count}
                      </Link>
                    ) : (
                      <Typography variant="omega" textColor="neutral800">
                        {count}
                      </Typography>
                    )}
                  </Box>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  </Section>
);
