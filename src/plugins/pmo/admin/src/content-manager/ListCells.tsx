/**
 * How the Content Manager's list view shows PMO Hub's values: RAG ratings and workflow states as
 * coloured badges, enumeration values in words, money as "23,000.00 EUR" (never minor units),
 * days as "2 Dec 2026", and the documents overdue for review badged beside their due date.
 */
import * as React from 'react';

import { Badge, Flex, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';

import { useWorkflows } from '../api/client';
import { useIsOverdueDocument } from '../api/documents';
import { Money } from '../components/Money';
import { StateBadge } from '../components/StateBadge';
import { formatDay, formatMoment } from '../../../shared/calendar';
import { scoreBand } from '../../../shared/contracts/raid';
import { DOCUMENT_UID } from '../../../shared/contracts/uids';
import { rememberStates } from './stateFilter';
import { RAG_COLOURS, valueLabel } from './vocabulary';

/** A badge as wide as its words: a table cell would otherwise stretch it to the column's width. */
const Fit = ({ children }: { children: React.ReactNode }) => (
  <span style={{ display: 'inline-block', width: 'max-content', maxWidth: '20rem' }}>
    {children}
  </span>
);

const Empty = () => <Typography textColor="neutral800">-</Typography>;

const Text = ({ children }: { children: string }) => (
  <Typography textColor="neutral800" ellipsis style={{ maxWidth: '30rem', display: 'block' }}>
    {children}
  </Typography>
);

export const RagCell = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value ? (
    <Fit>
      <StateBadge name={valueLabel(value)} color={RAG_COLOURS[value]} data-testid="pmo-rag" />
    </Fit>
  ) : (
    <Empty />
  );

/** The colour of a risk score's band: low green, medium amber, high (above the default tolerance) red. */
const BAND_COLOURS = { low: RAG_COLOURS.green, medium: RAG_COLOURS.amber, high: RAG_COLOURS.red } as const;

/** A risk's score (probability × impact) as a badge in its band's colour: "16" in red. */
export const ScoreCell = ({ value }: { value: unknown }) => {
  const score = Number(value);
  if (value === null || value === undefined || value === '' || !Number.isFinite(score)) return <Empty />;
  return (
    <Fit>
      <StateBadge name={String(score)} title={`Score ${score}: ${scoreBand(score)}`} color={BAND_COLOURS[scoreBand(score)]} data-testid="pmo-score" />
    </Fit>
  );
};

export const EnumerationCell = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value ? <Text>{valueLabel(value)}</Text> : <Empty />;

export const MoneyCell = ({ value }: { value: unknown }) =>
  value === null || value === undefined || value === '' ? (
    <Empty />
  ) : (
    <Money minor={String(value)} data-testid="pmo-money" />
  );

export const DayCell = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value ? <Text>{formatDay(value)}</Text> : <Empty />;

export const MomentCell = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value ? <Text>{formatMoment(value)}</Text> : <Empty />;

/** A workflow state by its name and colour in the workflow that governs the type. */
export const WorkflowStateCell = ({ model, value }: { model: string; value: unknown }) => {
  const { data: workflows } = useWorkflows({ staleTime: 60_000 });
  // The state filter's chip names states the way this cell does.
  React.useEffect(() => rememberStates(workflows), [workflows]);
  if (typeof value !== 'string' || !value) return <Empty />;
  const definition = workflows?.find(
    (workflow) => workflow.definition.appliesTo === model
  )?.definition;
  const state = definition?.states.find((candidate) => candidate.key === value);
  return (
    <StateBadge
      name={state?.name ?? valueLabel(value)}
      color={state?.color}
      data-testid="pmo-state"
    />
  );
};

/** A document's next review day, badged "Overdue" when it has passed (a superseded one never is). */
export const ReviewDueCell = ({
  model,
  documentId,
  value,
}: {
  model: string;
  documentId: string;
  value: unknown;
}) => {
  const isDocument = model === DOCUMENT_UID;
  const { data: overdue } = useIsOverdueDocument(documentId, isDocument);
  const isOverdue = isDocument && overdue === true;
  return (
    <Flex gap={2} alignItems="center">
      <DayCell value={value} />
      {isOverdue ? (
        <Badge backgroundColor="danger100" textColor="danger700" data-testid="pmo-overdue">
          Overdue
        </Badge>
      ) : null}
    </Flex>
  );
};

/** The link to the item, for a list whose every plain column is formatted (keyboard users need one). */
export const RowLink = ({
  documentId,
  children,
}: {
  documentId: string;
  children: React.ReactNode;
}) => (
  <Link
    to={documentId}
    onClick={(event) => event.stopPropagation()}
    style={{ color: 'inherit', textDecoration: 'none' }}
  >
    {children}
  </Link>
);
