/** The forms of the guard and effect types the editor knows (field, noOpen, children; set, notify). */
import * as React from 'react';

import { Grid } from '@strapi/design-system';

import type { EffectConfig, GuardConfig } from '../../../../../shared/contracts/workflow';
import { ParsedTextField, SelectField, Suggestions, TextField, useEditor } from './fields';
import {
  EFFECT_FORMS,
  FIELD_OPS,
  GUARD_FORMS,
  defaultEffect,
  defaultGuard,
  formatList,
  formatScalar,
  parseList,
  parseScalar,
} from './model';
import { fieldId } from './problems';
import { fieldPaths, findType, relations, relationsTo, settableFields } from './schema';
import { TypedItem } from './TypedItem';

/* ---- guards --------------------------------------------------------------------------------- */

export const GuardForm = ({ anchor, guard, onChange }: { anchor: string; guard: GuardConfig; onChange: (guard: GuardConfig) => void }) => {
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

export const EffectForm = ({ anchor, effect, onChange }: { anchor: string; effect: EffectConfig; onChange: (effect: EffectConfig) => void }) => {
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
