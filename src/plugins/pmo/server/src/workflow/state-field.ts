/**
 * Every collection type of the app (`api::`) and of the plugin (`plugin::pmo.`) carries the
 * read-only `workflowState` string, added here at register (as Strapi's Review Workflows adds its
 * stage attribute), so a workflow saved in Settings for any of them applies at once: no schema
 * edit, no rebuild, no restart. The engine mirrors an item's state on it; nobody writes it
 * (workflow/document-middleware.ts refuses a change). Types that declare it in their schema keep
 * their declaration.
 */
import type { Core } from '@strapi/strapi';

export const STATE_FIELD = 'workflowState';

/** The attribute as injected: a short string the Content Manager shows but does not let anyone edit. */
export const STATE_ATTRIBUTE = { type: 'string', maxLength: 64, configurable: false } as const;

/** Whether the plugin puts a state field on this content type. */
export const carriesState = (uid: string, kind: string | undefined) =>
  kind === 'collectionType' && (uid.startsWith('api::') || uid.startsWith('plugin::pmo.'));

type Registry = { keys(): string[]; get(uid: string): { kind?: string; attributes: Record<string, unknown> } | undefined };

export function registerStateField(strapi: Core.Strapi) {
  const registry = strapi.get('content-types') as unknown as Registry;
  for (const uid of registry.keys()) {
    const contentType = registry.get(uid);
    if (!contentType || !carriesState(uid, contentType.kind)) continue;
    if (!(STATE_FIELD in contentType.attributes)) contentType.attributes[STATE_FIELD] = { ...STATE_ATTRIBUTE };
  }
}
