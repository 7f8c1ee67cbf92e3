import type { Core } from '@strapi/strapi';
import { PROTECTED_FIELDS, carriesStateField, descriptionOf, protectedFieldsOf, type FieldProtection } from '../../../shared/contracts/protected-fields';
import {
  ALLOCATION_UID,
  BUDGET_LINE_UID,
  CHANGE_REQUEST_UID,
  COST_ENTRY_UID,
  DECISION_UID,
  DEPARTMENT_UID,
  DEPENDENCY_UID,
  DOCUMENT_UID,
  ISSUE_UID,
  LESSON_UID,
  PERSON_UID,
  PORTFOLIO_UID,
  PROGRAMME_UID,
  PROJECT_UID,
  RISK_UID,
  STANDARD_UID,
  STATUS_REPORT_UID,
  TEMPLATE_UID,
} from '../../../shared/contracts/uids';
import { applyLabels } from './labels';

/**
 * Fields only the engine or a capability writes (shared/contracts/protected-fields.ts): shown in
 * the Content Manager read-only, with who sets them as their description.
 */
const readOnlyFields = (uid: string): Array<[string, FieldProtection]> => Object.entries(protectedFieldsOf(uid));

/** Whether a label is still Strapi's default (the field's key) or empty: PMO Hub may write its own. */
const isDefaultLabel = (label: unknown, field: string) => label === undefined || label === '' || label === field;

/**
 * Fields the Content Manager must not render in the edit view. A document's review `status`
 * (DESIGN.md) collides with the Content Manager's own draft & publish `status`; it equals the
 * document-review workflow's state, shown and changed in the Workflow panel (docs/documents.md).
 */
const HIDDEN_IN_EDIT: Record<string, string[]> = {
  [DOCUMENT_UID]: ['status'],
  // A project's cost entries (tens of millions in a large PMO): an entry is booked to its project
  // on its own form, and a project's costs are read in Finance. In the project's form the field
  // only offered to move other projects' entries here, and finding those to offer took Strapi
  // 2.2 s and a count of 1.5 s at 10,000,000 entries on every opening (bench/README.md, bench/lists).
  [PROJECT_UID]: ['costEntries'],
};

/**
 * List columns that make each list readable at a glance, and each type's main field: how its
 * items are named in the edit view's header and wherever they are listed as related items (a
 * project's status reports by their title, "ERP-01 status report, 31 Mar 2026", not by internal
 * id or a raw date; shared/record-labels.ts). Applied once, then the admin's: a type's columns
 * are written when the stored layouts predate its `since` version (5 when not given), so a new
 * type gets its columns without resetting the others'.
 */
const LIST_COLUMNS: Record<string, { list: string[]; mainField?: string; defaultSortBy?: string; defaultSortOrder?: 'ASC' | 'DESC'; since?: number }> = {
  [PORTFOLIO_UID]: { list: ['code', 'name', 'programmes'], mainField: 'name', defaultSortBy: 'code' },
  [PROGRAMME_UID]: { list: ['code', 'name', 'portfolio', 'manager'], mainField: 'name', defaultSortBy: 'code' },
  [PROJECT_UID]: { list: ['code', 'name', 'programme', 'manager', 'workflowState'], mainField: 'name', defaultSortBy: 'code' },
  [PERSON_UID]: { list: ['fullName', 'email', 'pmoRole', 'department'], mainField: 'fullName', defaultSortBy: 'fullName' },
  [DEPARTMENT_UID]: { list: ['name', 'leader'], mainField: 'name', defaultSortBy: 'name' },
  [ALLOCATION_UID]: { list: ['person', 'project', 'role', 'percent', 'startDate', 'endDate'], mainField: 'role' },
  [STANDARD_UID]: { list: ['code', 'title', 'version', 'category', 'mandatory', 'workflowState'], mainField: 'title', defaultSortBy: 'code' },
  [TEMPLATE_UID]: { list: ['title', 'documentType', 'version', 'standard', 'workflowState'], mainField: 'title', defaultSortBy: 'title' },
  [DOCUMENT_UID]: { list: ['title', 'documentType', 'project', 'owner', 'lastReviewedAt', 'nextReviewDue'], mainField: 'title', defaultSortBy: 'nextReviewDue' },
  [STATUS_REPORT_UID]: { list: ['project', 'asOf', 'percentComplete', 'ragOverall'], mainField: 'label', defaultSortBy: 'asOf' },
  [BUDGET_LINE_UID]: { list: ['project', 'period', 'category', 'amount'], mainField: 'label', defaultSortBy: 'period' },
  [CHANGE_REQUEST_UID]: { list: ['reference', 'title', 'project', 'type', 'authorityLevel', 'workflowState'], mainField: 'title', defaultSortBy: 'reference' },
  [COST_ENTRY_UID]: { list: ['project', 'date', 'category', 'amount', 'supplier', 'reference'], mainField: 'reference', defaultSortBy: 'date' },
  // The RAID registers (6): the most pressing first.
  [RISK_UID]: { list: ['title', 'project', 'programme', 'score', 'owner', 'status', 'workflowState'], mainField: 'title', defaultSortBy: 'score', defaultSortOrder: 'DESC', since: 6 },
  [ISSUE_UID]: { list: ['title', 'project', 'programme', 'priority', 'owner', 'targetDate', 'status', 'workflowState'], mainField: 'title', defaultSortBy: 'raisedOn', defaultSortOrder: 'DESC', since: 6 },
  [DECISION_UID]: { list: ['decidedOn', 'title', 'project', 'programme', 'decidedBy', 'source'], mainField: 'title', defaultSortBy: 'decidedOn', defaultSortOrder: 'DESC', since: 6 },
  [LESSON_UID]: { list: ['recordedOn', 'title', 'project', 'category', 'tags'], mainField: 'title', defaultSortBy: 'recordedOn', defaultSortOrder: 'DESC', since: 6 },
  [DEPENDENCY_UID]: { list: ['fromProject', 'toProject', 'description', 'needBy', 'status'], mainField: 'description', defaultSortBy: 'needBy', since: 6 },
};

/** The categories of the app's own components (src/components/). */
const APP_COMPONENT_CATEGORIES = new Set(['project', 'change', 'standard', 'people']);

const STORE_KEY = 'content-manager-layouts';
/**
 * 4: related items named by their type's main field (budget lines by period, allocations by role).
 * 5: status reports and budget lines named by their title (`label`), not their raw date.
 * 6: the RAID registers' columns (only theirs: `since`).
 */
const LAYOUTS_VERSION = 6;
const COLUMNS_SINCE = 5;

type Configuration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { list: string[]; edit: Array<Array<{ name: string; size: number }>> };
};

/**
 * Applies PMO Hub's Content Manager layouts: protected fields read-only and labels in the PMO's
 * words always (a label someone changed is kept), list columns once.
 */
export async function applyContentManagerLayouts(strapi: Core.Strapi) {
  const service = strapi.plugin('content-manager').service('content-types') as any;
  const store = strapi.store({ type: 'plugin', name: 'pmo' });
  const applied = Number((await store.get({ key: STORE_KEY })) ?? 0);
  const uids = new Set([
    ...Object.keys(strapi.contentTypes).filter(carriesStateField),
    ...Object.keys(PROTECTED_FIELDS),
    ...Object.keys(HIDDEN_IN_EDIT),
    ...Object.keys(LIST_COLUMNS),
  ]);

  for (const uid of uids) {
    const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as any;
    // Types hidden from the Content Manager (gate reviews, …) have no layout to adjust.
    if (!contentType || contentType.pluginOptions?.['content-manager']?.visible === false) continue;
    const current = (await service.findConfiguration(contentType)) as Configuration;
    const next: Configuration = JSON.parse(JSON.stringify(current));
    let changed = false;

    for (const [field, protection] of readOnlyFields(uid)) {
      const description = descriptionOf(protection);
      const edit = next.metadatas[field]?.edit;
      if (edit && (edit.editable !== false || edit.description !== description)) {
        Object.assign(edit, { editable: false, description });
        changed = true;
      }
      // A protected field's own name ("Title" for `label`), where the label is still Strapi's.
      for (const view of [edit, next.metadatas[field]?.list]) {
        if (protection.name && view && isDefaultLabel(view.label, field)) {
          view.label = protection.name;
          changed = true;
        }
      }
    }

    for (const field of HIDDEN_IN_EDIT[uid] ?? []) {
      const edit = next.metadatas[field]?.edit;
      if (edit && edit.visible !== false) {
        edit.visible = false;
        changed = true;
      }
      const rows = next.layouts.edit.map((row) => row.filter((cell) => cell.name !== field)).filter((row) => row.length > 0);
      if (JSON.stringify(rows) !== JSON.stringify(next.layouts.edit)) {
        next.layouts.edit = rows;
        changed = true;
      }
    }

    // Labels in the PMO's words wherever a label is still the field's key.
    if (applyLabels(next.metadatas)) changed = true;

    const columns = LIST_COLUMNS[uid];
    if (columns && applied < (columns.since ?? COLUMNS_SINCE)) {
      next.layouts.list = columns.list.filter((field) => field in contentType.attributes);
      if (columns.mainField) next.settings.mainField = columns.mainField;
      if (columns.defaultSortBy) next.settings.defaultSortBy = columns.defaultSortBy;
      if (columns.defaultSortOrder) next.settings.defaultSortOrder = columns.defaultSortOrder;
      changed = true;
    }
    if (applied < LAYOUTS_VERSION && nameRelatedItems(contentType, next.metadatas)) changed = true;

    if (changed) {
      const { uid: _uid, ...configuration } = next as Configuration & { uid?: string };
      await service.updateConfiguration(contentType, configuration);
    }
  }
  await labelComponents(strapi);
  if (applied < LAYOUTS_VERSION) await store.set({ key: STORE_KEY, value: LAYOUTS_VERSION });
}

/**
 * Each relation lists its related items by the target type's main field (LIST_COLUMNS), in the
 * edit view's relation picker and the list's relation column: Strapi defaults to the target's
 * first text field, or its internal id when it has none (status reports, budget lines).
 */
function nameRelatedItems(contentType: { attributes: Record<string, any> }, metadatas: Configuration['metadatas']): boolean {
  let changed = false;
  for (const [field, attribute] of Object.entries(contentType.attributes)) {
    const mainField = attribute?.type === 'relation' ? LIST_COLUMNS[attribute.target]?.mainField : undefined;
    const edit = metadatas[field]?.edit;
    if (!mainField || !edit || edit.mainField === mainField) continue;
    edit.mainField = mainField;
    changed = true;
  }
  return changed;
}

/** The app's components (project tolerances, change impact, standard criteria) get the same labels. */
async function labelComponents(strapi: Core.Strapi) {
  const service = strapi.plugin('content-manager').service('components') as any;
  for (const uid of Object.keys(strapi.components).filter((key) => APP_COMPONENT_CATEGORIES.has(key.split('.')[0]))) {
    const component = service.findComponent(uid);
    if (!component) continue;
    const { uid: _uid, category: _category, ...configuration } = (await service.findConfiguration(component)) as Configuration & {
      uid?: string;
      category?: string;
    };
    if (applyLabels(configuration.metadatas)) await service.updateConfiguration(component, configuration);
  }
}
