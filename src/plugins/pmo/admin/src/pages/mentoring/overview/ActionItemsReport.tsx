/** Open or overdue action items across every relationship the viewer sees, the most overdue first, a page at a time. */
import { Badge, Box, Flex, Link, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Page } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';

import { useActionItems, type Paging } from '../../../api/mentoring';
import { ListPagination } from '../../../components/ListPagination';
import { useTranslate } from '../../../utils/useTranslate';
import { personName, useFormatDay } from '../display';
import { MENTORING_PATH } from '../relationship/RelationshipPage';

export const ActionItemsReport = ({
  status,
  onStatusChange,
  page = {},
}: {
  status: 'open' | 'overdue';
  onStatusChange: (status: 'open' | 'overdue') => void;
  page?: Paging;
}) => {
  const t = useTranslate();
  const formatDay = useFormatDay();
  const report = useActionItems(status, null, true, page);
  const items = report.data?.items ?? [];
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={4} alignItems="center">
        <Box style={{ width: 220 }}>
          <SingleSelect
            aria-label={t('mentoring.items.which', 'Which action items')}
            value={status}
            onChange={(value: string | number) => onStatusChange(value === 'overdue' ? 'overdue' : 'open')}
          >
            <SingleSelectOption value="overdue">{t('mentoring.items.onlyOverdue', 'Overdue only')}</SingleSelectOption>
            <SingleSelectOption value="open">{t('mentoring.items.allOpen', 'All open')}</SingleSelectOption>
          </SingleSelect>
        </Box>
        {report.data ? (
          <Typography variant="pi" textColor="neutral600">
            {t('mentoring.items.asOf', '{count, plural, one {# item} other {# items}} as of {date}', {
              count: report.data.pagination.total,
              date: formatDay(report.data.asOf),
            })}
          </Typography>
        ) : null}
      </Flex>
      {report.isLoading ? (
        <Page.Loading />
      ) : report.error ? (
        <Typography textColor="danger600">{report.error.message}</Typography>
      ) : items.length === 0 ? (
        <Typography variant="omega" textColor="neutral600" data-testid="pmo-items-report-empty">
          {status === 'overdue'
            ? t('mentoring.items.noneOverdue', 'Nothing is overdue.')
            : t('mentoring.items.noneOpen', 'No open action items.')}
        </Typography>
      ) : (
        <Table colCount={5} rowCount={items.length + 1} data-testid="pmo-items-report">
          <Thead>
            <Tr>
              <Th><Typography variant="sigma">{t('mentoring.items.item', 'Action item')}</Typography></Th>
              <Th><Typography variant="sigma">{t('mentoring.items.owner', 'Owner')}</Typography></Th>
              <Th><Typography variant="sigma">{t('mentoring.items.dueHeading', 'Due')}</Typography></Th>
              <Th><Typography variant="sigma">{t('mentoring.items.relationship', 'Relationship')}</Typography></Th>
              <Th><Typography variant="sigma">{t('mentoring.items.session', 'Session')}</Typography></Th>
            </Tr>
          </Thead>
          <Tbody>
            {items.map((item) => (
              <Tr key={item.id} data-testid="pmo-items-report-row" data-state={item.overdue ? 'overdue' : 'open'}>
                <Td style={{ maxWidth: 360 }}>
                  <Typography textColor="neutral800" ellipsis title={item.text}>
                    {item.text}
                  </Typography>
                </Td>
                <Td>
                  <Typography textColor="neutral800">{personName(item.ownerPerson)}</Typography>
                </Td>
                <Td>
                  <Flex gap={2}>
                    <Typography textColor={item.overdue ? 'danger600' : 'neutral800'} fontWeight={item.overdue ? 'bold' : undefined}>
                      {formatDay(item.dueDate)}
                    </Typography>
                    {item.overdue ? <Badge textColor="danger700" backgroundColor="danger100">{t('mentoring.items.overdue', 'Overdue')}</Badge> : null}
                  </Flex>
                </Td>
                <Td>
                  <Link tag={NavLink} to={`${MENTORING_PATH}/relationships/${encodeURIComponent(item.relationship.documentId)}`}>
                    {t('mentoring.relationship.title', '{mentor} → {mentee}', {
                      mentor: personName(item.relationship.mentor),
                      mentee: personName(item.relationship.mentee),
                    })}
                  </Link>
                </Td>
                <Td>
                  <Typography textColor="neutral800">{formatDay(item.session.date)}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {report.data && items.length ? <ListPagination pagination={report.data.pagination} /> : null}
    </Flex>
  );
};
