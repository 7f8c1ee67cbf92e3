import type { Core } from '@strapi/strapi';

/**
 * A standard's `appliesToStates` and `requiredDocumentTypes`: JSON lists of keys (the shape the
 * governance gates read), edited in the Content Manager with pickers by name (the admin's
 * content-manager/ChoicesInput.tsx) instead of a JSON code editor.
 */
export const CHOICE_FIELDS = ['lifecycle-states', 'document-types'] as const;

export function registerChoiceFields(strapi: Core.Strapi) {
  for (const name of CHOICE_FIELDS)
    strapi.customFields.register({ name, plugin: 'pmo', type: 'json' });
}
