/**
 * Labelled inputs of PMO Hub's forms: label, input, hint, and the message under it. Each works two
 * ways. Inside Strapi's `Form` (the one form style, components/form.ts) it reads and writes the
 * form's field `name` and shows the message the contract or the server gave that field. Given
 * `value` and `onChange`, it is a plain controlled input, for pages that keep their own state.
 */
import * as React from 'react';

import { DatePicker, Field, SingleSelect, SingleSelectOption, Textarea, TextInput } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';

export type FieldProps<T> = {
  name: string;
  label: string;
  /** Shown after the label, e.g. a lock for confidential notes. */
  labelAction?: React.ReactNode;
  hint?: string;
  /** The message under the field; inside a `Form`, the form's own message for the field. */
  error?: string;
  required?: boolean;
  disabled?: boolean;
  /** Controlled use; inside a `Form`, leave out and the form's field `name` is used. */
  value?: T;
  onChange?: (value: T) => void;
};

/** Every message under a form error, however nested (`reviewers.1`, `conditions.0.owner`), in one line. */
export function messageOf(error: unknown): string | undefined {
  if (typeof error === 'string') return error || undefined;
  if (!error || typeof error !== 'object') return undefined;
  const messages = Object.values(error).map(messageOf).filter(Boolean);
  return messages.length ? messages.join(' ') : undefined;
}

/** The value, setter and message of a field: the caller's when it controls them, else the form's. */
export function useFormField<T>(props: FieldProps<T>, empty: T) {
  const field = useField(props.name);
  return {
    value: props.value ?? (field.value as T | undefined | null) ?? empty,
    onChange: props.onChange ?? ((value: T) => field.onChange(props.name, value)),
    error: props.error ?? field.error ?? messageOf(field.rawError),
  };
}

type TextProps = FieldProps<string>;

const Frame = ({ name, label, labelAction, hint, error, required, children }: Omit<TextProps, 'value' | 'onChange'> & { children: React.ReactNode }) => (
  <Field.Root name={name} error={error} hint={hint} required={required}>
    <Field.Label action={labelAction}>{label}</Field.Label>
    {children}
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);

/** `YYYY-MM-DD` as the local midnight the date picker works in (and back). */
export const dateOfDay = (day: string): Date | undefined => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : undefined;
};
export const dayOfDate = (date: Date | undefined): string =>
  date ? `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}` : '';

/**
 * A calendar date, kept as `YYYY-MM-DD` like the server writes it: PMO Hub's one date field. The
 * design system's date picker in British order (typed as 02/12/2026, or picked on the calendar),
 * whatever language the browser runs in, so no one reads 12/02 as the 2nd of December's opposite.
 */
export const DateField = (props: TextProps) => {
  const { value, onChange, error } = useFormField(props, '');
  return (
    <Frame {...props} error={error}>
      <DatePicker
        locale="en-GB"
        aria-invalid={error ? true : undefined}
        value={dateOfDay(value)}
        disabled={props.disabled}
        onChange={(date: Date | undefined) => onChange(dayOfDate(date))}
        onClear={props.required ? undefined : () => onChange('')}
        clearLabel={`Clear ${props.label.toLowerCase()}`}
      />
    </Frame>
  );
};

export const TextField = (props: TextProps) => {
  const { value, onChange, error } = useFormField(props, '');
  return (
    <Frame {...props} error={error}>
      <TextInput value={value} disabled={props.disabled} onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)} />
    </Frame>
  );
};

export const TextareaField = (props: TextProps) => {
  const { value, onChange, error } = useFormField(props, '');
  return (
    <Frame {...props} error={error}>
      <Textarea value={value} disabled={props.disabled} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)} />
    </Frame>
  );
};

/** One of a few choices, kept as text (a gate "3", a category). */
export const SelectField = (props: TextProps & { options: Array<{ value: string; label: string }>; placeholder?: string }) => {
  const { value, onChange, error } = useFormField(props, '');
  return (
    <Frame {...props} error={error}>
      <SingleSelect value={value} disabled={props.disabled} placeholder={props.placeholder} onChange={(next: string | number) => onChange(String(next))}>
        {props.options.map((option) => (
          <SingleSelectOption key={option.value} value={option.value}>
            {option.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Frame>
  );
};
