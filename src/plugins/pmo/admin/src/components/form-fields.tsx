/**
 * The labelled inputs of components/fields.tsx bound to Strapi's `Form` by name (`useField`): the
 * value is the form's, and the message under the field is the form's error at that name, whether
 * the contract found it before sending (contractValidate) or the server after (formErrors).
 */
import * as React from 'react';

import { useField } from '@strapi/strapi/admin';

import { DateField, TextareaField } from './fields';

type BoundProps = Omit<React.ComponentProps<typeof DateField>, 'value' | 'onChange' | 'error'>;

/** Every message at a name and under it (`focusCompetencies.1`), one sentence after another. */
export function messagesUnder(error: unknown): string | undefined {
  if (typeof error === 'string') return error;
  if (!error || typeof error !== 'object') return undefined;
  const found = Object.values(error).map(messagesUnder).filter((message): message is string => Boolean(message));
  return found.length ? found.join(' ') : undefined;
}

function useBound(name: string) {
  const field = useField<string | null>(name);
  return {
    value: field.value ?? '',
    error: field.error,
    onChange: (value: string) => field.onChange(name, value),
  };
}

/** A calendar date, kept as `YYYY-MM-DD` like the server writes it ('' while empty). */
export const FormDateField = (props: BoundProps) => <DateField {...props} {...useBound(props.name)} />;

export const FormTextareaField = (props: BoundProps) => <TextareaField {...props} {...useBound(props.name)} />;
