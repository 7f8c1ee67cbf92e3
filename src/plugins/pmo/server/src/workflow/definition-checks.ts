/**
 * The checks on top of the definition schema that need the whole definition or the running
 * application: the content type it governs, unique keys, the states that the first state and each
 * transition's start and end name, then each transition's actors, approvals, guards and effects.
 * States, transitions and content types are named as the administrator named them.
 */
import { OWNED_TYPES } from '../../../shared/contracts/protected-fields';
import { inSentence } from '../../../shared/words';
import { hasOwn, isObject, namesList, show, typeName, workflowTypes, type Problems, type ValidationContext } from './definition-common';
import { checkActors, checkApprovals, type TargetType, type TransitionScope } from './definition-actors';
import { checkCatalogueItems } from './definition-config';
import type { Edge } from './definition-graph';
import type { Draft, StateEntry, TransitionDraft } from './definition-read';

/** What the graph checks need once the references are checked. */
export type Checked = { byKey: Map<string, StateEntry>; edges: Edge[] };

export function checkDefinition(draft: Draft, context: ValidationContext, problems: Problems): Checked {
  const target = checkAppliesTo(draft, context, problems);
  const byKey = checkStateKeys(draft, problems);
  if (draft.initial !== undefined && !byKey.has(draft.initial) && draft.statesKnown) {
    problems.add(['initial'], `The first state ${show(draft.initial)} is not one of the states; choose ${statesList(byKey)}`);
  }
  const scope: TransitionScope = {
    context,
    roles: Array.isArray(context.roles) ? context.roles : [],
    appliesTo: target ? draft.appliesTo : undefined,
    target,
  };
  const seen = new Map<string, string>();
  const edges: Edge[] = [];
  for (const transition of draft.transitions ?? []) {
    const path = ['transitions', transition.index];
    if (transition.key !== undefined) {
      const first = seen.get(transition.key);
      if (first !== undefined) {
        problems.add(
          [...path, 'key'],
          `${transition.label} has the key ${show(transition.key)}, which ${inSentence(first)} already has; each transition needs a key of its own`
        );
      } else {
        seen.set(transition.key, transition.label);
      }
    }
    edges.push(checkStateReferences(transition, byKey, draft.statesKnown, problems));
    checkActors(transition, path, scope, problems);
    checkApprovals(transition, path, scope, problems);
    checkCatalogueItems(transition, 'guards', path, context.guards, problems);
    checkCatalogueItems(transition, 'effects', path, context.effects, problems);
  }
  checkPublishing(draft, context, target, byKey, problems);
  return { byKey, edges };
}

/**
 * Publishing by state (DESIGN.md "Workflows on any type"): only on a draft & publish type, and
 * naming states of the workflow.
 */
function checkPublishing(draft: Draft, context: ValidationContext, target: TargetType, byKey: Map<string, StateEntry>, problems: Problems) {
  const given = draft.publishRequires !== undefined || draft.onNewDraft !== undefined;
  if (!given) return;
  if (target && !target.draftAndPublish) {
    const type = typeName(draft.appliesTo as string, context.contentTypes);
    const path = draft.publishRequires !== undefined ? ['publishRequires'] : ['onNewDraft'];
    problems.add(
      path,
      `The content type ${type} has no draft & publish, so its items are never published: leave out the states needed to publish and the state of a new draft`
    );
    return;
  }
  if (!draft.statesKnown) return;
  const seen = new Set<string>();
  for (const { index, state } of draft.publishRequires ?? []) {
    const entry = byKey.get(state);
    if (!entry) {
      problems.add(['publishRequires', index], `Publishing needs ${show(state)}, which is not one of the states; choose ${statesList(byKey)}`);
    } else if (seen.has(state)) {
      problems.add(['publishRequires', index], `Publishing lists ${inSentence(entry.subject)} twice among the states it needs`);
    }
    seen.add(state);
  }
  if (draft.onNewDraft !== undefined && !byKey.has(draft.onNewDraft)) {
    problems.add(
      ['onNewDraft'],
      `A new draft goes back to ${show(draft.onNewDraft)}, which is not one of the states; choose ${statesList(byKey)}`
    );
  }
}

function checkAppliesTo(draft: Draft, context: ValidationContext, problems: Problems): TargetType {
  if (draft.appliesTo === undefined) return undefined;
  const contentTypes = isObject(context.contentTypes) ? context.contentTypes : {};
  const governable = workflowTypes(context);
  if (governable.includes(draft.appliesTo) && isObject(contentTypes[draft.appliesTo])) return contentTypes[draft.appliesTo];
  const known = governable.map((uid) => typeName(uid, contentTypes));
  if (hasOwn(contentTypes, draft.appliesTo)) {
    const owned = hasOwn(OWNED_TYPES, draft.appliesTo) ? OWNED_TYPES[draft.appliesTo].name : undefined;
    const why = owned
      ? `${owned} are kept by PMO Hub itself`
      : `The content type ${typeName(draft.appliesTo, contentTypes)} has no field to hold an item's state`;
    problems.add(['appliesTo'], `${why} and cannot follow a workflow; choose ${namesList(known, 'or')}`);
    return undefined;
  }
  problems.add(['appliesTo'], `There is no content type “${typeName(draft.appliesTo, {})}” for the workflow to govern; choose ${namesList(known, 'or')}`);
  return undefined;
}

function checkStateKeys(draft: Draft, problems: Problems): Map<string, StateEntry> {
  const byKey = new Map<string, StateEntry>();
  for (const state of draft.states) {
    const first = byKey.get(state.key);
    if (first) {
      problems.add(
        ['states', state.index, 'key'],
        `${state.subject} has the key ${show(state.key)}, which ${inSentence(first.subject)} already has; each state needs a key of its own`
      );
    } else {
      byKey.set(state.key, state);
    }
  }
  return byKey;
}

/** The states to choose from, by name: "New, Assessment and Closed". */
const statesList = (byKey: Map<string, StateEntry>) => namesList([...byKey.values()].map((state) => state.name), 'or');

/** The states a transition starts from and the one it goes to are states, each once, never a terminal one to start from; its edge. */
function checkStateReferences(transition: TransitionDraft, byKey: Map<string, StateEntry>, statesKnown: boolean, problems: Problems): Edge {
  const { label, index } = transition;
  const from: string[] = [];
  for (const { index: i, state } of transition.from) {
    const path = ['transitions', index, 'from', i];
    const entry = byKey.get(state);
    if (from.includes(state)) {
      const which = entry ? inSentence(entry.subject) : show(state);
      problems.add(path, `${label} lists ${which} twice among the states it starts from`);
      continue;
    }
    from.push(state);
    if (!entry) {
      if (statesKnown) problems.add(path, `${label} starts from ${show(state)}, which is not one of the states; choose ${statesList(byKey)}`);
    } else if (entry.terminal) {
      problems.add(
        path,
        `${label} starts from ${inSentence(entry.subject)}, which is terminal: nothing leaves a terminal state (unmark it as terminal, or take it out of the states the transition starts from)`
      );
    }
  }
  if (transition.to !== undefined && !byKey.has(transition.to) && statesKnown) {
    problems.add(['transitions', index, 'to'], `${label} goes to ${show(transition.to)}, which is not one of the states; choose ${statesList(byKey)}`);
  }
  return { from, to: transition.to };
}
