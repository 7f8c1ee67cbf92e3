/**
 * The definition as a state diagram, laid out automatically (dagre) and drawn with React Flow.
 * It follows the form as it changes; it is a picture, not an editor (nothing is dragged).
 */
import * as React from 'react';

import { Box, Button, Flex, Modal, Typography, VisuallyHidden } from '@strapi/design-system';
import {
  Background,
  BaseEdge,
  EdgeLabelRenderer,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  type Edge,
  type EdgeProps,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';

import type { WorkflowDefinition } from '../../../../../shared/contracts/workflow';
import { stateColor, textOn } from '../../../utils/colors';
import { useTranslate } from '../../../utils/useTranslate';
import {
  LABEL_MAX_WIDTH,
  layoutDefinition,
  smoothPath,
  START_ID,
  START_SIZE,
  type LaidOutState,
  type Layout,
  type Point,
} from './layout';

type StateNode = Node<LaidOutState & Record<string, unknown>, 'state'>;
type StartNode = Node<Record<string, unknown>, 'start'>;
type RoutedEdge = Edge<{ points: Point[]; label: string; labelPosition: Point | null; start: boolean }, 'routed'>;

const EDGE_COLOR = '#8E8EA9';
const START_COLOR = '#32324D';
const hidden: React.CSSProperties = { opacity: 0, pointerEvents: 'none', width: 1, height: 1, minWidth: 0, minHeight: 0, border: 0 };

const StateNodeView = ({ data }: NodeProps<StateNode>) => {
  const fill = stateColor(data.color);
  return (
    <div
      data-testid="pmo-wf-diagram-state"
      data-state-key={data.key}
      data-terminal={data.terminal ? 'true' : 'false'}
      data-initial={data.initial ? 'true' : 'false'}
      title={`${data.name}${data.initial ? ' · first state' : ''}${data.terminal ? ' · final state' : ''}`}
      style={{
        width: data.width,
        height: data.height,
        boxSizing: 'border-box',
        background: fill,
        color: textOn(fill),
        borderRadius: data.terminal ? 24 : 8,
        // Terminal states: a double ring, as end states are drawn in state diagrams.
        boxShadow: data.terminal ? `0 0 0 3px #FFFFFF, 0 0 0 5px ${fill}` : '0 1px 4px rgba(33, 33, 52, 0.15)',
        outline: data.hasProblem ? '2px dashed #D02B20' : undefined,
        outlineOffset: data.terminal ? 8 : 4,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: '0 10px',
        fontSize: 14,
        fontWeight: 600,
        lineHeight: 1.2,
        textAlign: 'center',
      }}
    >
      <Handle type="target" position={Position.Top} style={hidden} isConnectable={false} />
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: '100%' }}>
        {data.name}
      </span>
      {data.terminal || data.initial ? (
        <span style={{ fontSize: 11, fontWeight: 400 }}>
          {[data.initial ? 'initial' : null, data.terminal ? 'terminal' : null].filter(Boolean).join(' · ')}
        </span>
      ) : null}
      <Handle type="source" position={Position.Bottom} style={hidden} isConnectable={false} />
    </div>
  );
};

const StartNodeView = () => (
  <div
    data-testid="pmo-wf-diagram-start"
    title="start"
    style={{ width: START_SIZE, height: START_SIZE, borderRadius: '50%', background: START_COLOR }}
  >
    <Handle type="source" position={Position.Bottom} style={hidden} isConnectable={false} />
  </div>
);

/** An edge along dagre's route, with its label where dagre made room for it. */
const RoutedEdgeView = ({ id, data, markerEnd }: EdgeProps<RoutedEdge>) => {
  if (!data) return null;
  return (
    <>
      <BaseEdge
        id={id}
        path={smoothPath(data.points)}
        markerEnd={markerEnd}
        style={{ stroke: data.start ? START_COLOR : EDGE_COLOR, strokeWidth: 1.5 }}
      />
      {data.label && data.labelPosition ? (
        <EdgeLabelRenderer>
          <div
            data-testid="pmo-wf-diagram-edge-label"
            style={{
              position: 'absolute',
              transform: `translate(-50%, -50%) translate(${data.labelPosition.x}px, ${data.labelPosition.y}px)`,
              background: '#FFFFFF',
              border: '1px solid #EAEAEF',
              borderRadius: 4,
              padding: '1px 6px',
              fontSize: 12,
              color: '#32324D',
              maxWidth: LABEL_MAX_WIDTH,
              width: 'max-content',
              whiteSpace: 'normal',
              textAlign: 'center',
              lineHeight: 1.25,
              pointerEvents: 'none',
            }}
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
};

const nodeTypes = { state: StateNodeView, start: StartNodeView };
const edgeTypes = { routed: RoutedEdgeView };

type DiagramProps = {
  definition: WorkflowDefinition;
  /** Keys of states that Validate found problems with, outlined in red. */
  statesWithProblems?: Set<string>;
  /** Id of the diagram's heading, which names the section around it. */
  titleId?: string;
};

/**
 * Drawn at its natural size where the width allows (labels legible at 1440 px): as tall as the
 * layout once scaled to the pane's width, within limits.
 */
const heightFor = (layout: Layout, width: number) => {
  const scale = width > 0 && layout.bounds.width > 0 ? Math.min(1, (width - 32) / layout.bounds.width) : 1;
  return Math.round(Math.min(960, Math.max(280, layout.bounds.height * scale + 48)));
};

/** The width of an element, kept up to date as the window changes. */
function useWidth<T extends HTMLElement>() {
  const ref = React.useRef<T>(null);
  const [width, setWidth] = React.useState(0);
  React.useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    setWidth(element.getBoundingClientRect().width);
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/** The diagram in words, for screen readers: each transition from where to where. */
const DiagramText = ({ definition, id }: { definition: WorkflowDefinition; id: string }) => {
  const t = useTranslate();
  const name = (key: string) => definition.states.find((state) => state.key === key)?.name || key;
  return (
    <VisuallyHidden id={id}>
      {t('workflow.diagram.text', 'Starts in {initial}.', { initial: name(definition.initial) })}{' '}
      {definition.transitions
        .map((transition) =>
          t('workflow.diagram.textTransition', '“{label}” leads from {from} to {to}.', {
            label: transition.label || transition.key,
            from: transition.from.map(name).join(' or '),
            to: name(transition.to),
          })
        )
        .join(' ')}
    </VisuallyHidden>
  );
};

/** The diagram with its heading, legend, a direction switch, and a larger view in a dialog. */
export const WorkflowDiagram = ({ definition, statesWithProblems, titleId = 'pmo-wf-diagram-title' }: DiagramProps) => {
  const t = useTranslate();
  const [direction, setDirection] = React.useState<'TB' | 'LR'>('TB');
  const [enlarged, setEnlarged] = React.useState(false);
  const layout = React.useMemo(
    () => layoutDefinition(definition, statesWithProblems, direction),
    [definition, statesWithProblems, direction]
  );
  const described = `${titleId}-text`;
  const [frame, width] = useWidth<HTMLDivElement>();
  return (
    <Flex direction="column" alignItems="stretch" gap={2} ref={frame}>
      <Flex justifyContent="space-between" alignItems="center" gap={2} wrap="wrap">
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="delta" tag="h2" id={titleId}>
            {t('workflow.diagram.title', 'Diagram')}
          </Typography>
          <Typography variant="pi" textColor="neutral700">
            {t('workflow.diagram.legend', '● start → initial state · double ring: terminal · dashed red: has problems')}
          </Typography>
        </Flex>
        <Flex gap={2}>
          <Button variant="tertiary" size="S" onClick={() => setDirection((d) => (d === 'TB' ? 'LR' : 'TB'))}>
            {direction === 'TB'
              ? t('workflow.diagram.leftToRight', 'Left to right')
              : t('workflow.diagram.topToBottom', 'Top to bottom')}
          </Button>
          <Button variant="tertiary" size="S" onClick={() => setEnlarged(true)}>
            {t('workflow.diagram.enlarge', 'Enlarge')}
          </Button>
        </Flex>
      </Flex>
      <DiagramText definition={definition} id={described} />
      <ReactFlowProvider>
        <DiagramCanvas layout={layout} height={heightFor(layout, width)} testId="pmo-wf-diagram" describedBy={described} />
      </ReactFlowProvider>
      <Modal.Root open={enlarged} onOpenChange={setEnlarged}>
        <Modal.Content style={{ width: '92vw', maxWidth: '92vw' }}>
          <Modal.Header closeLabel={t('workflow.editor.close', 'Close')}>
            <Modal.Title>{definition.name || t('workflow.diagram.title', 'Diagram')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <ReactFlowProvider>
              <DiagramCanvas
                layout={layout}
                height={Math.round(window.innerHeight * 0.72)}
                testId="pmo-wf-diagram-large"
                describedBy={described}
              />
            </ReactFlowProvider>
          </Modal.Body>
        </Modal.Content>
      </Modal.Root>
    </Flex>
  );
};

/** A picture (role img, described by the diagram in words): nothing inside it can be focused or operated. */
const DiagramCanvas = ({ layout, height, testId, describedBy }: { layout: Layout; height: number; testId: string; describedBy: string }) => {
  const t = useTranslate();
  const nodes = React.useMemo<Array<StateNode | StartNode>>(() => {
    const states: StateNode[] = layout.states.map((state) => ({
      id: state.id,
      type: 'state',
      position: state.position,
      data: state,
      width: state.width,
      height: state.height,
      draggable: false,
      selectable: false,
    }));
    const start: StartNode[] = layout.start
      ? [{ id: START_ID, type: 'start', position: layout.start, data: {}, width: START_SIZE, height: START_SIZE, draggable: false, selectable: false }]
      : [];
    return [...start, ...states];
  }, [layout]);

  const edges = React.useMemo<RoutedEdge[]>(
    () =>
      layout.transitions.map((transition) => ({
        id: transition.id,
        type: 'routed',
        source: transition.from,
        target: transition.to,
        data: {
          points: transition.points,
          label: transition.label,
          labelPosition: transition.labelPosition,
          start: transition.from === START_ID,
        },
        markerEnd: {
          type: MarkerType.ArrowClosed,
          color: transition.from === START_ID ? START_COLOR : EDGE_COLOR,
          width: 18,
          height: 18,
        },
        selectable: false,
        focusable: false,
      })),
    [layout]
  );

  return (
    <Box
      style={{ height }}
      borderColor="neutral200"
      hasRadius
      background="neutral100"
      data-testid={testId}
      aria-label={t('workflow.diagram.label', 'Diagram of the states and transitions')}
      aria-describedby={describedBy}
      role="img"
    >
      {layout.states.length === 0 ? (
        <Flex justifyContent="center" alignItems="center" height="100%">
          <Typography variant="pi" textColor="neutral600">
            {t('workflow.diagram.empty', 'Add states to see the diagram.')}
          </Typography>
        </Flex>
      ) : (
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          panOnDrag={false}
          zoomOnScroll={false}
          zoomOnPinch={false}
          zoomOnDoubleClick={false}
          preventScrolling={false}
          proOptions={{ hideAttribution: true }}
          minZoom={0.2}
          maxZoom={1}
        >
          <FitToBounds bounds={layout.bounds} />
          <Background gap={16} size={1} />
        </ReactFlow>
      )}
    </Box>
  );
};

/**
 * Frames the whole picture, edges and labels included, whenever the layout or the size of the
 * pane changes (states added, renamed, rerouted; the window resized).
 */
const FitToBounds = ({ bounds }: { bounds: Layout['bounds'] }) => {
  const { fitBounds } = useReactFlow();
  const pane = useStore((state) => `${state.width}x${state.height}`);
  const { x, y, width, height } = bounds;
  React.useEffect(() => {
    if (pane.startsWith('0x') || pane.endsWith('x0')) return undefined;
    const frame = requestAnimationFrame(() => {
      void fitBounds({ x, y, width, height }, { padding: 0.06 });
    });
    return () => cancelAnimationFrame(frame);
  }, [x, y, width, height, pane, fitBounds]);
  return null;
};
