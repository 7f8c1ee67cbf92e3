/**
 * The Content Manager edit view's panel for allocations: the months this allocation books its
 * person over their available capacity (PMO_ALLOCATION_LIMIT=warn saves it and warns). After a
 * save that leaves the person over-booked, the editor is also told in a notification, as the
 * server's answer carried the same `warnings`.
 */
import * as React from 'react';

import { Flex, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';

import { useAllocationWarnings } from '../../api/capacity';
import { ALLOCATION_UID } from '../../../../shared/contracts/uids';
import { useTranslate } from '../../utils/useTranslate';

type PanelProps = { model: string; documentId?: string; document?: { documentId?: string; updatedAt?: string; createdAt?: string } };

const JUST_CREATED_MS = 60_000;

const Warnings = ({ documentId, updatedAt, createdAt }: { documentId: string; updatedAt?: string; createdAt?: string }) => {
  const t = useTranslate();
  const { toggleNotification } = useNotification();
  const { data } = useAllocationWarnings(documentId, updatedAt);
  const seen = React.useRef<string | undefined>(undefined);
  const mounted = React.useRef<string | undefined>(updatedAt);
  React.useEffect(() => {
    if (!data || seen.current === updatedAt) return;
    seen.current = updatedAt;
    // Saved now: a later version than the page opened with, or a document created a moment ago.
    const saved = updatedAt !== mounted.current || (createdAt && Date.now() - Date.parse(createdAt) < JUST_CREATED_MS);
    if (saved && data.warnings.length) toggleNotification({ type: 'warning', message: data.warnings.join('; ') });
  }, [data, updatedAt, createdAt, toggleNotification]);
  if (!data) return null;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} data-testid="pmo-allocation-capacity">
      {data.warnings.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">{t('allocation.withinCapacity', 'Within the person’s capacity in every month it covers.')}</Typography>
      ) : (
        data.warnings.map((warning) => (
          <Typography key={warning} variant="pi" textColor="danger600">
            {warning}
          </Typography>
        ))
      )}
    </Flex>
  );
};

/** Null (no panel) for other content types and while creating. */
export const AllocationCapacityPanel = ({ model, documentId, document }: PanelProps) => {
  const target = documentId ?? document?.documentId;
  if (model !== ALLOCATION_UID || !target) return null;
  return { title: 'Capacity', content: <Warnings key={target} documentId={target} updatedAt={document?.updatedAt} createdAt={document?.createdAt} /> };
};
