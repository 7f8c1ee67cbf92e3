import type { Core } from '@strapi/strapi';
import { invalidField } from '../errors';
import { MAX_MINOR, isMinorUnits } from '../../../shared/money';
import { MONEY_FIELD_UID } from './custom-field';

type Attributes = Record<string, { customField?: string; type?: string }>;

const WRITES = new Set(['create', 'update']);

/**
 * Refuses money values the database could not hold exactly (a non-integer, or beyond the
 * supported range) with a 400 naming the field, before anything is written.
 */
export function registerMoneyValidation(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    if (!WRITES.has(context.action)) return next();
    const data = (context.params as { data?: Record<string, unknown> })?.data;
    const attributes = (context.contentType?.attributes ?? {}) as Attributes;
    if (data && typeof data === 'object') {
      for (const [field, attribute] of Object.entries(attributes)) {
        if (attribute.customField !== MONEY_FIELD_UID) continue;
        const value = data[field];
        if (value === undefined || value === null) continue;
        if (!isMinorUnits(value)) {
          throw invalidField(
            [field],
            `${field} must be a whole number of cents between -${MAX_MINOR} and ${MAX_MINOR} (e.g. "123450" for 1234.50)`,
            `${field} must be a whole number of cents`
          );
        }
      }
    }
    return next();
  });
}
