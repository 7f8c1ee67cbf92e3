/**
 * The Content Manager edit view's panel for documents: their review status and review cycle.
 * DESIGN.md names the status field `status`, which the Content Manager reserves for draft &
 * publish, so it is edited here (PUT /pmo/documents/:documentId/review) instead of in the form.
 */
import * as React from 'react';

import { Badge, Button, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';

import {
  DOCUMENT_STATUSES,
  DOCUMENT_UID,
  useDocumentReview,
  useUpdateDocumentReview,
  type DocumentStatus,
} from '../../api/documents';
import { formatDay } from '../../utils/dates';
import { useRefreshEditedDocument } from '../../utils/useRefreshEditedDocument';

type PanelProps = { model: string; collectionType: string; documentId?: string; document?: { documentId?: string } };

const LABELS: Record<DocumentStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
  superseded: 'Superseded',
};

const ReviewContent = ({ documentId, collectionType }: { documentId: string; collectionType: string }) => {
  const { toggleNotification } = useNotification();
  // The form shows the review dates too: reload it so a later Save does not write them back.
  const refreshForm = useRefreshEditedDocument(DOCUMENT_UID, collectionType);
  const { data: review, error } = useDocumentReview(documentId);
  const update = useUpdateDocumentReview(documentId);
  const [status, setStatus] = React.useState<DocumentStatus | undefined>();
  React.useEffect(() => setStatus(review?.status), [review?.status]);

  if (error) return <Typography textColor="danger600">{error.message}</Typography>;
  if (!review) return <Typography textColor="neutral600">Loading…</Typography>;

  const save = (body: { status?: DocumentStatus; reviewed?: boolean }, message: string) =>
    update.mutate(body, {
      onSuccess: () => {
        refreshForm();
        toggleNotification({ type: 'success', message });
      },
      onError: (failure) => toggleNotification({ type: 'danger', message: failure.message }),
    });

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="pmo-document-review">
      <Field.Root name="reviewStatus" id="pmo-review-status">
        <Field.Label>Status</Field.Label>
        <SingleSelect value={status} onChange={(value: string | number) => setStatus(value as DocumentStatus)}>
          {DOCUMENT_STATUSES.map((option) => (
            <SingleSelectOption key={option} value={option}>
              {LABELS[option]}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
      <Button
        variant="secondary"
        disabled={!status || status === review.status || update.isLoading}
        onClick={() => save({ status }, `Status set to ${LABELS[status!]}`)}
      >
        Save status
      </Button>
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="pi" textColor="neutral600">
          Last reviewed: {review.lastReviewedAt ? formatDay(review.lastReviewedAt) : 'never'}
          {review.reviewCycleDays ? ` · every ${review.reviewCycleDays} days` : ''}
        </Typography>
        <Flex gap={2}>
          <Typography variant="pi" textColor="neutral600">
            Next review due: {review.nextReviewDue ? formatDay(review.nextReviewDue) : 'not set'}
          </Typography>
          {/* A superseded document is no longer reviewed, so it is never overdue. */}
          {review.overdue && review.status !== 'superseded' ? <Badge textColor="danger700" backgroundColor="danger100">Overdue</Badge> : null}
        </Flex>
      </Flex>
      <Button
        variant="tertiary"
        disabled={update.isLoading}
        onClick={() => save({ reviewed: true }, 'Review recorded for today')}
      >
        Mark reviewed today
      </Button>
    </Flex>
  );
};

/** Null (no panel) for other content types and while creating. */
export const DocumentReviewPanel = ({ model, collectionType, documentId, document }: PanelProps) => {
  const target = documentId ?? document?.documentId;
  if (model !== DOCUMENT_UID || !target) return null;
  return { title: 'Document review', content: <ReviewContent documentId={target} collectionType={collectionType} /> };
};
