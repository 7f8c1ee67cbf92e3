/**
 * The Content Manager list view's cells for PMO Hub's values, through Strapi's own hook
 * (`Admin/CM/pages/ListView/inject-column-in-table`, as Review Workflows adds its stage column):
 * the hook gets the displayed headers and answers them with a `cellFormatter` where PMO Hub
 * knows better than the raw value. The list's columns, labels and order stay the admin's.
 */
import * as React from 'react';

import { MONEY_FIELD } from './fields';
import {
  DayCell,
  EnumerationCell,
  MomentCell,
  MoneyCell,
  RagCell,
  ReviewDueCell,
  RowLink,
  ScoreCell,
  WorkflowStateCell,
} from './ListCells';
import { RAG_FIELDS } from './vocabulary';

export const INJECT_COLUMN_IN_TABLE = 'Admin/CM/pages/ListView/inject-column-in-table';

type Row = Record<string, unknown> & { documentId: string };
type Formatter = (
  row: Row,
  header: Header,
  context: { collectionType: string; model: string }
) => React.ReactNode;
type Header = {
  name: string;
  attribute?: { type: string; customField?: string };
  cellFormatter?: Formatter;
  [key: string]: unknown;
};
type HookArgs = { displayedHeaders: Header[]; layout: unknown };

/** What Strapi itself never makes the row's link (ListViewPage: NON_LINKABLE_TYPES). */
const NOT_LINKS = new Set(['media', 'relation', 'component', 'dynamiczone']);

function formatterFor({ name, attribute }: Header): Formatter | undefined {
  if (!attribute) return undefined;
  if (attribute.customField === MONEY_FIELD) return (row) => <MoneyCell value={row[name]} />;
  if (attribute.type === 'enumeration') {
    return RAG_FIELDS.has(name)
      ? (row) => <RagCell value={row[name]} />
      : (row) => <EnumerationCell value={row[name]} />;
  }
  // A risk's score, the only `score` the Content Manager lists (compliance assessments are hidden from it).
  if (name === 'score' && attribute.type === 'integer') return (row) => <ScoreCell value={row[name]} />;
  if (name === 'workflowState')
    return (row, _header, { model }) => <WorkflowStateCell model={model} value={row[name]} />;
  if (name === 'nextReviewDue') {
    return (row, _header, { model }) => (
      <ReviewDueCell model={model} documentId={row.documentId} value={row[name]} />
    );
  }
  if (attribute.type === 'date') return (row) => <DayCell value={row[name]} />;
  if (attribute.type === 'datetime') return (row) => <MomentCell value={row[name]} />;
  return undefined;
}

/** The hook: PMO cells on the headers it formats, and a row link kept when no plain column is left. */
export function formatListColumns({ displayedHeaders, layout }: HookArgs): HookArgs {
  const headers = displayedHeaders.map((header) => {
    const cellFormatter = header.cellFormatter ? undefined : formatterFor(header);
    return cellFormatter ? { ...header, cellFormatter } : header;
  });
  const isPlain = (header: Header) =>
    !header.cellFormatter &&
    header.name !== 'status' &&
    Boolean(header.attribute) &&
    !NOT_LINKS.has(header.attribute!.type);
  if (!headers.some(isPlain)) {
    const index = headers.findIndex(
      (header, i) =>
        header.cellFormatter &&
        !displayedHeaders[i].cellFormatter &&
        !NOT_LINKS.has(header.attribute!.type)
    );
    if (index >= 0) {
      const format = headers[index].cellFormatter!;
      headers[index] = {
        ...headers[index],
        cellFormatter: (row, header, context) => (
          <RowLink documentId={row.documentId}>{format(row, header, context)}</RowLink>
        ),
      };
    }
  }
  return { displayedHeaders: headers, layout };
}
