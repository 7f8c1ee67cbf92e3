import { Box, Flex, Grid, Link, Main, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';

import { usePmoSettings } from '../../api/client';
import { getTranslation } from '../../utils/getTranslation';
import {
  BUDGET_LINE_UID,
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

type Message = { id: string; defaultMessage: string };

/** PMO Hub's own pages, each a card with what it is for and a link. */
const FEATURES: Array<{ to: string; testId: string; title: Message; text: Message; open: Message }> = [
  {
    to: '/settings/pmo/workflows',
    testId: 'pmo-home-workflows',
    title: { id: 'home.workflows', defaultMessage: 'Workflows' },
    text: {
      id: 'home.workflowsText',
      defaultMessage:
        'The lifecycles of projects and change requests: states, gates, approvals. PMO administrators change them without code.',
    },
    open: { id: 'home.workflowsOpen', defaultMessage: 'Open Settings → Workflows' },
  },
  {
    to: 'mentoring',
    testId: 'pmo-home-mentoring',
    title: { id: 'home.mentoring', defaultMessage: 'Mentoring' },
    text: {
      id: 'home.mentoringText',
      defaultMessage:
        'Mentoring relationships, their sessions, competency growth and action items. PMO managers see every relationship and the hours mentors give.',
    },
    open: { id: 'home.mentoringOpen', defaultMessage: 'Open Mentoring' },
  },
  {
    to: 'finance',
    testId: 'pmo-home-finance',
    title: { id: 'home.finance', defaultMessage: 'Finance' },
    text: {
      id: 'home.financeText',
      defaultMessage:
        'Earned value by portfolio, programme and project, S-curves, and the CSV exports.',
    },
    open: { id: 'home.financeOpen', defaultMessage: 'Open Finance' },
  },
  {
    to: 'governance',
    testId: 'pmo-home-governance',
    title: { id: 'home.governance', defaultMessage: 'Governance' },
    text: {
      id: 'home.governanceText',
      defaultMessage:
        'The governance board: projects by lifecycle state, their next gate, RAG and overdue conditions; gate reviews and each project’s gate history.',
    },
    open: { id: 'home.governanceOpen', defaultMessage: 'Open the governance board' },
  },
  {
    to: 'change-requests',
    testId: 'pmo-home-change-requests',
    title: { id: 'home.changeRequests', defaultMessage: 'Change requests' },
    text: {
      id: 'home.changeRequestsText',
      defaultMessage:
        'Raise, assess and authorise changes: who decides each one (project manager, change board or PMO director) and what it draws from the change budget.',
    },
    open: { id: 'home.changeRequestsOpen', defaultMessage: 'Open Change requests' },
  },
];

const AREAS = [
  { uid: PORTFOLIO_UID, label: 'Portfolios' },
  { uid: PROGRAMME_UID, label: 'Programmes' },
  { uid: PROJECT_UID, label: 'Projects' },
  { uid: STATUS_REPORT_UID, label: 'Status reports' },
  { uid: BUDGET_LINE_UID, label: 'Budget lines' },
  { uid: COST_ENTRY_UID, label: 'Cost entries' },
  { uid: DOCUMENT_UID, label: 'Documents' },
  { uid: STANDARD_UID, label: 'Standards' },
  { uid: TEMPLATE_UID, label: 'Templates' },
  { uid: PERSON_UID, label: 'People' },
  { uid: DEPARTMENT_UID, label: 'Departments' },
];

/** PMO Hub's landing page: where each part of the PMO's work lives. */
export const HomePage = () => {
  const { formatMessage } = useIntl();
  const message = ({ id, defaultMessage }: Message) => formatMessage({ id: getTranslation(id), defaultMessage });
  const { data: settings } = usePmoSettings();
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
        <Grid.Root gap={4}>
          {FEATURES.map((feature) => (
            <Grid.Item key={feature.to} col={12}>
              <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius width="100%">
                <Flex direction="column" alignItems="flex-start" gap={2}>
                  <Typography variant="delta">{message(feature.title)}</Typography>
                  <Typography variant="omega" textColor="neutral600">
                    {message(feature.text)}
                  </Typography>
                  <Link tag={NavLink} to={feature.to} data-testid={feature.testId}>
                    {message(feature.open)}
                  </Link>
                </Flex>
              </Box>
            </Grid.Item>
          ))}
          {AREAS.map((area) => (
            <Grid.Item key={area.uid} col={4} s={12}>
              <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius width="100%">
                <Flex direction="column" alignItems="flex-start" gap={2}>
                  <Typography variant="delta">{area.label}</Typography>
                  <Link href={`/admin/content-manager/collection-types/${area.uid}`}>
                    {formatMessage({ id: getTranslation('home.open'), defaultMessage: 'Open' })}
                  </Link>
                </Flex>
              </Box>
            </Grid.Item>
          ))}
        </Grid.Root>
      </Layouts.Content>
    </Main>
  );
};
