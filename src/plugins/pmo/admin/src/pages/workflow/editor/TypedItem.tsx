/**
 * What every guard and effect form has: its type, chosen from the catalogue, and for a type this
 * editor has no form for, its options as JSON.
 */
import * as React from 'react';

import { Field, Flex, Textarea } from '@strapi/design-system';

import type { EffectConfig, GuardConfig } from '../../../../../shared/contracts/workflow';
import { SelectField, useEditor, type Choice } from './fields';
import { fieldId } from './problems';

export type Item = GuardConfig | EffectConfig;

/**
 * A guard or effect: its type, chosen from the catalogue (choosing another starts from that
 * type's defaults), then the type's form, or its options as JSON for a type without one.
 */
export const TypedItem = <T extends Item>({
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
