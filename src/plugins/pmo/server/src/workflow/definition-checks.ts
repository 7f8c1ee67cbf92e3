/**
 * The checks on top of the definition schema that need the whole definition or the running
 * application: the content type it governs, unique keys, states that `initial`, `from` and `to`
 * name, then each transition's actors, approvals, guards and effects.
 */
import { hasOwn, isObject, quoteList, show, type Problems, type ValidationContext } from './definition-common';
import { checkActors, checkApprovals, type TargetType, type TransitionScope } from './definition-actors';
import { checkCatalogueItems } from './definition-config';
import type { Edge } from './definition-graph';
import type { Draft, StateEntry, TransitionDraft } from './definition-read';

/** What the graph checks need once the references are checked. */
export type Checked = { byKey: Map<string, StateEntry>; edges: Edge[] };

export function checkDefinition(draft: Draft, context: ValidationContext, problems: Problems): Checked {
  const target = checkAppliesTo(draft, context, problems);
  const byKey = checkStateKeys(draft, problems);
  const states = quoteList([...byKey.keys()]);
  if (draft.initial !== undefined && !byKey.has(draft.initial) && draft.statesKnown) {
    problems.add(['initial'], `initial state ${show(draft.initial)} is not one of the states: ${states}`);
  }
  const scope: TransitionScope = {
    context,
    roles: Array.isArray(context.roles) ? context.roles : [],
    appliesTo: target ? draft.appliesTo : undefined,
    target,
  };
  const seen = new Map<string, number>();
  const edges: Edge[] = [];
  for (const transition of draft.transitions ?? []) {
    const path = ['transitions', transition.index];
    if (transition.key !== undefined) {
      const first = seen.get(transition.key);
      if (first !== undefined) {
        problems.add(
          [...path, 'key'],
          `transition key ${show(transition.key)} is used twice (first at transitions[${first}]); transition keys must be unique`
        );
      } else {
        seen.set(transition.key, transition.index);
      }
    }
    edges.push(checkStateReferences(transition, byKey, draft.statesKnown, problems));
    checkActors(transition, path, scope, problems);
    checkApprovals(transition, path, scope, problems);
    checkCatalogueItems(transition, 'guards', path, context.guards, problems);
    checkCatalogueItems(transition, 'effects', path, context.effects, problems);
  }
  return { byKey, edges };
}

function checkAppliesTo(draft: Draft, context: ValidationContext, problems: Problems): TargetType {
  if (draft.appliesTo === undefined) return undefined;
  const contentTypes = isObject(context.contentTypes) ? context.contentTypes : {};
  if (hasOwn(contentTypes, draft.appliesTo) && isObject(contentTypes[draft.appliesTo])) return contentTypes[draft.appliesTo];
  problems.add(
    ['appliesTo'],
    `appliesTo names unknown content type ${show(draft.appliesTo)}; known content types: ${quoteList(Object.keys(contentTypes).sort())}`
  );
  return undefined;
}

function checkStateKeys(draft: Draft, problems: Problems): Map<string, StateEntry> {
  const byKey = new Map<string, StateEntry>();
  for (const state of draft.states) {
    const first = byKey.get(state.key);
    if (first) {
      problems.add(
        ['states', state.index, 'key'],
        `state key ${show(state.key)} is used twice (first at states[${first.index}]); state keys must be unique`
      );
    } else {
      byKey.set(state.key, state);
    }
  }
  return byKey;
}

/** `from` and `to` name states, a state once, never a terminal one in `from`; the transition's edge. */
function checkStateReferences(transition: TransitionDraft, byKey: Map<string, StateEntry>, statesKnown: boolean, problems: Problems): Edge {
  const { label, index } = transition;
  const states = quoteList([...byKey.keys()]);
  const from: string[] = [];
  for (const { index: i, state } of transition.from) {
    const path = ['transitions', index, 'from', i];
    if (from.includes(state)) {
      problems.add(path, `${label} lists state ${show(state)} twice in "from"`);
      continue;
    }
    from.push(state);
    const entry = byKey.get(state);
    if (!entry) {
      if (statesKnown) problems.add(path, `${label} starts from unknown state ${show(state)}; states: ${states}`);
    } else if (entry.terminal) {
      problems.add(
        path,
        `${label} starts from terminal state ${show(state)}; a terminal state has no way out (unmark it as terminal or remove it from "from")`
      );
    }
  }
  if (transition.to !== undefined && !byKey.has(transition.to) && statesKnown) {
    problems.add(['transitions', index, 'to'], `${label} goes to unknown state ${show(transition.to)}; states: ${states}`);
  }
  return { from, to: transition.to };
}
