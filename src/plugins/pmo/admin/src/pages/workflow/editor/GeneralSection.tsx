import { Field, Grid, Textarea } from '@strapi/design-system';

import type { WorkflowDefinition } from '../../../../../shared/contracts/workflow';
import { fieldId } from './problems';
import { ProblemList, Section, SelectField, TextField, useEditor } from './fields';
import { slugify, withoutPublishing } from './model';
import { PublishingFields, stateChoices } from './PublishingFields';
import { findType, governableTypes, hasDraftAndPublish } from './schema';

type Props = {
  /** True for a stored workflow: its key is a stable identifier and cannot change. */
  keyLocked: boolean;
  update: (change: (definition: WorkflowDefinition) => WorkflowDefinition) => void;
};

/** Key, name, description, the content type it governs, the state items start in, and publishing. */
export const GeneralSection = ({ keyLocked, update }: Props) => {
  const { definition, contentTypes, problems, readOnly, t } = useEditor();
  const governable = governableTypes(contentTypes);
  // Each type by its name; two types of one name are told apart by where they come from, never by their uid.
  const typeChoices = governable.map((type) => {
    const twin = governable.some((other) => other.uid !== type.uid && other.info.displayName === type.info.displayName);
    const origin = type.uid.startsWith('plugin::') ? t('workflow.editor.typeOfPlugin', 'PMO Hub') : t('workflow.editor.typeOfApp', 'your content');
    return { value: type.uid, label: twin ? `${type.info.displayName} (${origin})` : type.info.displayName };
  });
  const descriptionProblems = problems.at('description');

  return (
    <Section title={t('workflow.editor.general', 'Workflow')} testId="pmo-wf-general">
      <Grid.Root gap={4}>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <TextField
            anchor="name"
            label={t('workflow.editor.name', 'Name')}
            value={definition.name}
            onChange={(name) =>
              update((d) => ({
                ...d,
                name,
                // A new workflow's key follows its name until someone edits the key.
                key: !keyLocked && (d.key === '' || d.key === slugify(d.name)) ? slugify(name) : d.key,
              }))
            }
            required
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <TextField
            anchor="key"
            label={t('workflow.editor.key', 'Key')}
            value={definition.key}
            onChange={(key) => update((d) => ({ ...d, key }))}
            disabled={keyLocked}
            placeholder="e.g. change-control"
            hint={
              keyLocked
                ? t('workflow.editor.keyLocked', 'Keys are stable identifiers: a saved workflow keeps its key.')
                : t('workflow.editor.keyHint', 'Lowercase letters, digits and hyphens.')
            }
            required
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <SelectField
            anchor="appliesTo"
            label={t('workflow.editor.appliesTo', 'Content type')}
            value={definition.appliesTo}
            choices={typeChoices}
            onChange={(appliesTo) =>
              update((d) => {
                // A type whose items are never published takes no publishing settings (the server refuses them).
                const type = findType(contentTypes, appliesTo);
                return type && !hasDraftAndPublish(type) ? withoutPublishing({ ...d, appliesTo }) : { ...d, appliesTo };
              })
            }
            hint={t('workflow.editor.appliesToHint', 'The kind of item this workflow governs; each kind follows one workflow.')}
            required
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <SelectField
            anchor="initial"
            label={t('workflow.editor.initial', 'Initial state')}
            value={definition.initial}
            choices={stateChoices(definition, t)}
            onChange={(initial) => update((d) => ({ ...d, initial }))}
            hint={t('workflow.editor.initialHint', 'Where new items start.')}
            required
          />
        </Grid.Item>
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <Field.Root
            id={fieldId('description')}
            name="description"
            error={descriptionProblems.length ? descriptionProblems.join(' ') : undefined}
          >
            <Field.Label>{t('workflow.editor.description', 'Description')}</Field.Label>
            <Textarea
              value={definition.description ?? ''}
              disabled={readOnly}
              onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                update((d) => ({ ...d, description: event.target.value }))
              }
            />
            <ProblemList anchor="description" messages={descriptionProblems} />
          </Field.Root>
        </Grid.Item>
        <PublishingFields update={update} />
      </Grid.Root>
    </Section>
  );
};
