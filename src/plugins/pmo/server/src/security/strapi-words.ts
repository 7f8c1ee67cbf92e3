/**
 * Strapi's own refusals of a write, in a PMO user's words and naming the field (DESIGN.md
 * "Errors"). Strapi's validators speak yup ("source must be a `string` type, but the final value
 * was: `{}`.") and its relation check names only the id it could not find ("Document with id
 * "…" not found", no field). This rewrites both in the one 400 shape. Pure: imports nothing
 * from Strapi.
 */
import { fieldLabel, fieldName, MAX_DEPTH, RELATION_OPERATIONS, type Problem } from './hostile-input';

/** yup's type names as a person reads them ("must be text"). */
const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  date: 'a date',
  object: 'an object of fields',
  array: 'a list',
};

/**
 * Where `sent` (a write's fields) refers to the document `id`: the path of the relation field
 * holding it (`['decidedBy']` for `{ decidedBy: { connect: [{ documentId: id }] } }` or
 * `{ decidedBy: [id] }`, `['contacts', 0, 'person']` inside a component), or null.
 */
export function referencePath(sent: unknown, id: string): Array<string | number> | null {
  const walk = (value: unknown, path: Array<string | number>, depth: number): Array<string | number> | null => {
    if (depth > MAX_DEPTH) return null;
    if (value === id) return path;
    if (!value || typeof value !== 'object') return null;
    if (!Array.isArray(value) && (value as { documentId?: unknown }).documentId === id) return path;
    const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
    for (const [key, item] of entries) {
      const found = walk(item, [...path, key], depth + 1);
      if (found) return found;
    }
    return null;
  };
  const found = walk(sent, [], 0);
  if (!found || found.length === 0) return null;
  // The relation field itself: not its operation (connect, set) nor the position in its list.
  const operation = found.findIndex((part, index) => index > 0 && RELATION_OPERATIONS.has(String(part)));
  if (operation > 0) return found.slice(0, operation);
  // A plain list of ids (`reviewers: ['a', id]`): the list's field, not its position.
  while (found.length > 1 && typeof found[found.length - 1] === 'number') found.pop();
  return found;
}

/** A refusal for a relation to a document that does not exist, naming the field when `sent` shows it. */
export function unknownReference(id: string, sent: unknown): Problem {
  const path = referencePath(sent, id);
  if (!path) return { path: [], message: `No item has the id "${id}": choose one that exists` };
  return { path, message: `Choose an existing item for ${fieldLabel(path)}: there is none with the id "${id}"` };
}

/** One of Strapi's validation problems (yup's words) in a person's words; others as they are. */
export function problemInWords(problem: Problem): Problem {
  const { path, message } = problem;
  if (path.length === 0) return problem;
  const field = fieldName(path);
  const oneOf = / must be one of the following values: (.*)$/.exec(message);
  if (oneOf) {
    const values = oneOf[1].split(', ').map((value) => value.trim()).filter(Boolean);
    return { path, message: `${field} must be one of: ${values.join(', ')}` };
  }
  const type = / must be a `(\w+)` type, but the final value was/.exec(message);
  if (type) return { path, message: `${field} must be ${TYPE_WORDS[type[1]] ?? `of the type ${type[1]}`}` };
  if (/ (must be defined|is a required field|cannot be null)\.?$/.test(message)) return { path, message: `${field} is required: fill it in` };
  return problem;
}

/** Strapi's problems in words; of yup's, one per field (it reports a type and a value problem for one field). */
export function problemsInWords(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const given of problems) {
    const problem = problemInWords(given);
    const key = JSON.stringify(problem.path);
    if (problem !== given && seen.has(key)) continue;
    if (problem !== given) seen.add(key);
    out.push(problem);
  }
  return out;
}
