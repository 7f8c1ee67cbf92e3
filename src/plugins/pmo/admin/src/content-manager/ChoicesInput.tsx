/**
 * The edit view's pickers for a standard's `appliesToStates` and `requiredDocumentTypes`: JSON
 * fields (a list of keys, as the governance gates read them) chosen by name from the project
 * lifecycle's states and the document types, instead of Strapi's JSON code editor. A stored key
 * that is no longer on offer stays listed, so saving never drops it silently.
 */
import * as React from 'react';

import { Field, MultiSelect, MultiSelectOption } from '@strapi/design-system';
import { useField, type InputProps } from '@strapi/strapi/admin';

import { useContentTypes, useWorkflows } from '../api/client';
import { DOCUMENT_UID, PROJECT_UID } from '../../../shared/contracts/uids';
import { valueLabel } from './vocabulary';

type Choice = { value: string; label: string };
type ChoicesInputProps = InputProps & { labelAction?: React.ReactNode };

/** The stored JSON as a list of keys, whatever it holds (as governance reads it). */
export function keysOf(value: unknown): string[] {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return value ? [value] : [];
    }
  }
  if (Array.isArray(parsed)) return parsed.filter((key): key is string => typeof key === 'string');
  return typeof parsed === 'string' && parsed ? [parsed] : [];
}

const ChoicesInput = ({
  choices,
  loading,
  hint,
  disabled = false,
  labelAction,
  label,
  name,
  required = false,
  placeholder,
}: ChoicesInputProps & { choices: Choice[]; loading: boolean }) => {
  const { onChange, value, error } = useField(name);
  const selected = keysOf(value);
  const offered = [
    ...choices,
    ...selected
      .filter((key) => !choices.some((c) => c.value === key))
      .map((key) => ({ value: key, label: valueLabel(key) })),
  ];
  return (
    <Field.Root name={name} id={name} error={error} hint={hint} required={required}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      <MultiSelect
        value={selected}
        onChange={(keys: string[]) => onChange(name, keys)}
        onClear={() => onChange(name, [])}
        clearLabel={`Clear ${label}`}
        placeholder={placeholder || 'Choose…'}
        disabled={disabled}
        loading={loading}
        // Names in the field, joined in words. (The design system's tags take their text from
        // the options list, which is not mounted while the list is closed: unnamed buttons.)
        customizeContent={(keys: string[]) => keys.map((key) => offered.find((c) => c.value === key)?.label ?? valueLabel(key)).join(', ')}
      >
        {offered.map((choice) => (
          <MultiSelectOption key={choice.value} value={choice.value}>
            {choice.label}
          </MultiSelectOption>
        ))}
      </MultiSelect>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

/** The project lifecycle's states, by name, in the workflow's order. */
export const LifecycleStatesInput = React.forwardRef<HTMLDivElement, ChoicesInputProps>(
  (props, _ref) => {
    const { data: workflows, isLoading } = useWorkflows({ staleTime: 60_000 });
    const definition = workflows?.find(
      (workflow) => workflow.definition.appliesTo === PROJECT_UID
    )?.definition;
    const choices = (definition?.states ?? []).map((state) => ({
      value: state.key,
      label: state.name,
    }));
    return <ChoicesInput {...props} choices={choices} loading={isLoading} />;
  }
);

/** The document types a document may have (the document type's enumeration), in words. */
export const DocumentTypesInput = React.forwardRef<HTMLDivElement, ChoicesInputProps>(
  (props, _ref) => {
    const { data, isLoading } = useContentTypes();
    const attribute = data?.contentTypes.find((type) => type.uid === DOCUMENT_UID)?.attributes
      .documentType as { enum?: string[] } | undefined;
    const choices = (attribute?.enum ?? []).map((key) => ({ value: key, label: valueLabel(key) }));
    return <ChoicesInput {...props} choices={choices} loading={isLoading} />;
  }
);
