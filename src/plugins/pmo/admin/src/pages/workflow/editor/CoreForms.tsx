/**
 * The engine's own guard and effect types (server/src/workflow/guards, effects): field, noOpen,
 * children; set, notify. Registered in the editor's form registry (components/workflowForms)
 * beside the capabilities' types, by the same keys as on the server.
 */
import * as React from 'react';

import { Grid } from '@strapi/design-system';

import {
  fieldWords,
  orList,
  registerEffectForm,
  registerGuardForm,
  roleName,
  statesOf,
  type Config,
  type FormContext,
  type FormProps,
} from '../../../components/workflowForms';
import { MultiSelectField, ParsedTextField, SelectField, Suggestions, TextField, useEditor } from './fields';
import { FIELD_OPS, formatList, formatScalar, parseList, parseScalar } from './model';
import { fieldId } from './problems';
import { fieldPaths, findType, recipientPaths, relations, relationsTo, settableFields } from './schema';

/* ---- guards --------------------------------------------------------------------------------- */

/** "What the user should do", shown when a guard fails; the guard's own words when empty. */
const MessageField = ({ anchor, config, set }: { anchor: string; config: Config; set: (change: Record<string, unknown>) => void }) => {
  const { t } = useEditor();
  return (
    <TextField
      anchor={`${anchor}.message`}
      label={t('workflow.editor.guardMessage', 'Message when it fails')}
      value={formatScalar(config.message)}
      onChange={(value) => set({ message: value || undefined })}
      hint={t('workflow.editor.guardMessageHint', 'What the user should do; the guard’s own words are used when empty.')}
    />
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

const FieldGuardForm = ({ anchor, config, onChange }: FormProps) => {
  const { definition, contentTypes, components, t } = useEditor();
  const target = findType(contentTypes, definition.appliesTo);
  const set = (change: Record<string, unknown>) => onChange({ ...config, ...change });
  const listId = `${fieldId(anchor)}-suggestions`;
  const op = String(config.op ?? 'exists');
  return (
    <Grid.Root gap={3}>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <TextField
          anchor={`${anchor}.path`}
          label={t('workflow.editor.fieldPath', 'Field')}
          value={formatScalar(config.path)}
          onChange={(path) => set({ path })}
          placeholder="impact.cost"
          list={listId}
          hint={t('workflow.editor.fieldPathHint', 'A field of the item; a dot reaches into a component or a related item.')}
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
              value:
                next === 'exists'
                  ? undefined
                  : next === 'in'
                    ? parseList(formatList(config.value))
                    : Array.isArray(config.value)
                      ? config.value[0]
                      : config.value,
            })
          }
        />
      </Grid.Item>
      {op === 'exists' ? null : (
        <Grid.Item col={12} direction="column" alignItems="stretch">
          {op === 'in' ? (
            <ParsedTextField
              anchor={`${anchor}.value`}
              label={t('workflow.editor.fieldValues', 'Values')}
              value={config.value}
              parse={(text) => parseList(text).map(parseScalar)}
              format={formatList}
              onChange={(value) => set({ value })}
              hint={t('workflow.editor.commaList', 'Separated by commas.')}
            />
          ) : (
            <ParsedTextField
              anchor={`${anchor}.value`}
              label={t('workflow.editor.fieldValue', 'Value')}
              value={config.value}
              parse={parseScalar}
              format={formatScalar}
              onChange={(value) => set({ value })}
              hint={t('workflow.editor.scalarHint', 'Numbers and true/false are compared as such.')}
            />
          )}
        </Grid.Item>
      )}
      <Grid.Item col={12} direction="column" alignItems="stretch">
        <MessageField anchor={anchor} config={config} set={set} />
      </Grid.Item>
    </Grid.Root>
  );
};

/** States of the workflow that governs `uid`, chosen by name. */
const StatesField = ({ anchor, label, uid, value, onChange }: { anchor: string; label: string; uid: string; value: unknown; onChange: (states: string[]) => void }) => {
  const context = useFormContext();
  const choices = statesOf(context, uid);
  const current = Array.isArray(value) ? (value as string[]) : [];
  if (choices.length === 0) {
    return (
      <ParsedTextField
        anchor={anchor}
        label={label}
        value={current}
        parse={parseList}
        format={formatList}
        onChange={onChange}
        hint={context.t('workflow.editor.stateKeysHint', 'No workflow governs these items yet: type state keys, separated by commas.')}
      />
    );
  }
  return <MultiSelectField anchor={anchor} label={label} value={current} choices={choices} onChange={onChange} />;
};

const NoOpenForm = ({ anchor, config, onChange }: FormProps) => {
  const { definition, contentTypes, t } = useEditor();
  const set = (change: Record<string, unknown>) => onChange({ ...config, ...change });
  const uid = formatScalar(config.uid);
  return (
    <Grid.Root gap={3}>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <SelectField
          anchor={`${anchor}.uid`}
          label={t('workflow.editor.noOpenUid', 'Items of type')}
          value={uid}
          choices={contentTypes
            .filter((type) => type.uid.startsWith('api::') || type.uid.startsWith('plugin::pmo.'))
            .map((type) => ({ value: type.uid, label: type.info.displayName }))}
          onChange={(next) => set({ uid: next, via: relationsTo(findType(contentTypes, next), definition.appliesTo)[0] ?? '', states: [] })}
        />
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <SelectField
          anchor={`${anchor}.via`}
          label={t('workflow.editor.noOpenVia', 'Pointing here through')}
          value={formatScalar(config.via)}
          choices={relationsTo(findType(contentTypes, uid), definition.appliesTo).map((field) => ({ value: field, label: fieldWords(field) }))}
          onChange={(via) => set({ via })}
          hint={t('workflow.editor.noOpenViaHint', 'Their relation to this item.')}
        />
      </Grid.Item>
      <Grid.Item col={12} direction="column" alignItems="stretch">
        <StatesField anchor={`${anchor}.states`} uid={uid} value={config.states} onChange={(states) => set({ states })} label={t('workflow.editor.noOpenStates', 'Open means in states')} />
      </Grid.Item>
      <Grid.Item col={12} direction="column" alignItems="stretch">
        <MessageField anchor={anchor} config={config} set={set} />
      </Grid.Item>
    </Grid.Root>
  );
};

const ChildrenForm = ({ anchor, config, onChange }: FormProps) => {
  const { definition, contentTypes, t } = useEditor();
  const target = findType(contentTypes, definition.appliesTo);
  const set = (change: Record<string, unknown>) => onChange({ ...config, ...change });
  const relation = formatScalar(config.relation);
  const related = (target?.attributes?.[relation] as { target?: string } | undefined)?.target ?? '';
  return (
    <Grid.Root gap={3}>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <SelectField
          anchor={`${anchor}.relation`}
          label={t('workflow.editor.childrenRelation', 'Related items')}
          value={relation}
          choices={relations(target).map((field) => ({ value: field, label: fieldWords(field) }))}
          onChange={(next) => set({ relation: next, states: [] })}
          hint={t('workflow.editor.childrenRelationHint', 'A relation of this item.')}
        />
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <StatesField anchor={`${anchor}.states`} uid={related} value={config.states} onChange={(states) => set({ states })} label={t('workflow.editor.childrenStates', 'Must all be in states')} />
      </Grid.Item>
      <Grid.Item col={12} direction="column" alignItems="stretch">
        <MessageField anchor={anchor} config={config} set={set} />
      </Grid.Item>
    </Grid.Root>
  );
};

/* ---- effects -------------------------------------------------------------------------------- */

const SetForm = ({ anchor, config, onChange }: FormProps) => {
  const { definition, contentTypes, t } = useEditor();
  const target = findType(contentTypes, definition.appliesTo);
  const set = (change: Record<string, unknown>) => onChange({ ...config, ...change });
  return (
    <Grid.Root gap={3}>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <SelectField
          anchor={`${anchor}.field`}
          label={t('workflow.editor.setField', 'Field')}
          value={formatScalar(config.field)}
          choices={settableFields(target).map((field) => ({ value: field, label: fieldWords(field) }))}
          onChange={(field) => set({ field })}
        />
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <ParsedTextField
          anchor={`${anchor}.value`}
          label={t('workflow.editor.setValue', 'Value')}
          value={config.value}
          parse={parseScalar}
          format={formatScalar}
          onChange={(value) => set({ value })}
          hint={t('workflow.editor.setValueHint', '"now" for the date and time of the transition; numbers and true/false are stored as such.')}
        />
      </Grid.Item>
    </Grid.Root>
  );
};

/** Recipients as the server stores them (`field:sponsor`, `role:pmo-director`, `email:a@b.c`), chosen by kind. */
const recipients = (to: unknown, kind: string) =>
  (Array.isArray(to) ? (to as unknown[]) : []).filter((r): r is string => typeof r === 'string' && r.startsWith(`${kind}:`)).map((r) => r.slice(kind.length + 1));

const NotifyForm = ({ anchor, config, onChange }: FormProps) => {
  const { definition, contentTypes, roles, t } = useEditor();
  const set = (change: Record<string, unknown>) => onChange({ ...config, ...change });
  const people = recipients(config.to, 'field');
  const inRoles = recipients(config.to, 'role');
  const emails = recipients(config.to, 'email');
  const setTo = (next: { field?: string[]; role?: string[]; email?: string[] }) =>
    set({
      to: [
        ...(next.field ?? people).map((v) => `field:${v}`),
        ...(next.role ?? inRoles).map((v) => `role:${v}`),
        ...(next.email ?? emails).map((v) => `email:${v}`),
      ],
    });
  // The item's people and those of its related items (`project.programme.manager`), by name.
  const personFields = recipientPaths(findType(contentTypes, definition.appliesTo), contentTypes);
  return (
    <Grid.Root gap={3} id={fieldId(`${anchor}.to`)}>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <MultiSelectField
          anchor={`${anchor}.to`}
          label={t('workflow.editor.notifyPeople', 'People of the item')}
          hint={t('workflow.editor.notifyPeopleHint', 'Its own people, and those of related items: "Project’s programme’s manager".')}
          value={people}
          choices={personFields.map((field) => ({ value: field, label: fieldWords(field) }))}
          onChange={(field) => setTo({ field })}
        />
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <MultiSelectField
          anchor={`${anchor}.toRoles`}
          label={t('workflow.editor.notifyRoles', 'Everyone in the roles')}
          value={inRoles}
          choices={roles.map((role) => ({ value: role.code, label: role.name }))}
          onChange={(role) => setTo({ role })}
        />
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <ParsedTextField
          anchor={`${anchor}.toEmails`}
          label={t('workflow.editor.notifyEmails', 'Email addresses')}
          value={emails}
          parse={parseList}
          format={formatList}
          onChange={(email) => setTo({ email })}
          hint={t('workflow.editor.commaList', 'Separated by commas.')}
        />
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <TextField
          anchor={`${anchor}.template`}
          label={t('workflow.editor.notifyTemplate', 'Email template')}
          value={formatScalar(config.template)}
          onChange={(template) => set({ template })}
          placeholder="change-authorised"
          hint={t('workflow.editor.notifyTemplateHint', 'The name of the email template in the outbox.')}
        />
      </Grid.Item>
    </Grid.Root>
  );
};

/* ---- registration --------------------------------------------------------------------------- */

/** What a form reads from the editor, as the registry's summaries receive it. */
export const useFormContext = (): FormContext & { t: ReturnType<typeof useEditor>['t'] } => {
  const { definition, contentTypes, components, workflows, roles, t } = useEditor();
  return { definition, contentTypes, components, workflows, roles, t };
};

const OP_SUMMARY = (config: Config) => {
  const path = typeof config.path === 'string' && config.path ? fieldWords(config.path) : 'A field';
  const op = (config.op ?? 'exists') as keyof typeof OP_WORDS;
  if (op === 'exists') return `${path} is filled in`;
  return `${path} ${OP_WORDS[op] ?? op} ${formatList(config.value)}`;
};

const stateNames = (context: FormContext, uid: string, states: unknown) => {
  const names = statesOf(context, uid);
  const keys = Array.isArray(states) ? (states as string[]) : [];
  return orList(keys.map((key) => names.find((choice) => choice.value === key)?.label ?? key));
};

const typeName = (context: FormContext, uid: unknown) =>
  context.contentTypes.find((type) => type.uid === uid)?.info.displayName ?? 'items';

let registered = false;

/** Registers the engine's own forms once (the editor calls it as it loads). */
export function registerCoreWorkflowForms() {
  if (registered) return;
  registered = true;
  registerGuardForm({
    type: 'field',
    label: 'A field has a value',
    description: 'A field of the item is filled in, equals, differs from, is below or above, or is one of given values.',
    summary: OP_SUMMARY,
    defaults: () => ({ path: '', op: 'exists' }),
    Form: FieldGuardForm,
  });
  registerGuardForm({
    type: 'noOpen',
    label: 'No open related items',
    description: 'No items of a type that point to this one are still open, e.g. no open change requests.',
    summary: (config, context) =>
      `No ${typeName(context, config.uid).toLowerCase()} of this item in ${stateNames(context, String(config.uid ?? ''), config.states) || 'the open states'}`,
    defaults: () => ({ uid: '', via: '', states: [] }),
    Form: NoOpenForm,
  });
  registerGuardForm({
    type: 'children',
    label: 'Related items in given states',
    description: 'Every item of a relation of this one is in one of the states chosen.',
    summary: (config) => `Every one of its ${fieldWords(String(config.relation || 'related items')).toLowerCase()} is in the states chosen`,
    defaults: () => ({ relation: '', states: [] }),
    Form: ChildrenForm,
  });
  registerEffectForm({
    type: 'set',
    label: 'Set a field',
    description: 'Sets a field of the item to a value, or to the moment of the transition.',
    summary: (config) =>
      `Set ${typeof config.field === 'string' && config.field ? fieldWords(config.field).toLowerCase() : 'a field'} to ${config.value === 'now' ? 'now' : formatScalar(config.value)}`,
    defaults: () => ({ field: '', value: 'now' }),
    Form: SetForm,
  });
  registerEffectForm({
    type: 'notify',
    label: 'Send an email',
    description: 'Emails people of the item, everyone in a role, or addresses, through the outbox.',
    summary: (config, context) => {
      const who = [
        ...recipients(config.to, 'field').map((field) => `the ${fieldWords(field).toLowerCase()}`),
        ...recipients(config.to, 'role').map((code) => `every ${roleName(context, code)}`),
        ...recipients(config.to, 'email'),
      ];
      return who.length ? `Email ${orList(who).replace(/ or ([^,]*)$/, ' and $1')}` : 'Email (choose recipients)';
    },
    defaults: () => ({ to: [], template: '' }),
    Form: NotifyForm,
  });
}
