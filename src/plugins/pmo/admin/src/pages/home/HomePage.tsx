import { Box, Flex, Grid, Link, Main, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';

import { usePmoSettings } from '../../api/client';
import { useChangeRequests } from '../../api/changeRequests';
import { useGovernanceBoard } from '../../api/governance';
import { useMyWork } from '../../api/notifications';
import { useAllowedPages, useCan, type PmoPage } from '../../components/access';
import { getTranslation } from '../../utils/getTranslation';
import { activeProjects } from './figures';
import {
  BUDGET_LINE_UID,
  CONTENT_MANAGER,
  COST_ENTRY_UID,
  DEPARTMENT_UID,
  DOCUMENT_UID,
  PERSON_UID,
  PORTFOLIO_UID,
  PROGRAMME_UID,
  PROJECT_UID,
  STANDARD_UID,
  STATUS_REPORT_UID,
  TEMPLATE_UID,
} from '../../../../shared/contracts/uids';

/** The PMO's records in the Content Manager, each shown to the roles that may read it. */
const AREAS = [
  { uid: PORTFOLIO_UID, label: 'Portfolios', text: 'The organisation’s portfolios and their programmes.' },
  { uid: PROGRAMME_UID, label: 'Programmes', text: 'Programmes, their projects and change authority limits.' },
  { uid: PROJECT_UID, label: 'Projects', text: 'Every project: manager, dates, budget and lifecycle state.' },
  { uid: STATUS_REPORT_UID, label: 'Status reports', text: 'Periodic reports with RAG, progress and forecasts.' },
  { uid: BUDGET_LINE_UID, label: 'Budget lines', text: 'Planned spend by month and category.' },
  { uid: COST_ENTRY_UID, label: 'Cost entries', text: 'Actual costs booked against projects.' },
  { uid: DOCUMENT_UID, label: 'Documents', text: 'Project documents and their review dates.' },
  { uid: STANDARD_UID, label: 'Standards', text: 'The PMO’s standards and gate checklists.' },
  { uid: TEMPLATE_UID, label: 'Templates', text: 'Document templates projects start from.' },
  { uid: PERSON_UID, label: 'People', text: 'The directory of people and their allocations.' },
  { uid: DEPARTMENT_UID, label: 'Departments', text: 'The organisation’s departments.' },
];

const Figure = ({ children, testId }: { children: string; testId: string }) => (
  <Typography variant="omega" fontWeight="bold" data-testid={testId}>
    {children}
  </Typography>
);

/**
 * Active projects (not in an end state) and how many of them report red: from the board's counts
 * by state (figures.ts), so every project counts, not the first page's cards; one card a page is
 * asked for, the counts are what is read.
 */
const GovernanceFigure = () => {
  const { formatMessage } = useIntl();
  const all = useGovernanceBoard({ pageSize: '1' }).data;
  const reportingRed = useGovernanceBoard({ rag: 'red', pageSize: '1' }).data;
  if (!all || !reportingRed) return null;
  const active = activeProjects(all);
  const red = activeProjects(reportingRed);
  return (
    <Figure testId="pmo-home-figure-governance">
      {formatMessage(
        {
          id: getTranslation('home.governanceFigure'),
          defaultMessage: '{active, plural, one {# active project} other {# active projects}}, {red, number} reporting red',
        },
        { active, red }
      )}
    </Figure>
  );
};

/** Change requests not yet closed or cancelled. */
const ChangeRequestFigure = () => {
  const { formatMessage } = useIntl();
  // Counted by the server: the open ones (not in a terminal state), one row asked for.
  const { data } = useChangeRequests({ open: 'true', pageSize: '1' });
  if (!data) return null;
  const open = data.pagination.total;
  return (
    <Figure testId="pmo-home-figure-change-requests">
      {formatMessage(
        {
          id: getTranslation('home.changeRequestsFigure'),
          defaultMessage: '{open, plural, =0 {No open change requests} one {# open change request} other {# open change requests}}',
        },
        { open }
      )}
    </Figure>
  );
};

/** What waits for the signed-in person, and how much of it is overdue. */
const MyWorkFigure = () => {
  const { formatMessage } = useIntl();
  const { data } = useMyWork();
  if (!data) return null;
  const overdue = data.overdue;
  return (
    <Figure testId="pmo-home-figure-my-work">
      {formatMessage(
        {
          id: getTranslation('home.myWorkFigure'),
          defaultMessage: '{count, plural, =0 {Nothing waits for you} one {# item waits for you} other {# items wait for you}}{overdue, plural, =0 {} other {, # overdue}}',
        },
        { count: data.pagination.total, overdue }
      )}
    </Figure>
  );
};

const FIGURES: Partial<Record<PmoPage['key'], () => JSX.Element | null>> = {
  'my-work': MyWorkFigure,
  governance: GovernanceFigure,
  'change-requests': ChangeRequestFigure,
};

const Card = ({ children }: { children: React.ReactNode }) => (
  <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius width="100%" height="100%">
    <Flex direction="column" alignItems="flex-start" gap={2}>
      {children}
    </Flex>
  </Box>
);

/**
 * PMO Hub's landing page: the pages the user's role may use, each with what it is for (and a live
 * figure where one is cheap), then the PMO's records the role may read.
 */
export const HomePage = () => {
  const { formatMessage } = useIntl();
  const { data: settings } = usePmoSettings();
  const pages = useAllowedPages();
  const can = useCan();
  const areas = AREAS.filter((area) => can(CONTENT_MANAGER.read, area.uid));
  return (
    <Main>
      <Layouts.Header
        title={formatMessage({ id: getTranslation('plugin.name'), defaultMessage: 'PMO Hub' })}
        subtitle={formatMessage(
          {
            id: getTranslation('home.subtitle'),
            defaultMessage: 'Portfolio, programme and project office. Amounts are in {currency}.',
          },
          { currency: settings?.currency ?? '…' }
        )}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Grid.Root gap={4}>
            {pages.map((page) => {
              const LiveFigure = FIGURES[page.key];
              return (
                <Grid.Item key={page.key} col={6} s={12}>
                  <Card>
                    <Typography variant="delta" tag="h2">
                      {formatMessage(page.title)}
                    </Typography>
                    <Typography variant="omega" textColor="neutral600">
                      {formatMessage(page.text)}
                    </Typography>
                    {LiveFigure ? <LiveFigure /> : null}
                    <Link tag={NavLink} to={page.path} data-testid={`pmo-home-${page.key}`}>
                      {formatMessage(page.open)}
                    </Link>
                  </Card>
                </Grid.Item>
              );
            })}
          </Grid.Root>
          {areas.length ? (
            <Flex direction="column" alignItems="stretch" gap={3}>
              <Typography variant="beta" tag="h2">
                {formatMessage({ id: getTranslation('home.records'), defaultMessage: 'Records' })}
              </Typography>
              <Grid.Root gap={4}>
                {areas.map((area) => (
                  <Grid.Item key={area.uid} col={4} s={12}>
                    <Card>
                      <Typography variant="delta" tag="h3">
                        {area.label}
                      </Typography>
                      <Typography variant="omega" textColor="neutral600">
                        {area.text}
                      </Typography>
                      <Link tag={NavLink} to={`/content-manager/collection-types/${area.uid}`}>
                        {formatMessage(
                          { id: getTranslation('home.openRecords'), defaultMessage: 'Open {records}' },
                          { records: area.label.toLowerCase() }
                        )}
                      </Link>
                    </Card>
                  </Grid.Item>
                ))}
              </Grid.Root>
            </Flex>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Main>
  );
};
