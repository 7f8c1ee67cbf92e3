/** The notifications settings (config/plugins.ts, from the environment) and this instance's id. */
import { hostname } from 'os';
import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { DEFAULT_NOTIFICATIONS, type NotificationsConfig } from '../config';

/** This process, as lease owner: host, process id and a random part (a restarted process is another owner). */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

export function notificationsConfig(strapi: Core.Strapi): NotificationsConfig {
  const configured = (strapi.config.get('plugin::pmo.notifications') ?? {}) as Partial<NotificationsConfig>;
  const merged = { ...DEFAULT_NOTIFICATIONS, ...configured };
  return {
    appUrl: String(merged.appUrl).replace(/\/+$/, ''),
    jobs: merged.jobs !== false && String(merged.jobs) !== 'false',
    dispatchEvery: Number(merged.dispatchEvery),
    remindersAt: String(merged.remindersAt).trim(),
  };
}

/** An absolute link: a path (`/admin/…`) is put under PMO_APP_URL; a full address is kept. */
export function absoluteUrl(strapi: Core.Strapi, url: string): string {
  if (/^https?:\/\//i.test(url)) return url;
  return `${notificationsConfig(strapi).appUrl}${url.startsWith('/') ? '' : '/'}${url}`;
}

/** The From address (SMTP_FROM), as the email plugin is configured. */
export function mailFrom(strapi: Core.Strapi): string {
  return String(strapi.config.get('plugin::email.settings.defaultFrom') ?? 'PMO Hub <pmo-hub@localhost>');
}

/** The domain of Message-IDs: SMTP_FROM's, else PMO_APP_URL's host. */
export function messageIdDomain(strapi: Core.Strapi): string {
  const from = /@([A-Za-z0-9.-]+)/.exec(mailFrom(strapi));
  if (from) return from[1];
  try {
    return new URL(notificationsConfig(strapi).appUrl).hostname || 'pmo-hub.localhost';
  } catch {
    return 'pmo-hub.localhost';
  }
}
