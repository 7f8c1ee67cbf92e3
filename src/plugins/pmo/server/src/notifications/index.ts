/**
 * Notifications and scheduled work (DESIGN.md; docs/notifications.md): the outbox and its
 * delivery, templates as data, people's preferences and digests, and the scheduled jobs
 * (`dispatch-outbox`, `reminders`) claimed through job leases. Other capabilities reach it through
 * its service (`notifications`) or register reminder sources in platform/notices.ts.
 */
import { requirePermissions, type Capability } from '../capability';
import {
  NOTIFICATIONS_ADMINISTER,
  NOTIFICATION_PREFERENCES,
  OUTBOX_READ,
  notificationsRoutes as input,
} from '../../../shared/contracts/notifications';
import { MY_WORK_READ, myWorkRoutes } from '../../../shared/contracts/my-work';
import { PMO_ROLE_KEYS, type PmoRoleKey } from '../../../shared/pmo-roles';
import jobLease from './content-types/job-lease.json';
import notificationPreference from './content-types/notification-preference.json';
import notificationTemplate from './content-types/notification-template.json';
import outboxMessage from './content-types/outbox-message.json';
import controller from './controller';
import { ensureLeaseRows, releaseLeases, scheduleJobs } from './jobs';
import { createNotificationsService } from './service';
import { seedTemplates } from './templates';

const readOutbox = requirePermissions(OUTBOX_READ);
const administer = requirePermissions(NOTIFICATIONS_ADMINISTER);
const ownPreferences = requirePermissions(NOTIFICATION_PREFERENCES);
const ownWork = requirePermissions(MY_WORK_READ);

export const notifications: Capability = {
  name: 'notifications',
  contentTypes: {
    'outbox-message': { schema: outboxMessage },
    'notification-template': { schema: notificationTemplate },
    'notification-preference': { schema: notificationPreference },
    'job-lease': { schema: jobLease },
  },
  services: { notifications: ({ strapi }) => createNotificationsService(strapi) },
  controllers: { notifications: controller },
  adminRoutes: [
    { method: 'GET', path: '/my-work', handler: 'notifications.myWork', input: myWorkRoutes.myWork, config: ownWork },
    { method: 'GET', path: '/outbox', handler: 'notifications.outbox', input: input.outbox, config: readOutbox },
    { method: 'POST', path: '/outbox/:documentId/retry', handler: 'notifications.retry', input: input.retry, config: administer },
    { method: 'GET', path: '/jobs', handler: 'notifications.jobs', input: input.jobs, config: readOutbox },
    { method: 'POST', path: '/jobs/:key/run', handler: 'notifications.run', input: input.run, config: administer },
    { method: 'GET', path: '/notification-preferences', handler: 'notifications.preferences', input: input.preferences, config: ownPreferences },
    { method: 'PUT', path: '/notification-preferences', handler: 'notifications.setPreferences', input: input.setPreferences, config: ownPreferences },
    { method: 'GET', path: '/notification-templates', handler: 'notifications.templates', input: input.templates, config: administer },
    { method: 'GET', path: '/notification-templates/:key', handler: 'notifications.template', input: input.template, config: administer },
    { method: 'PUT', path: '/notification-templates/:key', handler: 'notifications.updateTemplate', input: input.updateTemplate, config: administer },
    { method: 'POST', path: '/notification-templates/:key/preview', handler: 'notifications.preview', input: input.preview, config: administer },
  ],
  actions: [
    {
      section: 'plugins',
      displayName: 'See your own work waiting (My work)',
      uid: 'my-work.read',
      subCategory: 'notifications',
      pluginName: 'pmo',
    },
    {
      section: 'plugins',
      displayName: 'Read the outbox and the scheduled jobs',
      uid: 'outbox.read',
      subCategory: 'notifications',
      pluginName: 'pmo',
    },
    {
      section: 'plugins',
      displayName: 'Administer notifications: edit email templates, retry messages, run jobs now',
      uid: 'notifications.administer',
      subCategory: 'notifications',
      pluginName: 'pmo',
    },
    {
      section: 'plugins',
      displayName: 'Choose your own notification preferences',
      uid: 'notifications.preferences',
      subCategory: 'notifications',
      pluginName: 'pmo',
    },
  ],
  grants: {
    ...(Object.fromEntries(PMO_ROLE_KEYS.map((role) => [role, [NOTIFICATION_PREFERENCES, MY_WORK_READ]])) as Record<PmoRoleKey, string[]>),
    'pmo-administrator': [NOTIFICATION_PREFERENCES, MY_WORK_READ, OUTBOX_READ, NOTIFICATIONS_ADMINISTER],
    'pmo-director': [NOTIFICATION_PREFERENCES, MY_WORK_READ, OUTBOX_READ],
  },
  async bootstrap(strapi) {
    await seedTemplates(strapi);
    await ensureLeaseRows(strapi);
    scheduleJobs(strapi);
  },
  async destroy(strapi) {
    await releaseLeases(strapi);
  },
};
