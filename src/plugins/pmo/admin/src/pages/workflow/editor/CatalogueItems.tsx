/**
 * Guards and effects: a type chosen from the catalogue, then a small form per type. Types this
 * editor has no form for (added later by other capabilities) are edited as JSON options.
 */
import * as React from 'react';

import { Box, Field, Flex, Grid, Textarea, Typography } from '@strapi/design-system';

import type { EffectConfig, GuardConfig } from '../../../../../shared/contracts/workflow';
import { fieldId } from './problems';
import {
  ListHeader,
  ParsedTextField,
  RowActions,
  RowProblems,
  SelectField,
  Suggestions,
  TextField,
  useEditor,
  type Choice,
} from './fields';
import {
  EFFECT_FORMS,
  FIELD_OPS,
  GUARD_FORMS,
  defaultEffect,
  defaultGuard,
  formatList,
  formatScalar,
  move,
  parseList,
  parseScalar,
  removeAt,
  replaceAt,
} from './model';
import { fieldPaths, findType, relations, relationsTo, settableFields } from './schema';

type Item = GuardConfig | EffectConfig;

type ItemsProps<T extends Item> = {
  kind: 'guards' | 'effects';
  /** e.g. `transitions[2]` */
  base: string;
  items: T[];
  onChange: (items: T[]) => void;
};

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
        onAdd={() => onChange([...items, (isGuard ? defaultGuard('field') : defaultEffect('set')) as T])}
      />
      <RowProblems anchor={`${base}.${kind}`} />
      {items.map((item, index) => {
        const anchor = `${base}.${kind}[${index}]`;
        return (
          <Box
            key={index}
            padding={3}
            hasRadius
            borderColor="neutral200"
            background="neutral0"
            data-testid={`pmo-wf-${isGuard ? 'guard' : 'effect'}`}
          >
            <Flex direction="column" alignItems="stretch" gap={2}>
              <Flex justifyContent="space-between" alignItems="center">
                <Typography variant="omega" fontWeight="bold">
                  {`${word[0].toUpperCase()}${word.slice(1)} ${index + 1}`}
                </Typography>
                <RowActions
                  index={index}
                  count={items.length}
                  what={`${word} ${index + 1}`}
                  onMove={(to) => onChange(move(items, index, to))}
                  onRemove={() => onChange(removeAt(items, index))}
                />
              </Flex>
              {isGuard ? (
                <GuardForm anchor={anchor} guard={item} onChange={(next) => onChange(replaceAt(items, index, next as T))} />
              ) : (
                <EffectForm anchor={anchor} effect={item} onChange={(next) => onChange(replaceAt(items, index, next as T))} />
              )}
              <RowProblems anchor={anchor} />
            </Flex>
          </Box>
        );
      })}
    </Flex>
  );
};

/**
 * A guard or effect: its type, chosen from the catalogue (choosing another starts from that
 * type's defaults), then the type's form, or its options as JSON for a type without one.
 */
const TypedItem = <T extends Item>({
  anchor,
  item,
  known,
  describe,
  makeDefault,
  onChange,
  children,
}: {
  anchor: string;
  item: T;
  known: readonly string[];
  describe: (type: string) => string;
  makeDefault: (type: string) => T;
  onChange: (item: T) => void;
  children: React.ReactNode;
}) => {
  const { t } = useEditor();
  const choices: Choice[] = [...known, ...(item.type && !known.includes(item.type) ? [item.type] : [])].map(
    (type) => ({ value: type, label: describe(type) })
  );
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <SelectField
        anchor={`${anchor}.type`}
        label={t('workflow.editor.itemType', 'Type')}
        value={item.type}
        choices={choices}
        onChange={(type) => onChange(type === item.type ? item : makeDefault(type))}
      />
      {children ?? <JsonOptions anchor={anchor} item={item} onChange={onChange} />}
    </Flex>
  );
};

/* ---- guards --------------------------------------------------------------------------------- */

const GuardForm = ({ anchor, guard, onChange }: { anchor: string; guard: GuardConfig; onChange: (guard: GuardConfig) => void }) => {
  const { definition, contentTypes, components, t } = useEditor();
  const target = findType(contentTypes, definition.appliesTo);
  const set = (change: Record<string, unknown>) => onChange({ ...guard, ...change } as GuardConfig);
  const describe = (type: string) =>
    ({
      field: t('workflow.editor.guard.field', 'Field: a field of the item has a value'),
      noOpen: t('workflow.editor.guard.noOpen', 'No open items: e.g. no open change requests'),
      children: t('workflow.editor.guard.children', 'Children: every related item is in given states'),
    })[type] ?? type;
  const listId = `${fieldId(anchor)}-suggestions`;
  const message = (
    <TextField
      anchor={`${anchor}.message`}
      label={t('workflow.editor.guardMessage', 'Message when it fails')}
      value={formatScalar(guard.message)}
      onChange={(value) => set({ message: value || undefined })}
      hint={t('workflow.editor.guardMessageHint', 'What the user should do; a default message is used when empty.')}
    />
  );

  let form: React.ReactNode;
  switch (guard.type) {
    case 'field': {
      const op = String(guard.op ?? 'exists');
      form = (
        <Grid.Root gap={3}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <TextField
              anchor={`${anchor}.path`}
              label={t('workflow.editor.fieldPath', 'Field')}
              value={formatScalar(guard.path)}
              onChange={(path) => set({ path })}
              placeholder="impact.cost"
              list={listId}
            />
            <Suggestions id={listId} values={fieldPaths(target, components)} />
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <SelectField
              anchor={`${anchor}.op`}
              label={t('workflow.editor.fieldOp', 'Condition')}
              value={op}
              choices={FIELD_OPS.map((value) => ({ value, label: OP_WORDS[value] }))}
              onChange={(next) =>
                set({
                  op: next,
                  value: next === 'exists' ? undefined : next === 'in' ? parseList(formatList(guard.value)) : Array.isArray(guard.value) ? guard.value[0] : guard.value,
                })
              }
            />
          </Grid.Item>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            {op === 'exists' ? null : op === 'in' ? (
              <ParsedTextField
                anchor={`${anchor}.value`}
                label={t('workflow.editor.fieldValues', 'Values')}
                value={guard.value}
                parse={(text) => parseList(text).map(parseScalar)}
                format={formatList}
                onChange={(value) => set({ value })}
                hint={t('workflow.editor.commaList', 'Separated by commas.')}
              />
            ) : (
              <ParsedTextField
                anchor={`${anchor}.value`}
                label={t('workflow.editor.fieldValue', 'Value')}
                value={guard.value}
                parse={parseScalar}
                format={formatScalar}
                onChange={(value) => set({ value })}
                hint={t('workflow.editor.scalarHint', 'Numbers and true/false are compared as such.')}
              />
            )}
          </Grid.Item>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            {message}
          </Grid.Item>
        </Grid.Root>
      );
      break;
    }
    case 'noOpen': {
      const uid = formatScalar(guard.uid);
      form = (
        <Grid.Root gap={3}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <SelectField
              anchor={`${anchor}.uid`}
              label={t('workflow.editor.noOpenUid', 'Items of type')}
              value={uid}
              choices={contentTypes
                .filter((type) => type.uid.startsWith('api::') || type.uid.startsWith('plugin::pmo.'))
                .map((type) => ({ value: type.uid, label: type.info.displayName }))}
              onChange={(next) => set({ uid: next })}
            />
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <TextField
              anchor={`${anchor}.via`}
              label={t('workflow.editor.noOpenVia', 'Pointing here through')}
              value={formatScalar(guard.via)}
              onChange={(via) => set({ via })}
              placeholder="project"
              list={listId}
              hint={t('workflow.editor.noOpenViaHint', 'Their relation to this item.')}
            />
            <Suggestions id={listId} values={relationsTo(findType(contentTypes, uid), definition.appliesTo)} />
          </Grid.Item>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <StateListField anchor={`${anchor}.states`} value={guard.states} onChange={(states) => set({ states })} label={t('workflow.editor.noOpenStates', 'Open means in states')} />
          </Grid.Item>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            {message}
          </Grid.Item>
        </Grid.Root>
      );
      break;
    }
    case 'children': {
      form = (
        <Grid.Root gap={3}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <TextField
              anchor={`${anchor}.relation`}
              label={t('workflow.editor.childrenRelation', 'Related items')}
              value={formatScalar(guard.relation)}
              onChange={(relation) => set({ relation })}
              placeholder="projects"
              list={listId}
              hint={t('workflow.editor.childrenRelationHint', 'A relation of this item.')}
            />
            <Suggestions id={listId} values={relations(target)} />
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <StateListField anchor={`${anchor}.states`} value={guard.states} onChange={(states) => set({ states })} label={t('workflow.editor.childrenStates', 'Must all be in states')} />
          </Grid.Item>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            {message}
          </Grid.Item>
        </Grid.Root>
      );
      break;
    }
    default:
      form = null;
  }

  return (
    <TypedItem anchor={anchor} item={guard} known={GUARD_FORMS} describe={describe} makeDefault={defaultGuard} onChange={onChange}>
      {form}
    </TypedItem>
  );
};

const OP_WORDS: Record<(typeof FIELD_OPS)[number], string> = {
  exists: 'is filled in',
  eq: 'equals',
  neq: 'differs from',
  lt: 'is less than',
  lte: 'is at most',
  gt: 'is more than',
  gte: 'is at least',
  in: 'is one of',
};

/** State keys of another workflow (e.g. change requests'), typed as a comma-separated list. */
const StateListField = ({ anchor, label, value, onChange }: { anchor: string; label: string; value: unknown; onChange: (states: string[]) => void }) => {
  const { t } = useEditor();
  return (
    <ParsedTextField
      anchor={anchor}
      label={label}
      value={Array.isArray(value) ? (value as string[]) : []}
      parse={parseList}
      format={formatList}
      onChange={onChange}
      placeholder="new, assess"
      hint={t('workflow.editor.stateKeysHint', 'State keys, separated by commas.')}
    />
  );
};

/* ---- effects -------------------------------------------------------------------------------- */

const EffectForm = ({ anchor, effect, onChange }: { anchor: string; effect: EffectConfig; onChange: (effect: EffectConfig) => void }) => {
  const { definition, contentTypes, t } = useEditor();
  const target = findType(contentTypes, definition.appliesTo);
  const set = (change: Record<string, unknown>) => onChange({ ...effect, ...change } as EffectConfig);
  const describe = (type: string) =>
    ({
      set: t('workflow.editor.effect.set', 'Set a field of the item'),
      notify: t('workflow.editor.effect.notify', 'Notify people by email'),
    })[type] ?? type;
  const listId = `${fieldId(anchor)}-suggestions`;

  let form: React.ReactNode;
  switch (effect.type) {
    case 'set':
      form = (
        <Grid.Root gap={3}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <TextField
              anchor={`${anchor}.field`}
              label={t('workflow.editor.setField', 'Field')}
              value={formatScalar(effect.field)}
              onChange={(field) => set({ field })}
              placeholder="decisionDate"
              list={listId}
            />
            <Suggestions id={listId} values={settableFields(target)} />
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <ParsedTextField
              anchor={`${anchor}.value`}
              label={t('workflow.editor.setValue', 'Value')}
              value={effect.value}
              parse={parseScalar}
              format={formatScalar}
              onChange={(value) => set({ value })}
              hint={t('workflow.editor.setValueHint', '"now" for the date and time of the transition; numbers and true/false are stored as such.')}
            />
          </Grid.Item>
        </Grid.Root>
      );
      break;
    case 'notify':
      form = (
        <Grid.Root gap={3}>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <ParsedTextField
              anchor={`${anchor}.to`}
              label={t('workflow.editor.notifyTo', 'Recipients')}
              value={Array.isArray(effect.to) ? (effect.to as string[]) : []}
              parse={parseList}
              format={formatList}
              onChange={(to) => set({ to })}
              placeholder="field:raisedBy, role:pmo-director"
              hint={t('workflow.editor.notifyToHint', 'field:<person field>, role:<role key> or email:<address>, separated by commas.')}
            />
          </Grid.Item>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <TextField
              anchor={`${anchor}.template`}
              label={t('workflow.editor.notifyTemplate', 'Template')}
              value={formatScalar(effect.template)}
              onChange={(template) => set({ template })}
              placeholder="change-authorized"
            />
          </Grid.Item>
        </Grid.Root>
      );
      break;
    default:
      form = null;
  }

  return (
    <TypedItem anchor={anchor} item={effect} known={EFFECT_FORMS} describe={describe} makeDefault={defaultEffect} onChange={onChange}>
      {form}
    </TypedItem>
  );
};

/* ---- any other type ------------------------------------------------------------------------- */

/** The options of a guard or effect type without a form, as JSON. */
const JsonOptions = <T extends Item>({ anchor, item, onChange }: { anchor: string; item: T; onChange: (item: T) => void }) => {
  const { readOnly, t } = useEditor();
  const { type, ...options } = item;
  const formatted = JSON.stringify(options, null, 2);
  const [text, setText] = React.useState(formatted);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    setText((current) => {
      try {
        return JSON.stringify(JSON.parse(current), null, 2) === formatted ? current : formatted;
      } catch {
        return current;
      }
    });
  }, [formatted]);
  return (
    <Field.Root id={`${fieldId(anchor)}-options`} name={`${anchor}.options`} error={error ?? undefined} hint={t('workflow.editor.jsonOptionsHint', 'This type has no form here: its options as JSON.')}>
      <Field.Label>{t('workflow.editor.jsonOptions', 'Options')}</Field.Label>
      <Textarea
        value={text}
        disabled={readOnly}
        style={{ fontFamily: 'monospace', minHeight: 96 }}
        onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => {
          setText(event.target.value);
          try {
            const parsed = JSON.parse(event.target.value);
            if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
              throw new Error(t('workflow.editor.jsonOptionsObject', 'The options must be a JSON object'));
            }
            setError(null);
            onChange({ ...parsed, type } as T);
          } catch (caught) {
            setError(caught instanceof Error ? caught.message : String(caught));
          }
        }}
      />
      {error ? <Field.Error /> : <Field.Hint />}
    </Field.Root>
  );
};
