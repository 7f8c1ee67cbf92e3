/**
 * Publishing approval (DESIGN.md "Workflows on any type, publishing and compliance"): standards
 * and templates reach teams only once a PMO director has approved them. This capability seeds
 * the two workflows that say so, `standard-approval` and `template-approval` (draft → in review
 * → approved, `publishRequires: ["approved"]`), when their keys are absent; an administrator's
 * later edits in Settings are kept. The engine enforces them on every publishing path
 * (workflow/publishing.ts).
 */
import type { Capability } from '../capability';
import type { WorkflowDefinition } from '../../../shared/contracts/workflow';
import { seedWorkflow } from '../workflow';
import standardApproval from './standard-approval.json';
import templateApproval from './template-approval.json';

export const PUBLISHING_WORKFLOWS = [standardApproval, templateApproval] as WorkflowDefinition[];

export const publishingApproval: Capability = {
  name: 'publishing-approval',
  async bootstrap(strapi) {
    for (const definition of PUBLISHING_WORKFLOWS) await seedWorkflow(strapi, definition);
  },
};
