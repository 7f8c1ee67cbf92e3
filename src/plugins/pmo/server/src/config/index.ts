/** Plugin configuration, set in the app's config/plugins.ts from environment variables. */
export type PmoConfig = {
  /** ISO 4217 code of the organisation's single currency (PMO_CURRENCY). */
  currency: string;
  /** Cost impact (minor units) above which a PMO director decides a change (PMO_CHANGE_AUTHORITY_LIMIT). */
  changeAuthorityLimit?: string;
  /** Notifications and scheduled work (docs/notifications.md). */
  notifications?: NotificationsConfig;
  /** Saving an allocation over a person's capacity: `warn` or `strict` (PMO_ALLOCATION_LIMIT; docs/people.md). */
  allocationLimit?: string;
};

export type NotificationsConfig = {
  /** Where PMO Hub is reached: every mail links to its item there (PMO_APP_URL). */
  appUrl: string;
  /** Whether this instance runs the scheduled jobs (PMO_JOBS). */
  jobs: boolean;
  /** Seconds between two runs of dispatch-outbox (PMO_DISPATCH_EVERY). */
  dispatchEvery: number;
  /** Cron pattern of the daily reminders (PMO_REMINDERS_AT). */
  remindersAt: string;
};

export const DEFAULT_NOTIFICATIONS: NotificationsConfig = {
  appUrl: 'http://localhost:1337',
  jobs: true,
  dispatchEvery: 15,
  remindersAt: '0 7 * * *',
};

export default {
  default: { currency: 'EUR', changeAuthorityLimit: '10000000', notifications: DEFAULT_NOTIFICATIONS } satisfies PmoConfig,
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
    if (config.allocationLimit !== undefined && !['warn', 'strict'].includes(String(config.allocationLimit))) {
      throw new Error(`PMO_ALLOCATION_LIMIT must be warn (save and warn) or strict (refuse), got "${config.allocationLimit}"`);
    }
    const notifications = config.notifications;
    if (notifications) {
      if (!/^https?:\/\/[^\s]+$/.test(String(notifications.appUrl))) {
        throw new Error(`PMO_APP_URL must be the address of PMO Hub such as https://pmo.example.org, got "${notifications.appUrl}"`);
      }
      const every = Number(notifications.dispatchEvery);
      if (!Number.isInteger(every) || every < 1 || every > 3600) {
        throw new Error(`PMO_DISPATCH_EVERY must be a whole number of seconds from 1 to 3600, got "${notifications.dispatchEvery}"`);
      }
      const fields = String(notifications.remindersAt).trim().split(/\s+/);
      if (fields.length < 5 || fields.length > 6) {
        throw new Error(`PMO_REMINDERS_AT must be a cron pattern such as "0 7 * * *" (07:00 every day), got "${notifications.remindersAt}"`);
      }
    }
  },
};
