/**
 * The editor's model is the definition itself (shared/contracts/workflow.ts), edited immutably, so the
 * form, the JSON view, the diagram and the server's problem paths (`transitions[2].to`) all speak
 * of the same list positions. Pure: no React, no Strapi.
 */
import type {
  ActorRule,
  EffectConfig,
  GuardConfig,
  WorkflowDefinition,
  WorkflowState,
  WorkflowTransition,
} from '../../../../../shared/contracts/workflow';

export { FIELD_OPS } from '../../../../../shared/contracts/workflow';
export { PMO_ROLE_KEYS as PMO_ROLES } from '../../../../../shared/pmo-roles';

export const STATE_PALETTE = [
  '#4945FF',
  '#7B79FF',
  '#0C75AF',
  '#66B7F1',
  '#328048',
  '#5CB176',
  '#D9822F',
  '#D02B20',
  '#8E8EA9',
  '#AC73E6',
  '#EE5E52',
  '#F29D41',
  '#32324D',
];

/** A starting point for a new workflow: two states and the transition between them. */
export function newDefinition(): WorkflowDefinition {
  return {
    key: '',
    name: '',
    appliesTo: '',
    initial: 'open',
    description: '',
    states: [
      { key: 'open', name: 'Open', color: '#4945FF', terminal: false },
      { key: 'done', name: 'Done', color: '#5CB176', terminal: true },
    ],
    transitions: [
      {
        key: 'complete',
        label: 'Complete',
        from: ['open'],
        to: 'done',
        actors: [{ role: 'pmo-manager' }],
        guards: [],
        effects: [],
        requireComment: false,
      },
    ],
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : String(value));

/**
 * A definition the form can show, from any parsed JSON object: lists where lists belong, text
 * where text belongs. Values the server would refuse stay as they are where the form can show
 * them, so Validate still reports them.
 */
export function normalizeDefinition(raw: Record<string, unknown>): WorkflowDefinition {
  const states = (Array.isArray(raw.states) ? raw.states : []).map((state): WorkflowState => {
    const s = isObject(state) ? state : {};
    return { ...s, key: text(s.key), name: text(s.name) } as WorkflowState;
  });
  const transitions = (Array.isArray(raw.transitions) ? raw.transitions : []).map(
    (transition): WorkflowTransition => {
      const tr = isObject(transition) ? transition : {};
      const from = Array.isArray(tr.from) ? tr.from.map(text) : tr.from == null ? [] : [text(tr.from)];
      const list = <T>(value: unknown) => (Array.isArray(value) ? value.filter(isObject) : []) as T[];
      const normalized: WorkflowTransition = {
        ...(tr as Partial<WorkflowTransition>),
        key: text(tr.key),
        label: text(tr.label),
        from,
        to: text(tr.to),
        actors: list<ActorRule>(tr.actors),
        guards: list<GuardConfig>(tr.guards).map((g) => ({ ...g, type: text(g.type) })),
        effects: list<EffectConfig>(tr.effects).map((e) => ({ ...e, type: text(e.type) })),
      };
      if (tr.approvals !== undefined && !isObject(tr.approvals)) delete normalized.approvals;
      return normalized;
    }
  );
  return {
    ...(raw as Partial<WorkflowDefinition>),
    key: text(raw.key),
    name: text(raw.name),
    appliesTo: text(raw.appliesTo),
    initial: text(raw.initial),
    states,
    transitions,
  };
}

/** What is sent to the server: empty optional texts left out rather than sent as "". */
export function toPayload(definition: WorkflowDefinition): WorkflowDefinition {
  const payload: WorkflowDefinition = {
    ...definition,
    states: definition.states.map((state) => {
      const copy: WorkflowState = { ...state };
      if (!copy.color) delete copy.color;
      if (copy.description === '') delete copy.description;
      return copy;
    }),
  };
  if (payload.description === '') delete payload.description;
  return payload;
}

export function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
}

export const replaceAt = <T>(list: T[], index: number, item: T) =>
  list.map((existing, i) => (i === index ? item : existing));

export const removeAt = <T>(list: T[], index: number) => list.filter((_, i) => i !== index);

/**
 * Changes a state's key and, when no other state has the new key, every reference to the old one
 * (initial, from, to, the states publishing needs, where a new draft goes), so renaming a state
 * keeps the workflow's shape.
 */
export function renameState(definition: WorkflowDefinition, index: number, key: string): WorkflowDefinition {
  const old = definition.states[index]?.key;
  const states = replaceAt(definition.states, index, { ...definition.states[index], key });
  const clash = definition.states.some((state, i) => i !== index && (state.key === key || state.key === old));
  if (!old || clash) return { ...definition, states };
  const swap = (value: string) => (value === old ? key : value);
  const renamed: WorkflowDefinition = {
    ...definition,
    states,
    initial: swap(definition.initial),
    transitions: definition.transitions.map((transition) => ({
      ...transition,
      from: transition.from.map(swap),
      to: swap(transition.to),
    })),
  };
  if (Array.isArray(definition.publishRequires)) renamed.publishRequires = definition.publishRequires.map(swap);
  if (typeof definition.onNewDraft === 'string') renamed.onNewDraft = swap(definition.onNewDraft);
  return renamed;
}

/** A key from a name: `Change control` → `change-control`. */
export const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 63);

/**
 * Removes a state and its mentions in `from` lists and in publishing: it drops out of the states
 * publishing needs (none left: publishing is no longer governed), and a new draft that went to it
 * goes to the initial state again. Transitions into it are left for Validate.
 */
export function removeState(definition: WorkflowDefinition, index: number): WorkflowDefinition {
  const key = definition.states[index]?.key;
  const removed: WorkflowDefinition = {
    ...definition,
    states: removeAt(definition.states, index),
    transitions: definition.transitions.map((transition) => ({
      ...transition,
      from: transition.from.filter((state) => state !== key),
    })),
  };
  // Another state of the same key keeps its references (Validate names the duplicate).
  if (removed.states.some((state) => state.key === key)) return removed;
  const publishing = Array.isArray(definition.publishRequires)
    ? setPublishRequires(removed, definition.publishRequires.filter((state) => state !== key))
    : removed;
  return publishing.onNewDraft === key ? setOnNewDraft(publishing, undefined) : publishing;
}

/* ---- publishing (a draft & publish type only) ---------------------------------------------- */

/**
 * The states an item must be in to be published, in the order of the workflow's states. None:
 * the workflow leaves publishing alone, and where a new draft goes no longer matters (the server
 * refuses an empty list), so both are left out.
 */
export function setPublishRequires(definition: WorkflowDefinition, keys: string[]): WorkflowDefinition {
  const { publishRequires: _old, onNewDraft, ...rest } = definition;
  if (keys.length === 0) return rest as WorkflowDefinition;
  const order = definition.states.map((state) => state.key);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const publishRequires = [...new Set(keys)].sort((a, b) => rank(a) - rank(b));
  return { ...rest, publishRequires, ...(onNewDraft === undefined ? {} : { onNewDraft }) } as WorkflowDefinition;
}

/** Where a new draft after publishing goes; none: the initial state. */
export function setOnNewDraft(definition: WorkflowDefinition, key: string | undefined): WorkflowDefinition {
  const { onNewDraft: _old, ...rest } = definition;
  return (key ? { ...rest, onNewDraft: key } : rest) as WorkflowDefinition;
}

/** Whether the definition says anything about publishing. */
export const governsPublishing = (definition: WorkflowDefinition) =>
  definition.publishRequires !== undefined || definition.onNewDraft !== undefined;

/** The definition without its publishing settings (for a type that is never published). */
export const withoutPublishing = (definition: WorkflowDefinition) => setPublishRequires(definition, []);

/** A key not yet used in `taken`: `base`, `base-2`, `base-3`… */
export function freshKey(base: string, taken: string[]) {
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

export function newState(definition: WorkflowDefinition): WorkflowState {
  const key = freshKey('state', definition.states.map((s) => s.key));
  const used = definition.states.map((s) => s.color?.toUpperCase());
  const color =
    STATE_PALETTE.find((candidate) => !used.includes(candidate)) ??
    STATE_PALETTE[definition.states.length % STATE_PALETTE.length];
  return { key, name: key === 'state' ? 'New state' : `New state ${key.slice(6)}`, color, terminal: false };
}

/** A transition to fill in: the person chooses where it starts and leads. */
export function newTransition(definition: WorkflowDefinition): WorkflowTransition {
  const key = freshKey('transition', definition.transitions.map((t) => t.key));
  return {
    key,
    label: 'New transition',
    from: [],
    to: '',
    actors: [],
    guards: [],
    effects: [],
    requireComment: false,
  };
}

/* ---- values typed as text ------------------------------------------------------------------ */

/** `100` → 100, `true` → true, anything else stays text (`now` included). */
export function parseScalar(input: string): string | number | boolean {
  const trimmed = input.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(trimmed) && trimmed.length < 16) return Number(trimmed);
  return input;
}

export function formatScalar(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** `a, b, c` → ['a', 'b', 'c'] (empty entries dropped). */
export const parseList = (input: string) =>
  input
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

export const formatList = (value: unknown) =>
  Array.isArray(value) ? value.map((entry) => formatScalar(entry)).join(', ') : formatScalar(value);
