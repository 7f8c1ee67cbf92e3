import type { Core } from '@strapi/strapi';
import { INSTANCE_UID, TRANSITION_EVENT } from './engine';

/**
 * One instance per item and workflow, enforced by the database as well as by the engine; and the
 * items of a type in a state, oldest first, as "my work" and the reminders read the votes waiting
 * (workflow/approvals-narrow.ts): 8,334 documents in review at the full seed, found and paged by
 * the index instead of a pass over every instance.
 */
async function ensureInstanceIndex(strapi: Core.Strapi) {
  const table = strapi.db.metadata.get(INSTANCE_UID).tableName;
  await strapi.db.connection.raw(
    `CREATE UNIQUE INDEX IF NOT EXISTS pmo_workflow_instances_target_uq ON ${table} (target_uid, target_document_id, workflow_key)`
  );
  await strapi.db.connection.raw(
    `CREATE INDEX IF NOT EXISTS pmo_workflow_instances_state_idx ON ${table} (target_uid, workflow_key, state, entered_at)`
  );
}

/**
 * Readies the engine: its webhook event and its instance index. Runs before any capability's
 * bootstrap, where each capability seeds its own default workflow (seedWorkflow in index.ts).
 */
export async function bootstrapWorkflows(strapi: Core.Strapi) {
  strapi.get('webhookStore').addAllowedEvent('PMO_WORKFLOW_TRANSITION', TRANSITION_EVENT);
  await ensureInstanceIndex(strapi);
}
