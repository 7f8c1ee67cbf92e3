import type { Core } from '@strapi/strapi';
import changeControl from '../change-control/change-control.json';
import projectLifecycle from '../governance/project-lifecycle.json';
import { getService } from '../services';
import type { WorkflowDefinition } from '../../../shared/workflow-types';
import { INSTANCE_UID, TRANSITION_EVENT } from './engine';

export const DEFAULT_WORKFLOWS = [projectLifecycle, changeControl] as WorkflowDefinition[];

/** One instance per item and workflow, enforced by the database as well as by the engine. */
async function ensureInstanceIndex(strapi: Core.Strapi) {
  const table = strapi.db.metadata.get(INSTANCE_UID).tableName;
  await strapi.db.connection.raw(
    `CREATE UNIQUE INDEX IF NOT EXISTS pmo_workflow_instances_target_uq ON ${table} (target_uid, target_document_id, workflow_key)`
  );
}

export async function bootstrapWorkflows(strapi: Core.Strapi) {
  strapi.get('webhookStore').addAllowedEvent('PMO_WORKFLOW_TRANSITION', TRANSITION_EVENT);
  await ensureInstanceIndex(strapi);
  const engine = getService(strapi, 'workflow');
  for (const definition of DEFAULT_WORKFLOWS) await engine.seedWorkflow(definition);
}
