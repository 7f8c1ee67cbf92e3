/**
 * The dashboard's figures: RAG counts with their trend, projects by lifecycle state as bars,
 * earned value with the CPI and SPI distribution, and the risk heat map (components/RiskHeatMap).
 * Every figure is a link (or, for a CPI/SPI bar, a button opening its projects) to the list
 * behind it; colour is never the only cue (each figure says its name and count in words).
 */
import * as React from 'react';

import { Box, Button, Flex, Grid, Link, Modal, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp } from '@strapi/icons';
import { NavLink } from 'react-router-dom';

import { links, INDEX_BUCKETS, type DashboardAnswer, type DashboardFilters, type IndexBucketCount, type RagCount } from '../../api/dashboard';
import { Money } from '../../components/Money';
import { RiskHeatMap } from '../../components/RiskHeatMap';
import { Section } from '../../components/Section';
import { stateColor } from '../../utils/colors';
import { formatDay } from '../../utils/dates';
import type { Translate } from '../../utils/useTranslate';
import { BUCKET_COLOURS, RAG_COLOURS, bucketWords, indexText, projectsWords, ragWords, trendWords } from './words';

type Props = { data: DashboardAnswer; filters: DashboardFilters; t: Translate };

const Figure = ({ children, ...rest }: { children: React.ReactNode; 'data-testid'?: string }) => (
  <Typography variant="alpha" tag="span" style={{ fontVariantNumeric: 'tabular-nums' }} {...rest}>
    {children}
  </Typography>
);

/** Red, amber, green and no report: each count links to the board filtered by it; the trend against a month earlier under it. */
export const RagCards = ({ data, filters, t }: Props) => {
  const rag = data.rag!;
  const before = formatDay(rag.previous.asOf);
  return (
    <Section title={t('dashboard.rag.title', 'Overall RAG of the latest status reports')} data-testid="pmo-dashboard-rag">
      <Grid.Root gap={4}>
        {(['red', 'amber', 'green', 'none'] as RagCount[]).map((key) => {
          const change = rag[key] - rag.previous[key];
          const Arrow = change > 0 ? ArrowUp : change < 0 ? ArrowDown : null;
          return (
            <Grid.Item key={key} col={3} s={6} xs={12}>
              <Box padding={4} hasRadius borderColor="neutral200" width="100%" style={{ borderLeft: `6px solid ${RAG_COLOURS[key]}` }} data-testid={`pmo-dashboard-rag-${key}`}>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <Typography variant="sigma" textColor="neutral600">
                    {ragWords(t, key)}
                  </Typography>
                  <Link tag={NavLink} to={links.rag(filters, key)} aria-label={t('dashboard.rag.link', '{rag}: {projects}', { rag: ragWords(t, key), projects: projectsWords(t, rag[key]) })}>
                    <Figure data-testid="pmo-dashboard-rag-count">{rag[key]}</Figure>
                  </Link>
                  <Flex gap={1} alignItems="center">
                    {Arrow ? <Arrow aria-hidden width="1.2rem" height="1.2rem" /> : null}
                    <Typography variant="pi" textColor="neutral600" data-testid="pmo-dashboard-rag-trend">
                      {trendWords(t, change, before)}
                    </Typography>
                  </Flex>
                </Flex>
              </Box>
            </Grid.Item>
          );
        })}
      </Grid.Root>
    </Section>
  );
};

/** Projects by lifecycle state: one bar per state, its count a link to the projects in the Content Manager. */
export const StateBars = ({ data, filters, t }: Props) => {
  const max = Math.max(1, ...data.projectsByState.map((state) => state.count));
  return (
    <Section title={t('dashboard.states.title', 'Projects by lifecycle state')} data-testid="pmo-dashboard-states">
      <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
        {data.projectsByState.map((state) => {
          const to = state.count ? links.state(data, state.state) : null;
          return (
          <Flex key={state.state ?? ''} tag="li" gap={3} alignItems="center" data-testid="pmo-dashboard-state" data-state={state.state ?? ''}>
            <Box width="120px" style={{ flexShrink: 0 }}>
              <Typography variant="omega">{state.name}</Typography>
            </Box>
            <Box flex="1" background="neutral100" hasRadius style={{ height: 14 }}>
              <Box hasRadius style={{ height: 14, width: `${(state.count / max) * 100}%`, background: stateColor(state.color) }} aria-hidden />
            </Box>
            <Box width="48px" style={{ textAlign: 'right' }}>
              {to ? (
                <Link tag={NavLink} to={to} aria-label={t('dashboard.states.link', '{state}: {projects}', { state: state.name, projects: projectsWords(t, state.count) })}>
                  {state.count}
                </Link>
              ) : (
                <Typography variant="omega" textColor="neutral600">
                  {state.count}
                </Typography>
              )}
            </Box>
          </Flex>
          );
        })}
      </Flex>
    </Section>
  );
};

/** A CPI or SPI distribution: a bar per bucket; a bar opens its projects. */
const Distribution = ({ title, buckets, onOpen, t, testId }: { title: string; buckets: IndexBucketCount[]; onOpen: (bucket: IndexBucketCount) => void; t: Translate; testId: string }) => {
  const max = Math.max(1, ...buckets.map((bucket) => bucket.count));
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid={testId}>
      <Typography variant="omega" fontWeight="bold" tag="h3">
        {title}
      </Typography>
      <Flex gap={2} alignItems="flex-end" style={{ height: 150 }}>
        {buckets.map((bucket) => (
          <Flex key={bucket.key} direction="column" alignItems="center" justifyContent="flex-end" gap={1} flex="1" style={{ height: '100%' }}>
            <Typography variant="pi" fontWeight="bold">
              {bucket.count}
            </Typography>
            <button
              type="button"
              onClick={() => onOpen(bucket)}
              disabled={!bucket.count}
              aria-label={`${title}, ${bucketWords(t, bucket.key)}: ${projectsWords(t, bucket.count)}`}
              data-testid="pmo-dashboard-bucket"
              data-bucket={bucket.key}
              style={{
                width: '100%',
                height: `${Math.max(4, (bucket.count / max) * 100)}px`,
                background: BUCKET_COLOURS[bucket.key],
                border: 'none',
                borderRadius: 4,
                cursor: bucket.count ? 'pointer' : 'default',
              }}
            />
            <Typography variant="pi" textColor="neutral600" style={{ textAlign: 'center', minHeight: 32 }}>
              {bucketWords(t, bucket.key)}
            </Typography>
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
};

/** Earned value of the scope (money exact), and how CPI and SPI spread over its projects. */
export const EarnedValue = ({ data, t }: Props) => {
  const evm = data.evm!;
  const [open, setOpen] = React.useState<{ index: string; bucket: IndexBucketCount } | null>(null);
  const figures: Array<[string, string]> = [
    [t('dashboard.evm.bac', 'Budget at completion'), evm.bac],
    [t('dashboard.evm.pv', 'Planned value'), evm.pv],
    [t('dashboard.evm.ev', 'Earned value'), evm.ev],
    [t('dashboard.evm.ac', 'Actual cost'), evm.ac],
  ];
  return (
    <Section title={t('dashboard.evm.title', 'Earned value')} data-testid="pmo-dashboard-evm">
      <Grid.Root gap={4}>
        {figures.map(([label, value]) => (
          <Grid.Item key={label} col={3} s={6} xs={12}>
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Typography variant="sigma" textColor="neutral600">
                {label}
              </Typography>
              <Money decimal={value} currency={evm.currency} />
            </Flex>
          </Grid.Item>
        ))}
        <Grid.Item col={6} s={12}>
          <Typography variant="omega" data-testid="pmo-dashboard-cpi">
            {t('dashboard.evm.cpi', 'Cost performance index (CPI): {value}', { value: indexText(evm.cpi) })}
          </Typography>
        </Grid.Item>
        <Grid.Item col={6} s={12}>
          <Typography variant="omega" data-testid="pmo-dashboard-spi">
            {t('dashboard.evm.spi', 'Schedule performance index (SPI): {value}', { value: indexText(evm.spi) })}
          </Typography>
        </Grid.Item>
        <Grid.Item col={6} s={12}>
          <Distribution title={t('dashboard.evm.cpiSpread', 'Projects by CPI')} buckets={evm.distribution.cpi} onOpen={(bucket) => setOpen({ index: 'CPI', bucket })} t={t} testId="pmo-dashboard-cpi-chart" />
        </Grid.Item>
        <Grid.Item col={6} s={12}>
          <Distribution title={t('dashboard.evm.spiSpread', 'Projects by SPI')} buckets={evm.distribution.spi} onOpen={(bucket) => setOpen({ index: 'SPI', bucket })} t={t} testId="pmo-dashboard-spi-chart" />
        </Grid.Item>
      </Grid.Root>
      {open ? (
        <Modal.Root open onOpenChange={(isOpen: boolean) => (isOpen ? undefined : setOpen(null))}>
          <Modal.Content>
            <Modal.Header>
              <Modal.Title>
                {t('dashboard.evm.bucketTitle', '{index} {bucket}: {projects}', { index: open.index, bucket: bucketWords(t, open.bucket.key).toLowerCase(), projects: projectsWords(t, open.bucket.count) })}
              </Modal.Title>
            </Modal.Header>
            <Modal.Body>
              <Flex direction="column" alignItems="flex-start" gap={3}>
                <Flex direction="column" alignItems="flex-start" gap={2} tag="ul" data-testid="pmo-dashboard-bucket-projects">
                  {open.bucket.projects.map((project) => (
                    <li key={project.documentId}>
                      <Link tag={NavLink} to={links.projectFinance(project.documentId)}>
                        {`${project.code} ${project.name}`}
                      </Link>
                    </li>
                  ))}
                </Flex>
                {open.bucket.count > open.bucket.projects.length ? (
                  <Typography variant="pi" textColor="neutral600" data-testid="pmo-dashboard-bucket-shown">
                    {t('dashboard.evm.bucketShown', 'Showing {shown} of {total, number} projects', { shown: open.bucket.projects.length, total: open.bucket.count })}
                  </Typography>
                ) : null}
              </Flex>
            </Modal.Body>
            <Modal.Footer>
              <Modal.Close>
                <Button variant="tertiary">{t('dashboard.close', 'Close')}</Button>
              </Modal.Close>
            </Modal.Footer>
          </Modal.Content>
        </Modal.Root>
      ) : null}
    </Section>
  );
};

/** The 5 × 5 heat map of open risks (components/RiskHeatMap.tsx); a cell opens its risks. */
export const HeatMap = ({ data, filters, t }: Props) => (
  <RiskHeatMap
    cells={data.heatmap!.cells}
    total={data.heatmap!.total}
    title={t('dashboard.heatmap.title', 'Open risks by probability and impact')}
    link={(probability, impact) => links.risks(data, probability, impact)}
    extra={
      <Link tag={NavLink} to={links.raid(filters)} data-testid="pmo-dashboard-raid">
        {t('dashboard.heatmap.raid', 'Risks and issues')}
      </Link>
    }
    t={t}
    testId="pmo-dashboard-heatmap"
    cellTestId="pmo-dashboard-heat-cell"
  />
);

export { INDEX_BUCKETS };
