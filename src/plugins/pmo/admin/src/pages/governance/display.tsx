/** How the governance pages show gates, decisions, RAG and conditions. */
import { Badge, Box, Flex, Typography } from '@strapi/design-system';

import type { GateCondition, GateDecision, Rag } from '../../api/governance';
import type { Translate } from '../../utils/useTranslate';
import { useFormatDay } from '../../utils/dates';

export const GOVERNANCE_PATH = '/plugins/pmo/governance';
export const projectGatesPath = (documentId: string) => `${GOVERNANCE_PATH}/projects/${encodeURIComponent(documentId)}`;
export const reviewPath = (documentId: string) => `${GOVERNANCE_PATH}/reviews/${encodeURIComponent(documentId)}`;

export { useFormatDay };

/** "Gate 1: business justification". */
export const gateTitle = (gate: number, name: string | null | undefined) => (name ? `Gate ${gate}: ${name}` : `Gate ${gate}`);

export const decisionLabel = (t: Translate, decision: GateDecision) =>
  ({
    go: t('governance.decision.go', 'Go'),
    'conditional-go': t('governance.decision.conditionalGo', 'Conditional go'),
    hold: t('governance.decision.hold', 'Hold'),
    recycle: t('governance.decision.recycle', 'Recycle'),
    stop: t('governance.decision.stop', 'Stop'),
  })[decision];

const DECISION_COLORS: Record<GateDecision, { background: string; text: string }> = {
  go: { background: 'success100', text: 'success700' },
  'conditional-go': { background: 'success100', text: 'success600' },
  hold: { background: 'warning100', text: 'warning700' },
  recycle: { background: 'secondary100', text: 'secondary700' },
  stop: { background: 'danger100', text: 'danger700' },
};

/** A decision as a coloured badge; `data-decision` carries its key. */
export const DecisionBadge = ({ decision, t }: { decision: GateDecision; t: Translate }) => (
  <span data-testid="pmo-gov-decision" data-decision={decision}>
    <Badge backgroundColor={DECISION_COLORS[decision].background} textColor={DECISION_COLORS[decision].text}>
      {decisionLabel(t, decision)}
    </Badge>
  </span>
);

const RAG_COLORS: Record<Rag, string> = { green: '#328048', amber: '#D9822F', red: '#D02B20' };

export const ragLabel = (t: Translate, rag: Rag) =>
  ({ green: t('governance.rag.green', 'Green'), amber: t('governance.rag.amber', 'Amber'), red: t('governance.rag.red', 'Red') })[rag];

/** A RAG value as a dot in its colour and its name (colour is never the only cue). */
export const RagDot = ({ rag, label, t }: { rag: Rag | null; label: string; t: Translate }) => (
  <Flex tag="span" display="inline-flex" alignItems="center" gap={1} data-rag={rag ?? 'none'} title={`${label}: ${rag ? ragLabel(t, rag) : '—'}`}>
    <Box
      tag="span"
      aria-hidden
      style={{
        width: 10,
        height: 10,
        borderRadius: '50%',
        flexShrink: 0,
        background: rag ? RAG_COLORS[rag] : 'transparent',
        border: `1px solid ${rag ? RAG_COLORS[rag] : '#8E8EA9'}`,
      }}
    />
    <Typography variant="pi" textColor="neutral700">
      {label}: {rag ? ragLabel(t, rag) : '—'}
    </Typography>
  </Flex>
);

/** An open condition: text, owner, due date, and a red flag when it is overdue. */
export const ConditionLine = ({ condition, t }: { condition: GateCondition; t: Translate }) => {
  const formatDay = useFormatDay();
  return (
    <Flex direction="column" alignItems="flex-start" gap={0} data-testid="pmo-gov-condition" data-overdue={condition.overdue} data-done={condition.done}>
      <Flex gap={2} wrap="wrap">
        {condition.overdue ? (
          <Badge backgroundColor="danger100" textColor="danger700">
            {t('governance.condition.overdue', 'Overdue')}
          </Badge>
        ) : null}
        {condition.done ? (
          <Badge backgroundColor="success100" textColor="success700">
            {t('governance.condition.met', 'Met')}
          </Badge>
        ) : null}
        <Typography variant="omega" textColor={condition.overdue ? 'danger700' : 'neutral800'}>
          {condition.text}
        </Typography>
      </Flex>
      <Typography variant="pi" textColor="neutral600">
        {t('governance.condition.ownerDue', '{owner} · due {due}', {
          owner: condition.owner?.fullName ?? '—',
          due: formatDay(condition.dueDate),
        })}
        {condition.done && condition.doneOn ? ` · ${t('governance.condition.doneOn', 'met on {day}', { day: formatDay(condition.doneOn) })}` : ''}
      </Typography>
    </Flex>
  );
};
