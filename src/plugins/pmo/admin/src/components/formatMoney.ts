/**
 * Money as PMO Hub writes it for a person ("1,234.50 EUR"): the one formatter in shared/money.ts,
 * which the server's messages use too. The Money component shows it.
 */
export { formatMoney, type Amount } from '../../../shared/money';
