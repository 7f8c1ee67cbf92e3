/**
 * The roll-ups beside the heat map: open issues by priority, the top risks by score and the
 * exposure per programme. Every count links to the Content Manager list behind it, every risk to
 * its record; tables scroll inside their own labelled region, never widening the page.
 */
import * as React from 'react';

import { Badge, Box, Flex, Grid, Link, RawTable, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';

import { ISSUE_PRIORITIES, type IssuePriority, type RaidLinks, type RaidSummaryAnswer, type TopRisk } from '../../api/raid';
import { Section } from '../../components/Section';
import type { Translate } from '../../utils/useTranslate';

type Props = { data: RaidSummaryAnswer; links: RaidLinks; t: Translate };

export const priorityWords = (t: Translate, priority: IssuePriority) =>
  ({
    critical: t('raid.priority.critical', 'Critical'),
    high: t('raid.priority.high', 'High'),
    medium: t('raid.priority.medium', 'Medium'),
    low: t('raid.priority.low', 'Low'),
  })[priority];

const PRIORITY_COLOURS: Record<IssuePriority, string> = { critical: '#D02B20', high: '#D9822F', medium: '#E9B949', low: '#8E8EA9' };

const issuesWords = (t: Translate, count: number) => t('raid.issues.count', '{count, plural, one {# open issue} other {# open issues}}', { count });
const risksWords = (t: Translate, count: number) => t('raid.risks.count', '{count, plural, one {# open risk} other {# open risks}}', { count });

/** A count that links to its list, or a plain 0. */
const Count = ({ value, to, label }: { value: number; to: string; label: string }) =>
  value ? (
    <Link tag={NavLink} to={to} aria-label={label}>
      {value}
    </Link>
  ) : (
    <Typography textColor="neutral800">0</Typography>
  );

/** A table in a labelled region that scrolls sideways on its own and takes the keyboard's focus. */
const Table = ({ label, cols, rows, children, testId }: { label: string; cols: number; rows: number; children: React.ReactNode; testId: string }) => (
  <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%' }}>
    <RawTable colCount={cols} rowCount={rows} style={{ width: '100%' }} data-testid={testId}>
      {children}
    </RawTable>
  </Box>
);

const Head = ({ columns }: { columns: Array<{ label: string; right?: boolean }> }) => (
  <Thead>
    <Tr>
      {columns.map((column) => (
        <Th key={column.label}>
          <Typography variant="sigma" style={column.right ? { display: 'block', width: '100%', textAlign: 'right' } : undefined}>
            {column.label}
          </Typography>
        </Th>
      ))}
    </Tr>
  </Thead>
);

const right: React.CSSProperties = { display: 'block', width: '100%', textAlign: 'right', fontVariantNumeric: 'tabular-nums' };

export const IssuesByPriority = ({ data, links, t }: Props) => {
  const counts = data.issuesByPriority!;
  const total = ISSUE_PRIORITIES.reduce((sum, priority) => sum + counts[priority], 0);
  return (
    <Section title={t('raid.issues.title', 'Open issues by priority')} action={<Typography variant="pi" textColor="neutral600">{issuesWords(t, total)}</Typography>} data-testid="pmo-raid-issues">
      <Grid.Root gap={3}>
        {[...ISSUE_PRIORITIES].reverse().map((priority) => (
          <Grid.Item key={priority} col={3} s={6} xs={12}>
            <Box padding={3} hasRadius borderColor="neutral200" width="100%" style={{ borderLeft: `6px solid ${PRIORITY_COLOURS[priority]}` }} data-testid="pmo-raid-priority" data-priority={priority}>
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Typography variant="sigma" textColor="neutral600">
                  {priorityWords(t, priority)}
                </Typography>
                <Typography variant="alpha" tag="span" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  <Count value={counts[priority]} to={links.issues(priority)} label={t('raid.issues.link', '{priority}: {issues}', { priority: priorityWords(t, priority), issues: issuesWords(t, counts[priority]) })} />
                </Typography>
              </Flex>
            </Box>
          </Grid.Item>
        ))}
      </Grid.Root>
    </Section>
  );
};

const heldBy = (risk: TopRisk) => (risk.project ? `${risk.project.code} ${risk.project.name}` : risk.programme ? `${risk.programme.code} ${risk.programme.name}` : '');

export const TopRisks = ({ data, links, t }: Props) => (
  <Section
    title={t('raid.top.title', 'Top risks by score')}
    action={
      <Link tag={NavLink} to={links.openRisks()}>
        {t('raid.top.all', 'Open the risk register')}
      </Link>
    }
    data-testid="pmo-raid-top-risks"
  >
    {data.topRisks.length ? (
      <Table label={t('raid.top.title', 'Top risks by score')} cols={5} rows={data.topRisks.length + 1} testId="pmo-raid-top-table">
        <Head
          columns={[
            { label: t('raid.top.risk', 'Risk') },
            { label: t('raid.top.heldBy', 'Held by') },
            { label: t('raid.top.score', 'Score'), right: true },
            { label: t('raid.top.residual', 'After responses'), right: true },
            { label: t('raid.top.standing', 'Standing') },
          ]}
        />
        <Tbody>
          {data.topRisks.map((risk) => (
            <Tr key={risk.documentId} data-testid="pmo-raid-top-risk">
              <Td style={{ whiteSpace: 'normal' }}>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <Link tag={NavLink} to={links.risk(risk.documentId)}>
                    {risk.title}
                  </Link>
                  <Typography variant="pi" textColor="neutral600">
                    {[risk.type === 'opportunity' ? t('raid.top.opportunity', 'Opportunity') : t('raid.top.threat', 'Threat'), risk.owner && t('raid.top.owner', 'owner {name}', { name: risk.owner })]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography>
                </Flex>
              </Td>
              <Td style={{ whiteSpace: 'normal' }}>
                <Typography>{heldBy(risk)}</Typography>
              </Td>
              <Td>
                <Typography style={right} title={t('raid.top.scoreOf', 'Probability {p} × impact {i}', { p: risk.probability, i: risk.impact })}>
                  {risk.score}
                </Typography>
              </Td>
              <Td>
                <Typography style={right}>{risk.residualScore ?? t('raid.top.notAssessed', 'not assessed')}</Typography>
              </Td>
              <Td>
                {risk.escalated ? (
                  <Badge>{t('raid.top.escalated', 'Escalated to the programme')}</Badge>
                ) : risk.aboveTolerance ? (
                  <Badge backgroundColor="danger100" textColor="danger700">
                    {t('raid.top.above', 'Above tolerance ({tolerance})', { tolerance: risk.riskTolerance ?? '' })}
                  </Badge>
                ) : (
                  <Typography variant="pi" textColor="neutral600">
                    {risk.riskTolerance !== null ? t('raid.top.within', 'Within tolerance ({tolerance})', { tolerance: risk.riskTolerance }) : t('raid.top.programme', "The programme's own")}
                  </Typography>
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    ) : (
      <Typography textColor="neutral600">{t('raid.top.empty', 'No open risk here.')}</Typography>
    )}
  </Section>
);

export const Exposure = ({ data, links, t }: Props) => (
  <Section title={t('raid.exposure.title', 'Exposure per programme')} data-testid="pmo-raid-exposure">
    {data.exposure.length ? (
      <Table label={t('raid.exposure.title', 'Exposure per programme')} cols={6} rows={data.exposure.length + 1} testId="pmo-raid-exposure-table">
        <Head
          columns={[
            { label: t('raid.exposure.programme', 'Programme') },
            { label: t('raid.exposure.risks', 'Open risks'), right: true },
            { label: t('raid.exposure.score', 'Total score'), right: true },
            { label: t('raid.exposure.residual', 'After responses'), right: true },
            { label: t('raid.exposure.above', 'Above tolerance'), right: true },
            ...(data.issuesByPriority ? [{ label: t('raid.exposure.issues', 'Open issues'), right: true }] : []),
          ]}
        />
        <Tbody>
          {data.exposure.map((row) => {
            const name = `${row.programme.code} ${row.programme.name}`;
            return (
              <Tr key={row.programme.documentId} data-testid="pmo-raid-exposure-row" data-programme={row.programme.code}>
                <Td style={{ whiteSpace: 'normal' }}>
                  <Typography>{name}</Typography>
                </Td>
                <Td>
                  <span style={right}>
                    <Count value={row.openRisks} to={links.programmeRisks(row.programme.documentId)} label={t('raid.exposure.risksLink', '{programme}: {risks}', { programme: name, risks: risksWords(t, row.openRisks) })} />
                  </span>
                </Td>
                <Td>
                  <Typography style={right}>{row.totalScore}</Typography>
                </Td>
                <Td>
                  <Typography style={right}>{row.totalResidualScore}</Typography>
                </Td>
                <Td>
                  <Typography style={right}>{row.aboveTolerance}</Typography>
                </Td>
                {data.issuesByPriority ? (
                  <Td>
                    <span style={right}>
                      <Count value={row.openIssues ?? 0} to={links.programmeIssues(row.programme.documentId)} label={t('raid.exposure.issuesLink', '{programme}: {issues}', { programme: name, issues: issuesWords(t, row.openIssues ?? 0) })} />
                    </span>
                  </Td>
                ) : null}
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    ) : (
      <Typography textColor="neutral600">{t('raid.exposure.empty', 'No programme holds an open risk or issue here.')}</Typography>
    )}
  </Section>
);
