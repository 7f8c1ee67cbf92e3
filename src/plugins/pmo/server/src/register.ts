import type { Core } from '@strapi/strapi';
import { CAPABILITIES } from './capabilities';
import { registerDocumentCurrency } from './compliance/document-currency';
import { registerChoiceFields } from './content-manager/custom-fields';
import { registerRecordLabels } from './content-manager/record-labels';
import { registerMoneyField } from './money/custom-field';
import { registerMoneyValidation } from './money/document-middleware';
import { installProcessGuard } from './security/process-guard';
import { registerDeleteNotFound, registerWriteShapeMiddleware } from './security/document-middleware';
import { registerProtectedFields } from './security/protected-fields';
import { getService } from './services';
import { createApprovalNotices } from './workflow/approvals-waiting';
import { registerWorkflowMiddleware } from './workflow/document-middleware';
import { registerPublishing } from './workflow/publishing';
import { registerStateField } from './workflow/state-field';
import { coreEffects } from './workflow/effects';
import { coreGuards } from './workflow/guards';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  installProcessGuard(strapi);
  // Before the database syncs its schema: every collection type gets its `workflowState` column.
  registerStateField(strapi);
  // Strapi runs Document Service middlewares in the order they are registered: these two come
  // first, so every other one sees only well-formed data, and the caller's data before any
  // capability derives values into it.
  registerWriteShapeMiddleware(strapi);
  registerDeleteNotFound(strapi);
  registerProtectedFields(strapi);
  registerMoneyField(strapi);
  registerChoiceFields(strapi);
  registerMoneyValidation(strapi);
  registerDocumentCurrency(strapi);
  registerRecordLabels(strapi);

  const catalogue = getService(strapi, 'catalogue');
  coreGuards.forEach((guard) => catalogue.registerGuard(guard));
  coreEffects.forEach((effect) => catalogue.registerEffect(effect));
  registerWorkflowMiddleware(strapi, () => getService(strapi, 'workflow'));
  // Publishing governed by state: every path that publishes passes here (workflow/publishing.ts).
  registerPublishing(strapi, () => getService(strapi, 'workflow'));
  // The engine's own reminders and "my work": votes waiting (platform/notices.ts).
  createApprovalNotices(strapi, () => getService(strapi, 'catalogue'));
  for (const capability of CAPABILITIES) capability.register?.(strapi);
};

export default register;
