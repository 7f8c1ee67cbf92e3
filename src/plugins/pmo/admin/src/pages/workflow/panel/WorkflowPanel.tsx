/**
 * The Content Manager edit view's side panel for items under a workflow (as Review Workflows
 * has): the current state, each transition the item can take with what blocks it, a comment
 * box, approval progress, and the history as a timeline.
 */
import * as React from 'react';

import { Divider, Flex, Loader, Typography } from '@strapi/design-system';

import { useWorkflow, useWorkflowHistory, useWorkflowInstance, useWorkflows } from '../../../api/client';
import { StateBadge } from '../../../components/StateBadge';
import { TransitionActions } from '../../../components/TransitionActions';
import { useTranslate } from '../../../utils/useTranslate';
import { useRefreshEditedDocument } from '../../../utils/useRefreshEditedDocument';
import { HistoryTimeline } from '../../../components/HistoryTimeline';
import { formatMoment } from '../../../utils/dates';

/** What the Content Manager passes to an edit-view side panel (its `EditViewContext`). */
type PanelProps = {
  model: string;
  collectionType: string;
  documentId?: string;
  document?: { documentId?: string } & Record<string, unknown>;
  activeTab?: string | null;
};

type PanelDescription = { title: string; content: React.ReactNode };

/** Null (no panel) while creating, and for content types without a workflow. */
export const WorkflowPanel = ({ model, collectionType, documentId, document }: PanelProps): PanelDescription | null => {
  const t = useTranslate();
  const target = documentId ?? document?.documentId;
  // Which types follow a workflow, from the (cached) list: no request per item for the others.
  const workflows = useWorkflows({ staleTime: 60_000 });
  const governed = Boolean(workflows.data?.some((workflow) => workflow.appliesTo === model));
  const { data, error } = useWorkflowInstance(model, target, governed);
  // No item yet (creating), no workflow for the type, or no right to read workflows: no panel.
  if (!target || !governed) return null;
  if (error && (error.status === 404 || error.status === 403)) return null;
  if (!data && !error) return null;
  return {
    title: data
      ? t('workflow.panel.titleNamed', 'Workflow: {name}', { name: data.workflow.name })
      : t('workflow.panel.title', 'Workflow'),
    content: <WorkflowPanelContent uid={model} documentId={target} collectionType={collectionType} />,
  };
};

// Labels the panel in the Content Manager's list of panels.
WorkflowPanel.type = 'pmo-workflow';

type ContentProps = { uid: string; documentId: string; collectionType: string };

const WorkflowPanelContent = ({ uid, documentId, collectionType }: ContentProps) => {
  const t = useTranslate();
  const instanceQuery = useWorkflowInstance(uid, documentId);
  const historyQuery = useWorkflowHistory(uid, documentId);
  const instance = instanceQuery.data;
  const { data: workflow } = useWorkflow(instance?.workflow.key, { staleTime: 30_000 });
  const refreshDocument = useRefreshEditedDocument(uid, collectionType);

  if (instanceQuery.error) {
    return (
      <Typography variant="pi" textColor="danger600" data-testid="pmo-workflow-panel">
        {instanceQuery.error.message}
      </Typography>
    );
  }
  if (!instance) return <Loader small>{t('workflow.panel.loading', 'Loading the workflow')}</Loader>;

  const definition = workflow?.definition;
  const stateName = (key: string) => definition?.states.find((s) => s.key === key)?.name ?? key;
  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%" data-testid="pmo-workflow-panel">
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="sigma" textColor="neutral600" id="pmo-workflow-state-label">
          {t('workflow.panel.state', 'Current state')}
        </Typography>
        <StateBadge
          size="M"
          name={instance.state.name}
          color={instance.state.color}
          data-testid="pmo-workflow-state"
          title={instance.state.key}
        />
        {instance.enteredAt ? (
          <Typography variant="pi" textColor="neutral600">
            {t('workflow.panel.since', 'Since {at}', {
              at: formatMoment(instance.enteredAt),
            })}
          </Typography>
        ) : null}
      </Flex>

      <TransitionActions
        uid={uid}
        documentId={documentId}
        instance={instance}
        history={historyQuery.data ?? []}
        stateName={stateName}
        // The edit view shows workflowState, and `set` effects may have changed other fields.
        onFired={(result) => {
          if (result.outcome === 'applied') refreshDocument();
        }}
      />

      <Divider />
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="sigma" textColor="neutral600" tag="h3">
          {t('workflow.history.title', 'History')}
        </Typography>
        {historyQuery.data ? (
          <HistoryTimeline events={historyQuery.data} definition={definition} />
        ) : historyQuery.error ? (
          <Typography variant="pi" textColor="danger600">
            {historyQuery.error.message}
          </Typography>
        ) : (
          <Loader small>{t('workflow.history.loading', 'Loading the history')}</Loader>
        )}
      </Flex>
    </Flex>
  );
};
