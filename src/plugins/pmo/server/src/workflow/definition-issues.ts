/**
 * The definition schema's issues as problems a PMO administrator can act on: each names the
 * state or transition it is in (`state "assess": name must not be empty`), an unknown property
 * comes with the allowed ones and the likely intended one, and a missing reference lists what it
 * may name. Then every problem in reading order, so the list reads like the definition.
 */
import type { z } from 'zod';
import type { Problem } from '../../../shared/contracts/common';
import {
  ACTOR_PROPERTIES,
  APPROVAL_PROPERTIES,
  DEFINITION_PROPERTIES,
  STATE_PROPERTIES,
  TRANSITION_PROPERTIES,
} from '../../../shared/contracts/workflow';
import { closest, quoteList, show, type Obj } from './definition-common';
import { itemLabel } from './definition-read';

type Path = Problem['path'];

/** What a reference may name, listed after a problem with it. */
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

/** The state or transition a path is in, named as messages name it. */
function labelOf(input: Obj, path: Path): string | undefined {
  const [kind, index] = path;
  if ((kind !== 'states' && kind !== 'transitions') || typeof index !== 'number') return undefined;
  const list = input[kind];
  return itemLabel(kind === 'states' ? 'state' : 'transition', Array.isArray(list) ? list[index] : undefined, index);
}

function unknownProperty(input: Obj, path: Path, property: string): string {
  const allowed = propertiesAt(path);
  const label = labelOf(input, path);
  const suggestion = closest(property, allowed);
  const did = suggestion ? ` (did you mean ${JSON.stringify(suggestion)}?)` : '';
  if (path.length === 4 && path[2] === 'actors') {
    return `${label}: actor has an unknown property ${show(property)}${did}; an actor is { "role": ... } or { "field": ... }`;
  }
  const what = path.length === 0 ? 'the workflow definition' : path.length === 2 ? label : `${label}: ${String(path[path.length - 1])}`;
  return `${what} has an unknown property ${show(property)}${did}; allowed: ${allowed.join(', ')}`;
}

function hinted(path: Path, message: string, hints: Hints): string {
  if (path.length === 1 && path[0] === 'appliesTo') return `${message}; known content types: ${quoteList(hints.contentTypes)}`;
  if (path.length === 1 && path[0] === 'initial') return `${message}; states: ${quoteList(hints.states)}`;
  const kind = path[2];
  if (path[0] === 'transitions' && (kind === 'guards' || kind === 'effects') && path.length >= 4) {
    const singular = kind === 'guards' ? 'guard' : 'effect';
    return `${message}; known ${singular} types: ${quoteList(kind === 'guards' ? hints.guards : hints.effects)}`;
  }
  return message;
}

/** Each issue as a problem; an unknown property is reported at its own path. */
export function shapeProblems(issues: z.core.$ZodIssue[], input: Obj, hints: Hints): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ path: [...path, key], message: unknownProperty(input, path, key) });
      continue;
    }
    const label = labelOf(input, path);
    // An item that is not an object is named by its position in the schema's own words.
    const message = label && path.length > 2 ? `${label}: ${issue.message}` : issue.message;
    problems.push({ path, message: hinted(path, message, hints) });
  }
  return problems;
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
