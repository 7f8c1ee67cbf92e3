/** Labelled inputs of the PMO Hub forms (mentoring, governance): label, input, hint, and the server's message under it. */
import * as React from 'react';

import { Field, Textarea, TextInput } from '@strapi/design-system';

type FrameProps = {
  name: string;
  label: string;
  /** Shown after the label, e.g. a lock for confidential notes. */
  labelAction?: React.ReactNode;
  hint?: string;
  error?: string;
  required?: boolean;
  value: string;
  onChange: (value: string) => void;
};

/** A calendar date, kept as `YYYY-MM-DD` like the server writes it. */
export const DateField = ({ name, label, labelAction, hint, error, required, value, onChange }: FrameProps) => (
  <Field.Root name={name} error={error} hint={hint} required={required}>
    <Field.Label action={labelAction}>{label}</Field.Label>
    <TextInput type="date" value={value} onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)} />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);

export const TextareaField = ({ name, label, labelAction, hint, error, required, value, onChange }: FrameProps) => (
  <Field.Root name={name} error={error} hint={hint} required={required}>
    <Field.Label action={labelAction}>{label}</Field.Label>
    <Textarea value={value} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)} />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);
