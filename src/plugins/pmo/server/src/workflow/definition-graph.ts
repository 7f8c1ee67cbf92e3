/** The graph checks: every state reachable from the first state, no dead end short of a terminal state. */
import { inSentence } from '../../../shared/words';
import type { Problems } from './definition-common';
import type { StateEntry } from './definition-read';

/** A transition as the graph sees it: the states it leaves from and the one it leads to. */
export type Edge = { from: string[]; to?: string };

/** Reachability from `initial` and a way out of every non-terminal state. */
export function checkGraph(initial: string | undefined, byKey: Map<string, StateEntry>, edges: Edge[], problems: Problems): void {
  if (!byKey.size) return;
  // Ways out (a transition from the state to a different, known state), whatever `initial` is.
  for (const state of byKey.values()) {
    if (state.terminal !== false) continue;
    const out = edges.some((e) => e.from.includes(state.key) && e.to !== undefined && e.to !== state.key && byKey.has(e.to));
    if (!out) {
      problems.add(
        ['states', state.index],
        `${state.subject} is a dead end: no transition leads out of it to another state; add one or mark it terminal`
      );
    }
  }
  if (initial === undefined || !byKey.has(initial)) return;
  const reached = new Set<string>([initial]);
  const queue = [initial];
  while (queue.length) {
    const current = queue.shift() as string;
    if (byKey.get(current)?.terminal) continue; // nothing leaves a terminal state
    for (const edge of edges) {
      if (edge.to === undefined || !byKey.has(edge.to) || reached.has(edge.to)) continue;
      if (!edge.from.includes(current)) continue;
      reached.add(edge.to);
      queue.push(edge.to);
    }
  }
  const first = byKey.get(initial) as StateEntry;
  const firstWords = first.subject.startsWith('The ') ? first.subject.slice('The state '.length) : inSentence(first.subject);
  for (const state of byKey.values()) {
    if (reached.has(state.key)) continue;
    problems.add(
      ['states', state.index],
      `${state.subject} cannot be reached from ${firstWords}, the first state; add a transition into it or remove it`
    );
  }
}
