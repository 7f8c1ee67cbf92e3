/**
 * What the checks on top of the schema read of a draft, whatever its shape: each part is read on
 * its own and what cannot be read is left out (the schema has reported it), so one broken part
 * does not hide the problems of the others.
 */
import type { z } from 'zod';
import { definitionParts, itemName, itemSubject } from '../../../shared/contracts/workflow';
import { keyWords } from '../../../shared/words';
import { isObject, type Obj } from './definition-common';

const read = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> | undefined => {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
};
const readKey = (value: unknown) => read(definitionParts.key, value);
const readReference = (value: unknown) => read(definitionParts.reference, value);

/**
 * A state with a readable key. `terminal` is null when the flag was given but unreadable: the
 * graph checks then do not guess. `subject` names it in messages (`The state “Closed”`, `State 7`),
 * `name` in lists of states ("Closed"; the key in words when it has no name).
 */
export type StateEntry = { key: string; index: number; terminal: boolean | null; subject: string; name: string };

/** An entry of a list, with its position in the list as given. */
export type At<T> = { index: number } & T;

export type TransitionDraft = {
  index: number;
  /** How messages name it: `The transition “Approve”`, or `Transition 3` without a label. */
  label: string;
  key?: string;
  from: Array<At<{ state: string }>>;
  to?: string;
  actors: Array<At<{ role: string } | { field: string }>>;
  /** Whether `actors` lists anyone (approvals need voters). */
  actorsGiven: boolean;
  /** Given as an object: the person fields whose people may not vote. */
  approvals?: { excludeFields: Array<At<{ field: string }>> };
  guards: Array<At<{ config: Obj & { type: string } }>>;
  effects: Array<At<{ config: Obj & { type: string } }>>;
};

export type Draft = {
  appliesTo?: string;
  initial?: string;
  /** The states with a readable key, in order, duplicates included. */
  states: StateEntry[];
  /** Whether `states` is a non-empty list: otherwise references to states are not checked. */
  statesKnown: boolean;
  /** Null when `transitions` is not a list. */
  transitions: TransitionDraft[] | null;
  /** The states publishing needs, each with its position (readable ones only); undefined when not given. */
  publishRequires?: Array<At<{ state: string }>>;
  onNewDraft?: string;
};

const entries = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const given = (value: unknown) => value !== undefined && value !== null;

function readActor(actor: unknown, index: number): TransitionDraft['actors'] {
  if (!isObject(actor) || given(actor.role) === given(actor.field)) return [];
  const role = readReference(actor.role);
  if (role !== undefined) return [{ index, role }];
  const field = readReference(actor.field);
  return field !== undefined ? [{ index, field }] : [];
}

function readItems(list: unknown): TransitionDraft['guards'] {
  return entries(list).flatMap((item, index) => {
    if (!isObject(item)) return [];
    const type = readReference(item.type);
    return type === undefined ? [] : [{ index, config: { ...item, type } }];
  });
}

function readTransition(raw: unknown, index: number): TransitionDraft[] {
  if (!isObject(raw)) return [];
  const approvals = isObject(raw.approvals) ? raw.approvals : undefined;
  const references = (list: unknown) =>
    entries(list).flatMap((value, i) => {
      const reference = readReference(value);
      return reference === undefined ? [] : [{ index: i, reference }];
    });
  return [
    {
      index,
      label: itemSubject('transition', raw, index),
      key: readKey(raw.key),
      from: references(raw.from).map(({ index: i, reference }) => ({ index: i, state: reference })),
      to: readReference(raw.to),
      actors: entries(raw.actors).flatMap(readActor),
      actorsGiven: Array.isArray(raw.actors) && raw.actors.length > 0,
      approvals: approvals && {
        excludeFields: references(approvals.excludeFields).map(({ index: i, reference }) => ({ index: i, field: reference })),
      },
      guards: readItems(raw.guards),
      effects: readItems(raw.effects),
    },
  ];
}

export function readDraft(input: Obj): Draft {
  const states = entries(input.states).flatMap((raw, index): StateEntry[] => {
    const key = isObject(raw) ? readKey(raw.key) : undefined;
    if (!isObject(raw) || key === undefined) return [];
    const terminal = !given(raw.terminal) ? false : typeof raw.terminal === 'boolean' ? raw.terminal : null;
    return [{ key, index, terminal, subject: itemSubject('state', raw, index), name: itemName('state', raw) || keyWords(key) }];
  });
  return {
    appliesTo: readReference(input.appliesTo),
    initial: readReference(input.initial),
    states,
    statesKnown: Array.isArray(input.states) && input.states.length > 0,
    transitions: Array.isArray(input.transitions) ? input.transitions.flatMap(readTransition) : null,
    publishRequires: given(input.publishRequires)
      ? entries(input.publishRequires).flatMap((value, index) => {
          const state = readReference(value);
          return state === undefined ? [] : [{ index, state }];
        })
      : undefined,
    onNewDraft: readReference(input.onNewDraft),
  };
}
