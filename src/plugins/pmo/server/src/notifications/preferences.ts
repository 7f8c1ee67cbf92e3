/**
 * A person's notification preferences: one row per category they changed; a category without a
 * row is `immediate`. The signed-in admin user is the person with their email.
 */
import type { Core } from '@strapi/strapi';
import {
  ALWAYS_SENT,
  CATEGORY_NAMES,
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_PREFERENCE_UID,
  type NotificationCategory,
  type NotificationMode,
  type PreferencesAnswer,
  type PreferencesInput,
} from '../../../shared/contracts/notifications';
import { PERSON_UID } from '../../../shared/contracts/uids';
import { unprocessable } from '../platform/errors';
import type { AdminUser } from '../workflow';
import { newDocumentId } from './ids';

type Person = { id: number; documentId: string; fullName: string; email: string };

async function personOf(strapi: Core.Strapi, user: AdminUser): Promise<Person | null> {
  if (!user.email) return null;
  return (await strapi.db.query(PERSON_UID as never).findOne({
    where: { email: { $eqi: user.email } },
    select: ['id', 'documentId', 'fullName', 'email'],
    orderBy: [{ id: 'asc' }],
  })) as Person | null;
}

const rowsOf = async (strapi: Core.Strapi, person: Person) =>
  (await strapi.db.query(NOTIFICATION_PREFERENCE_UID as never).findMany({
    where: { person: { id: person.id } },
    select: ['id', 'category', 'mode'],
    orderBy: [{ id: 'asc' }],
  })) as Array<{ id: number; category: NotificationCategory; mode: NotificationMode }>;

function answer(person: Person | null, rows: Array<{ category: NotificationCategory; mode: NotificationMode }>): PreferencesAnswer {
  return {
    person: person ? { documentId: person.documentId, fullName: person.fullName, email: person.email } : null,
    preferences: NOTIFICATION_CATEGORIES.map((category) => ({
      category,
      name: CATEGORY_NAMES[category],
      mode: rows.find((row) => row.category === category)?.mode ?? 'immediate',
      canTurnOff: !ALWAYS_SENT.includes(category) && category !== 'digest',
    })),
  };
}

export async function getPreferences(strapi: Core.Strapi, user: AdminUser): Promise<PreferencesAnswer> {
  const person = await personOf(strapi, user);
  return answer(person, person ? await rowsOf(strapi, person) : []);
}

export async function setPreferences(strapi: Core.Strapi, user: AdminUser, input: PreferencesInput): Promise<PreferencesAnswer> {
  const person = await personOf(strapi, user);
  if (!person) {
    throw unprocessable(
      `PMO Hub has no person with your email (${user.email ?? 'none'}), so it sends you no notifications to choose from: ask a PMO administrator to add you as a person`
    );
  }
  const preference = strapi.db.query(NOTIFICATION_PREFERENCE_UID as never);
  const rows = await rowsOf(strapi, person);
  for (const { category, mode } of input.preferences) {
    const existing = rows.filter((row) => row.category === category);
    const at = new Date();
    if (existing.length) {
      await preference.updateMany({ where: { id: { $in: existing.map((row) => row.id) } }, data: { mode, updatedAt: at } });
    } else {
      await preference.create({
        data: { documentId: newDocumentId(), category, mode, person: person.id, createdAt: at, updatedAt: at, publishedAt: at },
      });
    }
  }
  return answer(person, await rowsOf(strapi, person));
}
