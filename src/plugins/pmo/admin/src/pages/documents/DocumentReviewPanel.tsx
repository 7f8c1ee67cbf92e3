/**
 * The Content Manager edit view's panel for documents: the review cycle (record a review of an
 * approved document), the chain of versions, and making a new version. The review state itself
 * changes in the Workflow panel beside it (the `document-review` workflow's steps); this panel
 * reloads when the workflow moves the document.
 */
import * as React from 'react';

import { Badge, Button, Flex, Link, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { NavLink, useNavigate } from 'react-router-dom';

import { useWorkflowInstance } from '../../api/client';
import {
  DOCUMENT_UID,
  useDocumentReview,
  useNewDocumentVersion,
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

const editPath = (documentId: string) => `/content-manager/collection-types/${DOCUMENT_UID}/${documentId}`;

const ReviewContent = ({ documentId, collectionType }: { documentId: string; collectionType: string }) => {
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  // The form shows the review dates too: reload it so a later Save does not write them back.
  const refreshForm = useRefreshEditedDocument(DOCUMENT_UID, collectionType);
  const { data: review, error, refetch } = useDocumentReview(documentId);
  const update = useUpdateDocumentReview(documentId);
  const newVersion = useNewDocumentVersion(documentId);
  // A step fired in the Workflow panel changes the state, the approval and the next review date.
  const { data: instance } = useWorkflowInstance(DOCUMENT_UID, documentId);
  const seen = React.useRef<number | undefined>(undefined);
  React.useEffect(() => {
    if (instance?.version === undefined) return;
    if (seen.current !== undefined && seen.current !== instance.version) void refetch();
    seen.current = instance.version;
  }, [instance?.version, refetch]);

  if (error) return <Typography textColor="danger600">{error.message}</Typography>;
  if (!review) return <Typography textColor="neutral600">Loading…</Typography>;

  const failed = (failure: { message: string }) => toggleNotification({ type: 'danger', message: failure.message });
  const markReviewed = () =>
    update.mutate(
      { reviewed: true },
      {
        onSuccess: () => {
          refreshForm();
          toggleNotification({ type: 'success', message: 'Review recorded for today' });
        },
        onError: failed,
      }
    );
  const makeVersion = () =>
    newVersion.mutate(
      {},
      {
        onSuccess: (made) => {
          toggleNotification({ type: 'success', message: `Version ${made.version ?? ''} made; the previous version is superseded` });
          navigate(editPath(made.documentId));
        },
        onError: failed,
      }
    );
  const approved = review.status === 'approved';

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="pmo-document-review">
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="pi" textColor="neutral600" data-testid="pmo-document-status">
          {LABELS[review.status]}
          {review.version ? ` · version ${review.version}` : ''}
          {review.approvedAt ? ` · approved ${formatDay(review.approvedAt)}` : ''}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          Last reviewed: {review.lastReviewedAt ? formatDay(review.lastReviewedAt) : 'never'}
          {review.reviewCycleDays ? ` · every ${review.reviewCycleDays} days` : ''}
        </Typography>
        <Flex gap={2}>
          <Typography variant="pi" textColor="neutral600" data-testid="pmo-document-next-review">
            Next review due: {review.nextReviewDue ? formatDay(review.nextReviewDue) : 'not set'}
          </Typography>
          {/* A superseded document is no longer reviewed, so it is never overdue. */}
          {review.overdue && review.status !== 'superseded' ? <Badge textColor="danger700" backgroundColor="danger100">Overdue</Badge> : null}
        </Flex>
      </Flex>
      {approved ? (
        <Button variant="tertiary" disabled={update.isLoading} onClick={markReviewed}>
          Mark reviewed today
        </Button>
      ) : null}
      {approved ? (
        <Button variant="secondary" disabled={newVersion.isLoading} onClick={makeVersion}>
          Make a new version
        </Button>
      ) : null}
      {review.versions.length > 1 ? (
        <Flex direction="column" alignItems="flex-start" gap={1} tag="section" aria-labelledby="pmo-document-versions" data-testid="pmo-document-versions">
          <Typography variant="sigma" textColor="neutral600" id="pmo-document-versions" tag="h3">
            Versions
          </Typography>
          {review.versions.map((version) => {
            const words = `Version ${version.version ?? 'without a number'} · ${LABELS[version.status]}${
              version.approvedAt ? `, approved ${formatDay(version.approvedAt)}` : ''
            }`;
            return version.documentId === review.documentId ? (
              <Typography key={version.documentId} variant="pi" fontWeight="bold" data-testid="pmo-document-version">
                {words} (this one)
              </Typography>
            ) : (
              <Link key={version.documentId} tag={NavLink} to={editPath(version.documentId)} data-testid="pmo-document-version">
                {words}
              </Link>
            );
          })}
        </Flex>
      ) : null}
    </Flex>
  );
};

/** Null (no panel) for other content types and while creating. */
export const DocumentReviewPanel = ({ model, collectionType, documentId, document }: PanelProps) => {
  const target = documentId ?? document?.documentId;
  if (model !== DOCUMENT_UID || !target) return null;
  return { title: 'Document review', content: <ReviewContent key={target} documentId={target} collectionType={collectionType} /> };
};
