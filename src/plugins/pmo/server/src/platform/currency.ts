/**
 * The organisation's one currency (PMO_CURRENCY, the plugin's configuration) and money written
 * in it as a person reads it in a message: "45,000.00 EUR" (shared/money.ts formatMoney).
 */
import type { Core } from '@strapi/strapi';
import { formatMoney } from '../../../shared/money';

export const currencyOf = (strapi: Core.Strapi): string => (strapi.config.get('plugin::pmo') as { currency: string }).currency;

/** Amounts in minor units as words in the configured currency: `moneyIn(strapi)(4500000n)` → "45,000.00 EUR". */
export const moneyIn =
  (strapi: Core.Strapi) =>
  (minor: bigint | string | number): string =>
    formatMoney({ minor: String(minor) }, currencyOf(strapi));
