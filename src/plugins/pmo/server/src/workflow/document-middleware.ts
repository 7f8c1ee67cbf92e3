import type { Core } from '@strapi/strapi';
import { errors, invalidField } from '../platform/errors';
import { stateName } from './evaluate';
import { EVENT_UID, type WorkflowEngine } from './engine';

/**
 * Cross-cutting workflow behaviour on every Document Service write, as Review Workflows does:
 * a new item starts its workflow in the initial state (mirrored on `workflowState` in the same
 * write); `workflowState` cannot be edited directly; the audit trail cannot be changed.
 */
export function registerWorkflowMiddleware(strapi: Core.Strapi, engine: () => WorkflowEngine) {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context;
    const params = context.params as { data?: Record<string, unknown>; documentId?: string };

    if (uid === EVENT_UID && action !== 'findOne' && action !== 'findMany' && action !== 'findFirst' && action !== 'count') {
      throw new errors.ForbiddenError('The workflow history is a permanent record: it cannot be changed or deleted');
    }
    if (!['create', 'update', 'delete', 'clone'].includes(action)) return next();
    if (uid.startsWith('admin::') || uid.startsWith('plugin::pmo.workflow') ) return next();

    const workflow = await engine().workflowFor(uid);
    if (!workflow) return next();
    const data = params.data;

    if (action === 'create' || action === 'clone') {
      if (data && typeof data === 'object') {
        if (data.workflowState !== undefined && data.workflowState !== null && data.workflowState !== workflow.definition.initial) {
          throw invalidField(
            ['workflowState'],
            `A new item starts in the state "${stateName(workflow.definition, workflow.definition.initial)}"; its state changes only through the workflow "${workflow.name}"`,
            'The state is set by the workflow'
          );
        }
        data.workflowState = workflow.definition.initial;
      }
      // The document and its workflow instance are written in one transaction.
      return strapi.db.transaction(async () => {
        const result = await next();
        const created = result as { documentId?: string } | null;
        if (created?.documentId) {
          const user = strapi.requestContext.get()?.state?.user as { id?: number } | undefined;
          await engine().ensureInstance(workflow, uid, created.documentId, typeof user?.id === 'number' ? user.id : null);
        }
        return result;
      });
    }

    if (action === 'update' && data && typeof data === 'object' && 'workflowState' in data && params.documentId) {
      const instance = await engine().findInstance(uid, params.documentId);
      const current = instance?.state ?? (await strapi.db.query(uid as any).findOne({ where: { documentId: params.documentId }, select: ['workflowState'] }))?.workflowState;
      if (data.workflowState !== current) {
        throw invalidField(
          ['workflowState'],
          `The state is "${stateName(workflow.definition, String(current))}" and changes only through the workflow "${workflow.name}": use one of its steps instead of editing it`,
          'The state is set by the workflow'
        );
      }
      delete data.workflowState;
    }

    const result = await next();
    if (action === 'delete' && params.documentId) {
      const remaining = await strapi.db.query(uid as any).count({ where: { documentId: params.documentId } });
      if (remaining === 0) {
        await strapi.db.query('plugin::pmo.workflow-instance').deleteMany({
          where: { targetUid: uid, targetDocumentId: params.documentId },
        });
      }
    }
    return result;
  });
}
