/**
 * The shape of states and transitions: keys, names, `from`/`to`, flags, duplicates. Actors,
 * approvals, guards and effects of a transition are checked by their own files.
 */
import type {
  EffectConfig,
  GuardConfig,
  WorkflowState,
  WorkflowTransition,
} from '../../../shared/workflow-types';
import {
  type ConfigValidator,
  type ValidationContext,
  COLOR_PATTERN,
  STATE_PROPERTIES,
  TRANSITION_PROPERTIES,
  isObject,
  given,
  show,
  describeType,
  quoteList,
  Problems,
  checkUnknownProperties,
  readText,
  readKey,
  readFlag,
  readDescription,
} from './definition-common';
import { type TargetType, validateActors, validateApprovals } from './definition-actors';
import { validateCatalogueItems } from './definition-config';

/** `terminal` is null when the flag was given but unreadable: the graph checks then do not guess. */
export type StateEntry = { key: string; index: number; terminal: boolean | null };

export function validateStates(
  input: unknown,
  problems: Problems
): { states: WorkflowState[]; byKey: Map<string, StateEntry> } {
  const states: WorkflowState[] = [];
  const byKey = new Map<string, StateEntry>();
  if (input === undefined || input === null) {
    problems.add(
      'states',
      'states are required: list at least one state, e.g. [{ "key": "new", "name": "New" }]'
    );
    return { states, byKey };
  }
  if (!Array.isArray(input)) {
    problems.add('states', `states must be a list of states, not ${describeType(input)}`);
    return { states, byKey };
  }
  if (input.length === 0) {
    problems.add('states', 'states must list at least one state');
    return { states, byKey };
  }
  input.forEach((raw: unknown, index: number) => {
    const path = `states[${index}]`;
    if (!isObject(raw)) {
      problems.add(
        path,
        `state ${index + 1} must be an object like { "key": "new", "name": "New" }, not ${describeType(raw)}`
      );
      return;
    }
    const label =
      typeof raw.key === 'string' && raw.key.trim()
        ? `state ${show(raw.key.trim())}`
        : `state ${index + 1}`;
    checkUnknownProperties(raw, STATE_PROPERTIES, path, label, problems);
    const key = readKey(raw, 'key', `${path}.key`, `${label}: key`, problems);
    const name = readText(raw, 'name', `${path}.name`, `${label}: name`, problems);
    let color: string | undefined;
    if (given(raw, 'color')) {
      const value = raw.color;
      if (typeof value !== 'string' || !COLOR_PATTERN.test(value.trim())) {
        problems.add(
          `${path}.color`,
          `${label}: color ${show(value)} must be a hex colour like "#4945FF"`
        );
      } else {
        color = value.trim();
      }
    }
    const before = problems.list.length;
    const terminal = readFlag(raw, 'terminal', `${path}.terminal`, `${label}: terminal`, problems);
    const terminalKnown = problems.list.length === before;
    const description = readDescription(
      raw,
      `${path}.description`,
      `${label}: description`,
      problems
    );

    if (key !== undefined) {
      const first = byKey.get(key);
      if (first) {
        problems.add(
          `${path}.key`,
          `state key ${show(key)} is used twice (first at states[${first.index}]); state keys must be unique`
        );
      } else {
        byKey.set(key, { key, index, terminal: terminalKnown ? terminal : null });
      }
    }
    const state: WorkflowState = { key: key ?? '', name: name ?? '', terminal };
    if (color !== undefined) state.color = color;
    if (description !== undefined) state.description = description;
    states.push(state);
  });
  return { states, byKey };
}


export type TransitionEntry = { index: number; key?: string; from: string[]; to?: string };

export function validateTransitions(
  input: unknown,
  byKey: Map<string, StateEntry>,
  statesKnown: boolean,
  context: ValidationContext,
  appliesTo: string | undefined,
  target: TargetType,
  problems: Problems
): { transitions: WorkflowTransition[]; edges: TransitionEntry[] } {
  const transitions: WorkflowTransition[] = [];
  const edges: TransitionEntry[] = [];
  if (input === undefined || input === null) {
    problems.add(
      'transitions',
      'transitions are required: give a list, e.g. [] for a single terminal state'
    );
    return { transitions, edges };
  }
  if (!Array.isArray(input)) {
    problems.add(
      'transitions',
      `transitions must be a list of transitions, not ${describeType(input)}`
    );
    return { transitions, edges };
  }
  const seen = new Map<string, number>();
  const guards = isObject(context.guards)
    ? (context.guards as Record<string, ConfigValidator>)
    : {};
  const effects = isObject(context.effects)
    ? (context.effects as Record<string, ConfigValidator>)
    : {};
  input.forEach((raw: unknown, index: number) => {
    const path = `transitions[${index}]`;
    if (!isObject(raw)) {
      problems.add(
        path,
        `transition ${index + 1} must be an object like { "key": "approve", "label": "Approve", "from": ["new"], "to": "approved" }, not ${describeType(raw)}`
      );
      return;
    }
    const label =
      typeof raw.key === 'string' && raw.key.trim()
        ? `transition ${show(raw.key.trim())}`
        : `transition ${index + 1}`;
    checkUnknownProperties(raw, TRANSITION_PROPERTIES, path, label, problems);
    const key = readKey(raw, 'key', `${path}.key`, `${label}: key`, problems);
    if (key !== undefined) {
      const first = seen.get(key);
      if (first !== undefined) {
        problems.add(
          `${path}.key`,
          `transition key ${show(key)} is used twice (first at transitions[${first}]); transition keys must be unique`
        );
      } else {
        seen.set(key, index);
      }
    }
    const text = readText(raw, 'label', `${path}.label`, `${label}: label`, problems);

    // from
    const from: string[] = [];
    if (!given(raw, 'from')) {
      problems.add(
        `${path}.from`,
        `${label}: "from" is required: list the states it starts from, e.g. ["new"]`
      );
    } else if (!Array.isArray(raw.from)) {
      problems.add(
        `${path}.from`,
        `${label}: "from" must be a list of state keys like ["new"], not ${describeType(raw.from)}`
      );
    } else if (raw.from.length === 0) {
      problems.add(`${path}.from`, `${label}: "from" must list at least one state`);
    } else {
      raw.from.forEach((value: unknown, i: number) => {
        const fromPath = `${path}.from[${i}]`;
        if (typeof value !== 'string' || !value.trim()) {
          problems.add(
            fromPath,
            `${label}: "from" entries must be state keys, not ${describeType(value)}`
          );
          return;
        }
        const state = value.trim();
        if (from.includes(state)) {
          problems.add(fromPath, `${label} lists state ${show(state)} twice in "from"`);
          return;
        }
        from.push(state);
        const entry = byKey.get(state);
        if (!entry) {
          if (statesKnown) {
            problems.add(
              fromPath,
              `${label} starts from unknown state ${show(state)}; states: ${quoteList([...byKey.keys()])}`
            );
          }
        } else if (entry.terminal) {
          problems.add(
            fromPath,
            `${label} starts from terminal state ${show(state)}; a terminal state has no way out (unmark it as terminal or remove it from "from")`
          );
        }
      });
    }

    // to
    let to: string | undefined;
    if (!given(raw, 'to')) {
      problems.add(`${path}.to`, `${label}: "to" is required: the state it leads to`);
    } else if (typeof raw.to !== 'string' || !raw.to.trim()) {
      problems.add(`${path}.to`, `${label}: "to" must be a state key, not ${describeType(raw.to)}`);
    } else {
      to = raw.to.trim();
      if (!byKey.has(to) && statesKnown) {
        problems.add(
          `${path}.to`,
          `${label} goes to unknown state ${show(to)}; states: ${quoteList([...byKey.keys()])}`
        );
      }
    }

    const actors = validateActors(raw, path, label, context, appliesTo, target, problems);
    const actorsGiven = Array.isArray(raw.actors) && raw.actors.length > 0;
    const approvals = validateApprovals(raw, path, label, actorsGiven, context, appliesTo, target, problems);
    const guardList = validateCatalogueItems(raw, 'guards', path, label, guards, problems);
    const effectList = validateCatalogueItems(raw, 'effects', path, label, effects, problems);
    const requireComment = readFlag(
      raw,
      'requireComment',
      `${path}.requireComment`,
      `${label}: requireComment`,
      problems
    );

    edges.push({ index, key, from, to });
    const transition: WorkflowTransition = {
      key: key ?? '',
      label: text ?? '',
      from,
      to: to ?? '',
      actors,
      guards: guardList as GuardConfig[],
      effects: effectList as EffectConfig[],
      requireComment,
    };
    if (approvals) transition.approvals = approvals;
    transitions.push(transition);
  });
  return { transitions, edges };
}
