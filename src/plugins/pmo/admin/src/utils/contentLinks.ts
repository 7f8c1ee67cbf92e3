/**
 * Content Manager list addresses a link can carry whole. Pure (unit-tested in contentLinks.test.ts).
 */
const CM = '/content-manager/collection-types';

export type Flat = Record<string, unknown>;

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
 * `filters[$or][0][project][programme][documentId]=…` is as deep as a link goes.
 */
export function registerList(uid: string, all: Flat[][]) {
  const branches = all.reduce<Flat[]>((acc, alternatives) => acc.flatMap((branch) => alternatives.map((alternative) => merge(branch, alternative))), [{}]);
  const query = new URLSearchParams({ page: '1' });
  const write = (prefix: string, value: unknown) => {
    if (value !== null && typeof value === 'object') for (const [key, inner] of Object.entries(value as Flat)) write(`${prefix}[${key}]`, inner);
    else query.append(prefix, String(value));
  };
  if (branches.length === 1) write('filters', branches[0]);
  else branches.forEach((branch, i) => write(`filters[$or][${i}]`, branch));
  return `${CM}/${uid}?${query.toString()}`;
}
