/**
 * The Content Manager list of a governed type shows each item's state (DESIGN.md "Workflows on
 * any type"), as Review Workflows shows its stage column: when a workflow is saved for a type
 * whose list does not show `workflowState`, the column is added at the end of its list layout,
 * at once (no restart). The admin's list cell renders it as the state's coloured badge
 * (admin content-manager/listColumns.tsx), and the list's filters offer it like any text field.
 * An administrator who takes the column out later keeps that choice until the next save of the
 * workflow.
 */
import type { Core } from '@strapi/strapi';
import { STATE_FIELD } from './state-field';

export async function showStateColumn(strapi: Core.Strapi, uid: string) {
  const contentType = (strapi.contentTypes as Record<string, any>)[uid];
  if (!contentType || !(STATE_FIELD in (contentType.attributes ?? {}))) return;
  if (contentType.pluginOptions?.['content-manager']?.visible === false) return;
  const service = strapi.plugin('content-manager').service('content-types') as any;
  const { uid: _uid, ...configuration } = await service.findConfiguration(contentType);
  const list: string[] = configuration.layouts?.list ?? [];
  if (list.includes(STATE_FIELD)) return;
  configuration.layouts = { ...configuration.layouts, list: [...list, STATE_FIELD] };
  const metadata = configuration.metadatas?.[STATE_FIELD];
  if (metadata?.list && (!metadata.list.label || metadata.list.label === STATE_FIELD)) metadata.list.label = 'State';
  await service.updateConfiguration(contentType, configuration);
}
