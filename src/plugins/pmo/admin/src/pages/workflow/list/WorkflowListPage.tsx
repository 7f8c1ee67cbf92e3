/** Settings → PMO Hub → Workflows: the lifecycles, what they govern, and where items stand. */
import {
  Box,
  Flex,
  Link,
  LinkButton,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';

import { WORKFLOWS_CONFIGURE, type WorkflowDefinition } from '../../../../../shared/contracts/workflow';
import { useContentTypes, useWorkflows, type WorkflowSummary } from '../../../api/client';
import { StateBadge } from '../../../components/StateBadge';
import { stateColor } from '../../../utils/colors';
import { PageError } from '../../../components/PageError';
import { useTranslate } from '../../../utils/useTranslate';
import { formatMoment } from '../../../utils/dates';

const CONFIGURE = [{ action: WORKFLOWS_CONFIGURE, subject: null }];

export const WorkflowListPage = () => {
  const t = useTranslate();
  const workflows = useWorkflows();
  const { data: schema } = useContentTypes();
  const { allowedActions } = useRBAC(CONFIGURE);
  const typeName = (uid: string) =>
    schema?.contentTypes.find((type) => type.uid === uid)?.info.displayName ?? uid;

  if (workflows.isLoading) return <Page.Loading />;
  if (workflows.error) return <PageError content={workflows.error.message} />;
  const rows = workflows.data ?? [];

  return (
    <Page.Main>
      <Page.Title>{t('workflow.list.title', 'Workflows')}</Page.Title>
      <Layouts.Header
        title={t('workflow.list.title', 'Workflows')}
        subtitle={t(
          'workflow.list.subtitle',
          'Lifecycles as data: the states items move through, who moves them, and what must be true first.'
        )}
        primaryAction={
          allowedActions.canConfigure ? (
            <LinkButton tag={NavLink} to="new" startIcon={<Plus />}>
              {t('workflow.list.new', 'New workflow')}
            </LinkButton>
          ) : undefined
        }
      />
      <Layouts.Content>
        {rows.length === 0 ? (
          <Page.NoData />
        ) : (
          <Table colCount={5} rowCount={rows.length + 1} data-testid="pmo-workflow-list">
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{t('workflow.list.name', 'Name')}</Typography></Th>
                <Th><Typography variant="sigma">{t('workflow.list.appliesTo', 'Content type')}</Typography></Th>
                <Th><Typography variant="sigma">{t('workflow.list.version', 'Version')}</Typography></Th>
                <Th><Typography variant="sigma">{t('workflow.list.items', 'Items by state')}</Typography></Th>
                <Th><Typography variant="sigma">{t('workflow.list.updated', 'Updated')}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((workflow) => (
                <Tr key={workflow.key} data-testid="pmo-workflow-row" data-workflow-key={workflow.key}>
                  <Td>
                    <Link tag={NavLink} to={encodeURIComponent(workflow.key)}>
                      {workflow.name}
                    </Link>
                  </Td>
                  <Td>
                    <Typography textColor="neutral800" title={workflow.appliesTo}>
                      {typeName(workflow.appliesTo)}
                    </Typography>
                  </Td>
                  <Td><Typography textColor="neutral800">{workflow.version}</Typography></Td>
                  <Td style={{ minWidth: 320 }}>
                    <InstanceCounts workflow={workflow} />
                  </Td>
                  <Td>
                    <Typography textColor="neutral600" variant="pi">
                      {formatMoment(workflow.updatedAt)}
                    </Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

/** A bar split by state colour, and a chip per state that holds items. */
const InstanceCounts = ({ workflow }: { workflow: WorkflowSummary }) => {
  const t = useTranslate();
  const definition = workflow.definition as WorkflowDefinition;
  const states = definition.states ?? [];
  // Definition order first; counts in states the definition no longer has (should not happen) last.
  const entries = [
    ...states.map((state) => ({ key: state.key, name: state.name, color: state.color, count: workflow.instances[state.key] ?? 0 })),
    ...Object.entries(workflow.instances)
      .filter(([key]) => !states.some((state) => state.key === key))
      .map(([key, count]) => ({ key, name: key, color: undefined, count })),
  ].filter((entry) => entry.count > 0);
  const total = entries.reduce((sum, entry) => sum + entry.count, 0);
  if (total === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {t('workflow.list.noItems', 'No items yet')}
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="pmo-workflow-counts">
      <Flex
        aria-hidden
        hasRadius
        overflow="hidden"
        style={{ height: 8, width: '100%', background: '#EAEAEF' }}
      >
        {entries.map((entry) => (
          <Box key={entry.key} style={{ width: `${(entry.count / total) * 100}%`, height: '100%', background: stateColor(entry.color) }} />
        ))}
      </Flex>
      <Flex gap={1} wrap="wrap">
        {entries.map((entry) => (
          <StateBadge
            key={entry.key}
            name={entry.name}
            color={entry.color}
            suffix={String(entry.count)}
            data-testid="pmo-workflow-count"
          />
        ))}
      </Flex>
    </Flex>
  );
};
