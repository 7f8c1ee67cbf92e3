/**
 * Input no PMO Hub field ever holds, refused whatever its depth in a body or a query:
 * - keys that name JavaScript's built-in object machinery (`__proto__`, `constructor`,
 *   `toString`, …): Strapi's validators look such names up on plain objects and find the built-in
 *   function instead of a field (a 500), and `__proto__` could reach an object's prototype;
 * - NUL characters: PostgreSQL cannot store them in text, and the failed write would be a 500.
 * Pure: imports nothing from Strapi.
 */
import { contentManagerLabel } from '../../../shared/field-labels';
import { capitalise, theField } from '../../../shared/words';
export const HOSTILE_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'prototype',
  ...Object.getOwnPropertyNames(Object.prototype),
]);

/** Deeper bodies are refused: Strapi walks bodies recursively, and nothing PMO Hub stores is this deep. */
export const MAX_DEPTH = 32;

export type Problem = { path: Array<string | number>; message: string };

/** Strapi's words for changing a relation (`programme.connect[0]`): the field is the relation. */
export const RELATION_OPERATIONS: ReadonlySet<string> = new Set(['connect', 'disconnect', 'set']);

/**
 * A path as a person reads it, beginning a sentence: "The programme", "The text of action item
 * 1", "What you sent" (the whole body). Strapi's relation operations and their positions are left
 * out: `programme.connect[0]` is "The programme".
 */
export function fieldName(path: Array<string | number>): string {
  return capitalise(theFieldAt(path));
}

/** `fieldName` within a sentence: "the programme", "the text of action item 1". */
function theFieldAt(path: Array<string | number>): string {
  const words: Array<string | number> = [];
  for (let index = 0; index < path.length; index += 1) {
    if (RELATION_OPERATIONS.has(String(path[index])) && index > 0) {
      if (typeof path[index + 1] === 'number') index += 1;
      continue;
    }
    // The body's `data`, a query's `filters` and its operators ($eq, $in) are the request's frame, not fields.
    if ((path[index] === 'data' || path[index] === 'filters') && index === 0 && path.length > 1) continue;
    if (String(path[index]).startsWith('$')) continue;
    words.push(path[index]);
  }
  return theField(words, 'what you sent');
}

/**
 * A field as the Content Manager labels it, quoted, for a top-level field (`"Raised on"`); inside
 * a list or a component, where it is ("the person of contact 2"). Within a sentence.
 */
export function fieldLabel(path: Array<string | number>): string {
  return path.length === 1 ? `"${contentManagerLabel(String(path[0]))}"` : theFieldAt(path);
}

/**
 * What a walk with rules does at each step: sees a key (or index) and its value under the
 * parent's context, may add problems, and answers the context its children are seen in.
 */
export type Step<C> = (key: string | number, value: unknown, path: Array<string | number>, context: C, found: Problem[]) => C;

/**
 * Walks a parsed JSON value or query object once, finding every hostile key and NUL character
 * with where it sits, and lets `step` apply its own rules to each key on the way (the query
 * checks read the schema as they go). Hostile keys are not walked into.
 */
export function walkInput<C>(value: unknown, context: C, step: Step<C>, path: Array<string | number> = [], found: Problem[] = []): Problem[] {
  if (typeof value === 'string' && value.includes('\u0000')) {
    found.push({ path, message: `${fieldName(path)} holds a NUL character, which no field can store` });
  }
  if (value === null || typeof value !== 'object') return found;
  if (path.length > MAX_DEPTH) {
    found.push({ path, message: `${fieldName(path)} is nested more than ${MAX_DEPTH} levels deep; PMO Hub never stores anything that deep` });
    return found;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const at = [...path, index];
      walkInput(item, step(index, item, at, context, found), step, at, found);
    });
    return found;
  }
  for (const key of Object.keys(value)) {
    const at = [...path, key];
    if (HOSTILE_KEYS.has(key) || key.includes('\u0000')) {
      found.push({ path: at, message: `${fieldName(path)} holds "${key}", a name PMO Hub never accepts as a field (a built-in of JavaScript objects)` });
      continue;
    }
    const item = (value as Record<string, unknown>)[key];
    walkInput(item, step(key, item, at, context, found), step, at, found);
  }
  return found;
}

const noRules: Step<null> = () => null;

/** Every hostile key in a parsed JSON value or query object, with where it sits. */
export function findHostileInput(value: unknown, path: Array<string | number> = [], found: Problem[] = []): Problem[] {
  return walkInput(value, null, noRules, path, found);
}
