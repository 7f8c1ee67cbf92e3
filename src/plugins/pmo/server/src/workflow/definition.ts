/**
 * The workflow definition validator (DESIGN.md, "The workflow engine (low-code)").
 *
 * Pure: no Strapi, no I/O. Given any input (a draft from the editor, a JSON body, a seed file)
 * and what the running application knows (guard and effect catalogues, PMO roles, content types),
 * it either returns the canonical definition to store or every problem found, each located by a
 * JSON path (`states[1].key`, `transitions[0].from[1]`, `transitions[2].guards[0].type`) and
 * worded so that a PMO administrator can fix it. It never throws.
 */
import type { WorkflowDefinition } from '../../../shared/workflow-types';
import {
  type ValidationContext,
  type ValidationResult,
  DEFINITION_PROPERTIES,
  hasOwn,
  isObject,
  given,
  show,
  describeType,
  quoteList,
  ownKeys,
  Problems,
  checkUnknownProperties,
  readText,
  readKey,
  readDescription,
} from './definition-common';
import { validateStates, validateTransitions } from './definition-shape';
import { type TargetType } from './definition-actors';
import { checkGraph } from './definition-graph';

export {
  COLOR_PATTERN,
  DEFAULT_PERSON_UID,
  KEY_PATTERN,
  MAX_NAME_LENGTH,
  MAX_QUORUM,
  show,
  type ConfigValidator,
  type ValidationContext,
  type ValidationResult,
} from './definition-common';

function validate(input: unknown, context: ValidationContext): ValidationResult {
  const problems = new Problems();
  if (!isObject(input)) {
    problems.add(
      '',
      `a workflow definition must be an object with key, name, appliesTo, initial, states and transitions, not ${describeType(input)}`
    );
    return { ok: false, problems: problems.list };
  }
  const ctx: ValidationContext = isObject(context)
    ? context
    : { guards: {}, effects: {}, roles: [], contentTypes: {} };

  checkUnknownProperties(input, DEFINITION_PROPERTIES, '', 'the workflow definition', problems);
  const key = readKey(input, 'key', 'key', 'workflow key', problems);
  const name = readText(input, 'name', 'name', 'workflow name', problems);
  const description = readDescription(input, 'description', 'workflow description', problems);

  let appliesTo: string | undefined;
  let target: TargetType;
  const contentTypes = isObject(ctx.contentTypes) ? ctx.contentTypes : {};
  const knownTypes = ownKeys(contentTypes);
  if (!given(input, 'appliesTo')) {
    problems.add(
      'appliesTo',
      `appliesTo is required: the content type the workflow governs, one of ${quoteList(knownTypes)}`
    );
  } else if (typeof input.appliesTo !== 'string' || !input.appliesTo.trim()) {
    problems.add(
      'appliesTo',
      `appliesTo must be a content type uid, not ${describeType(input.appliesTo)}`
    );
  } else {
    const uid = input.appliesTo.trim();
    if (!hasOwn(contentTypes, uid) || !isObject(contentTypes[uid])) {
      problems.add(
        'appliesTo',
        `appliesTo names unknown content type ${show(uid)}; known content types: ${quoteList(knownTypes)}`
      );
    } else {
      appliesTo = uid;
      target = contentTypes[uid];
    }
  }

  const { states, byKey } = validateStates(input.states, problems);
  const statesKnown = Array.isArray(input.states) && input.states.length > 0;

  let initial: string | undefined;
  if (!given(input, 'initial')) {
    problems.add(
      'initial',
      `initial is required: the state new items start in, one of ${quoteList([...byKey.keys()])}`
    );
  } else if (typeof input.initial !== 'string' || !input.initial.trim()) {
    problems.add('initial', `initial must be a state key, not ${describeType(input.initial)}`);
  } else {
    initial = input.initial.trim();
    if (!byKey.has(initial) && statesKnown) {
      problems.add(
        'initial',
        `initial state ${show(initial)} is not one of the states: ${quoteList([...byKey.keys()])}`
      );
    }
  }

  const { transitions, edges } = validateTransitions(
    input.transitions,
    byKey,
    statesKnown,
    ctx,
    appliesTo,
    target,
    problems
  );

  // Without a list of transitions every state would be a dead end: that is one problem, not many.
  if (Array.isArray(input.transitions)) checkGraph(initial, byKey, edges, problems);

  if (problems.list.length) return { ok: false, problems: problems.list };
  const definition: WorkflowDefinition = {
    key: key as string,
    name: name as string,
    appliesTo: appliesTo as string,
    initial: initial as string,
    states,
    transitions,
  };
  if (description !== undefined) definition.description = description;
  return { ok: true, definition };
}

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
    return {
      ok: false,
      problems: [{ path: '', message: `the workflow definition could not be read (${reason})` }],
    };
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
