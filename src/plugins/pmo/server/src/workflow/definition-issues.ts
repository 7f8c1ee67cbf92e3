/**
 * The definition schema's issues as problems a PMO administrator can act on: each names the
 * state or transition it is in by its name (`The state “Assessment” needs …`; the schema, which
 * sees one part at a time, says `State 2`), and a missing or wrong reference lists what it may
 * name. Then every problem in reading order, so the list reads like the definition.
 */
import type { z } from 'zod';
import type { Problem } from '../../../shared/contracts/common';
import {
  ACTOR_PROPERTIES,
  APPROVAL_PROPERTIES,
  DEFINITION_PROPERTIES,
  STATE_PROPERTIES,
  TRANSITION_PROPERTIES,
  itemSubject,
  positionSubject,
} from '../../../shared/contracts/workflow';
import { namesList, quoteList, type Obj } from './definition-common';

type Path = Problem['path'];

/** What a reference may name, listed after a problem with it: names of content types and states, guard and effect types. */
export type Hints = { contentTypes: string[]; states: string[]; guards: string[]; effects: string[] };

/** The properties of the object at `path` (none for a guard's or effect's open options). */
function propertiesAt(path: Path): readonly string[] {
  if (path.length === 0) return DEFINITION_PROPERTIES;
  if (path.length === 2 && path[0] === 'states') return STATE_PROPERTIES;
  if (path.length === 2 && path[0] === 'transitions') return TRANSITION_PROPERTIES;
  if (path.length === 3 && path[2] === 'approvals') return APPROVAL_PROPERTIES;
  if (path.length === 4 && path[2] === 'actors') return ACTOR_PROPERTIES;
  return [];
}

/** The message with the state or transition it is about named by its name rather than its position. */
function named(input: Obj, path: Path, message: string): string {
  const [list, index] = path;
  if ((list !== 'states' && list !== 'transitions') || typeof index !== 'number') return message;
  const kind = list === 'states' ? 'state' : 'transition';
  const position = positionSubject(kind, index);
  if (!message.startsWith(position) || /\d/.test(message.charAt(position.length))) return message;
  const items = input[list];
  return itemSubject(kind, Array.isArray(items) ? items[index] : undefined, index) + message.slice(position.length);
}

function hinted(path: Path, message: string, hints: Hints): string {
  if (path.length === 1 && path[0] === 'appliesTo') return `${message}; the content types are ${namesList(hints.contentTypes)}`;
  if (path.length === 1 && path[0] === 'initial' && hints.states.length) return `${message}; the states are ${namesList(hints.states)}`;
  const kind = path[2];
  if (path[0] === 'transitions' && (kind === 'guards' || kind === 'effects') && path.length >= 4) {
    const types = kind === 'guards' ? hints.guards : hints.effects;
    return `${message}; the ${kind === 'guards' ? 'guard' : 'effect'} types are ${quoteList(types)}`;
  }
  return message;
}

/** Each issue as a problem, at its path, in words (the schema's, with names and hints added). */
export function shapeProblems(issues: z.core.$ZodIssue[], input: Obj, hints: Hints): Problem[] {
  return issues.map((issue) => {
    const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
    return { path, message: hinted(path, named(input, path, issue.message), hints) };
  });
}

/** How a path segment sorts among its siblings: list positions by number, properties as the part lists them, unknown ones first. */
const rank = (parent: Path, segment: string | number) => (typeof segment === 'number' ? segment : propertiesAt(parent).indexOf(segment));

function compare(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return rank(a.slice(0, i), a[i]) - rank(b.slice(0, i), b[i]);
  }
  return b.length - a.length; // the problems inside a part before the part's own
}

/** The problems as the definition reads: each part in order, the problems of one place in the order found. */
export const inReadingOrder = (problems: Problem[]): Problem[] =>
  problems
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) => compare(a.problem.path, b.problem.path) || a.order - b.order)
    .map(({ problem }) => problem);
