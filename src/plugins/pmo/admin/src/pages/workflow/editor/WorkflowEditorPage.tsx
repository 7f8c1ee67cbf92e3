/**
 * Settings → PMO Hub → Workflows → one workflow (or a new one): forms for the definition, a JSON
 * view, a live diagram, Validate (every problem next to its cause) and Save (a new version).
 */
import * as React from 'react';

import {
  Badge,
  Box,
  Button,
  Flex,
  Grid,
  Link,
  Tabs,
  TextButton,
  Typography,
} from '@strapi/design-system';
import { ArrowLeft, Check } from '@strapi/icons';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { NavLink, useNavigate, useParams } from 'react-router-dom';

import { WORKFLOWS_CONFIGURE, type DefinitionProblem, type WorkflowDefinition } from '../../../../../shared/contracts/workflow';
import {
  definitionProblems,
  toPmoApiError,
  useContentTypes,
  useSaveWorkflow,
  useValidateWorkflow,
  useWorkflow,
  useWorkflows,
  type HeldState,
  type WorkflowSummary,
} from '../../../api/client';
import { useWorkflowRoles } from '../../../api/workflowTry';
import { PageError } from '../../../components/PageError';
import { useTranslate } from '../../../utils/useTranslate';
import { EditorProvider } from './fields';
import { GeneralSection } from './GeneralSection';
import { JsonView } from './JsonView';
import { newDefinition, normalizeDefinition, toPayload } from './model';
import { anchorOf, describeAnchor, fieldId, indexProblems } from './problems';
import { StatesSection } from './StatesSection';
import { TransitionsSection } from './TransitionsSection';
import { WorkflowDiagram } from './WorkflowDiagram';
import { registerCoreWorkflowForms } from './CoreForms';
import { TryPanel } from './TryPanel';

// The engine's own guard and effect forms, beside those the capabilities registered (admin/src/index.ts).
registerCoreWorkflowForms();

const CONFIGURE = [{ action: WORKFLOWS_CONFIGURE, subject: null }];

export const WorkflowEditorPage = () => {
  const { key } = useParams<{ key: string }>();
  const t = useTranslate();
  const stored = useWorkflow(key);
  const { allowedActions, isLoading: checkingRights } = useRBAC(CONFIGURE);

  if (checkingRights || (key && stored.isLoading)) return <Page.Loading />;
  if (key && stored.error) {
    return (
      <PageError
        content={stored.error.status === 404 ? t('workflow.editor.notFound', 'There is no workflow "{key}".', { key }) : stored.error.message}
      />
    );
  }
  return (
    <WorkflowEditor
      // A different workflow (or a new one) starts a fresh editor.
      key={key ?? 'new'}
      stored={key ? stored.data : undefined}
      canConfigure={Boolean(allowedActions.canConfigure)}
    />
  );
};

type EditorProps = { stored?: WorkflowSummary; canConfigure: boolean };

const WorkflowEditor = ({ stored, canConfigure }: EditorProps) => {
  const t = useTranslate();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const { data: schema } = useContentTypes();
  const { data: workflows } = useWorkflows({ staleTime: 60_000 });
  const { data: roles, isError: rolesFailed } = useWorkflowRoles();
  const validate = useValidateWorkflow();
  const save = useSaveWorkflow();

  const initial = React.useMemo(
    () => (stored ? normalizeDefinition(stored.definition as unknown as Record<string, unknown>) : newDefinition()),
    [stored]
  );
  const [draft, setDraft] = React.useState<WorkflowDefinition>(initial);
  const [baseline, setBaseline] = React.useState<WorkflowDefinition>(initial);
  const [tab, setTab] = React.useState<'form' | 'json'>('form');
  /** Null until the first Validate or Save; from then on, kept up to date as the draft changes. */
  const [problems, setProblems] = React.useState<DefinitionProblem[] | null>(null);
  const [conflict, setConflict] = React.useState<{ message: string; states: HeldState[] } | null>(null);
  const [version, setVersion] = React.useState(stored?.version ?? 0);
  const readOnly = !canConfigure;

  const update = React.useCallback(
    (change: (definition: WorkflowDefinition) => WorkflowDefinition) => setDraft((current) => change(current)),
    []
  );

  const payload = React.useMemo(() => toPayload(draft), [draft]);
  const dirty = JSON.stringify(payload) !== JSON.stringify(toPayload(baseline));
  const index = React.useMemo(() => indexProblems(problems ?? []), [problems]);

  // Once validated, validate again as the draft changes, so the problems shown stay true.
  const validated = problems !== null;
  const latest = React.useRef(0);
  const runValidation = React.useCallback(
    async (definition: WorkflowDefinition) => {
      const ticket = ++latest.current;
      try {
        const found = await validate.mutateAsync(definition);
        if (ticket === latest.current) setProblems(found);
        return found;
      } catch (caught) {
        if (ticket === latest.current) {
          toggleNotification({ type: 'danger', message: toPmoApiError(caught).message });
        }
        return null;
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [toggleNotification]
  );
  React.useEffect(() => {
    if (!validated || !canConfigure) return undefined;
    const timer = setTimeout(() => void runValidation(payload), 600);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [payload]);

  const onValidate = async () => {
    const found = await runValidation(payload);
    if (found && found.length === 0) {
      toggleNotification({ type: 'success', message: t('workflow.editor.valid', 'No problems: the workflow can be saved.') });
    }
  };

  const onSave = async () => {
    latest.current += 1; // a validation still running must not overwrite what Save reports
    setConflict(null);
    try {
      const saved = await save.mutateAsync({ existingKey: stored?.key, definition: payload });
      const canonical = normalizeDefinition(saved.definition as unknown as Record<string, unknown>);
      setDraft(canonical);
      setBaseline(canonical);
      setVersion(saved.version);
      setProblems((current) => (current === null ? null : []));
      toggleNotification({
        type: 'success',
        message: stored
          ? t('workflow.editor.saved', 'Saved: version {version} of “{name}”.', { version: saved.version, name: saved.name })
          : t('workflow.editor.created', 'Created “{name}”.', { name: saved.name }),
      });
      if (!stored) navigate(`../${encodeURIComponent(saved.key)}`, { replace: true });
    } catch (caught) {
      const error = toPmoApiError(caught);
      const held = error.details.states;
      const refused = error.status === 400 ? definitionProblems(error) : [];
      if (refused.length) {
        setProblems(refused);
        toggleNotification({
          type: 'danger',
          message: t('workflow.editor.notSavedProblems', 'Not saved: {count, plural, one {# problem} other {# problems}} to fix.', {
            count: refused.length,
          }),
        });
      } else if (error.status === 409 && Array.isArray(held)) {
        setConflict({ message: error.message, states: held as HeldState[] });
        toggleNotification({ type: 'danger', message: error.message });
      } else if (error.status === 409 && error.details.key !== undefined) {
        setProblems([{ path: 'key', message: error.message }]);
        toggleNotification({ type: 'danger', message: error.message });
      } else {
        toggleNotification({ type: 'danger', message: error.message });
      }
    }
  };

  const statesWithProblems = React.useMemo(() => {
    const keys = new Set<string>();
    for (const problem of problems ?? []) {
      const match = /^states\[(\d+)\]/.exec(anchorOf(problem.path));
      const state = match ? draft.states[Number(match[1])] : undefined;
      if (state?.key) keys.add(state.key);
    }
    return keys;
  }, [problems, draft.states]);

  const title = stored ? draft.name || stored.name : draft.name || t('workflow.editor.newTitle', 'New workflow');
  // Who may fire a transition is said with the roles' names: wait for them rather than show codes.
  if (!roles && !rolesFailed) return <Page.Loading />;

  return (
    <Page.Main>
      <Page.Title>{t('workflow.editor.pageTitle', 'Workflows: {name}', { name: title })}</Page.Title>
      <Layouts.Header
        navigationAction={
          <Link tag={NavLink} to=".." startIcon={<ArrowLeft />}>
            {t('workflow.editor.back', 'Back')}
          </Link>
        }
        title={title}
        subtitle={
          <Flex gap={2} alignItems="center" wrap="wrap">
            <Typography variant="epsilon" textColor="neutral600">
              {stored
                ? t('workflow.editor.subtitle', 'Version {version} · for {appliesTo}', {
                    version,
                    appliesTo:
                      schema?.contentTypes.find((type) => type.uid === draft.appliesTo)?.info.displayName ?? draft.appliesTo,
                  })
                : t('workflow.editor.newSubtitle', 'A new lifecycle, saved as version 1.')}
            </Typography>
            {dirty ? <Badge variant="warning" data-testid="pmo-wf-dirty">{t('workflow.editor.unsaved', 'Unsaved changes')}</Badge> : null}
            {readOnly ? <Badge>{t('workflow.editor.readOnly', 'Read only')}</Badge> : null}
          </Flex>
        }
        primaryAction={
          canConfigure ? (
            <Flex gap={2}>
              <Button variant="secondary" onClick={onValidate} loading={validate.isLoading && !save.isLoading}>
                {t('workflow.editor.validate', 'Validate')}
              </Button>
              <Button startIcon={<Check />} onClick={onSave} loading={save.isLoading} disabled={stored !== undefined && !dirty}>
                {t('workflow.editor.save', 'Save')}
              </Button>
            </Flex>
          ) : undefined
        }
      />
      <Layouts.Content>
        <EditorProvider
          value={{
            definition: draft,
            problems: index,
            contentTypes: schema?.contentTypes ?? [],
            components: schema?.components ?? [],
            workflows: workflows ?? [],
            roles: roles ?? [],
            readOnly,
            t,
          }}
        >
          <Flex direction="column" alignItems="stretch" gap={4}>
            {conflict ? <ConflictAlert conflict={conflict} definition={stored?.definition} onClose={() => setConflict(null)} /> : null}
            {problems !== null ? <ProblemSummary problems={problems} definition={draft} onShow={() => setTab('form')} /> : null}
            <Box background="neutral0" padding={4} shadow="filterShadow" hasRadius tag="section" aria-labelledby="pmo-wf-diagram-title">
              <WorkflowDiagram definition={draft} statesWithProblems={statesWithProblems} titleId="pmo-wf-diagram-title" />
            </Box>
            <Grid.Root gap={4}>
              <Grid.Item col={stored && canConfigure ? 8 : 12} s={12} direction="column" alignItems="stretch">
                <Tabs.Root value={tab} onValueChange={(value: string) => setTab(value as 'form' | 'json')} variant="simple">
                  <Tabs.List aria-label={t('workflow.editor.views', 'Edit as')}>
                    <Tabs.Trigger value="form">{t('workflow.editor.formTab', 'Form')}</Tabs.Trigger>
                    <Tabs.Trigger value="json">{t('workflow.editor.jsonTab', 'JSON')}</Tabs.Trigger>
                  </Tabs.List>
                  <Tabs.Content value="form">
                    <Flex direction="column" alignItems="stretch" gap={4} paddingTop={4}>
                      <GeneralSection keyLocked={stored !== undefined} update={update} />
                      <StatesSection update={update} instances={stored?.instances ?? {}} />
                      <TransitionsSection update={update} />
                    </Flex>
                  </Tabs.Content>
                  <Tabs.Content value="json">
                    <Box paddingTop={4}>
                      <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
                        <JsonView definition={draft} onChange={setDraft} readOnly={readOnly} />
                      </Box>
                    </Box>
                  </Tabs.Content>
                </Tabs.Root>
              </Grid.Item>
              {stored && canConfigure ? (
                <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                  <Box style={{ position: 'sticky', top: 80 }} marginTop={10}>
                    <TryPanel workflowKey={stored.key} saved={baseline} dirty={dirty} />
                  </Box>
                </Grid.Item>
              ) : null}
            </Grid.Root>
          </Flex>
        </EditorProvider>
      </Layouts.Content>
    </Page.Main>
  );
};

/** Every problem, each with where it is; choosing one shows its field. */
const ProblemSummary = ({
  problems,
  definition,
  onShow,
}: {
  problems: DefinitionProblem[];
  definition: WorkflowDefinition;
  onShow: () => void;
}) => {
  const t = useTranslate();
  if (problems.length === 0) {
    return (
      <Box background="success100" borderColor="success200" padding={4} hasRadius role="status" data-testid="pmo-wf-problems">
        <Typography variant="omega" textColor="success700" fontWeight="bold">
          {t('workflow.editor.noProblems', 'No problems: the definition is valid.')}
        </Typography>
      </Box>
    );
  }
  const show = (anchor: string) => {
    onShow();
    // After the form tab is shown, bring the field into view and focus it.
    requestAnimationFrame(() => {
      const element = document.getElementById(fieldId(anchor));
      element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      (element as HTMLElement | null)?.focus?.({ preventScroll: true });
    });
  };
  return (
    <Box background="danger100" borderColor="danger200" padding={4} hasRadius data-testid="pmo-wf-problems" role="alert">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="delta" textColor="danger700" tag="h2">
          {t('workflow.editor.problemCount', '{count, plural, one {# problem} other {# problems}} to fix before saving', {
            count: problems.length,
          })}
        </Typography>
        <Flex direction="column" alignItems="stretch" gap={1} tag="ul" style={{ margin: 0, paddingLeft: 0 }}>
          {problems.map((problem, i) => {
            const anchor = anchorOf(problem.path);
            return (
              <Flex key={i} tag="li" gap={2} alignItems="baseline" style={{ listStyle: 'none' }} data-testid="pmo-wf-problem" data-path={problem.path}>
                <TextButton onClick={() => show(anchor)} style={{ flexShrink: 0 }}>
                  {describeAnchor(anchor, definition)}
                </TextButton>
                <Typography variant="omega" textColor="neutral800">
                  {problem.message}
                </Typography>
              </Flex>
            );
          })}
        </Flex>
      </Flex>
    </Box>
  );
};

/** 409 on save: the update removes states that still hold items; name them and the items. */
const ConflictAlert = ({
  conflict,
  definition,
  onClose,
}: {
  conflict: { message: string; states: HeldState[] };
  definition?: WorkflowDefinition;
  onClose: () => void;
}) => {
  const t = useTranslate();
  const name = (key: string) => definition?.states.find((state) => state.key === key)?.name ?? key;
  return (
    <Box background="danger100" borderColor="danger200" padding={4} hasRadius role="alert" data-testid="pmo-wf-conflict">
      <Flex justifyContent="space-between" alignItems="flex-start" gap={4}>
        <Flex direction="column" alignItems="stretch" gap={1}>
          <Typography variant="delta" textColor="danger700" tag="h2">
            {t('workflow.editor.conflictTitle', 'Not saved: removed states still hold items')}
          </Typography>
          <Typography variant="omega">{conflict.message}</Typography>
          {conflict.states.map((held) => (
            <Typography key={held.state} variant="omega" data-testid="pmo-wf-conflict-state" data-state-key={held.state}>
              {t('workflow.editor.conflictState', '“{state}” holds {count, plural, one {# item} other {# items}}: {ids}', {
                state: name(held.state),
                count: held.documentIds.length,
                ids: held.documentIds.slice(0, 10).join(', ') + (held.documentIds.length > 10 ? ' …' : ''),
              })}
            </Typography>
          ))}
          <Typography variant="pi" textColor="neutral600">
            {t('workflow.editor.conflictHint', 'Move those items to other states first, or keep the states.')}
          </Typography>
        </Flex>
        <TextButton onClick={onClose}>{t('workflow.editor.close', 'Close')}</TextButton>
      </Flex>
    </Box>
  );
};
