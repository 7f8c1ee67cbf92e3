/**
 * Content Manager list addresses a link can carry whole. Pure (unit-tested in contentLinks.test.ts).
 */
const CM = '/content-manager/collection-types';

export type Flat = Record<string, unknown>;

/** qs's array limit (20, as the admin parses): a `$or` of more branches is read as an object and filters nothing. */
const BRANCHES = 20;

/** Deep-merges flat conditions (their keys differ, or lead to different leaves). */
function merge(a: Flat, b: Flat): Flat {
  const out: Flat = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    out[key] = mine && typeof mine === 'object' && value && typeof value === 'object' ? merge(mine as Flat, value as Flat) : value;
  }
  return out;
}

/**
 * A Content Manager list filtered by `all` of these conditions, each given as its alternatives
 * (any of them). The admin reads a list's URL with qs, which parses five brackets deep and no
 * deeper, so the conditions are written as one level of `$or` over flat branches (the
 * alternatives multiplied out), never `$and` → `$or` → a relation path:
 * `filters[$or][0][project][programme][documentId]=…` is as deep as a link goes (no room for an
 * `$in` list there). A condition with no alternative matches nothing. Null when the filter needs
 * more branches than qs reads as a list (20): the caller then shows its figure without a link
 * rather than a list holding more than it counts.
 */
export function listLink(uid: string, all: Flat[][], most = BRANCHES): string | null {
  const none = all.some((alternatives) => !alternatives.length);
  const branches = none ? [{ id: { $null: true } }] : all.reduce<Flat[]>((acc, alternatives) => acc.flatMap((branch) => alternatives.map((alternative) => merge(branch, alternative))), [{}]);
  if (branches.length > most) return null;
  const query = new URLSearchParams({ page: '1' });
  const write = (prefix: string, value: unknown) => {
    if (value !== null && typeof value === 'object') for (const [key, inner] of Object.entries(value as Flat)) write(`${prefix}[${key}]`, inner);
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
