/**
 * Lays a definition out as a graph with dagre: states as boxes, transitions as labelled edges
 * routed around the boxes, and a start dot leading to the initial state. Pure (no React).
 */
import * as dagre from '@dagrejs/dagre';

import type { WorkflowDefinition } from '../../../../../shared/contracts/workflow';

export const NODE_WIDTH = 150;
export const NODE_HEIGHT = 48;
export const START_SIZE = 18;
export const START_ID = '__start__';

export type Point = { x: number; y: number };

export type LaidOutState = {
  id: string;
  key: string;
  name: string;
  color?: string;
  terminal: boolean;
  initial: boolean;
  hasProblem: boolean;
  /** Top-left corner. */
  position: Point;
  width: number;
  height: number;
};

export type LaidOutTransition = {
  id: string;
  key: string;
  label: string;
  from: string;
  to: string;
  points: Point[];
  labelPosition: Point | null;
};

export type Layout = {
  states: LaidOutState[];
  start: Point | null;
  transitions: LaidOutTransition[];
  /** Everything drawn, edges and labels included (React Flow's fitView only sees the nodes). */
  bounds: { x: number; y: number; width: number; height: number };
};

/** Edge labels wrap at this width (12px text), so parallel arrows do not push the states apart. */
export const LABEL_MAX_WIDTH = 132;
/** Roughly how wide an edge label is drawn (12px), and how many lines it wraps to. */
const labelWidth = (label: string) => Math.min(LABEL_MAX_WIDTH, 16 + label.length * 7);
const labelHeight = (label: string) => (16 + label.length * 7 > LABEL_MAX_WIDTH ? 34 : 20);

export function layoutDefinition(
  definition: WorkflowDefinition,
  statesWithProblems: Set<string> = new Set(),
  direction: 'TB' | 'LR' = 'TB'
): Layout {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: direction, nodesep: 20, ranksep: 44, edgesep: 8, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));

  // Only states with a key can be drawn (and referenced); the first of duplicate keys wins.
  const states = definition.states.filter(
    (state, index, all) => state.key && all.findIndex((other) => other.key === state.key) === index
  );
  const known = new Set(states.map((state) => state.key));
  for (const state of states) {
    graph.setNode(state.key, { width: NODE_WIDTH, height: NODE_HEIGHT });
  }
  const hasStart = known.has(definition.initial);
  if (hasStart) {
    graph.setNode(START_ID, { width: START_SIZE, height: START_SIZE });
    graph.setEdge(START_ID, definition.initial, { width: 0, height: 0, minlen: 1 }, 'start');
  }

  const edges: Array<{ id: string; key: string; label: string; from: string; to: string }> = [];
  definition.transitions.forEach((transition, index) => {
    if (!known.has(transition.to)) return;
    // One label per transition, on its first arrow ("Cancel project (from 6 states)"): a label
    // on each of six arrows into the same state would crowd the picture and say nothing more.
    const sources = [...new Set(transition.from)].filter((from) => known.has(from));
    sources.forEach((from, i) => {
      const id = `t${index}:${from}`;
      const name = transition.label || transition.key;
      const label = i > 0 ? '' : sources.length > 2 ? `${name} (from ${sources.length} states)` : name;
      edges.push({ id, key: transition.key, label, from, to: transition.to });
      graph.setEdge(from, transition.to, label ? { width: labelWidth(label), height: labelHeight(label), labelpos: 'c' } : { width: 0, height: 0 }, id);
    });
  });

  dagre.layout(graph);

  const laidOut: LaidOutState[] = states.map((state) => {
    const node = graph.node(state.key);
    return {
      id: state.key,
      key: state.key,
      name: state.name || state.key,
      color: state.color,
      terminal: Boolean(state.terminal),
      initial: state.key === definition.initial,
      hasProblem: statesWithProblems.has(state.key),
      position: { x: node.x - NODE_WIDTH / 2, y: node.y - NODE_HEIGHT / 2 },
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
    };
  });

  const transitions: LaidOutTransition[] = edges.map((edge) => {
    const laid = graph.edge({ v: edge.from, w: edge.to, name: edge.id }) as
      | { points?: Point[]; x?: number; y?: number }
      | undefined;
    return {
      ...edge,
      points: laid?.points ?? [],
      labelPosition: laid && typeof laid.x === 'number' && typeof laid.y === 'number' ? { x: laid.x, y: laid.y } : null,
    };
  });

  let start: Point | null = null;
  if (hasStart) {
    const node = graph.node(START_ID);
    start = { x: node.x - START_SIZE / 2, y: node.y - START_SIZE / 2 };
    const laid = graph.edge({ v: START_ID, w: definition.initial, name: 'start' }) as { points?: Point[] } | undefined;
    transitions.push({
      id: 'start',
      key: '',
      label: '',
      from: START_ID,
      to: definition.initial,
      points: laid?.points ?? [],
      labelPosition: null,
    });
  }
  return { states: laidOut, start, transitions, bounds: boundsOf(laidOut, start, transitions) };
}

/** The box around the states, the start dot, every edge's route and every label. */
function boundsOf(states: LaidOutState[], start: Point | null, transitions: LaidOutTransition[]) {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const state of states) {
    xs.push(state.position.x, state.position.x + state.width);
    ys.push(state.position.y, state.position.y + state.height);
  }
  if (start) {
    xs.push(start.x, start.x + START_SIZE);
    ys.push(start.y, start.y + START_SIZE);
  }
  for (const transition of transitions) {
    for (const point of transition.points) {
      xs.push(point.x);
      ys.push(point.y);
    }
    if (transition.labelPosition) {
      const half = labelWidth(transition.label) / 2;
      xs.push(transition.labelPosition.x - half, transition.labelPosition.x + half);
      const halfHeight = labelHeight(transition.label) / 2;
      ys.push(transition.labelPosition.y - halfHeight, transition.labelPosition.y + halfHeight);
    }
  }
  if (xs.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** An SVG path through dagre's points, smoothed with quadratic curves between midpoints. */
export function smoothPath(points: Point[]): string {
  if (points.length === 0) return '';
  if (points.length === 1) return `M ${points[0].x} ${points[0].y}`;
  if (points.length === 2) return `M ${points[0].x} ${points[0].y} L ${points[1].x} ${points[1].y}`;
  let path = `M ${points[0].x} ${points[0].y}`;
  for (let i = 1; i < points.length - 1; i += 1) {
    const mid = { x: (points[i].x + points[i + 1].x) / 2, y: (points[i].y + points[i + 1].y) / 2 };
    const end = i === points.length - 2 ? points[i + 1] : mid;
    path += ` Q ${points[i].x} ${points[i].y} ${end.x} ${end.y}`;
  }
  return path;
}
