/** Money and index display for the finance pages. */
import { Badge, Typography } from '@strapi/design-system';

import { formatMoney as formatAmount } from '../../components/formatMoney';

/**
 * "1234567.80" → "1,234,567.80". A decimal string from the API is grouped as text by the one money
 * formatter (components/formatMoney), so every cent shows however large the amount; a number (a
 * chart tick) goes through toLocaleString.
 */
export const formatMoney = (value: string | number | null | undefined, currency?: string) => {
  if (typeof value !== 'number') return formatAmount({ decimal: value }, currency);
  const text = value.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return currency ? `${text} ${currency}` : text;
};

export type IndexBand = 'good' | 'watch' | 'poor' | 'none';

/** ≥ 1 good (green), 0.9 to 1 watch (amber), < 0.9 poor (red), null none (grey). */
export const indexBand = (value: number | null | undefined): IndexBand =>
  value === null || value === undefined ? 'none' : value >= 1 ? 'good' : value >= 0.9 ? 'watch' : 'poor';

const BAND_COLORS: Record<IndexBand, { background: string; text: string }> = {
  good: { background: 'success100', text: 'success700' },
  watch: { background: 'warning100', text: 'warning700' },
  poor: { background: 'danger100', text: 'danger700' },
  none: { background: 'neutral150', text: 'neutral600' },
};

/** CPI, SPI or TCPI as a coloured badge; `data-band` tells tests the band. */
export const IndexBadge = ({ value, label }: { value: number | null | undefined; label: string }) => {
  const band = indexBand(value);
  return (
    <span data-band={band} aria-label={`${label} ${value ?? 'n/a'} (${band})`}>
      <Badge backgroundColor={BAND_COLORS[band].background} textColor={BAND_COLORS[band].text}>
        {value === null || value === undefined ? 'n/a' : value.toFixed(2)}
      </Badge>
    </span>
  );
};

export const Money = ({ value, bold, muted }: { value: string | number | null | undefined; bold?: boolean; muted?: boolean }) => (
  <Typography
    variant="omega"
    fontWeight={bold ? 'bold' : undefined}
    textColor={muted ? 'neutral600' : undefined}
    style={{ fontVariantNumeric: 'tabular-nums', display: 'block', textAlign: 'right' }}
  >
    {formatMoney(value)}
  </Typography>
);
