import { Badge, Box, Button, Field, Flex, Grid, TextInput, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';

import type { WorkflowDefinition, WorkflowState } from '../../../../../shared/contracts/workflow';
import { stateColor } from '../../../utils/colors';
import { fieldId } from './problems';
import { CheckboxField, ProblemList, RowActions, RowProblems, Section, TextField, useEditor } from './fields';
import { move, newState, removeState, renameState, replaceAt } from './model';

type Props = {
  update: (change: (definition: WorkflowDefinition) => WorkflowDefinition) => void;
  /** Items per state key in the stored workflow, to warn before removing a state that holds some. */
  instances: Record<string, number>;
};

/** The states: key, name, colour, terminal; added, removed and reordered. */
export const StatesSection = ({ update, instances }: Props) => {
  const { definition, readOnly, t } = useEditor();
  const setState = (index: number, change: Partial<WorkflowState>) =>
    update((d) => ({ ...d, states: replaceAt(d.states, index, { ...d.states[index], ...change }) }));

  return (
    <Section
      title={t('workflow.editor.states', 'States')}
      description={t(
        'workflow.editor.statesHint',
        'Where an item can be. Keys are stable identifiers; renaming a key updates the transitions and the publishing settings that use it. A terminal state has no way out.'
      )}
      testId="pmo-wf-states"
      actions={
        readOnly ? null : (
          <Button
            variant="secondary"
            startIcon={<Plus />}
            onClick={() => update((d) => ({ ...d, states: [...d.states, newState(d)] }))}
          >
            {t('workflow.editor.addState', 'Add state')}
          </Button>
        )
      }
    >
      <RowProblems anchor="states" />
      <Flex direction="column" alignItems="stretch" gap={2} tag="ol" style={{ margin: 0, padding: 0 }}>
        {definition.states.map((state, index) => {
          const anchor = `states[${index}]`;
          const held = instances[state.key] ?? 0;
          return (
            <Box
              key={index}
              tag="li"
              style={{ listStyle: 'none', borderLeft: `4px solid ${stateColor(state.color)}` }}
              background="neutral100"
              padding={3}
              hasRadius
              data-testid="pmo-wf-state-row"
              data-state-key={state.key}
            >
              <Flex direction="column" alignItems="stretch" gap={1}>
                <Flex gap={2} alignItems="flex-start">
                <Box flex="1">
                <Grid.Root gap={3}>
                  <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
                    <TextField
                      anchor={`${anchor}.key`}
                      label={t('workflow.editor.stateKey', 'Key of state {n}', { n: index + 1 })}
                      value={state.key}
                      onChange={(key) => update((d) => renameState(d, index, key))}
                      required
                    />
                  </Grid.Item>
                  <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
                    <TextField
                      anchor={`${anchor}.name`}
                      label={t('workflow.editor.name', 'Name')}
                      value={state.name}
                      onChange={(name) => setState(index, { name })}
                      required
                    />
                  </Grid.Item>
                  <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
                    <ColorField
                      anchor={`${anchor}.color`}
                      value={state.color ?? ''}
                      onChange={(color) => setState(index, { color })}
                    />
                  </Grid.Item>
                  <Grid.Item col={3} s={6} direction="column" alignItems="stretch" paddingTop={6} gap={1}>
                    <CheckboxField
                      anchor={`${anchor}.terminal`}
                      label={t('workflow.editor.terminalShort', 'Terminal')}
                      checked={Boolean(state.terminal)}
                      onChange={(terminal) => setState(index, { terminal })}
                    />
                    <Flex gap={2} alignItems="center" wrap="wrap">
                      {state.key && state.key === definition.initial ? (
                        <Badge variant="primary">{t('workflow.editor.initialBadge', 'Initial')}</Badge>
                      ) : null}
                      {held ? (
                        <Typography variant="pi" textColor="neutral700">
                          {t('workflow.editor.stateHolds', '{count, plural, one {# item} other {# items}} here now', {
                            count: held,
                          })}
                        </Typography>
                      ) : null}
                    </Flex>
                  </Grid.Item>
                </Grid.Root>
                </Box>
                <Box paddingTop={6}>
                  <RowActions
                    index={index}
                    count={definition.states.length}
                    what={state.name || state.key || t('workflow.editor.stateWord', 'state')}
                    onMove={(to) => update((d) => ({ ...d, states: move(d.states, index, to) }))}
                    onRemove={() => update((d) => removeState(d, index))}
                  />
                </Box>
                </Flex>
                <RowProblems anchor={anchor} />
              </Flex>
            </Box>
          );
        })}
      </Flex>
    </Section>
  );
};

/** A colour picker beside its hex code. */
const ColorField = ({ anchor, value, onChange }: { anchor: string; value: string; onChange: (value: string) => void }) => {
  const { problems, readOnly, t } = useEditor();
  const messages = problems.at(anchor);
  return (
    <Field.Root id={fieldId(anchor)} name={anchor} error={messages.length ? messages.join(' ') : undefined}>
      <Field.Label>{t('workflow.editor.color', 'Colour')}</Field.Label>
      <Flex gap={2} alignItems="center">
        <input
          type="color"
          aria-label={t('workflow.editor.pickColor', 'Pick a colour')}
          value={stateColor(value)}
          disabled={readOnly}
          onChange={(event) => onChange(event.target.value.toUpperCase())}
          style={{ width: 40, height: 40, padding: 2, border: '1px solid #DCDCE4', borderRadius: 4, background: '#fff', flexShrink: 0 }}
        />
        <Box flex="1">
          <TextInput
            value={value}
            placeholder="#4945FF"
            disabled={readOnly}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
          />
        </Box>
      </Flex>
      <ProblemList anchor={anchor} messages={messages} />
    </Field.Root>
  );
};
