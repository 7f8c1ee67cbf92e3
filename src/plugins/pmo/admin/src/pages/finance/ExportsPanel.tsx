/**
 * Exports: choose a report (its name and what it holds), its programme, project and dates, preview
 * its first rows in words, download the CSV. The download streams to the file the user picks (File
 * System Access API) with progress shown as the bytes arrive; without that API it gathers into a
 * Blob and saves through a link (the browser then holds the file until saved: the documented
 * limitation of that fallback). The address finance systems call is in the README, not here.
 */
import * as React from 'react';
import { Box, Button, Flex, Grid, Link, Main, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Layouts } from '@strapi/strapi/admin';
import { NavLink, useSearchParams } from 'react-router-dom';

import {
  REPORTS,
  REPORT_FILTERS,
  downloadExport,
  exportPath,
  previewExport,
  useEntity,
  type Delimiter,
  type ReportFilter,
  type ReportName,
} from '../../api/finance';
import { DateField, SelectField } from '../../components/fields';
import { SearchPicker, pickedItem, type Picked } from '../../components/SearchPicker';
import { useTranslate } from '../../utils/useTranslate';
import { ExportPreview } from './ExportPreview';
import { REPORT_WORDS } from './words';

const PREVIEW_ROWS = 20;

/** What `from` and `to` bound in each report that takes them. */
const RANGE_HINTS: Partial<Record<ReportName, string>> = {
  'budget-outline': 'Whole budget months',
  'cost-ledger': 'Cost entry dates, inclusive',
  'change-log': 'Decision dates, inclusive',
};

const formatBytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 ** 2).toFixed(1)} MB`);

type DownloadState =
  | { status: 'idle' }
  | { status: 'running'; bytes: number }
  | { status: 'done'; bytes: number; filename: string }
  | { status: 'error'; message: string };

type Preview = { rows: string[][]; error?: string; loading: boolean };

/**
 * A programme or project filter: the one the page was opened with (a documentId in the address,
 * shown by name once the Content Manager answers, and applied even before), until the user picks
 * another. Answers what the picker shows, what the export is filtered on, and the setter.
 */
function usePick(kind: 'programme' | 'project', fromAddress: string | null) {
  const [picked, setPicked] = React.useState<Picked | null>(null);
  const [touched, setTouched] = React.useState(false);
  const entity = useEntity(kind, touched ? undefined : (fromAddress ?? undefined));
  const shown = touched ? picked : entity.data ? pickedItem(entity.data) : null;
  const filter = touched ? (picked?.documentId ?? '') : (fromAddress ?? '');
  const pick = (next: Picked | null) => {
    setTouched(true);
    setPicked(next);
  };
  return [shown, filter, pick] as const;
}

export const ExportsPanel = () => {
  const t = useTranslate();
  const [search] = useSearchParams();
  const initialReport = (REPORTS as readonly string[]).includes(search.get('report') ?? '') ? (search.get('report') as ReportName) : 'financial-summary';
  const [report, setReport] = React.useState<ReportName>(initialReport);
  const [dates, setDates] = React.useState({ asOf: search.get('asOf') ?? '', from: search.get('from') ?? '', to: search.get('to') ?? '' });
  const [programme, programmeFilter, setProgramme] = usePick('programme', search.get('programme'));
  const [project, projectFilter, setProject] = usePick('project', search.get('project'));
  const [delimiter, setDelimiter] = React.useState<Delimiter>(',');
  const [preview, setPreview] = React.useState<Preview | null>(null);
  const [download, setDownload] = React.useState<DownloadState>({ status: 'idle' });
  const abort = React.useRef<AbortController | null>(null);

  const running = download.status === 'running';
  const takes = (filter: ReportFilter) => REPORT_FILTERS[report].includes(filter);
  const rangeError = takes('from') && dates.from && dates.to && dates.from > dates.to ? t('finance.exports.rangeError', 'The end date is before the start date') : undefined;
  const title = REPORT_WORDS[report].title;

  /** Any change of report or filter: the preview and the last message no longer apply. */
  const changed = () => {
    setPreview(null);
    setDownload({ status: 'idle' });
  };
  const chooseReport = (value: string) => {
    setReport(value as ReportName);
    changed();
  };

  const values: Record<ReportFilter, string> = { ...dates, programme: programmeFilter, project: projectFilter };
  const path = exportPath(report, {
    ...Object.fromEntries(REPORT_FILTERS[report].map((key) => [key, values[key]])),
    ...(delimiter === ';' ? { delimiter: ';' } : {}),
  });

  const runPreview = async () => {
    setDownload({ status: 'idle' });
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
      setDownload({ status: 'done', bytes: result.bytes, filename: result.filename });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setDownload(error instanceof DOMException && error.name === 'AbortError' ? { status: 'idle' } : { status: 'error', message });
    }
  };

  const dateField = (key: 'asOf' | 'from' | 'to', label: string, hint?: string, error?: string) => (
    <Grid.Item key={key} col={3} s={6} xs={12} direction="column" alignItems="stretch">
      <DateField
        name={key}
        label={label}
        hint={hint}
        error={error}
        disabled={running}
        value={dates[key]}
        onChange={(value) => {
          setDates((d) => ({ ...d, [key]: value }));
          changed();
        }}
      />
    </Grid.Item>
  );

  return (
    <Main>
      <Layouts.Header
        navigationAction={<Link tag={NavLink} to="..">{t('finance.back', 'Finance')}</Link>}
        title={t('finance.exports.title', 'Exports')}
        subtitle={t('finance.exports.subtitle', 'Reports for finance as CSV files, to open in a spreadsheet or load into a finance system.')}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Grid.Root gap={4}>
              <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
                <SelectField
                  name="report"
                  label={t('finance.exports.report', 'Report')}
                  hint={REPORT_WORDS[report].description}
                  disabled={running}
                  value={report}
                  onChange={chooseReport}
                  options={REPORTS.map((name) => ({ value: name, label: REPORT_WORDS[name].title }))}
                />
              </Grid.Item>
              <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                <SelectField
                  name="delimiter"
                  label={t('finance.exports.delimiter', 'Columns separated by')}
                  hint={t('finance.exports.delimiterHint', 'Semicolons suit spreadsheets that write decimals with a comma')}
                  disabled={running}
                  value={delimiter}
                  onChange={(value) => {
                    setDelimiter(value === ';' ? ';' : ',');
                    changed();
                  }}
                  options={[
                    { value: ',', label: t('finance.exports.comma', 'Commas') },
                    { value: ';', label: t('finance.exports.semicolon', 'Semicolons') },
                  ]}
                />
              </Grid.Item>
              {takes('asOf') && dateField('asOf', t('finance.asOf', 'As of'), t('finance.exports.asOfHint', 'Earned value on this date; today when empty'))}
              <Grid.Item col={takes('asOf') ? 4 : 3} s={6} xs={12} direction="column" alignItems="stretch">
                <SearchPicker
                  type="programme"
                  name="programme"
                  label={t('finance.programme', 'Programme')}
                  hint={t('finance.exports.everyProgramme', 'Every programme when empty')}
                  disabled={running}
                  value={programme}
                  onChange={(value) => {
                    setProgramme(value);
                    changed();
                  }}
                />
              </Grid.Item>
              <Grid.Item col={takes('asOf') ? 5 : 3} s={6} xs={12} direction="column" alignItems="stretch">
                <SearchPicker
                  type="project"
                  name="project"
                  label={t('finance.project', 'Project')}
                  hint={t('finance.exports.everyProject', 'Every project when empty')}
                  disabled={running}
                  value={project}
                  onChange={(value) => {
                    setProject(value);
                    changed();
                  }}
                />
              </Grid.Item>
              {takes('from') && dateField('from', t('finance.from', 'From'), RANGE_HINTS[report])}
              {takes('to') && dateField('to', t('finance.to', 'To'), RANGE_HINTS[report], rangeError)}
            </Grid.Root>
            <Flex gap={2} paddingTop={6} alignItems="center" wrap="wrap">
              <Button variant="secondary" onClick={runPreview} loading={preview?.loading} disabled={running || Boolean(rangeError)}>
                {t('finance.exports.preview', 'Preview')}
              </Button>
              <Button startIcon={<Download />} onClick={runDownload} loading={running} disabled={Boolean(rangeError)}>
                {t('finance.exports.download', 'Download')}
              </Button>
              {running && (
                <Button variant="tertiary" onClick={() => abort.current?.abort()}>
                  {t('finance.exports.cancel', 'Cancel download')}
                </Button>
              )}
            </Flex>
          </Box>
          <Box role="status" aria-live="polite" data-testid="finance-download-status">
            {running && (
              <Flex gap={3} alignItems="center">
                <progress aria-label={t('finance.exports.progress', 'Download in progress')} style={{ width: 160 }} />
                <Typography>
                  {t('finance.exports.received', '{title}: downloading, {bytes} received', { title, bytes: formatBytes(download.bytes) })}
                </Typography>
              </Flex>
            )}
            {download.status === 'done' && (
              <Typography textColor="success600">
                {t('finance.exports.done', 'Saved {filename} ({bytes})', { filename: download.filename, bytes: formatBytes(download.bytes) })}
              </Typography>
            )}
            {download.status === 'error' && <Typography textColor="danger600">{download.message}</Typography>}
            {preview?.error && <Typography textColor="danger600">{preview.error}</Typography>}
          </Box>
          {preview && preview.rows.length > 0 && <ExportPreview rows={preview.rows} title={title} />}
        </Flex>
      </Layouts.Content>
    </Main>
  );
};
