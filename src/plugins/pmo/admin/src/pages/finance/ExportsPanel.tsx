/**
 * Exports: choose a report and its filters, preview the first rows, download. The download
 * streams to the file the user picks (File System Access API) with bytes shown as they arrive;
 * without that API it gathers into a Blob and saves through a link (the browser then holds the
 * file until saved: the documented limitation of that fallback).
 */
import * as React from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  Grid,
  Link,
  Main,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { NavLink, useSearchParams } from 'react-router-dom';

import {
  REPORTS,
  REPORT_FILTERS,
  downloadExport,
  exportPath,
  previewExport,
  type Delimiter,
  type ReportFilter,
  type ReportName,
} from '../../api/finance';
import { useTranslate } from '../../utils/useTranslate';

const FILTER_LABELS: Record<ReportFilter, string> = { asOf: 'As of', programme: 'Programme (code or documentId)', project: 'Project (code or documentId)', from: 'From', to: 'To' };
const PREVIEW_ROWS = 20;

const formatBytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 ** 2).toFixed(1)} MB`);

type DownloadState =
  | { status: 'idle' }
  | { status: 'running'; bytes: number }
  | { status: 'done'; bytes: number; filename: string; mode: string }
  | { status: 'error'; message: string };

export const ExportsPanel = () => {
  const t = useTranslate();
  const [search] = useSearchParams();
  const initialReport = (REPORTS as readonly string[]).includes(search.get('report') ?? '') ? (search.get('report') as ReportName) : 'financial-summary';
  const [report, setReport] = React.useState<ReportName>(initialReport);
  const [filters, setFilters] = React.useState<Record<string, string>>({
    asOf: search.get('asOf') ?? '',
    programme: search.get('programme') ?? '',
    project: search.get('project') ?? '',
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
  });
  const [delimiter, setDelimiter] = React.useState<Delimiter>(',');
  const [preview, setPreview] = React.useState<{ rows: string[][]; error?: string; loading: boolean } | null>(null);
  const [download, setDownload] = React.useState<DownloadState>({ status: 'idle' });
  const abort = React.useRef<AbortController | null>(null);

  const path = exportPath(report, {
    ...Object.fromEntries(REPORT_FILTERS[report].map((key) => [key, filters[key] ?? ''])),
    ...(delimiter === ';' ? { delimiter: ';' } : {}),
  });

  const runPreview = async () => {
    setPreview({ rows: [], loading: true });
    try {
      setPreview({ rows: await previewExport(path, PREVIEW_ROWS + 1), loading: false });
    } catch (error) {
      setPreview({ rows: [], loading: false, error: error instanceof Error ? error.message : String(error) });
    }
  };

  const runDownload = async () => {
    abort.current = new AbortController();
    setDownload({ status: 'running', bytes: 0 });
    try {
      const result = await downloadExport(path, `${report}.csv`, (bytes) => setDownload({ status: 'running', bytes }), abort.current.signal);
      setDownload({ status: 'done', ...result });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setDownload(error instanceof DOMException && error.name === 'AbortError' ? { status: 'idle' } : { status: 'error', message });
    }
  };

  const [header, ...rows] = preview?.rows ?? [];

  return (
    <Main>
      <Layouts.Header
        navigationAction={<Link tag={NavLink} to="..">{t('finance.back', 'Finance')}</Link>}
        title={t('finance.exports.title', 'Exports')}
        subtitle={t('finance.exports.subtitle', 'CSV files: UTF-8, one header row, CRLF.')}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Grid.Root gap={4}>
            <Grid.Item col={4} s={12}>
              <Field.Root name="report" width="100%">
                <Field.Label>{t('finance.exports.report', 'Report')}</Field.Label>
                <SingleSelect value={report} onChange={(value: string | number) => { setReport(value as ReportName); setPreview(null); }}>
                  {REPORTS.map((name) => (
                    <SingleSelectOption key={name} value={name}>{name}</SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={2} s={12}>
              <Field.Root name="delimiter" width="100%">
                <Field.Label>{t('finance.exports.delimiter', 'Delimiter')}</Field.Label>
                <SingleSelect value={delimiter} onChange={(value: string | number) => setDelimiter(value === ';' ? ';' : ',')}>
                  <SingleSelectOption value=",">,</SingleSelectOption>
                  <SingleSelectOption value=";">;</SingleSelectOption>
                </SingleSelect>
              </Field.Root>
            </Grid.Item>
            {REPORT_FILTERS[report].map((key) => (
              <Grid.Item key={key} col={3} s={12}>
                <Field.Root name={key} width="100%">
                  <Field.Label>{FILTER_LABELS[key]}</Field.Label>
                  <TextInput
                    type={key === 'programme' || key === 'project' ? 'text' : 'date'}
                    value={filters[key] ?? ''}
                    onChange={(e: React.ChangeEvent<HTMLInputElement>) => setFilters((f) => ({ ...f, [key]: e.target.value }))}
                  />
                </Field.Root>
              </Grid.Item>
            ))}
          </Grid.Root>
          <Flex gap={2}>
            <Button variant="secondary" onClick={runPreview} loading={preview?.loading}>
              {t('finance.exports.preview', 'Preview')}
            </Button>
            <Button onClick={runDownload} disabled={download.status === 'running'}>
              {t('finance.exports.download', 'Download')}
            </Button>
            {download.status === 'running' && (
              <Button variant="tertiary" onClick={() => abort.current?.abort()}>
                {t('finance.exports.cancel', 'Cancel')}
              </Button>
            )}
            <Typography variant="pi" textColor="neutral600">
              <code>{path}</code>
            </Typography>
          </Flex>
          <Box role="status" data-testid="finance-download-status">
            {download.status === 'running' && (
              <Flex gap={2}>
                <progress aria-label="Bytes received" />
                <Typography>{t('finance.exports.received', 'Received {bytes}', { bytes: formatBytes(download.bytes) })}</Typography>
              </Flex>
            )}
            {download.status === 'done' && (
              <Typography textColor="success600">
                {t('finance.exports.done', 'Saved {filename}: {bytes}', { filename: download.filename, bytes: formatBytes(download.bytes) })}
              </Typography>
            )}
            {download.status === 'error' && <Typography textColor="danger600">{download.message}</Typography>}
          </Box>
          {preview?.error && <Typography textColor="danger600">{preview.error}</Typography>}
          {header && (
            <Box overflow="auto">
              <Table colCount={header.length} rowCount={rows.length + 1} data-testid="finance-export-preview">
                <Thead>
                  <Tr>
                    {header.map((cell, i) => (
                      <Th key={i}><Typography variant="sigma">{cell}</Typography></Th>
                    ))}
                  </Tr>
                </Thead>
                <Tbody>
                  {rows.map((row, r) => (
                    <Tr key={r}>
                      {row.map((cell, i) => (
                        <Td key={i}><Typography variant="omega">{cell}</Typography></Td>
                      ))}
                    </Tr>
                  ))}
                </Tbody>
              </Table>
              <Typography variant="pi" textColor="neutral600">
                {t('finance.exports.previewNote', 'The first {n} rows.', { n: rows.length })}
              </Typography>
            </Box>
          )}
        </Flex>
      </Layouts.Content>
    </Main>
  );
};
