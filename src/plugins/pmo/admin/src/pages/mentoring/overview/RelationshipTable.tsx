/** Relationships in a table: who, status, focus, sessions and hours, and what is still open. */
import { Badge, Flex, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';

import type { MentoringRelationship } from '../../../api/mentoring';
import { useTranslate } from '../../../utils/useTranslate';
import { STATUS_BADGE, duration, personName, useFormatDay } from '../display';
import { MENTORING_PATH, statusLabel } from '../relationship/RelationshipPage';

export const RelationshipTable = ({
  relationships,
  showMyRole,
  testId,
}: {
  relationships: MentoringRelationship[];
  showMyRole: boolean;
  testId: string;
}) => {
  const t = useTranslate();
  const formatDay = useFormatDay();
  const columns = showMyRole ? 8 : 7;
  return (
    <Table colCount={columns} rowCount={relationships.length + 1} data-testid={testId}>
      <Thead>
        <Tr>
          <Th><Typography variant="sigma">{t('mentoring.relationship.mentor', 'Mentor')}</Typography></Th>
          <Th><Typography variant="sigma">{t('mentoring.relationship.mentee', 'Mentee')}</Typography></Th>
          {showMyRole ? <Th><Typography variant="sigma">{t('mentoring.table.myRole', 'My role')}</Typography></Th> : null}
          <Th><Typography variant="sigma">{t('mentoring.relationshipForm.status', 'Status')}</Typography></Th>
          <Th><Typography variant="sigma">{t('mentoring.relationship.focus', 'Focus competencies')}</Typography></Th>
          <Th><Typography variant="sigma">{t('mentoring.relationship.sessions', 'Sessions')}</Typography></Th>
          <Th><Typography variant="sigma">{t('mentoring.relationship.lastSession', 'Last session')}</Typography></Th>
          <Th><Typography variant="sigma">{t('mentoring.items.heading', 'Action items')}</Typography></Th>
        </Tr>
      </Thead>
      <Tbody>
        {relationships.map((r) => {
          const to = `${MENTORING_PATH}/relationships/${encodeURIComponent(r.documentId)}`;
          return (
            <Tr key={r.documentId} data-testid="pmo-relationship-row" data-relationship={r.documentId}>
              <Td>
                <Link tag={NavLink} to={to}>
                  {personName(r.mentor)}
                </Link>
              </Td>
              <Td>
                <Link tag={NavLink} to={to}>
                  {personName(r.mentee)}
                </Link>
              </Td>
              {showMyRole ? (
                <Td>
                  <Typography textColor="neutral800">
                    {r.myRole === 'mentor'
                      ? t('mentoring.owner.mentor', 'Mentor')
                      : r.myRole === 'mentee'
                        ? t('mentoring.owner.mentee', 'Mentee')
                        : t('mentoring.role.oversight', 'Oversight')}
                  </Typography>
                </Td>
              ) : null}
              <Td>
                <Badge variant={STATUS_BADGE[r.status]}>{statusLabel(t, r.status)}</Badge>
              </Td>
              <Td style={{ maxWidth: 280 }}>
                <Typography textColor="neutral800" ellipsis title={r.focusCompetencies.map((c) => c.name).join(', ')}>
                  {r.focusCompetencies.map((c) => c.name).join(', ') || '—'}
                </Typography>
              </Td>
              <Td>
                <Typography textColor="neutral800">
                  {t('mentoring.relationship.sessionsValue', '{count, plural, one {# session} other {# sessions}} · {time}', {
                    count: r.summary.sessions,
                    time: duration(r.summary.minutes),
                  })}
                </Typography>
              </Td>
              <Td>
                <Typography textColor="neutral800">{formatDay(r.summary.lastSessionDate)}</Typography>
              </Td>
              <Td>
                <Flex gap={1}>
                  <Typography textColor="neutral800">
                    {t('mentoring.table.open', '{count} open', { count: r.summary.openActionItems })}
                  </Typography>
                  {r.summary.overdueActionItems ? (
                    <Badge textColor="danger700" backgroundColor="danger100">
                      {t('mentoring.items.overdueCount', '{count} overdue', { count: r.summary.overdueActionItems })}
                    </Badge>
                  ) : null}
                </Flex>
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
