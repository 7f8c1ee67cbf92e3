/** Plugin configuration, set in the app's config/plugins.ts from environment variables. */
export type PmoConfig = {
  /** ISO 4217 code of the organisation's single currency (PMO_CURRENCY). */
  currency: string;
  /** Cost impact (minor units) above which a PMO director decides a change (PMO_CHANGE_AUTHORITY_LIMIT). */
  changeAuthorityLimit?: string;
};

export default {
  default: { currency: 'EUR', changeAuthorityLimit: '10000000' } satisfies PmoConfig,
  validator(config: PmoConfig) {
    if (!/^[A-Z]{3}$/.test(String(config.currency))) {
      throw new Error(
        `PMO_CURRENCY must be a three-letter ISO 4217 code such as EUR, got "${config.currency}"`
      );
    }
    if (config.changeAuthorityLimit !== undefined && !/^\d+$/.test(String(config.changeAuthorityLimit))) {
      throw new Error(
        `PMO_CHANGE_AUTHORITY_LIMIT must be a whole number of cents such as 10000000 (100,000.00), got "${config.changeAuthorityLimit}"`
      );
    }
  },
};
