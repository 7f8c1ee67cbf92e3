/**
 * A heat-map cell's drill-down: the allocations of the person that overlap the month, each with
 * its project, role, dates, approval state (requested ones marked tentative) and the share of the
 * month it adds. Declined ones are listed struck through: they never count.
 */
import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';

import { usePersonCapacity } from '../../api/capacity';
import { formatDay, formatMonth } from '../../utils/dates';
import { useTranslate } from '../../utils/useTranslate';
import { percent } from './words';

export const STATE_WORDS = { requested: 'Requested (tentative)', approved: 'Approved (booked)', declined: 'Declined (not counted)' } as const;

export const CellAllocations = ({ person, fullName, month, onClose }: { person: string; fullName: string; month: string; onClose: () => void }) => {
  const t = useTranslate();
  const { data, error } = usePersonCapacity(person, month);
  return (
    <Box marginTop={4} background="neutral0" padding={4} hasRadius shadow="tableShadow" data-testid="pmo-capacity-cell-allocations">
      <Flex justifyContent="space-between">
        <Typography variant="delta" tag="h2">{t('capacity.cellTitle', '{person} in {month}', { person: fullName, month: formatMonth(month) })}</Typography>
        <Button variant="tertiary" onClick={onClose}>{t('capacity.close', 'Close')}</Button>
      </Flex>
      {error ? <Typography textColor="danger600">{error.message}</Typography> : null}
      {data && data.allocations.length === 0 ? <Typography>{t('capacity.noAllocations', 'No allocation in this month.')}</Typography> : null}
      {data && data.allocations.length ? (
        <table style={{ width: '100%', marginTop: 8 }}>
          <thead>
            <tr>
              {[t('capacity.col.project', 'Project'), t('capacity.col.role', 'Role'), t('capacity.col.dates', 'Dates'), t('capacity.col.percent', 'Percent'), t('capacity.col.inMonth', 'Share of the month'), t('capacity.col.state', 'Approval')].map((label) => (
                <th key={label} scope="col" style={{ textAlign: 'left' }}><Typography variant="sigma">{label}</Typography></th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.allocations.map((allocation) => (
              <tr key={allocation.documentId} data-state={allocation.state} style={{ textDecoration: allocation.state === 'declined' ? 'line-through' : undefined, fontStyle: allocation.state === 'requested' ? 'italic' : undefined }}>
                <td><Typography>{allocation.project ? `${allocation.project.code} ${allocation.project.name}` : '—'}</Typography></td>
                <td><Typography>{allocation.role ?? '—'}</Typography></td>
                <td><Typography>{formatDay(allocation.startDate)} – {formatDay(allocation.endDate)}</Typography></td>
                <td><Typography>{percent(allocation.percent)}</Typography></td>
                <td><Typography>{allocation.inMonth === null ? '—' : percent(allocation.inMonth)}</Typography></td>
                <td>
                  <Badge active={allocation.state === 'approved'} backgroundColor={allocation.state === 'requested' ? 'warning100' : allocation.state === 'declined' ? 'neutral150' : 'success100'}>
                    {t(`capacity.state.${allocation.state}`, STATE_WORDS[allocation.state])}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Box>
  );
};
