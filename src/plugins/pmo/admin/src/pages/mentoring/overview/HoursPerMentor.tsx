/**
 * Mentoring hours per mentor per calendar quarter over a period, as bars in a table (a page at a time, the
 * bars on one scale for the whole period), and the same
 * figures as a CSV download (no notes in it). The export needs the admin's token, so it is
 * fetched as a Blob through the fetch client and saved from the page.
 */
import * as React from 'react';

import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Page, useNotification } from '@strapi/strapi/admin';

import { fieldErrors } from '../../../api/client';
import { useHours, useHoursCsv, type HoursRow, type Paging } from '../../../api/mentoring';
import { ListPagination } from '../../../components/ListPagination';
import { useTranslate } from '../../../utils/useTranslate';
import { todayIso } from '../display';
import { DateField } from '../../../components/fields';

/** The first day of the quarter three quarters before today's: the last four quarters. */
export function fourQuartersAgo(today = todayIso()) {
  const year = Number(today.slice(0, 4));
  const quarterStartMonth = Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3; // 0, 3, 6, 9
  const month = quarterStartMonth - 9;
  const start = new Date(Date.UTC(year, month, 1));
  return start.toISOString().slice(0, 10);
}

function saveFile(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const HoursPerMentor = ({ page = {} }: { page?: Paging }) => {
  const t = useTranslate();
  const { toggleNotification } = useNotification();
  const [period, setPeriod] = React.useState<{ from: string; to: string }>(() => ({ from: fourQuartersAgo(), to: '' }));
  const query = { from: period.from || null, to: period.to || null };
  const hours = useHours(query, page);
  const csv = useHoursCsv();
  const errors = fieldErrors(hours.error);
  const rows = hours.data?.rows ?? [];
  // One scale for the whole period, so a bar means the same length on every page.
  const most = Math.max(1, hours.data?.mostMinutes ?? 0);

  const download = () =>
    csv.mutate(query, {
      onSuccess: (blob) => saveFile(blob, 'mentoring-hours.csv'),
      onError: (error) => toggleNotification({ type: 'danger', message: error.message }),
    });

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={4} alignItems="flex-end" wrap="wrap">
        <Box style={{ width: 200 }}>
          <DateField
            name="from"
            label={t('mentoring.hours.from', 'From')}
            error={errors.from?.join(' ')}
            value={period.from}
            onChange={(from) => setPeriod((p) => ({ ...p, from }))}
          />
        </Box>
        <Box style={{ width: 200 }}>
          <DateField
            name="to"
            label={t('mentoring.hours.to', 'To')}
            error={errors.to?.join(' ')}
            value={period.to}
            onChange={(to) => setPeriod((p) => ({ ...p, to }))}
          />
        </Box>
        <Button variant="secondary" size="L" startIcon={<Download />} onClick={download} loading={csv.isLoading} data-testid="pmo-hours-csv">
          {t('mentoring.hours.download', 'Download CSV')}
        </Button>
      </Flex>
      {hours.isLoading ? (
        <Page.Loading />
      ) : hours.error && !Object.keys(errors).length ? (
        <Typography textColor="danger600">{hours.error.message}</Typography>
      ) : rows.length === 0 ? (
        <Typography variant="omega" textColor="neutral600" data-testid="pmo-hours-empty">
          {t('mentoring.hours.none', 'No sessions in this period.')}
        </Typography>
      ) : (
        <HoursTable rows={rows} most={most} />
      )}
      {hours.data && rows.length ? <ListPagination pagination={hours.data.pagination} defaultPageSize={100} /> : null}
    </Flex>
  );
};

const HoursTable = ({ rows, most }: { rows: HoursRow[]; most: number }) => {
  const t = useTranslate();
  return (
    <Table colCount={5} rowCount={rows.length + 1} data-testid="pmo-hours">
      <Thead>
        <Tr>
          <Th><Typography variant="sigma">{t('mentoring.hours.quarter', 'Quarter')}</Typography></Th>
          <Th><Typography variant="sigma">{t('mentoring.relationship.mentor', 'Mentor')}</Typography></Th>
          <Th><Typography variant="sigma">{t('mentoring.relationship.sessions', 'Sessions')}</Typography></Th>
          <Th><Typography variant="sigma">{t('mentoring.hours.hours', 'Hours')}</Typography></Th>
          <Th style={{ width: '40%' }}>
            <Typography variant="sigma">{t('mentoring.hours.chart', 'Hours (bar)')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row, index) => {
          const firstOfQuarter = index === 0 || rows[index - 1].quarter !== row.quarter;
          return (
            <Tr key={`${row.quarter}-${row.mentor.documentId}`} data-testid="pmo-hours-row">
              <Td>
                <Typography textColor="neutral800" fontWeight={firstOfQuarter ? 'bold' : undefined}>
                  {firstOfQuarter ? row.quarter : ''}
                </Typography>
              </Td>
              <Td>
                <Typography textColor="neutral800">{row.mentor.fullName}</Typography>
              </Td>
              <Td>
                <Typography textColor="neutral800">{row.sessions}</Typography>
              </Td>
              <Td>
                <Typography textColor="neutral800">{row.hours}</Typography>
              </Td>
              <Td>
                <Box
                  aria-hidden
                  hasRadius
                  style={{ height: 14, width: `${Math.max(2, (row.minutes / most) * 100)}%`, background: '#4945FF' }}
                />
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
