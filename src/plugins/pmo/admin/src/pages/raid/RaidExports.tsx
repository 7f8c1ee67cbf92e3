/**
 * The registers as files, for the scope the page shows: the risk register, issue log, decision log
 * and lessons learned, each as CSV (for other systems) or XLSX (to read), downloaded as the
 * finance exports are (streamed, with where it was saved or the server's refusal in its words).
 */
import * as React from 'react';

import { Button, Flex, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';

import { downloadExport } from '../../api/finance';
import { RAID_REPORTS, raidExportPath, type RaidFilters, type RaidReport } from '../../api/raid';
import { Section } from '../../components/Section';
import type { Translate } from '../../utils/useTranslate';

type State = { status: 'idle' } | { status: 'running'; what: string } | { status: 'done'; filename: string } | { status: 'error'; message: string };

export const reportWords = (t: Translate, report: RaidReport) =>
  ({
    'risk-register': t('raid.exports.riskRegister', 'Risk register'),
    'issue-log': t('raid.exports.issueLog', 'Issue log'),
    'decision-log': t('raid.exports.decisionLog', 'Decision log'),
    lessons: t('raid.exports.lessons', 'Lessons learned'),
  })[report];

export const RaidExports = ({ filters, scopeName, t }: { filters: RaidFilters; scopeName: string; t: Translate }) => {
  const [state, setState] = React.useState<State>({ status: 'idle' });

  const run = async (report: RaidReport, format: 'csv' | 'xlsx') => {
    const what = `${reportWords(t, report)} (${format.toUpperCase()})`;
    setState({ status: 'running', what });
    try {
      const result = await downloadExport(raidExportPath(report, format, filters), `${report}.${format}`, () => undefined);
      setState({ status: 'done', filename: result.filename });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return setState({ status: 'idle' });
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <Section title={t('raid.exports.title', 'Download the registers')} data-testid="pmo-raid-exports">
      <Typography variant="pi" textColor="neutral600">
        {t('raid.exports.scope', 'The entries of {scope}: CSV for other systems, XLSX to read in a spreadsheet.', { scope: scopeName })}
      </Typography>
      <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
        {RAID_REPORTS.map((report) => (
          <Flex key={report} tag="li" gap={2} justifyContent="space-between" alignItems="center" wrap="wrap">
            <Typography>{reportWords(t, report)}</Typography>
            <Flex gap={2}>
              {(['csv', 'xlsx'] as const).map((format) => (
                <Button
                  key={format}
                  size="S"
                  variant="secondary"
                  startIcon={<Download />}
                  disabled={state.status === 'running'}
                  onClick={() => run(report, format)}
                  aria-label={t('raid.exports.download', 'Download the {report} as {format}', { report: reportWords(t, report).toLowerCase(), format: format.toUpperCase() })}
                  data-testid={`pmo-raid-export-${report}-${format}`}
                >
                  {format.toUpperCase()}
                </Button>
              ))}
            </Flex>
          </Flex>
        ))}
      </Flex>
      <div role="status" aria-live="polite" data-testid="pmo-raid-export-status">
        {state.status === 'running' ? <Typography>{t('raid.exports.running', '{what}: downloading…', { what: state.what })}</Typography> : null}
        {state.status === 'done' ? <Typography textColor="success600">{t('raid.exports.done', 'Saved {filename}', { filename: state.filename })}</Typography> : null}
        {state.status === 'error' ? <Typography textColor="danger600">{state.message}</Typography> : null}
      </div>
    </Section>
  );
};
