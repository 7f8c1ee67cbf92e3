/**
 * "Highlight report (PDF)": downloads a project's or programme's highlight report as of the day
 * the page shows, with the exports panel's feedback: progress while the bytes arrive, where it was
 * saved, or the server's refusal in its words. Used by the finance and gates pages.
 */
import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';

import { today } from '../../../shared/calendar';
import { downloadHighlightReport, type HighlightLevel } from '../api/reports';
import { useTranslate } from '../utils/useTranslate';

const formatBytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 ** 2).toFixed(1)} MB`);

type State =
  | { status: 'idle' }
  | { status: 'running'; bytes: number }
  | { status: 'done'; bytes: number; filename: string }
  | { status: 'error'; message: string };

export const HighlightReportButton = ({
  level,
  documentId,
  asOf,
  code,
}: {
  level: HighlightLevel;
  documentId: string | undefined;
  /** The day the report is as of (`YYYY-MM-DD`); today when absent. */
  asOf?: string;
  /** The project's or programme's code, for the name the file is offered under. */
  code?: string;
}) => {
  const t = useTranslate();
  const [state, setState] = React.useState<State>({ status: 'idle' });
  const abort = React.useRef<AbortController | null>(null);
  const running = state.status === 'running';

  const run = async () => {
    if (!documentId) return;
    abort.current = new AbortController();
    setState({ status: 'running', bytes: 0 });
    try {
      const result = await downloadHighlightReport(level, documentId, { asOf, code, today: today() }, (bytes) => setState({ status: 'running', bytes }), abort.current.signal);
      setState({ status: 'done', bytes: result.bytes, filename: result.filename });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setState(error instanceof DOMException && error.name === 'AbortError' ? { status: 'idle' } : { status: 'error', message });
    }
  };

  return (
    <Flex direction="column" alignItems="flex-start" gap={2}>
      <Flex gap={2}>
        <Button variant="secondary" startIcon={<Download />} onClick={run} loading={running} disabled={!documentId} data-testid="pmo-highlight-report">
          {t('reports.highlight.download', 'Highlight report (PDF)')}
        </Button>
        {running && (
          <Button variant="tertiary" onClick={() => abort.current?.abort()}>
            {t('reports.highlight.cancel', 'Cancel download')}
          </Button>
        )}
      </Flex>
      <Box role="status" aria-live="polite" data-testid="pmo-highlight-report-status">
        {running && (
          <Flex gap={3} alignItems="center">
            <progress aria-label={t('reports.highlight.progress', 'Download in progress')} style={{ width: 120 }} />
            <Typography variant="pi">{t('reports.highlight.received', 'Highlight report: downloading, {bytes} received', { bytes: formatBytes(state.bytes) })}</Typography>
          </Flex>
        )}
        {state.status === 'done' && (
          <Typography variant="pi" textColor="success600">
            {t('reports.highlight.done', 'Saved {filename} ({bytes})', { filename: state.filename, bytes: formatBytes(state.bytes) })}
          </Typography>
        )}
        {state.status === 'error' && (
          <Typography variant="pi" textColor="danger600">
            {state.message}
          </Typography>
        )}
      </Box>
    </Flex>
  );
};
