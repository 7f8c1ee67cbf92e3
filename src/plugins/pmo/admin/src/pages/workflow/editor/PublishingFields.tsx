/**
 * Publishing governed by state (DESIGN.md "Workflows on any type, publishing and compliance"): on a
 * draft & publish type, the states an item must be in to be published (`publishRequires`) and the
 * state a new draft after publishing goes back to (`onNewDraft`, default the initial state). The
 * states are offered by name; their keys are what is stored.
 */
import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';

import type { WorkflowDefinition } from '../../../../../shared/contracts/workflow';
import type { Translate } from '../../../utils/useTranslate';
import { fieldId } from './problems';
import { MultiSelectField, SelectField, useEditor, type Choice } from './fields';
import { governsPublishing, setOnNewDraft, setPublishRequires, withoutPublishing } from './model';
import { findType, hasDraftAndPublish } from './schema';

type Props = {
  update: (change: (definition: WorkflowDefinition) => WorkflowDefinition) => void;
};

/** Each state by its name; two of one name are told apart by their place in the list. */
export function stateChoices(definition: WorkflowDefinition, t: Translate): Choice[] {
  const named = definition.states.filter((state) => state.key);
  return named.map((state) => {
    const n = definition.states.indexOf(state) + 1;
    if (!state.name) return { value: state.key, label: t('workflow.editor.unnamedState', 'State {n} (no name yet)', { n }) };
    const twin = named.some((other) => other !== state && other.name === state.name);
    return { value: state.key, label: twin ? t('workflow.editor.twinState', '{name} (state {n})', { name: state.name, n }) : state.name };
  });
}

/** A row of the general section's grid; nothing for a type without draft & publish. */
export const PublishingFields = ({ update }: Props) => {
  const { definition, contentTypes } = useEditor();
  const type = findType(contentTypes, definition.appliesTo);
  // No type chosen yet (or the schemas still loading): nothing to say about publishing.
  if (!type) return null;
  if (!hasDraftAndPublish(type)) {
    // Set in the JSON view, or the type lost draft & publish: say so, as the server would refuse them.
    return governsPublishing(definition) ? (
      <Grid.Item col={12} direction="column" alignItems="stretch">
        <NeverPublished typeName={type.info.displayName} update={update} />
      </Grid.Item>
    ) : null;
  }
  return (
    <Grid.Item col={12} direction="column" alignItems="stretch">
      <PublishingGroup update={update} />
    </Grid.Item>
  );
};

const PublishingGroup = ({ update }: Props) => {
  const { definition, t } = useEditor();
  const choices = stateChoices(definition, t);
  const initialName = definition.states.find((state) => state.key === definition.initial)?.name;
  const governed = (definition.publishRequires ?? []).length > 0;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} role="group" aria-labelledby="pmo-wf-publishing-title" data-testid="pmo-wf-publishing">
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="sigma" textColor="neutral600" id="pmo-wf-publishing-title">
          {t('workflow.editor.publishing', 'Publishing')}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {t(
            'workflow.editor.publishingHint',
            'Items of this type are drafted, then published. The workflow can allow publishing only in some of its states, whichever way an item is published.'
          )}
        </Typography>
      </Flex>
      <Grid.Root gap={4}>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <MultiSelectField
            anchor="publishRequires"
            label={t('workflow.editor.publishRequires', 'Publishing needs the state')}
            value={definition.publishRequires ?? []}
            choices={choices}
            onChange={(keys) => update((d) => setPublishRequires(d, keys))}
            placeholder={t('workflow.editor.publishRequiresNone', 'Any state: publishing is not governed')}
            hint={t(
              'workflow.editor.publishRequiresHint',
              'An item can be published only while it is in one of these states. None: the workflow leaves publishing alone.'
            )}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <SelectField
            anchor="onNewDraft"
            label={t('workflow.editor.onNewDraft', 'A new draft goes back to')}
            value={definition.onNewDraft ?? ''}
            choices={choices}
            onChange={(key) => update((d) => setOnNewDraft(d, key))}
            onClear={() => update((d) => setOnNewDraft(d, undefined))}
            clearLabel={t('workflow.editor.onNewDraftClear', 'Go back to the initial state')}
            placeholder={
              initialName
                ? t('workflow.editor.onNewDraftInitial', 'The initial state, “{name}”', { name: initialName })
                : t('workflow.editor.onNewDraftInitialUnnamed', 'The initial state')
            }
            disabled={!governed}
            hint={
              governed
                ? t(
                    'workflow.editor.onNewDraftHint',
                    'When an item published in one of those states gets a new draft, it moves here, so the change goes through the workflow again.'
                  )
                : t('workflow.editor.onNewDraftUnused', 'Choose the states publishing needs first.')
            }
          />
        </Grid.Item>
      </Grid.Root>
    </Flex>
  );
};

/** Publishing settings on a type whose items are never published, with the way to leave them out. */
const NeverPublished = ({ typeName, update }: Props & { typeName: string }) => {
  const { definition, readOnly, t } = useEditor();
  // The server's problem is anchored at the first of the two it finds; the problem list jumps here.
  const anchor = definition.publishRequires !== undefined ? 'publishRequires' : 'onNewDraft';
  return (
    <Box id={fieldId(anchor)} tabIndex={-1} background="warning100" padding={3} hasRadius data-testid="pmo-wf-publishing-unused">
      <Flex gap={3} justifyContent="space-between" alignItems="center" wrap="wrap">
        <Typography variant="omega" textColor="warning700">
          {t(
            'workflow.editor.publishingUnused',
            'The content type {type} has no draft & publish, so its items are never published: this workflow cannot say which states publishing needs or where a new draft goes.',
            { type: typeName }
          )}
        </Typography>
        {readOnly ? null : (
          <Button variant="secondary" size="S" onClick={() => update(withoutPublishing)}>
            {t('workflow.editor.publishingLeaveOut', 'Leave publishing out')}
          </Button>
        )}
      </Flex>
    </Box>
  );
};
