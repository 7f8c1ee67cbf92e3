/** How change requests read on the change-control pages: money, states, authority. */
import { Typography } from '@strapi/design-system';

import type { AuthorityLevel, ChangeRequestDetail } from '../../api/changeRequests';
import { useWorkflow } from '../../api/client';
import { CHANGE_CONTROL_WORKFLOW } from '../../api/changeRequests';
import { StateBadge } from '../../components/StateBadge';
import { formatMoney } from '../../components/formatMoney';
import type { WorkflowDefinition } from '../../../../shared/contracts/workflow';
import type { Translate } from '../../utils/useTranslate';

/**
 * A decimal string from the server ("-1234.50") grouped for reading ("-1,234.50"), exactly and
 * whatever its size (a BAC may add up past the largest single amount): the one money formatter.
 */
export const formatAmount = (decimal: string | null | undefined, currency?: string): string => formatMoney({ decimal }, currency);

export const Amount = ({ value, currency, ...rest }: { value: string | null | undefined; currency?: string; 'data-testid'?: string }) => (
  <Typography variant="omega" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid={rest['data-testid']}>
    {formatAmount(value, currency)}
  </Typography>
);

/** The change-control definition (state names and colours, transition quorums). */
export function useChangeControlDefinition(): WorkflowDefinition | undefined {
  return useWorkflow(CHANGE_CONTROL_WORKFLOW, { staleTime: 60_000 }).data?.definition;
}

export const ChangeStateBadge = ({
  state,
  definition,
  size,
}: {
  state: string | null;
  definition: WorkflowDefinition | undefined;
  size?: 'S' | 'M';
}) => {
  if (!state) return <Typography textColor="neutral600">—</Typography>;
  const known = definition?.states.find((s) => s.key === state);
  return (
    <StateBadge
      name={known?.name ?? state}
      color={known?.color}
      size={size}
      title={state}
      data-testid="cr-state"
    />
  );
};

/** The authorize transition each authority level decides with (change-control.json). */
export const DECIDING_TRANSITION: Record<AuthorityLevel, string> = {
  'project-manager': 'authorize-pm',
  'change-board': 'authorize',
  'pmo-director': 'authorize-director',
};

export function authorityName(level: AuthorityLevel | null, t: Translate): string {
  switch (level) {
    case 'project-manager':
      return t('cr.authority.pm', 'Project manager');
    case 'change-board':
      return t('cr.authority.board', 'Change board');
    case 'pmo-director':
      return t('cr.authority.director', 'PMO director');
    default:
      return t('cr.authority.none', 'Not assessed');
  }
}

/** Who decides at a level, with the quorum the definition sets for its authorize transition. */
export function whoDecides(change: ChangeRequestDetail, definition: WorkflowDefinition | undefined, t: Translate): string {
  const level = change.authority?.level ?? change.authorityLevel;
  if (!level) return t('cr.who.none', 'Nobody yet: the cost impact is not assessed.');
  const approvals = definition?.transitions.find((tr) => tr.key === DECIDING_TRANSITION[level])?.approvals;
  const quorum = approvals?.quorum ?? (level === 'change-board' ? 2 : 1);
  if (level === 'project-manager') {
    return t('cr.who.pm', 'The manager of project {project}, who may not be the requester.', {
      project: change.project?.code ?? '',
    });
  }
  if (level === 'change-board') {
    return t('cr.who.board', 'The change board: {quorum} members, neither the requester nor whoever sent it for authorisation.', {
      quorum,
    });
  }
  return t('cr.who.director', 'A PMO director ({quorum} needed), not the requester.', { quorum });
}

export const TYPE_LABELS: Record<string, string> = {
  normal: 'Normal',
  standard: 'Standard',
  emergency: 'Emergency',
};

export const CATEGORY_LABELS: Record<string, string> = {
  'request-for-change': 'Request for change',
  'off-specification': 'Off-specification',
  problem: 'Problem',
};

export const capitalise = (text: string | null | undefined) => (text ? text.charAt(0).toUpperCase() + text.slice(1) : '—');
