/**
 * The home page's governance figure, from the governance board's answer. The board is paged (a
 * screen of cards at a time), so the figure counts from the answer's `counts` (every project
 * matching the filters, by lifecycle state), never from the cards of the page.
 */
import type { Board } from '../../../../shared/contracts/governance';

/** Projects in the board's counts that are not in an end state of the lifecycle (all of them without one). */
export function activeProjects(board: Pick<Board, 'counts' | 'lifecycle'>): number {
  const ends = new Set((board.lifecycle?.states ?? []).filter((state) => state.terminal).map((state) => state.key));
  return Object.entries(board.counts).reduce((sum, [state, count]) => (ends.has(state) ? sum : sum + count), 0);
}
