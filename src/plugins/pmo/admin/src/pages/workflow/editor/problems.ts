/**
 * Places each problem the server reports (`{ path: 'transitions[2].to', message }`) next to the
 * form control that caused it. Every path maps to an *anchor*: a path the form renders (a field,
 * a list row, or a section), so no problem is left without a place. Pure.
 */
import type { DefinitionProblem, WorkflowDefinition } from '../../../../../shared/contracts/workflow';

const TOP_FIELDS = ['key', 'name', 'description', 'appliesTo', 'initial', 'states', 'transitions', 'publishRequires', 'onNewDraft'];
const STATE_FIELDS = ['key', 'name', 'color', 'terminal', 'description'];
const TRANSITION_FIELDS = ['key', 'label', 'from', 'to', 'requireComment', 'actors', 'guards', 'effects'];

/** The rendered control a problem path belongs to. */
export function anchorOf(path: string): string {
  const state = /^states\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (state) {
    const [, index, field] = state;
    return field && STATE_FIELDS.includes(field) ? `states[${index}].${field}` : `states[${index}]`;
  }
  const transition = /^transitions\[(\d+)\](.*)$/.exec(path);
  if (transition) {
    const [, index, rest] = transition;
    const base = `transitions[${index}]`;
    const item = /^\.(actors|guards|effects)\[(\d+)\]/.exec(rest);
    if (item) return `${base}.${item[1]}[${item[2]}]`;
    if (rest.startsWith('.approvals.quorum')) return `${base}.approvals.quorum`;
    if (rest.startsWith('.approvals')) return `${base}.approvals`;
    const field = /^\.(\w+)/.exec(rest)?.[1];
    return field && TRANSITION_FIELDS.includes(field) ? `${base}.${field}` : base;
  }
  const top = /^(\w+)/.exec(path)?.[1];
  return top && TOP_FIELDS.includes(top) ? top : '';
}

export type ProblemIndex = {
  all: DefinitionProblem[];
  /** Messages for the control rendered at `anchor`. */
  at(anchor: string): string[];
  /** Whether anything at or under `anchor` has a problem (to flag a collapsed section). */
  under(anchor: string): boolean;
};

export function indexProblems(problems: DefinitionProblem[]): ProblemIndex {
  const byAnchor = new Map<string, string[]>();
  for (const problem of problems) {
    const anchor = anchorOf(problem.path);
    byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), problem.message]);
  }
  return {
    all: problems,
    at: (anchor) => byAnchor.get(anchor) ?? [],
    under: (anchor) =>
      [...byAnchor.keys()].some(
        (key) => key === anchor || key.startsWith(`${anchor}.`) || key.startsWith(`${anchor}[`)
      ),
  };
}

/** The DOM id of the control at `anchor`, e.g. `pmo-wf-transitions-2-to`. */
export const fieldId = (anchor: string) =>
  `pmo-wf-${anchor.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '') || 'definition'}`;

const FIELD_WORDS: Record<string, string> = {
  key: 'key',
  name: 'name',
  label: 'label',
  description: 'description',
  appliesTo: 'content type',
  initial: 'initial state',
  color: 'colour',
  terminal: 'terminal',
  from: 'from',
  to: 'to',
  requireComment: 'comment required',
  actors: 'actors',
  guards: 'guards',
  effects: 'effects',
  approvals: 'approvals',
  quorum: 'quorum',
  publishRequires: 'publishing needs the state',
  onNewDraft: 'a new draft goes back to',
};

/** Where a problem is, in the editor's words: `Transition 3 “Approve” › to`. */
export function describeAnchor(anchor: string, definition: WorkflowDefinition): string {
  if (anchor === '') return 'Workflow';
  const state = /^states\[(\d+)\](?:\.(\w+))?$/.exec(anchor);
  if (state) {
    const index = Number(state[1]);
    const name = definition.states[index]?.name || definition.states[index]?.key;
    const where = `State ${index + 1}${name ? ` “${name}”` : ''}`;
    return state[2] ? `${where} › ${FIELD_WORDS[state[2]] ?? state[2]}` : where;
  }
  const transition = /^transitions\[(\d+)\](?:\.(.*))?$/.exec(anchor);
  if (transition) {
    const index = Number(transition[1]);
    const label = definition.transitions[index]?.label || definition.transitions[index]?.key;
    const where = `Transition ${index + 1}${label ? ` “${label}”` : ''}`;
    if (!transition[2]) return where;
    const parts = transition[2]
      .split('.')
      .map((part) => {
        const item = /^(\w+)\[(\d+)\]$/.exec(part);
        if (item) return `${(FIELD_WORDS[item[1]] ?? item[1]).replace(/s$/, '')} ${Number(item[2]) + 1}`;
        return FIELD_WORDS[part] ?? part;
      });
    return [where, ...parts].join(' › ');
  }
  return FIELD_WORDS[anchor] ? FIELD_WORDS[anchor][0].toUpperCase() + FIELD_WORDS[anchor].slice(1) : anchor;
}
