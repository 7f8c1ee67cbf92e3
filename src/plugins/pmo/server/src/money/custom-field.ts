import type { Core } from '@strapi/strapi';

export const MONEY_FIELD_UID = 'plugin::pmo.money';

/** `plugin::pmo.money`: integer minor units in a biginteger column (DESIGN.md, Money). */
export function registerMoneyField(strapi: Core.Strapi) {
  strapi.customFields.register({
    name: 'money',
    plugin: 'pmo',
    type: 'biginteger',
  });
}
