/**
 * Which standards apply to a state of a workflow (DESIGN.md, "Workflows on any type, publishing
 * and compliance"): those whose `appliesToStates` holds it. One rule for compliance's `documents`
 * and `standards` guards (the mandatory ones, for the latter) and governance's gate checklists.
 */

/** What the rule reads of a standard, as stored or as summarised. */
export type StandardApplying = { appliesToStates?: unknown; mandatory?: boolean | null };

/** A standard's `appliesToStates` as state keys, whatever the stored JSON holds (a list, one key, nothing). */
export function statesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((state): state is string => typeof state === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** The standards that apply to `state`, in the order given; with `mandatory`, only the mandatory ones. */
export function standardsFor<T extends StandardApplying>(standards: T[], state: string, options: { mandatory?: boolean } = {}): T[] {
  return standards.filter((standard) => statesOf(standard.appliesToStates).includes(state) && (!options.mandatory || !!standard.mandatory));
}
