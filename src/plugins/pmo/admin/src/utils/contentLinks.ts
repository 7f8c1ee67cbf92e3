/**
 * Content Manager list addresses a link can carry whole. Pure (unit-tested in contentLinks.test.ts).
 */
const CM = '/content-manager/collection-types';

export type Flat = Record<string, unknown>;

/**
 * qs's default array limit: a list of more than 21 entries (`[0]` … `[20]`, or a key repeated more
 * than 20 times) is read as an object and no longer filters, so longer lists go in several branches.
 */
const MOST = 20;
const BRANCHES = 21;

/** Deep-merges flat conditions (their keys differ, or lead to different leaves). */
function merge(a: Flat, b: Flat): Flat {
  const out: Flat = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    const nested = (v: unknown) => v && typeof v === 'object' && !Array.isArray(v);
    out[key] = nested(mine) && nested(value) ? merge(mine as Flat, value as Flat) : value;
  }
  return out;
}

/** The path to a condition's first list qs would not read whole (more than 20 values), or that matches nothing (empty). */
function awkwardList(
  value: unknown,
  path: string[] = []
): { path: string[]; list: unknown[] } | null {
  if (Array.isArray(value))
    return value.length > MOST || !value.length ? { path, list: value } : null;
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value as Flat)) {
      const found = awkwardList(inner, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

const setAt = (value: Flat, path: string[], leaf: unknown): Flat => {
  const [key, ...rest] = path;
  return { ...value, [key]: rest.length ? setAt(value[key] as Flat, rest, leaf) : leaf };
};

/** An alternative with a list longer than qs keeps, as alternatives of at most 20 values each; with an empty list, none (it matches nothing). */
function split(alternative: Flat): Flat[] {
  const found = awkwardList(alternative);
  if (!found) return [alternative];
  const chunks: Flat[] = [];
  for (let i = 0; i < found.list.length; i += MOST)
    chunks.push(setAt(alternative, found.path, found.list.slice(i, i + MOST)));
  return chunks.flatMap(split);
}

/**
 * A Content Manager list filtered by `all` of these conditions, each given as its alternatives
 * (any of them); a value may be a list (any of its values). The admin reads a list's URL
 * with qs, which parses five brackets deep and no deeper, so the conditions are written as one
 * level of `$or` over flat branches (the alternatives multiplied out), never `$and` → `$or` → a
 * relation path: `filters[$or][0][project][programme][documentId]=…` is as deep as a link goes,
 * and a list of values is the same key repeated (`…[documentId]=a&…[documentId]=b`, which the
 * server reads as any of them), at most 20 to a branch. Null when the filter needs more branches than qs reads as a list (21):
 * the caller then shows its figure without a link rather than a list holding more than it counts.
 * A condition with no alternative left (an empty list) matches nothing.
 */
export function listLink(uid: string, all: Flat[][], most = BRANCHES): string | null {
  const conditions = all.map((alternatives) => alternatives.flatMap(split));
  const none = conditions.some((alternatives) => !alternatives.length);
  const branches = none
    ? [{ id: { $null: true } }]
    : conditions.reduce<Flat[]>(
        (acc, alternatives) =>
          acc.flatMap((branch) => alternatives.map((alternative) => merge(branch, alternative))),
        [{}]
      );
  if (branches.length > most) return null;
  const query = new URLSearchParams({ page: '1' });
  const write = (prefix: string, value: unknown) => {
    if (Array.isArray(value)) for (const item of value) query.append(prefix, String(item));
    else if (value !== null && typeof value === 'object')
      for (const [key, inner] of Object.entries(value as Flat)) write(`${prefix}[${key}]`, inner);
    else query.append(prefix, String(value));
  };
  if (branches.length === 1) write('filters', branches[0]);
  else branches.forEach((branch, i) => write(`filters[$or][${i}]`, branch));
  return `${CM}/${uid}?${query.toString()}`;
}

/** `listLink` for the Risks and issues page's lists (as many branches as they need). */
export function registerList(uid: string, all: Flat[][]) {
  return listLink(uid, all, Infinity)!;
}
