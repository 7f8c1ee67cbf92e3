import type { Core } from '@strapi/strapi';
import { invalidField } from '../platform/errors';
import { checkMinorUnits, minorUnitsRule } from '../../../shared/money';
import { MONEY_FIELD_UID } from './custom-field';
import { capitalise, theField } from '../../../shared/words';

type Attributes = Record<string, { customField?: string; type?: string }>;

// clone takes data too: the fields that differ from the original.
const WRITES = new Set(['create', 'update', 'clone']);

/**
 * Refuses money values the database could not hold and give back exactly (a non-integer, or
 * beyond ±MAX_MINOR, see shared/money.ts) with a 400 naming the field and the rule it broke,
 * before anything is written.
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
        const checked = checkMinorUnits(value);
        if (!checked.ok) throw invalidField([field], `${capitalise(theField([field]))} ${minorUnitsRule(checked.problem)}`);
      }
    }
    return next();
  });
}
