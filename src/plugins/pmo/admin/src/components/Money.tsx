/**
 * An amount as PMO Hub shows it everywhere: grouped, two decimals and the organisation currency,
 * "1,234.50 EUR". Money travels as integer minor units ("123450", DESIGN.md "Money") or, in
 * computed answers, as a decimal string ("1234.50"); both are shown exactly, whatever their size,
 * with shared/money.ts's formatting.
 */
import { Typography } from '@strapi/design-system';

import { usePmoSettings } from '../api/client';
import { formatMoney, type Amount } from './formatMoney';

export { formatMoney };

type MoneyProps = ({ minor: Amount } | { decimal: Amount }) & {
  /** The currency shown; the organisation's (PMO_CURRENCY) when left out, none when null. */
  currency?: string | null;
  'data-testid'?: string;
};

/** An amount in a line of text, its figures aligned in tables. */
export const Money = ({ currency, ...props }: MoneyProps) => {
  const settings = usePmoSettings();
  const unit = currency === undefined ? settings.data?.currency : (currency ?? undefined);
  const amount = 'minor' in props ? { minor: props.minor } : { decimal: props.decimal };
  return (
    <Typography variant="omega" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid={props['data-testid']}>
      {formatMoney(amount, unit)}
    </Typography>
  );
};
