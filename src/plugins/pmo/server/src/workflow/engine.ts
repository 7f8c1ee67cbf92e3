/**
 * The workflow engine's Strapi-facing side, composed of parts with one job each:
 * definitions.ts (load, validate, save and version definitions; the cached lookup by content
 * type), instances.ts (find or create an item's instance, mirror its state), views.ts (what an
 * actor may do on one item or a batch), transitions.ts (fire: decide once, apply or vote,
 * effects, event after commit), moves.ts (PMO Hub's own moves to a state) and history.ts (the
 * audit trail). The rules live in the pure evaluator (evaluate.ts) and validator (definition.ts).
 */
import type { Core } from '@strapi/strapi';
import type { Catalogue } from './catalogue';
import { createDefinitions } from './definitions';
import { createFacts } from './facts';
import { createHistory } from './history';
import { createInstances } from './instances';
import { createMoves } from './moves';
import { createTransitions } from './transitions';
import { createTryOut } from './try';
import { createViews } from './views';

export { EVENT_UID, INSTANCE_UID, TRANSITION_EVENT, WORKFLOW_UID } from './records';

export function createWorkflowEngine(strapi: Core.Strapi, catalogue: Catalogue) {
  const definitions = createDefinitions(strapi, catalogue);
  const instances = createInstances(strapi);
  const facts = createFacts(strapi, catalogue);
  const views = createViews(strapi, { definitions, instances, facts });
  const history = createHistory(strapi);
  const transitions = createTransitions(strapi, { catalogue, definitions, instances, facts, history });
  const { moveTo } = createMoves(strapi, { definitions, instances, history });
  const tryOut = createTryOut(strapi, { definitions, instances, facts });

  return {
    listWorkflows: definitions.listWorkflows,
    getWorkflow: definitions.getWorkflow,
    createWorkflow: definitions.createWorkflow,
    updateWorkflow: definitions.updateWorkflow,
    seedWorkflow: definitions.seedWorkflow,
    upgradeSeededWorkflow: definitions.upgradeSeededWorkflow,
    validate: definitions.validate,
    workflowFor: definitions.workflowFor,
    ensureInstance: instances.ensureInstance,
    findInstance: instances.findInstance,
    view: views.view,
    viewMany: views.viewMany,
    fire: transitions.fire,
    /** PMO Hub's own move of an item to a state, recorded in its history by the name given (moves.ts). */
    moveTo,
    history: history.history,
    /** "Try it": a transition's verdict for another person, nothing fired; with the roles, people and items it offers. */
    tryOut,
  };
}

export type WorkflowEngine = ReturnType<typeof createWorkflowEngine>;
