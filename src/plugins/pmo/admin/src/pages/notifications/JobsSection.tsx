/**
 * The scheduled jobs on the Outbox page: each by name, its schedule in words, its last run and
 * what it did, its next run, and (PMO administrators) "Run now", whose result shows beside it.
 */
import * as React from 'react';

import { Box, Button, Flex, Grid, Loader, Typography } from '@strapi/design-system';
import { Play } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';

import { useJobs, useRunJob, type JobAnswer, type JobRunAnswer } from '../../api/notifications';
import { Section } from '../../components/Section';
import { formatMoment } from '../../utils/dates';
import { useTranslate } from '../../utils/useTranslate';
import type { JobKey } from '../../../../shared/contracts/notifications';
import { JOB_DESCRIPTIONS, jobName, runResultInWords, scheduleInWords } from './words';

export const JobsSection = ({ canRun }: { canRun: boolean }) => {
  const t = useTranslate();
  const jobs = useJobs();
  return (
    <Section title={t('outbox.jobs.title', 'Scheduled jobs')} data-testid="pmo-jobs">
      {jobs.isLoading ? <Loader small>{t('outbox.jobs.loading', 'Loading the jobs')}</Loader> : null}
      {jobs.error ? (
        <Typography textColor="danger600" role="alert">
          {t('outbox.jobs.error', 'The jobs could not be loaded: {message}', { message: jobs.error.message })}
        </Typography>
      ) : null}
      <Grid.Root gap={4}>
        {(jobs.data ?? []).map((job) => (
          <Grid.Item key={job.key} col={6} s={12} direction="column" alignItems="stretch">
            <JobCard job={job} canRun={canRun} />
          </Grid.Item>
        ))}
      </Grid.Root>
    </Section>
  );
};

/** A label and its value side by side, the value wrapping under itself. */
const Line = ({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) => (
  <Flex gap={3} alignItems="baseline">
    <Box style={{ flex: '0 0 80px' }}>
      <Typography variant="omega" fontWeight="semiBold">
        {label}
      </Typography>
    </Box>
    <Typography variant="omega" data-testid={testId} style={{ flex: 1 }}>
      {children}
    </Typography>
  </Flex>
);

const JobCard = ({ job, canRun }: { job: JobAnswer; canRun: boolean }) => {
  const t = useTranslate();
  const run = useRunJob();
  const { toggleNotification } = useNotification();
  const [result, setResult] = React.useState<JobRunAnswer | null>(null);
  const name = jobName(job.key);

  const runNow = async () => {
    setResult(null);
    try {
      const answer = await run.mutateAsync(job.key as JobKey);
      setResult(answer);
      toggleNotification({
        type: answer.ran ? 'success' : 'info',
        message: t('outbox.jobs.ranToast', '{job}: {result}', { job: name, result: runResultInWords(job.key, answer) }),
      });
    } catch (error) {
      toggleNotification({ type: 'danger', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <Box padding={4} hasRadius borderColor="neutral200" borderStyle="solid" borderWidth="1px" height="100%" data-testid={`pmo-job-${job.key}`}>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex justifyContent="space-between" alignItems="center" gap={2}>
          <Typography variant="delta" tag="h3">
            {name}
          </Typography>
          {canRun ? (
            <Button
              variant="secondary"
              size="S"
              startIcon={<Play />}
              loading={run.isLoading}
              onClick={runNow}
              aria-label={t('outbox.jobs.runNamed', 'Run now: {job}', { job: name.toLowerCase() })}
            >
              {t('outbox.jobs.run', 'Run now')}
            </Button>
          ) : null}
        </Flex>
        <Typography variant="omega" textColor="neutral600">
          {JOB_DESCRIPTIONS[job.key]}
        </Typography>
        <Line label={t('outbox.jobs.schedule', 'Runs')} testId="pmo-job-schedule">
          {job.scheduled
            ? scheduleInWords(job.schedule)
            : t('outbox.jobs.notScheduled', '{schedule}, but not on this server: its scheduled jobs are turned off', {
                schedule: scheduleInWords(job.schedule),
              })}
        </Line>
        <Line label={t('outbox.jobs.lastRun', 'Last run')} testId="pmo-job-last-run">
          {job.lastRunAt ? formatMoment(job.lastRunAt) : t('outbox.jobs.never', 'Never')}
          {job.running ? ` · ${t('outbox.jobs.running', 'running now')}` : ''}
        </Line>
        {job.lastRunAt ? (
          <Line label={t('outbox.jobs.lastResult', 'Result')} testId="pmo-job-last-result">
            {runResultInWords(job.key, job.lastResult)}
          </Line>
        ) : null}
        <Line label={t('outbox.jobs.nextRun', 'Next run')} testId="pmo-job-next-run">
          {job.nextRunAt ? formatMoment(job.nextRunAt) : t('outbox.jobs.noNextRun', 'None on this server')}
        </Line>
        <div role="status" aria-live="polite">
          {result ? (
            <Box background={result.ran ? 'success100' : 'neutral100'} padding={3} hasRadius data-testid="pmo-job-run-result">
              <Typography variant="omega">
                {t('outbox.jobs.ranNow', 'Run just now: {result}', { result: runResultInWords(job.key, result) })}
              </Typography>
            </Box>
          ) : null}
        </div>
      </Flex>
    </Box>
  );
};
