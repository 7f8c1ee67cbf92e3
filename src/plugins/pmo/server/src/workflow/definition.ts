/**
 * The workflow definition validator (DESIGN.md, "The workflow engine (low-code)").
 *
 * Pure: no Strapi, no I/O. Given any input (a draft from the editor, a JSON body, a seed file)
 * and what the running application knows (guard and effect catalogues, PMO roles, content types),
 * it either returns the canonical definition to store or every problem found, each located by its
 * path into the definition (`states[1].key`, `transitions[0].from[1]`) and worded so that a PMO
 * administrator can fix it. The shape is the contract's schema (shared/contracts/
 * workflow-definition.ts); on top of it, the references (definition-checks.ts, -actors.ts,
 * -config.ts) and the graph (definition-graph.ts). It never throws.
 */
import { workflowDefinition, type WorkflowDefinition } from '../../../shared/contracts/workflow';
import { isObject, Problems, typeName, workflowTypes, type ValidationContext, type ValidationResult } from './definition-common';
import { checkDefinition } from './definition-checks';
import { knownTypes } from './definition-config';
import { checkGraph } from './definition-graph';
import { inReadingOrder, shapeProblems } from './definition-issues';
import { readDraft, type StateEntry } from './definition-read';

export { DEFAULT_PERSON_UID, show, type ConfigValidator, type ValidationContext, type ValidationResult } from './definition-common';

const NO_CONTEXT: ValidationContext = { guards: {}, effects: {}, roles: [], contentTypes: {} };

function validate(input: unknown, given: ValidationContext): ValidationResult {
  const parsed = workflowDefinition.safeParse(input);
  if (!isObject(input)) return { ok: false, problems: shapeProblems(parsed.error?.issues ?? [], {}, hintsFor(NO_CONTEXT, [])) };
  const context = isObject(given) ? given : NO_CONTEXT;

  const draft = readDraft(input);
  const problems = new Problems();
  const { byKey, edges } = checkDefinition(draft, context, problems);
  const hints = hintsFor(context, [...byKey.values()]);
  const listed = inReadingOrder([...shapeProblems(parsed.error?.issues ?? [], input, hints), ...problems.list]);

  // Without a list of transitions every state would be a dead end: that is one problem, not many.
  const graph = new Problems();
  if (draft.transitions) checkGraph(draft.initial, byKey, edges, graph);

  const all = [...listed, ...graph.list];
  if (all.length || !parsed.success) return { ok: false, problems: all };
  return { ok: true, definition: parsed.data };
}

const hintsFor = (context: ValidationContext, states: StateEntry[]) => ({
  contentTypes: workflowTypes(context).map((uid) => typeName(uid, context.contentTypes)),
  states: states.map((state) => state.name),
  guards: knownTypes(context.guards),
  effects: knownTypes(context.effects),
});


/**
 * Validates a workflow definition and returns its canonical form (trimmed strings; defaults
 * `terminal: false`, `actors: []`, `guards: []`, `effects: []`, `requireComment: false`,
 * `approvals.excludeRequester: false`; null optional properties dropped), or every problem.
 * Never throws.
 */
export function validateDefinition(input: unknown, context: ValidationContext): ValidationResult {
  try {
    return validate(input, context);
  } catch (error) {
    // Last resort (e.g. a getter or proxy that throws): still an answer, never an exception.
    const reason = error instanceof Error ? error.message : 'unreadable value';
    return { ok: false, problems: [{ path: [], message: `The workflow definition could not be read (${reason})` }] };
  }
}

/** States of `previous` that `next` removes (by key). */
export function removedStates(previous: WorkflowDefinition, next: WorkflowDefinition): string[] {
  const keysOf = (definition: WorkflowDefinition | null | undefined): string[] =>
    definition && Array.isArray(definition.states)
      ? definition.states.filter((s) => isObject(s) && typeof s.key === 'string').map((s) => s.key)
      : [];
  const kept = new Set(keysOf(next));
  const removed: string[] = [];
  for (const key of keysOf(previous)) {
    if (!kept.has(key) && !removed.includes(key)) removed.push(key);
  }
  return removed;
}
