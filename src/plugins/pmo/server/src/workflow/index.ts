/**
 * The workflow engine's public API for capabilities: the only module of workflow/ a capability
 * imports (enforced by dependency-cruiser, see docs/architecture.md). Guard and effect types a
 * capability registers, what the engine knows of the acting user, state names, the transition
 * history, PMO Hub's own moves of an item, and seeding a capability's default workflow.
 */
import type { Core } from '@strapi/strapi';
import type { WorkflowDefinition } from '../../../shared/contracts/workflow';
import { getService } from '../services';
import type { MoveResult, SystemMove } from './moves';

export { unknownSettings, type EffectType, type GuardContext, type GuardNarrowing, type GuardType } from './catalogue';
export { PERSON_UID, actorFacts, displayName, type AdminUser } from './actor';
export { stateName } from './evaluate';
export { lastAppliedTransition, lastAppliedTransitions, type AppliedTransition } from './last-transitions';
export { SYSTEM_ACTOR, SYSTEM_MOVE, type MoveResult, type SystemMove } from './moves';

/**
 * Moves an item to a state as PMO Hub itself (not a person's transition): the instance, the
 * mirror on `workflowState` and an applied event naming `actorName` in its history, as a
 * transition writes them (moves.ts).
 */
export async function moveTo(strapi: Core.Strapi, move: SystemMove): Promise<MoveResult> {
  return getService(strapi, 'workflow').moveTo(move);
}

/**
 * Seeds a capability's default workflow when its key is absent; never overwrites an
 * administrator's edits. Call it from the capability's bootstrap: the plugin's bootstrap readies
 * the engine (workflow/bootstrap.ts) before any capability's runs.
 */
export async function seedWorkflow(strapi: Core.Strapi, definition: WorkflowDefinition): Promise<boolean> {
  return getService(strapi, 'workflow').seedWorkflow(definition);
}

/**
 * Brings a seeded workflow up to a newer seed when the stored one is the older seed unchanged
 * (at `fromVersion`, saved by PMO Hub's defaults, and `outdated`); an administrator's edits are
 * never overwritten. Answers whether it upgraded.
 */
export async function upgradeSeededWorkflow(
  strapi: Core.Strapi,
  definition: WorkflowDefinition,
  fromVersion: number,
  outdated: (stored: WorkflowDefinition) => boolean
): Promise<boolean> {
  return getService(strapi, 'workflow').upgradeSeededWorkflow(definition, fromVersion, outdated);
}
