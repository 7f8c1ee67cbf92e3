/**
 * The Content Manager's labels in the PMO's words: Strapi shows a field's key ("ragOverall",
 * "workflowState", "asOf") until someone renames it by hand. PMO Hub writes a label for every field
 * of its types, in the edit view and as the list's column header, where the label is still the key,
 * so a label an administrator has changed is kept. Pure: the words, and which to apply.
 */

import { contentManagerLabel as fieldLabel } from '../../../shared/field-labels';

export { contentManagerLabel as fieldLabel, labelFromKey as humanise } from '../../../shared/field-labels';

type Metadata = { edit?: Record<string, unknown>; list?: Record<string, unknown> };

/**
 * Writes the PMO label on each field whose edit or list label is still its key (Strapi's default)
 * or empty; answers whether anything changed. Labels someone wrote are left as they are.
 */
export function applyLabels(metadatas: Record<string, Metadata>): boolean {
  let changed = false;
  for (const [field, metadata] of Object.entries(metadatas)) {
    for (const view of [metadata.edit, metadata.list]) {
      if (!view) continue;
      const label = view.label;
      if (label === undefined || label === '' || label === field) {
        view.label = fieldLabel(field);
        changed = changed || view.label !== label;
      }
    }
  }
  return changed;
}
