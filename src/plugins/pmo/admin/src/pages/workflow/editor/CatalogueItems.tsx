/**
 * Guards and effects of a transition: a type chosen by name from the registry
 * (components/workflowForms), its sentence, then its form. A type the server knows but this
 * panel has no form for is shown read-only, as JSON, and says so.
 */
import { Box, Flex, Typography } from '@strapi/design-system';

import {
  defaultConfig,
  effectForm,
  effectForms,
  guardForm,
  guardForms,
  type Config,
  type FieldSpec,
  type TypeForm,
} from '../../../components/workflowForms';
import type { EffectConfig, GuardConfig } from '../../../../../shared/contracts/workflow';
import { useFormContext } from './CoreForms';
import { ListHeader, MultiSelectField, ParsedTextField, RowActions, RowProblems, SelectField, TextField, useEditor } from './fields';
import { formatScalar, move, removeAt, replaceAt } from './model';

type Item = GuardConfig | EffectConfig;

type ItemsProps<T extends Item> = {
  kind: 'guards' | 'effects';
  /** e.g. `transitions[2]` */
  base: string;
  items: T[];
  onChange: (items: T[]) => void;
};

/** The form registered for a guard or effect type (undefined: the server's only). */
export const formOf = (kind: 'guards' | 'effects', type: string) => (kind === 'guards' ? guardForm(type) : effectForm(type));

/** The guard or effect list of one transition. */
export const CatalogueItems = <T extends Item>({ kind, base, items, onChange }: ItemsProps<T>) => {
  const { t } = useEditor();
  const isGuard = kind === 'guards';
  const word = isGuard ? t('workflow.editor.guardWord', 'guard') : t('workflow.editor.effectWord', 'effect');
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid={`pmo-wf-${kind}`}>
      <ListHeader
        title={isGuard ? t('workflow.editor.guards', 'Guards') : t('workflow.editor.effects', 'Effects')}
        hint={
          isGuard
            ? t('workflow.editor.guardsHint', 'Conditions the item must meet; each failure is shown to the user.')
            : t('workflow.editor.effectsHint', 'What happens, in the same database transaction, when it applies.')
        }
        addLabel={isGuard ? t('workflow.editor.addGuard', 'Add guard') : t('workflow.editor.addEffect', 'Add effect')}
        onAdd={() => onChange([...items, defaultConfig(kind, isGuard ? 'field' : 'set') as T])}
      />
      <RowProblems anchor={`${base}.${kind}`} />
      {items.map((item, index) => {
        const anchor = `${base}.${kind}[${index}]`;
        const form = formOf(kind, item.type);
        return (
          <Box
            key={index}
            padding={3}
            hasRadius
            borderColor="neutral200"
            background="neutral0"
            data-testid={`pmo-wf-${isGuard ? 'guard' : 'effect'}`}
            data-type={item.type}
          >
            <Flex direction="column" alignItems="stretch" gap={2}>
              <Flex justifyContent="space-between" alignItems="center">
                <Typography variant="omega" fontWeight="bold" tag="h4">
                  {`${word[0].toUpperCase()}${word.slice(1)} ${index + 1}: ${form?.label ?? item.type}`}
                </Typography>
                <RowActions
                  index={index}
                  count={items.length}
                  what={`${word} ${index + 1}`}
                  onMove={(to) => onChange(move(items, index, to))}
                  onRemove={() => onChange(removeAt(items, index))}
                />
              </Flex>
              <TypedItem kind={kind} anchor={anchor} item={item as Config} form={form} onChange={(next) => onChange(replaceAt(items, index, next as T))} />
              <RowProblems anchor={anchor} />
            </Flex>
          </Box>
        );
      })}
    </Flex>
  );
};

/** The type (by name), its sentence and its form. */
const TypedItem = ({
  kind,
  anchor,
  item,
  form,
  onChange,
}: {
  kind: 'guards' | 'effects';
  anchor: string;
  item: Config;
  form: TypeForm | undefined;
  onChange: (item: Config) => void;
}) => {
  const { readOnly, t } = useEditor();
  const registered = kind === 'guards' ? guardForms() : effectForms();
  const choices = registered.map((entry) => ({ value: entry.type, label: entry.label }));
  if (!form) {
    choices.push({ value: item.type, label: t('workflow.editor.serverOnlyType', '{type} (no form here)', { type: item.type }) });
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <SelectField
        anchor={`${anchor}.type`}
        label={t('workflow.editor.itemType', 'Type')}
        value={item.type}
        choices={choices}
        onChange={(type) => onChange(type === item.type ? item : defaultConfig(kind, type))}
      />
      {form ? (
        <>
          <Typography variant="pi" textColor="neutral700">
            {form.description}
          </Typography>
          {form.Form ? (
            <form.Form anchor={anchor} config={item} onChange={onChange} />
          ) : (
            <SpecFields anchor={anchor} config={item} fields={form.fields ?? []} onChange={onChange} />
          )}
        </>
      ) : (
        <ServerOnly item={item} readOnly={readOnly} />
      )}
    </Flex>
  );
};

/** Fields described as data, drawn with the editor's controls; empty optional ones are left out. */
const SpecFields = ({ anchor, config, fields, onChange }: { anchor: string; config: Config; fields: FieldSpec[]; onChange: (config: Config) => void }) => {
  const context = useFormContext();
  const { t } = context;
  if (fields.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral700" data-testid="pmo-wf-no-options">
        {t('workflow.editor.noOptions', 'Nothing to set: it needs no options.')}
      </Typography>
    );
  }
  const set = (name: string, value: unknown, optional?: boolean) => {
    const next: Config = { ...config, [name]: value };
    const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    if (optional && empty) delete next[name];
    onChange(next);
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {fields.map((field) => {
        const fieldAnchor = `${anchor}.${field.name}`;
        const value = config[field.name];
        switch (field.kind) {
          case 'select': {
            const choices = typeof field.choices === 'function' ? field.choices(context) : field.choices;
            return (
              <SelectField
                key={field.name}
                anchor={fieldAnchor}
                label={field.label}
                hint={field.hint}
                value={formatScalar(value)}
                choices={choices}
                onChange={(next) => set(field.name, field.numeric ? Number(next) : next, field.optional)}
              />
            );
          }
          case 'multiselect': {
            const choices = typeof field.choices === 'function' ? field.choices(context) : field.choices;
            return (
              <MultiSelectField
                key={field.name}
                anchor={fieldAnchor}
                label={field.label}
                hint={field.hint}
                value={Array.isArray(value) ? value.map(String) : []}
                choices={choices}
                onChange={(next) => set(field.name, next, field.optional)}
              />
            );
          }
          case 'number':
            return (
              <ParsedTextField
                key={field.name}
                anchor={fieldAnchor}
                label={field.label}
                hint={field.hint}
                type="number"
                value={value}
                parse={(text) => (text.trim() === '' ? undefined : Number(text))}
                format={(v) => (typeof v === 'number' ? String(v) : '')}
                onChange={(next) => set(field.name, next, field.optional)}
              />
            );
          default:
            return (
              <TextField
                key={field.name}
                anchor={fieldAnchor}
                label={field.label}
                hint={field.hint}
                value={formatScalar(value)}
                placeholder={field.placeholder}
                onChange={(next) => set(field.name, next, field.optional)}
              />
            );
        }
      })}
    </Flex>
  );
};

/** A type registered on the server only: its options as read-only JSON, and why. */
const ServerOnly = ({ item, readOnly }: { item: Config; readOnly: boolean }) => {
  const { t } = useEditor();
  const { type, ...options } = item;
  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-testid="pmo-wf-server-only">
      <Typography variant="pi" textColor="neutral700">
        {t(
          'workflow.editor.serverOnly',
          'This panel has no form for “{type}”: its options are shown as they are stored. Change them in the JSON tab{readOnly}.',
          { type, readOnly: readOnly ? '' : ' or choose another type' }
        )}
      </Typography>
      <Box tag="pre" background="neutral100" padding={2} hasRadius style={{ margin: 0, fontSize: 12, overflowX: 'auto' }}>
        <Typography variant="pi" textColor="neutral800" tag="code">
          {JSON.stringify(options, null, 2)}
        </Typography>
      </Box>
    </Flex>
  );
};
