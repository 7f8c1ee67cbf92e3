/** Plugin configuration, set in the app's config/plugins.ts from environment variables. */
export type PmoConfig = {
  /** ISO 4217 code of the organisation's single currency (PMO_CURRENCY). */
  currency: string;
};

export default {
  default: { currency: 'EUR' } satisfies PmoConfig,
  validator(config: PmoConfig) {
    if (!/^[A-Z]{3}$/.test(String(config.currency))) {
      throw new Error(
        `PMO_CURRENCY must be a three-letter ISO 4217 code such as EUR, got "${config.currency}"`
      );
    }
  },
};
